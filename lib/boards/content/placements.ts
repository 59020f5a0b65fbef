import type { BoardAdapter } from '../adapter';
import type { BoardReader, Placement } from './done-detection';

/** Up to this many cards, one specific query each beats a pass over every card of the board. */
const LOOKUPS_BEFORE_A_PASS = 3;

/** Reads where cards sit on the page, for Done detection: a single rendered instance or none. */
export function domBoardReader(adapter: BoardAdapter, root: () => Element | null): BoardReader {
  return {
    placements(cardIds) {
      const board = root();
      const result = new Map<string, Placement | null>();
      if (!board?.isConnected || cardIds.length === 0) return result;
      for (const [cardId, elements] of instancesOf(adapter, board, cardIds)) {
        const placed = elements.flatMap((element) => placementOf(adapter, element) ?? []);
        if (placed.length > 0) result.set(cardId, placed.length === 1 ? placed[0]! : null);
      }
      return result;
    },
  };
}

function instancesOf(adapter: BoardAdapter, board: Element, cardIds: readonly string[]): Map<string, Element[]> {
  if (cardIds.length <= LOOKUPS_BEFORE_A_PASS) return new Map(cardIds.map((cardId) => [cardId, adapter.cardInstances(board, cardId)]));
  const wanted = new Map(cardIds.map((cardId) => [cardId, [] as Element[]]));
  for (const { cardId, node } of adapter.cardIds(board)) {
    const element = wanted.has(cardId) ? node.closest(adapter.cardSelector) : null;
    if (element) wanted.get(cardId)!.push(element);
  }
  return wanted;
}

/** A fully rendered card's column and completion mark; null for a shell, a skeleton or a card outside any column. */
function placementOf(adapter: BoardAdapter, element: Element): Placement | null {
  const column = adapter.columnOf(element);
  const card = column === null ? null : adapter.readCard(element, column);
  if (column === null || !card) return null;
  return { column, columnKey: adapter.columnElementOf(element), complete: card.complete };
}
