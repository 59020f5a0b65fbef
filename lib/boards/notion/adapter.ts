import { text, type BoardAdapter } from '../adapter';
import { compile, quoted } from '../selectors';
import { notionPages } from './pages';
import { notionSelectors as s } from './selectors';

const css = compile(s);
const pageId = (blockId: string) => blockId.replaceAll('-', '');

/**
 * Column names sit in a header row above the groups, paired by position; the header row may end
 * with extras ("Hidden groups", "New group") that pair with nothing.
 */
function namesOf(groups: Element[]): string[] {
  const container = groups[0]?.parentElement;
  let header = container?.previousElementSibling;
  while (header && header.children.length < groups.length) header = header.previousElementSibling;
  return groups.map((_, index) => text(header?.children[index]));
}

export const notionAdapter: BoardAdapter = {
  host: 'notion',
  pages: notionPages,
  selectors: s,
  boardRoot: (doc) => doc.querySelector(css.boardRoot),
  boardName: (doc) => text(doc.querySelector(css.boardName)) || doc.title,
  columnNames: (root) => namesOf([...root.querySelectorAll(css.column)]),
  cardSelector: css.card,
  cardIds: (root) => [...root.querySelectorAll(css.card)].map((node) => ({ cardId: pageId(node.getAttribute('data-block-id')!), node })),
  readCard(card, column) {
    const link = card.querySelector<HTMLAnchorElement>(css.cardLink);
    const blockId = card.getAttribute('data-block-id');
    const title = text(link);
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
    if (!group || !root) return null;
    const groups = [...root.querySelectorAll(css.column)];
    return namesOf(groups)[groups.indexOf(group)] ?? null;
  },
  columnElementOf: (card) => card.closest(css.column),
  badgeSlot: (card) => card.querySelector(css.cardLink)?.parentElement ?? card,
  openCard(doc) {
    const peek = doc.querySelector(css.peek);
    const id = new URL(doc.location.href).searchParams.get('p');
    if (!peek || !id) return null;
    return { cardId: pageId(id), title: text(peek.querySelector(css.peekTitle)), url: doc.location.href, slot: peek };
  },
  darkMode: (doc) => doc.querySelector(css.darkMode) !== null,
};
