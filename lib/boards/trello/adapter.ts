import { text, type BoardAdapter } from '../adapter';
import { compile, quoted } from '../selectors';
import { trelloPages } from './pages';
import { trelloSelectors as s } from './selectors';

const css = compile(s);
// "/c/<shortLink>/12-slug" on cards; an open card's address may end at the short link.
const SHORT_LINK = /^\/c\/([A-Za-z0-9]{8})(?:\/|$)/;

const isMirror = (node: Element) => node.closest(css.mirrorCard) !== null;

export const trelloAdapter: BoardAdapter = {
  host: 'trello',
  pages: trelloPages,
  selectors: s,
  boardRoot: (doc) => doc.querySelector(css.boardRoot),
  boardName: (doc) => text(doc.querySelector(css.boardName)),
  columnNames: (root) => [...root.querySelectorAll(css.column)].map((column) => text(column.querySelector(css.columnName))),
  cardSelector: css.card,
  cardIds(root) {
    const ids = [];
    // Hot path on 2,000-card boards: slice the short link out of "/c/<8 chars>/…" without a regex,
    // and look for mirrors around each card only on a board that has any.
    const mirrors = root.querySelector(css.mirrorCard) !== null;
    for (const node of root.querySelectorAll(css.cardLink)) {
      if (!mirrors || !isMirror(node)) ids.push({ cardId: node.getAttribute('href')!.slice(3, 11), node });
    }
    return ids;
  },
  readCard(card, column) {
    if (card.querySelector(css.mirrorCard)) return null;
    const link = card.querySelector<HTMLAnchorElement>(css.cardLink);
    const cardId = SHORT_LINK.exec(link?.getAttribute('href') ?? '')?.[1];
    if (!link || !cardId) return null;
    return { cardId, title: text(link), url: link.href, column, complete: card.querySelector(css.completed) !== null };
  },
  cardInstances: (root, cardId) =>
    [...root.querySelectorAll(`a[data-testid="card-name"][href=${quoted(`/c/${cardId}`)}], a[data-testid="card-name"][href^=${quoted(`/c/${cardId}/`)}]`)].flatMap(
      (link) => (isMirror(link) ? [] : (link.closest(css.card) ?? [])),
    ),
  columnOf(card) {
    const column = card.closest(css.column);
    return column ? text(column.querySelector(css.columnName)) : null;
  },
  columnElementOf: (card) => card.closest(css.column),
  badgeSlot: (card) => card.querySelector(css.cardBadges) ?? card,
  /** Full-cover and link cards show no short link: opened, Trello shows it in the address. */
  cardToOpen(card) {
    const name = card.querySelector<HTMLElement>(css.cardName);
    if (!name || name.localName === 'a' || isMirror(name)) return null;
    return { title: text(name), open: () => name.click() };
  },
  openCard(doc) {
    const dialog = doc.querySelector(css.dialog);
    const cardId = SHORT_LINK.exec(doc.location.pathname)?.[1];
    if (!dialog || !cardId) return null;
    const title = dialog.querySelector<HTMLTextAreaElement>(css.dialogTitle)?.value.trim() ?? '';
    return { cardId, title, url: doc.location.href, slot: dialog };
  },
  darkMode: (doc) => doc.querySelector(css.darkMode) !== null,
};
