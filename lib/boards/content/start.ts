import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BOARD_HEALTH_QUERY, BOARD_REFRESH_QUERY, LAYOUT_REPORT_QUERY } from '../../messaging/tab-queries';
import { answerQueries } from '../../platform/runtime';
import type { BoardAdapter } from '../adapter';
import { claimTab, ignoreForgedRestarts, onAddressChange } from './lifetime';
import { BoardSession } from './session';

/**
 * Runs a board session while the page shows a board, following SPA navigation. A card opened over
 * the board (Trello's /c/ URLs) keeps the session; another board replaces it. The page cannot end
 * it: only the extension going away does.
 */
export function startBoardIntegration(ctx: ContentScriptContext, adapter: BoardAdapter): void {
  ignoreForgedRestarts(ctx);
  if (!claimTab(ctx)) return;
  let session: BoardSession | null = null;
  const follow = (url: URL) => {
    try {
      const page = adapter.pages.boardPage(url);
      if (session && (page?.boardId === session.boardId || (!page && adapter.pages.overlaysBoard?.(url)))) {
        return session.refreshOpenCard();
      }
      session?.stop();
      session = page ? new BoardSession(ctx, adapter, page) : null;
    } catch (error) {
      // One adapter failing must not break the board page.
      console.error(`[milestone-invoicer] ${adapter.host} integration failed`, error);
    }
  };
  follow(new URL(location.href));
  onAddressChange(ctx, follow);
  ctx.onInvalidated(() => session?.stop());
  answerQueries(BOARD_HEALTH_QUERY, () => session?.health() ?? null, ctx.signal);
  answerQueries(LAYOUT_REPORT_QUERY, () => session?.layoutReport() ?? null, ctx.signal);
  answerQueries(BOARD_REFRESH_QUERY, () => void session?.reload(), ctx.signal);
}
