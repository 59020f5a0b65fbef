import { readBoard, type BoardAdapter } from './adapter';
import type { Alternative } from './selectors';

/** How many elements one selector alternative matches on the page. */
export interface AnchorCount {
  role: string;
  generation: string;
  css: string;
  matches: number;
}

/** Every alternative of every role, counted on the page: a redesign shows up as a zero. */
export function anchorCounts(selectors: Readonly<Record<string, readonly Alternative[]>>, doc: Document): AnchorCount[] {
  return Object.entries(selectors).flatMap(([role, alternatives]) =>
    alternatives.map(({ css, generation }) => ({ role, generation, css, matches: doc.querySelectorAll(css).length })),
  );
}

/** What kind of page this is for the host, from its address and what it shows. */
export function pageKind(adapter: BoardAdapter, doc: Document): string {
  const url = new URL(doc.location.href);
  const onBoard = adapter.pages.boardPage(url) !== null || adapter.pages.overlaysBoard?.(url) === true;
  if (!onBoard) return 'not a board page';
  return adapter.openCard(doc) ? 'board, with a card open' : 'board';
}

/**
 * A plain-text report of how our anchors match this page, for the user to send us when a site
 * changed. Counts and our own selectors only: no address, board name, column name or card title.
 */
export function layoutReport(adapter: BoardAdapter, doc: Document, extensionVersion: string): string {
  const root = adapter.boardRoot(doc);
  const board = root ? readBoard(adapter, root) : { columns: [], cards: [] };
  return [
    'Milestone Invoicer layout report',
    `Extension version: ${extensionVersion}`,
    `Host: ${adapter.pages.label} (${adapter.host})`,
    `Page kind: ${pageKind(adapter, doc)}`,
    `Board root: ${root ? 'found' : 'not found'}; columns read: ${board.columns.length}; cards read: ${board.cards.length}`,
    'Anchors (role · UI generation · matches · selector):',
    ...anchorCounts(adapter.selectors, doc).map(({ role, generation, matches, css }) => `  ${role} · ${generation} · ${matches} · ${css}`),
  ].join('\n');
}
