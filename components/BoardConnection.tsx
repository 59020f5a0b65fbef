import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { apiOrigins, tokenGuide, trelloAuthoriseUrl } from '../lib/connections/guide';
import { hostNames } from '../lib/connections/outcome';
import { connectionSummary } from '../lib/connections/store';
import type { MilestoneDatabase } from '../lib/db/database';
import type { BoardHost } from '../lib/db/entities';
import { request } from '../lib/messaging/client';
import { releaseHostAccess, requestHostAccess } from '../lib/platform/permissions';
import { t } from '../lib/ui/i18n';

/** The background updates the state on its own checks: read it again this often, also while the workspace is a background tab. */
const REFRESH_MS = 5_000;

/** "Connect" for a bound board: its API token, its state, remove. Off until the user connects. */
export function BoardConnection({ db, host, boardId }: { db: MilestoneDatabase; host: BoardHost; boardId: string }) {
  const queryKey = ['connections', host, boardId];
  const client = useQueryClient();
  const summary = useQuery({ queryKey, queryFn: () => connectionSummary(db, host, boardId), refetchInterval: REFRESH_MS, refetchIntervalInBackground: true });
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = hostNames[host];
  const refresh = () => client.invalidateQueries({ queryKey });

  const remove = async () => {
    const reply = await request('connection.remove', { host, boardId });
    if (!reply.ok) return setProblem(reply.error);
    if ((await db.connections.where('id').startsWith(`${host}:`).count()) === 0) await releaseHostAccess(apiOrigins[host]);
    setEditing(false);
    await refresh();
  };

  const connected = summary.data;
  return (
    <section aria-labelledby="board-connection">
      <h3 id="board-connection">{t('connectionHeading', name)}</h3>
      {connected ? (
        <div>
          <p class={connected.state === 'ok' ? 'muted' : 'warn-text'} role="status">{connected.line}</p>
          <p class="muted">{t('connectionTokenLine', connected.maskedToken, name)}</p>
          {connected.disagreements.length > 0 && (
            <ul aria-label={t('cardsNotInvoiced')}>{connected.disagreements.map((entry) => <li key={entry.cardId} class="warn-text">{entry.text}</li>)}</ul>
          )}
          <button onClick={() => setEditing(true)}>{t('reconnect')}</button> <button onClick={() => void remove()}>{t('removeConnection')}</button>
        </div>
      ) : (
        <p class="muted">{t('notConnectedExplain', name, apiOrigins[host].slice('https://'.length))}</p>
      )}
      {editing && <ConnectForm host={host} boardId={boardId} onDone={() => void refresh().then(() => setEditing(false))} onProblem={setProblem} />}
      {!connected && !editing && (
        <details>
          <summary>{t('connectHostMore', name)}</summary>
          <ConnectForm host={host} boardId={boardId} onDone={() => void refresh()} onProblem={setProblem} />
        </details>
      )}
      {problem && <p class="error" role="alert">{problem}</p>}
    </section>
  );
}

function ConnectForm({ host, boardId, onDone, onProblem }: { host: BoardHost; boardId: string; onDone: () => void; onProblem: (problem: string | null) => void }) {
  const [key, setKey] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const name = hostNames[host];
  const connect = async (event: Event) => {
    event.preventDefault();
    // First, while the click still counts as the user's gesture: the browser asks for access to the API's host.
    const granted = await requestHostAccess(apiOrigins[host]);
    if (!granted) return onProblem(t('hostAccessRefused', apiOrigins[host].slice('https://'.length)));
    setBusy(true);
    const reply = await request('connection.connect', { host, boardId, token, ...(host === 'trello' ? { key } : {}) });
    setBusy(false);
    if (!reply.ok) return onProblem(reply.error);
    onProblem(null);
    setToken('');
    onDone();
  };
  return (
    <form onSubmit={(event) => void connect(event)} aria-label={t('connectHost', name)}>
      {tokenGuide()[host].map((line) => <p class="muted" key={line}>{line}</p>)}
      {host === 'trello' && (
        <label>
          {t('apiKey')} <input value={key} autocomplete="off" onInput={(event) => setKey(event.currentTarget.value)} />
        </label>
      )}
      {host === 'trello' && key.trim() && (
        <p><a href={trelloAuthoriseUrl(key.trim())} target="_blank" rel="noreferrer">{t('authoriseOnTrello')}</a></p>
      )}
      <label>
        {t('token')} <input type="password" value={token} autocomplete="off" onInput={(event) => setToken(event.currentTarget.value)} />
      </label>
      <button class="primary" type="submit" disabled={busy}>{busy ? t('testingToken') : t('connectHost', name)}</button>
    </form>
  );
}
