import { text, type BoardAdapter } from '../adapter';
import { compile, quoted } from '../selectors';
import { githubPages } from './pages';
import { githubSelectors as s } from './selectors';
import { contentUrl, issueParamUrl, isTableRow, normalisedContentUrl, rowOpener, rowsWithContent, rowStatus, rowTitle, statuses, titleCell } from './table';

const css = compile(s);

/**
 * Table rows show the issue or pull request they hold, not the project item id. An item holds one
 * issue for good and a project holds an issue once, so the links we keep (their issue address and
 * item id) say which row is which. Drafts show no address: a table row of one is never recognised.
 */
const itemsByContent = new Map<string, string>();

/** Drafts link to "#": their stable address is the project page with the item's pane open. */
function itemUrl(doc: Document, itemId: string, link: HTMLAnchorElement | null): string {
  if (link && link.getAttribute('href') !== '#') return link.href;
  const url = new URL(doc.location.href);
  url.search = `?pane=issue&itemId=${itemId}`;
  return url.href;
}

/**
 * The open item's pane and where our control goes in it: beside the pane header of drafts and pull
 * requests or the issue viewer's header, else at the top of the pane's container.
 */
function itemPane(doc: Document): { pane: Element; slot: Element } | null {
  const header = doc.querySelector(css.pane);
  if (header?.parentElement) return { pane: header.closest(css.paneContainer) ?? header.parentElement, slot: header.parentElement };
  const container = doc.querySelector(css.paneContainer);
  return container ? { pane: container, slot: container } : null;
}

/** The address of the open item's issue or pull request; drafts have none and use the pane's address. */
function openItemUrl(doc: Document, pane: Element, itemId: string): string {
  const page = new URL(doc.location.href);
  const content = pane.querySelector<HTMLAnchorElement>(css.paneContent);
  return issueParamUrl(page) ?? (content && normalisedContentUrl(content.href)) ?? itemUrl(doc, itemId, null);
}

/** What the pane last showed, and for which item: GitHub changes the address before the pane. */
const paneShown = new WeakMap<Document, { itemId: string; shows: string }>();

/** True while the pane still shows what it showed for another item: it has not re-rendered yet. */
function paneIsBehind(doc: Document, itemId: string, shows: string): boolean {
  const before = paneShown.get(doc);
  if (before && before.itemId !== itemId && before.shows === shows) return true;
  paneShown.set(doc, { itemId, shows });
  return false;
}

const rowItemId = (row: Element) => {
  const url = contentUrl(row);
  return url ? itemsByContent.get(url) : undefined;
};

export const githubAdapter: BoardAdapter = {
  host: 'github',
  pages: githubPages,
  selectors: s,
  boardRoot: (doc) => doc.querySelector(css.boardRoot),
  boardName: (doc) => text(doc.querySelector(css.boardName)) || doc.title.split('·')[0]!.trim(),
  columnNames(root) {
    const columns = [...root.querySelectorAll(css.column)].map((column) => column.getAttribute('data-board-column') ?? '');
    return columns.length > 0 ? columns : statuses(root);
  },
  cardSelector: `${css.card}, ${css.tableRow}`,
  cardIds: (root) => [
    ...[...root.querySelectorAll(css.card)].map((node) => ({ cardId: node.getAttribute('data-board-card-id')!, node })),
    ...rowsWithContent(root).flatMap(({ row, url }) => {
      const cardId = itemsByContent.get(url);
      return cardId ? [{ cardId, node: row }] : [];
    }),
  ],
  readCard(card, column) {
    if (isTableRow(card)) {
      const url = contentUrl(card);
      const cardId = url && itemsByContent.get(url);
      return url && cardId ? { cardId, title: rowTitle(card), url, column } : null;
    }
    const title = card.querySelector(css.cardTitle);
    const itemId = card.getAttribute('data-board-card-id');
    if (!title || !itemId) return null;
    return { cardId: itemId, title: text(title), url: itemUrl(card.ownerDocument, itemId, title.closest('a')), column };
  },
  cardInstances: (root, cardId) => [
    ...root.querySelectorAll(`[data-board-card-id=${quoted(cardId)}]`),
    ...rowsWithContent(root).flatMap(({ row, url }) => (itemsByContent.get(url) === cardId ? [row] : [])),
  ],
  columnOf: (card) => (isTableRow(card) ? rowStatus(card) : (card.closest(css.column)?.getAttribute('data-board-column') ?? null)),
  // A table row's Status is a cell value: no element stands for the column.
  columnElementOf: (card) => card.closest(css.column),
  badgeSlot: (card) => (isTableRow(card) ? titleCell(card) : card.querySelector(css.cardTitle)?.closest('a')?.parentElement) ?? card,
  openCard(doc) {
    const itemId = new URL(doc.location.href).searchParams.get('itemId');
    const open = itemId ? itemPane(doc) : null;
    if (!itemId || !open) return null;
    const title = text(open.pane.querySelector(css.paneTitle)) || text(open.pane.querySelector('h1, h2'));
    const content = open.pane.querySelector<HTMLAnchorElement>(css.paneContent)?.href ?? '';
    if (paneIsBehind(doc, itemId, `${title}\n${content}`)) return null;
    return { cardId: itemId, title, url: openItemUrl(doc, open.pane, itemId), slot: open.slot };
  },
  cardToOpen(card) {
    const opener = isTableRow(card) && !rowItemId(card) ? rowOpener(card) : null;
    return opener ? { title: rowTitle(card), open: () => opener.click() } : null;
  },
  learn(cards) {
    itemsByContent.clear();
    for (const { cardId, url } of cards) {
      const content = normalisedContentUrl(url);
      if (content) itemsByContent.set(content, cardId);
    }
  },
  darkMode: (doc) => {
    const mode = doc.documentElement.getAttribute('data-color-mode');
    return mode === 'dark' || (mode === 'auto' && doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches === true);
  },
};
