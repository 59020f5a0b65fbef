import type { MilestoneDatabase } from '../db/database';
import type { BoardHost } from '../db/entities';
import { parseOrThrow } from '../db/errors';
import { connectionSchema, type Connection, type Disagreement } from './entity';
import { hostNames, type ApiFailure, type ApiOutcome } from './outcome';
import { t } from '../ui/i18n';

export const connectionKey = (host: BoardHost, boardId: string) => `${host}:${boardId}`;

/** What a page may know of a connection: its state in words, never its token. */
export interface ConnectionSummary {
  host: BoardHost;
  state: Connection['state'];
  /** "Trello connection: token expired — reconnect" */
  line: string;
  /** The token's last four characters, so the user can tell which one is in use. */
  maskedToken: string;
  checkedAt?: number;
  /** One line per card the API placed elsewhere than the page's Done. */
  disagreements: { cardId: string; text: string }[];
}

export const maskToken = (token: string) => `••••${token.slice(-4)}`;

/** The browser's local time of day, as the user reads a clock. */
const time = (at: number) => new Date(at).toTimeString().slice(0, 5);

export function stateLine({ host, state, message, checkedAt, retryAt }: Connection): string {
  const name = hostNames[host];
  switch (state) {
    case 'ok':
      return checkedAt ? t('connectionWorkingChecked', name, time(checkedAt)) : t('connectionWorking', name);
    case 'token-expired':
      return t('connectionTokenExpired', name);
    case 'rate-limited':
      return t('connectionRateLimited', name, time(retryAt ?? checkedAt ?? 0));
    case 'unavailable':
      return t('connectionUnavailable', name, message ?? t('apiNoAnswer', name));
  }
}

export const disagreementText = (host: BoardHost, { apiColumn }: Disagreement) =>
  apiColumn === null
    ? t('cardNotShown', hostNames[host])
    : t('cardElsewhere', hostNames[host], apiColumn);

export function summarise(connection: Connection): ConnectionSummary {
  return {
    host: connection.host,
    state: connection.state,
    line: stateLine(connection),
    maskedToken: maskToken(connection.credentials.token),
    checkedAt: connection.checkedAt,
    disagreements: connection.disagreements.map((entry) => ({ cardId: entry.cardId, text: disagreementText(connection.host, entry) })),
  };
}

export async function connectionSummary(db: MilestoneDatabase, host: BoardHost, boardId: string): Promise<ConnectionSummary | null> {
  const connection = await db.connections.get(connectionKey(host, boardId));
  return connection ? summarise(connection) : null;
}

/** Stores a connection whose token the API just accepted; replaces the board's earlier one. */
export async function saveConnection(
  db: MilestoneDatabase,
  input: { host: BoardHost; boardId: string; credentials: Connection['credentials'] },
  now: number,
): Promise<Connection> {
  const connection = parseOrThrow(
    connectionSchema,
    { ...input, id: connectionKey(input.host, input.boardId), state: 'ok', connectedAt: now, checkedAt: now, disagreements: [] },
  );
  await db.connections.put(connection);
  return connection;
}

export async function removeConnection(db: MilestoneDatabase, host: BoardHost, boardId: string): Promise<void> {
  await db.connections.delete(connectionKey(host, boardId));
}

/** Records how the last request went: the state the panel and the workspace show. */
export async function recordOutcome(db: MilestoneDatabase, id: string, outcome: ApiOutcome<unknown>, now: number): Promise<void> {
  const failure = outcome.state === 'ok' ? null : (outcome as ApiFailure);
  await db.connections.update(id, {
    state: outcome.state,
    checkedAt: now,
    message: failure?.message,
    retryAt: failure?.state === 'rate-limited' ? failure.retryAt : undefined,
  });
}

/** The page's Done and the API's column differ for this card: kept until one of them changes. */
export async function recordDisagreement(db: MilestoneDatabase, id: string, entry: Disagreement): Promise<void> {
  await db.transaction('rw', db.connections, async () => {
    const connection = await db.connections.get(id);
    if (!connection) return;
    const others = connection.disagreements.filter((known) => known.cardId !== entry.cardId);
    await db.connections.update(id, { disagreements: [...others, entry].slice(-200) });
  });
}

export async function clearDisagreement(db: MilestoneDatabase, id: string, cardId: string): Promise<void> {
  await db.transaction('rw', db.connections, async () => {
    const connection = await db.connections.get(id);
    if (!connection?.disagreements.some((known) => known.cardId === cardId)) return;
    await db.connections.update(id, { disagreements: connection.disagreements.filter((known) => known.cardId !== cardId) });
  });
}
