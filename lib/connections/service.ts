import { localDate } from '../billing/dates';
import { boardKey } from '../db/boards';
import type { MilestoneDatabase } from '../db/database';
import type { BoardHost } from '../db/entities';
import { InputError, parseOrThrow } from '../db/errors';
import { apiFactory, type HostAccess } from './apis';
import { anythingToCheck, checkConnectedBoards } from './check';
import { holdUnconfirmed, type Hold, type Sighting } from './confirm';
import { connectionSchema, type Connection } from './entity';
import type { ApiFetch, Clock } from './http';
import { hostNames } from './outcome';
import { removeConnection, saveConnection, summarise, type ConnectionSummary } from './store';
import { t } from '../ui/i18n';

/** The repeating alarm of the background check. */
export const BOARD_CHECK_ALARM = 'milestone-invoicer:board-check';
/** Minutes between background checks while something is pending. */
export const BOARD_CHECK_MINUTES = 5;

export interface AlarmControl {
  keep(name: string, periodInMinutes: number): Promise<void>;
  clear(name: string): Promise<void>;
}

export interface ConnectionDeps {
  db: MilestoneDatabase;
  transport: ApiFetch;
  clock: Clock;
  alarms: AlarmControl;
  hasHostAccess: HostAccess;
  afterDelivery: (milestoneId: string) => Promise<void>;
}

export interface ConnectInput {
  host: BoardHost;
  boardId: string;
  token: string;
  key?: string;
}

/** Connected boards as the background runs them: connect, confirm a Done, check in the background. */
export interface Connections {
  connect(input: ConnectInput): Promise<ConnectionSummary>;
  remove(host: BoardHost, boardId: string): Promise<void>;
  holdUnconfirmed(seen: Sighting): Promise<Hold | null>;
  check(): Promise<string[]>;
  /** Keeps the alarm while a connected board has a linked card to deliver, and removes it otherwise. */
  schedule(): Promise<void>;
}

export function createConnections(deps: ConnectionDeps): Connections {
  const api = apiFactory({ transport: deps.transport, clock: deps.clock }, deps.hasHostAccess);
  const apiFor = (connection: Connection) => api(connection.host, connection.credentials);
  const now = () => deps.clock.now();
  const schedule = async () => {
    if (await anythingToCheck(deps.db)) await deps.alarms.keep(BOARD_CHECK_ALARM, BOARD_CHECK_MINUTES);
    else await deps.alarms.clear(BOARD_CHECK_ALARM);
  };

  return {
    async connect({ host, boardId, token, key }) {
      const credentials = parseOrThrow(connectionSchema.shape.credentials, { token, ...(host === 'trello' ? { key: key ?? '' } : {}) });
      if (!(await deps.db.boards.get(boardKey(host, boardId)))) throw new InputError(t('openBoardFirst'));
      const verified = await api(host, credentials).verify(boardId);
      if (verified.state !== 'ok') throw new InputError(t('notConnectedBecause', verified.message));
      const connection = await saveConnection(deps.db, { host, boardId, credentials }, now());
      await schedule();
      return summarise(connection);
    },
    async remove(host, boardId) {
      await removeConnection(deps.db, host, boardId);
      await schedule();
    },
    holdUnconfirmed: (seen) => holdUnconfirmed(deps.db, apiFor, seen, now()),
    async check() {
      const delivered = await checkConnectedBoards({ db: deps.db, apiFor, afterDelivery: deps.afterDelivery, now, today: () => localDate(new Date(now())) });
      await schedule();
      return delivered;
    },
    schedule,
  };
}
