import type { BoardState } from '../../db/boards';
import type { MessageType, Payload, Reply } from '../../messaging/protocol';
import type { BoardAdapter } from '../adapter';
import type { LinkedMilestone } from './badges';

/** What the in-board UI pieces read from the session of their board, and how they ask the background. */
export interface BoardContext {
  readonly adapter: BoardAdapter;
  readonly boardId: string;
  state(): BoardState | null;
  /** Card id -> its milestone, for this board's linked cards. */
  linked(): ReadonlyMap<string, LinkedMilestone>;
  theme(): 'light' | 'dark';
  send<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>>;
  /** Fetches the board's state again and redraws. */
  reload(): Promise<void>;
}
