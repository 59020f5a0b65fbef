import { text, type BoardAdapter } from '../adapter';
import { compile, quoted } from '../selectors';
import { githubPages } from './pages';
import { githubSelectors as s } from './selectors';

const css = compile(s);

/** Drafts link to "#": their stable address is the project page with the item's pane open. */
function itemUrl(doc: Document, itemId: string, link: HTMLAnchorElement | null): string {
  if (link && link.getAttribute('href') !== '#') return link.href;
  const url = new URL(doc.location.href);
  url.search = `?pane=issue&itemId=${itemId}`;
  return url.href;
}

export const githubAdapter: BoardAdapter = {
  host: 'github',
  pages: githubPages,
  boardRoot: (doc) => doc.querySelector(css.boardRoot),
  boardName: (doc) => text(doc.querySelector(css.boardName)) || doc.title.split('·')[0]!.trim(),
  columns: (root) =>
    [...root.querySelectorAll(css.column)].map((element) => ({ element, name: element.getAttribute('data-board-column') ?? '' })),
  cardSelector: css.card,
  cardsIn: (column) => [...column.querySelectorAll(css.card)],
  cardIds: (root) => [...root.querySelectorAll(css.card)].map((node) => ({ cardId: node.getAttribute('data-board-card-id')!, node })),
  readCard(card, column) {
    const title = card.querySelector(css.cardTitle);
    const itemId = card.getAttribute('data-board-card-id');
    if (!title || !itemId) return null;
    return { cardId: itemId, title: text(title), url: itemUrl(card.ownerDocument, itemId, title.closest('a')), column };
  },
  cardInstances: (root, cardId) => [...root.querySelectorAll(`[data-board-card-id=${quoted(cardId)}]`)],
  columnOf: (card) => card.closest(css.column)?.getAttribute('data-board-column') ?? null,
  columnElementOf: (card) => card.closest(css.column),
  badgeSlot: (card) => card.querySelector(css.cardTitle)?.closest('a')?.parentElement ?? card,
  openCard(doc) {
    const itemId = new URL(doc.location.href).searchParams.get('itemId');
    const pane = doc.querySelector(css.sidePane);
    if (!itemId || !pane?.parentElement) return null;
    return { cardId: itemId, title: text(pane.querySelector('bdi')) || text(pane), url: doc.location.href, slot: pane.parentElement };
  },
  darkMode: (doc) => {
    const mode = doc.documentElement.getAttribute('data-color-mode');
    return mode === 'dark' || (mode === 'auto' && doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches === true);
  },
};
