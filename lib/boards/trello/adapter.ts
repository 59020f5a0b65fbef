import { text, type BoardAdapter, type CardOnBoard } from '../adapter';
import { compile, quoted } from '../selectors';
import { trelloPages } from './pages';
import { trelloSelectors as s } from './selectors';

const css = compile(s);
// "/c/<shortLink>/12-slug" on cards; an open card's address may end at the short link.
const SHORT_LINK = /^\/c\/([A-Za-z0-9]{8})(?:\/|$)/;

const isMirror = (node: Element) => node.closest(css.mirrorCard) !== null;

/** Trello's long card id, as card fronts carry it in data-card-id. */
const HOST_CARD_ID = /^[0-9a-f]{24}$/;

/**
 * Full-cover and link cards show no short link, only their long id. The links we keep (short link
 * and, when it was known at linking, long id) say which card that is; a card never linked by its
 * long id is not recognised, and never by its title.
 */
const linksByHostId = new Map<string, { cardId: string; url: string }>();

/** The long id of the card last opened from its front, pinned to the short link its dialog shows. */
let opened: { hostCardId: string; at: number; cardId?: string } | null = null;
/** A dialog later than this after the opening click may be another card the user opened. */
const OPENING_MS = 5_000;

const hostIdOf = (card: Element) => card.querySelector(css.cardFront)?.getAttribute('data-card-id') ?? '';

/** Card fronts shown by long id only: no short link on them, and not a mirror of another board's card. */
function frontsById(root: Element, hostCardId: string): Element[] {
  const byId = s.cardFront.map(({ css: front }) => `${front}[data-card-id=${quoted(hostCardId)}]`).join(', ');
  return [...root.querySelectorAll(byId)].filter(
    (front) => !isMirror(front) && !front.querySelector(css.cardLink),
  );
}

/** The long id the open card was linked with, or the one its opening from the board showed. */
function openHostId(cardId: string): string | undefined {
  if (opened && !opened.cardId && performance.now() - opened.at > OPENING_MS) opened = null;
  if (opened && (opened.cardId ?? cardId) === cardId) {
    opened.cardId = cardId;
    return opened.hostCardId;
  }
  return [...linksByHostId].find(([, link]) => link.cardId === cardId)?.[0];
}

/** A card front without a short link, known by the long id a link recorded. */
function readCardById(card: Element, column: string, complete: boolean): CardOnBoard | null {
  const hostCardId = hostIdOf(card);
  const link = linksByHostId.get(hostCardId);
  if (!link) return null;
  return { cardId: link.cardId, title: text(card.querySelector(css.cardName)), url: link.url, column, complete, hostCardId };
}

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
    for (const [hostCardId, { cardId }] of linksByHostId) {
      for (const node of frontsById(root, hostCardId)) ids.push({ cardId, node });
    }
    return ids;
  },
  readCard(card, column) {
    if (card.querySelector(css.mirrorCard)) return null;
    const complete = card.querySelector(css.completed) !== null;
    const link = card.querySelector<HTMLAnchorElement>(css.cardLink);
    if (!link) return readCardById(card, column, complete);
    const cardId = SHORT_LINK.exec(link.getAttribute('href') ?? '')?.[1];
    return cardId ? { cardId, title: text(link), url: link.href, column, complete } : null;
  },
  cardInstances: (root, cardId) => [
    ...[...root.querySelectorAll(`a[data-testid="card-name"][href=${quoted(`/c/${cardId}`)}], a[data-testid="card-name"][href^=${quoted(`/c/${cardId}/`)}]`)].flatMap(
      (link) => (isMirror(link) ? [] : (link.closest(css.card) ?? [])),
    ),
    ...[...linksByHostId].flatMap(([hostCardId, link]) =>
      link.cardId === cardId ? frontsById(root, hostCardId).flatMap((front) => front.closest(css.card) ?? []) : [],
    ),
  ],
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
    const hostCardId = hostIdOf(card);
    return {
      title: text(name),
      open: () => {
        opened = HOST_CARD_ID.test(hostCardId) ? { hostCardId, at: performance.now() } : null;
        name.click();
      },
    };
  },
  openCard(doc) {
    const dialog = doc.querySelector(css.dialog);
    const cardId = SHORT_LINK.exec(doc.location.pathname)?.[1];
    if (!dialog || !cardId) {
      // The card opened from its front has closed: its long id says nothing of the next one.
      if (opened?.cardId) opened = null;
      return null;
    }
    const title = dialog.querySelector<HTMLTextAreaElement>(css.dialogTitle)?.value.trim() ?? '';
    const hostCardId = openHostId(cardId);
    return { cardId, title, url: doc.location.href, slot: dialog, ...(hostCardId && { hostCardId }) };
  },
  learn(cards) {
    linksByHostId.clear();
    for (const { cardId, url, hostCardId } of cards) {
      if (hostCardId) linksByHostId.set(hostCardId, { cardId, url });
    }
  },
  darkMode: (doc) => doc.querySelector(css.darkMode) !== null,
};
