import type { BoardHost } from '../db/entities';

/**
 * Questions our pages ask the content script of a board tab (tabs.sendMessage). Kept apart from
 * protocol.ts so content scripts load no validation library.
 */
export const BOARD_HEALTH_QUERY = 'board.health';

/** Whether the board in a tab is readable: the side panel's "layout not recognised" state. */
export interface BoardHealth {
  host: BoardHost;
  boardId: string;
  boardName: string;
  recognised: boolean;
  columns: number;
  cards: number;
}
