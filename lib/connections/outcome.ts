import type { BoardHost } from '../db/entities';

/** What asking a board's API came to. Every failure keeps a plain-language message for the user. */
export type ApiOutcome<T> =
  | { state: 'ok'; value: T }
  /** 401: the token was revoked or expired; only the user can fix it by reconnecting. */
  | { state: 'token-expired'; message: string }
  /** 429 or an exhausted budget: ask again after `retryAt` (epoch ms). */
  | { state: 'rate-limited'; message: string; retryAt: number }
  /** 5xx, a dropped connection, an answer we cannot read, or a card the API does not know. */
  | { state: 'unavailable'; message: string; status?: number };

export type ApiFailure = Exclude<ApiOutcome<never>, { state: 'ok' }>;
export type ConnectionState = ApiOutcome<unknown>['state'];

/** Where the API says a card is now: its column (list, Status option) and, on Trello, its completion mark. */
export interface ApiCard {
  column: string;
  complete?: boolean;
}

/** The cards asked about, by our card id; a card the API no longer shows is missing. */
export type ApiColumns = Map<string, ApiCard>;

/** What we ask of each board's API: the token works, and where these cards are now. */
export interface BoardApi {
  host: BoardHost;
  /** One cheap request that proves the token is accepted (on GitHub: that it can read this board's project). */
  verify(boardId: string): Promise<ApiOutcome<true>>;
  cardColumns(boardId: string, cardIds: string[]): Promise<ApiOutcome<ApiColumns>>;
}

export const hostNames: Record<BoardHost, string> = { trello: 'Trello', github: 'GitHub', notion: 'Notion' };
