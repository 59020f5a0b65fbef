import type { BoardHost } from '../db/entities';
import type { HostPages } from './page';

/** A card as the board shows it right now. */
export interface CardOnBoard {
  /** The host's stable id: Trello short link, GitHub project item id, Notion page id. */
  cardId: string;
  title: string;
  url: string;
  column: string;
}

export interface Column {
  name: string;
  element: Element;
}

/**
 * What we know of one host's board DOM. Every method reads; none writes. A card that is not fully
 * rendered (virtualised shell, loading skeleton) reads as null: it has not left its column.
 */
export interface BoardAdapter {
  host: BoardHost;
  pages: HostPages;
  /** The element that holds every column; null while loading or when the layout is unknown. */
  boardRoot(doc: Document): Element | null;
  boardName(doc: Document): string;
  columns(root: Element): Column[];
  /** CSS for a card element, to find cards among added nodes. */
  cardSelector: string;
  /**
   * Every card's stable id with a node inside (or on) its card element, from one query and one
   * attribute per card: the fast path that lets a 2,000-card board be scanned for its few links.
   */
  cardIds(root: Element): { cardId: string; node: Element }[];
  /** Every element of one card (two while a drag preview shows), found by one specific selector. */
  cardInstances(root: Element, cardId: string): Element[];
  cardsIn(column: Element): Element[];
  readCard(card: Element, column: string): CardOnBoard | null;
  /** The column a card element sits in, or null when it is not inside one. */
  columnOf(card: Element): string | null;
  /** The column's element: how a move is told from a column merely renamed. */
  columnElementOf(card: Element): Element | null;
  /** Where a badge goes inside a card. */
  badgeSlot(card: Element): Element;
  /** The open card's dialog, side pane or peek, with its card id and where our control goes. */
  openCard(doc: Document): { cardId: string; title: string; url: string; slot: Element } | null;
  darkMode(doc: Document): boolean;
}

/** Reads every rendered card, column by column: one pass over the board. */
export function readBoard(adapter: BoardAdapter, root: Element): { columns: string[]; cards: CardOnBoard[] } {
  const columns = adapter.columns(root);
  const cards: CardOnBoard[] = [];
  for (const column of columns) {
    for (const element of adapter.cardsIn(column.element)) {
      const card = adapter.readCard(element, column.name);
      if (card) cards.push(card);
    }
  }
  return { columns: columns.map((column) => column.name), cards };
}

export const text = (element: Element | null | undefined): string => element?.textContent?.trim() ?? '';
