import type { BoardHost } from '../db/entities';
import type { HostPages } from './page';
import type { Alternative } from './selectors';

/** A card as the board shows it right now. */
export interface CardOnBoard {
  /** The host's stable id: Trello short link, GitHub project item id, Notion page id. */
  cardId: string;
  title: string;
  url: string;
  column: string;
  /** Whether the host's own completion mark is set (Trello's checkmark); absent where hosts have none. */
  complete?: boolean;
  /** The host's long id, kept where the card's front shows no cardId (Trello's full-cover cards). */
  hostCardId?: string;
}

/**
 * What we know of one host's board DOM. Every method reads the page; none writes to it. A card
 * that is not fully rendered (virtualised shell, loading skeleton) reads as null: it has not left
 * its column.
 */
export interface BoardAdapter {
  host: BoardHost;
  pages: HostPages;
  /** Every role's selector alternatives with their UI generation: what the layout report counts. */
  selectors: Readonly<Record<string, readonly Alternative[]>>;
  /** The element that holds every column; null while loading or when the layout is unknown. */
  boardRoot(doc: Document): Element | null;
  boardName(doc: Document): string;
  /** The names of the board's columns, in order (for the Done-column chooser and the health check). */
  columnNames(root: Element): string[];
  /** CSS for a card element, to find cards among added nodes. */
  cardSelector: string;
  /**
   * Every card's stable id with a node inside (or on) its card element, from one query and one
   * attribute per card: the fast path that lets a 2,000-card board be scanned for its few links.
   */
  cardIds(root: Element): { cardId: string; node: Element }[];
  /** Every element of one card (two while a drag preview shows), found by one specific selector. */
  cardInstances(root: Element, cardId: string): Element[];
  readCard(card: Element, column: string): CardOnBoard | null;
  /** The column a card element sits in, or null when it is not inside one. */
  columnOf(card: Element): string | null;
  /** The column's element: how a move is told from a column merely renamed. */
  columnElementOf(card: Element): Element | null;
  /** Where a badge goes inside a card. */
  badgeSlot(card: Element): Element;
  /** The open card's dialog, side pane or peek, with its card id and where our control goes. */
  openCard(doc: Document): { cardId: string; title: string; url: string; slot: Element; hostCardId?: string } | null;
  darkMode(doc: Document): boolean;
  /**
   * A card shown without its id (a GitHub table row whose item we have not linked): how to open it
   * where its id shows, so it can be linked there.
   */
  cardToOpen?(card: Element): { title: string; open(): void } | null;
  /**
   * The board's linked cards, for hosts that show some cards without their id: GitHub's table
   * rows show the issue, and a link's issue address says which item that is; a Trello card front
   * without a short link shows its long id, and a link's hostCardId says which card that is.
   */
  learn?(cards: readonly { cardId: string; url: string; hostCardId?: string }[]): void;
}

/** Reads every rendered card the board shows an id for, in page order. */
export function readBoard(adapter: BoardAdapter, root: Element): { columns: string[]; cards: CardOnBoard[] } {
  const cards = adapter.cardIds(root).flatMap(({ node }) => {
    const element = node.closest(adapter.cardSelector);
    const column = element && adapter.columnOf(element);
    const card = element && column !== null ? adapter.readCard(element, column) : null;
    return card ? [card] : [];
  });
  return { columns: adapter.columnNames(root), cards };
}

export const text = (element: Element | null | undefined): string => element?.textContent?.trim() ?? '';
