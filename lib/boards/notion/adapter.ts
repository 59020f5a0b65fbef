import { text, type BoardAdapter } from '../adapter';
import { compile, quoted } from '../selectors';
import { cardTitle, columnNames, groupName } from './columns';
import { notionPages } from './pages';
import { notionSelectors as s } from './selectors';

const css = compile(s);
const pageId = (blockId: string) => blockId.replaceAll('-', '');

/**
 * The open peek: the 2020+ renderer, or (2026) the ancestor of the close button that holds a page
 * title, short of the board itself, whose database has a title of its own.
 */
function peekOf(doc: Document): Element | null {
  const renderer = doc.querySelector(css.peek);
  if (renderer) return renderer;
  for (let node = doc.querySelector(css.peekClose)?.parentElement; node && node !== doc.body; node = node.parentElement) {
    if (node.querySelector(css.boardRoot)) return null;
    if (node.querySelector(css.peekTitle)) return node;
  }
  return null;
}

export const notionAdapter: BoardAdapter = {
  host: 'notion',
  pages: notionPages,
  selectors: s,
  boardRoot: (doc) => doc.querySelector(css.boardRoot),
  boardName: (doc) => text(doc.querySelector(css.boardName)) || doc.title,
  columnNames,
  cardSelector: css.card,
  cardIds: (root) => [...root.querySelectorAll(css.card)].map((node) => ({ cardId: pageId(node.getAttribute('data-block-id')!), node })),
  readCard(card, column) {
    const link = card.querySelector<HTMLAnchorElement>(css.cardLink);
    const blockId = card.getAttribute('data-block-id');
    const title = link ? cardTitle(link) : '';
    if (!link || !blockId || !title) return null;
    return { cardId: pageId(blockId), title, url: link.href, column };
  },
  cardInstances: (root, cardId) => {
    const uuid = cardId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    return [...root.querySelectorAll(`.notion-collection-item[data-block-id=${quoted(uuid)}], .notion-collection-item[data-block-id=${quoted(cardId)}]`)];
  },
  columnOf(card) {
    const group = card.closest(css.column);
    const root = group?.closest(css.boardRoot);
    return group && root ? groupName(group, root) : null;
  },
  columnElementOf: (card) => card.closest(css.column),
  badgeSlot: (card) => card.querySelector(css.cardLink)?.parentElement ?? card,
  openCard(doc) {
    const peek = peekOf(doc);
    const id = new URL(doc.location.href).searchParams.get('p');
    if (!peek || !id) return null;
    return { cardId: pageId(id), title: text(peek.querySelector(css.peekTitle)), url: doc.location.href, slot: peek };
  },
  darkMode: (doc) => doc.querySelector(css.darkMode) !== null,
};
