import { isDoneColumn } from '../boards/done-columns';
import type { IsoDate } from '../billing/dates';
import { canTransition } from '../billing/lifecycle';
import { recordActivity } from './activity';
import { boardKey, cardKey } from './boards';
import type { MilestoneDatabase } from './database';
import type { Board, BoardHost } from './entities';

/** Where a card was seen: its column and, on hosts that show one, its completion mark. */
export interface CardSighting {
  column: string;
  complete?: boolean;
}

/** A card is Done in a Done column, or marked complete on a board where that counts. */
export function countsAsDone(board: Pick<Board, 'doneColumns' | 'completeCountsAsDone'>, seen: CardSighting): boolean {
  return isDoneColumn(seen.column, board.doneColumns) || (board.completeCountsAsDone === true && seen.complete === true);
}

/** How the activity log tells what made the card Done. */
const doneBy = (board: Pick<Board, 'doneColumns'>, seen: CardSighting) =>
  isDoneColumn(seen.column, board.doneColumns) ? `reached ${seen.column}` : `was marked complete in ${seen.column}`;

export type PlacementOutcome = 'not-linked' | 'moved' | 'delivered' | 'already-delivered' | 'left-done' | 'back-in-done';

/**
 * A linked card was seen, fully rendered, in a column. Entering a Done column delivers its
 * milestone once; leaving Done after delivery is recorded for the user, never undone. One
 * transaction, so two tabs reporting the same move deliver once.
 */
export async function placeCard(
  db: MilestoneDatabase,
  seen: { host: BoardHost; boardId: string; cardId: string } & CardSighting,
  today: IsoDate,
  now = Date.now(),
): Promise<{ outcome: PlacementOutcome; milestoneId?: string }> {
  return db.transaction('rw', [db.boards, db.cardLinks, db.milestones, db.activity], async () => {
    const link = await db.cardLinks.get(cardKey(seen.host, seen.cardId));
    const board = await db.boards.get(boardKey(seen.host, seen.boardId));
    if (!link || !board || link.boardId !== seen.boardId) return { outcome: 'not-linked' };
    const milestone = await db.milestones.get(link.milestoneId);
    if (!milestone) return { outcome: 'not-linked' };

    const inDone = countsAsDone(board, seen);
    const wasInDone = link.column !== undefined && countsAsDone(board, { column: link.column, complete: link.complete });
    const delivered = !canTransition(milestone.state, 'delivered');
    await db.cardLinks.update(link.id, { column: seen.column, complete: seen.complete, ...(inDone ? { leftDoneOn: undefined } : {}) });
    const result = (outcome: PlacementOutcome) => ({ outcome, milestoneId: milestone.id });
    const log = (kind: 'delivered' | 'card-left-done', summary: string) =>
      recordActivity(db, { kind, projectId: milestone.projectId, milestoneId: milestone.id, summary }, now);

    if (inDone && !delivered) {
      await db.milestones.update(milestone.id, { state: 'delivered', deliveredOn: today });
      await log('delivered', `"${milestone.title}" delivered: card "${link.title}" ${doneBy(board, seen)}`);
      return result('delivered');
    }
    if (inDone) return result(link.leftDoneOn ? 'back-in-done' : 'already-delivered');
    if (wasInDone && delivered && milestone.state !== 'void') {
      await db.cardLinks.update(link.id, { leftDoneOn: today });
      const left = link.column === seen.column ? `was marked incomplete in ${seen.column}` : `moved out of ${link.column} to ${seen.column}`;
      await log('card-left-done', `Card "${link.title}" ${left} after "${milestone.title}" was delivered`);
      return result('left-done');
    }
    return result('moved');
  });
}
