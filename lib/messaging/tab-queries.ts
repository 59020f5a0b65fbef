import type { BoardHost } from '../db/entities';

/**
 * Questions our pages ask the content script of a board tab (tabs.sendMessage). Kept apart from
 * protocol.ts so content scripts load no validation library.
 */
export const BOARD_HEALTH_QUERY = 'board.health';
/** The board's binding or links changed elsewhere (the workspace): read them again. */
export const BOARD_REFRESH_QUERY = 'board.refresh';
/** The plain-text layout report of the board in the tab (see lib/boards/layout-report.ts). */
export const LAYOUT_REPORT_QUERY = 'board.layout-report';

/** Whether the board in a tab is readable: the side panel's "layout not recognised" state. */
export interface BoardHealth {
  host: BoardHost;
  boardId: string;
  boardName: string;
  /** "loading" until the board renders or the wait for it ends; then what we found. */
  state: 'loading' | 'ready' | 'unrecognised';
  columns: number;
  cards: number;
}
