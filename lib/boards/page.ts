import type { BoardHost } from '../db/entities';

/** A board page as read from its URL: which host, and the host's stable id for the board. */
export interface BoardPage {
  host: BoardHost;
  boardId: string;
}

export interface HostPages {
  host: BoardHost;
  /** Human name for messages: "This Trello board layout is not recognised". */
  label: string;
  /** The board shown at this URL, or null when the page is not a board. */
  boardPage(url: URL): BoardPage | null;
  /** True when this host serves the URL at all (its content script may run there). */
  servesUrl(url: URL): boolean;
  /** A URL that shows a card over the board already open, without naming the board (Trello's /c/). */
  overlaysBoard?(url: URL): boolean;
}
