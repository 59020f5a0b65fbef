import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { apiOrigins, tokenGuide, trelloAuthoriseUrl } from '../lib/connections/guide';
import { hostNames } from '../lib/connections/outcome';
import { connectionSummary } from '../lib/connections/store';
import type { MilestoneDatabase } from '../lib/db/database';
import type { BoardHost } from '../lib/db/entities';
import { request } from '../lib/messaging/client';
import { releaseHostAccess, requestHostAccess } from '../lib/platform/permissions';

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
      <h3 id="board-connection">{name} connection</h3>
      {connected ? (
        <div>
          <p class={connected.state === 'ok' ? 'muted' : 'warn-text'} role="status">{connected.line}</p>
          <p class="muted">Token {connected.maskedToken}. Invoices are issued only when {name} confirms the card is in Done.</p>
          {connected.disagreements.length > 0 && (
            <ul aria-label="Cards not invoiced">{connected.disagreements.map((entry) => <li key={entry.cardId} class="warn-text">{entry.text}</li>)}</ul>
          )}
          <button onClick={() => setEditing(true)}>Reconnect</button> <button onClick={() => void remove()}>Remove connection</button>
        </div>
      ) : (
        <p class="muted">
          Not connected. Connecting lets {name} confirm each Done before an invoice is issued, and catches cards moved to Done while no tab is
          open. Off by default; the only traffic is to {apiOrigins[host].slice('https://'.length)}, from the extension's background.
        </p>
      )}
      {editing && <ConnectForm host={host} boardId={boardId} onDone={() => void refresh().then(() => setEditing(false))} onProblem={setProblem} />}
      {!connected && !editing && (
        <details>
          <summary>Connect {name}…</summary>
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
    if (!granted) return onProblem(`Not connected: access to ${apiOrigins[host].slice('https://'.length)} was not allowed.`);
    setBusy(true);
    const reply = await request('connection.connect', { host, boardId, token, ...(host === 'trello' ? { key } : {}) });
    setBusy(false);
    if (!reply.ok) return onProblem(reply.error);
    onProblem(null);
    setToken('');
    onDone();
  };
  return (
    <form onSubmit={(event) => void connect(event)} aria-label={`Connect ${name}`}>
      {tokenGuide[host].map((line) => <p class="muted" key={line}>{line}</p>)}
      {host === 'trello' && (
        <label>
          API key <input value={key} autocomplete="off" onInput={(event) => setKey(event.currentTarget.value)} />
        </label>
      )}
      {host === 'trello' && key.trim() && (
        <p><a href={trelloAuthoriseUrl(key.trim())} target="_blank" rel="noreferrer">Authorise Milestone Invoicer on Trello (read-only)</a></p>
      )}
      <label>
        Token <input type="password" value={token} autocomplete="off" onInput={(event) => setToken(event.currentTarget.value)} />
      </label>
      <button class="primary" type="submit" disabled={busy}>{busy ? 'Testing the token…' : `Connect ${name}`}</button>
    </form>
  );
}
