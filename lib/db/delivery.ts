import { isDoneColumn } from '../boards/done-columns';
import type { IsoDate } from '../billing/dates';
import { canTransition } from '../billing/lifecycle';
import { recordActivity } from './activity';
import { boardKey, cardKey } from './boards';
import type { MilestoneDatabase } from './database';
import type { BoardHost } from './entities';

export type PlacementOutcome = 'not-linked' | 'moved' | 'delivered' | 'already-delivered' | 'left-done' | 'back-in-done';

/**
 * A linked card was seen, fully rendered, in a column. Entering a Done column delivers its
 * milestone once; leaving Done after delivery is recorded for the user, never undone. One
 * transaction, so two tabs reporting the same move deliver once.
 */
export async function placeCard(
  db: MilestoneDatabase,
  seen: { host: BoardHost; boardId: string; cardId: string; column: string },
  today: IsoDate,
  now = Date.now(),
): Promise<{ outcome: PlacementOutcome; milestoneId?: string }> {
  return db.transaction('rw', [db.boards, db.cardLinks, db.milestones, db.activity], async () => {
    const link = await db.cardLinks.get(cardKey(seen.host, seen.cardId));
    const board = await db.boards.get(boardKey(seen.host, seen.boardId));
    if (!link || !board || link.boardId !== seen.boardId) return { outcome: 'not-linked' };
    const milestone = await db.milestones.get(link.milestoneId);
    if (!milestone) return { outcome: 'not-linked' };

    const inDone = isDoneColumn(seen.column, board.doneColumns);
    const wasInDone = link.column !== undefined && isDoneColumn(link.column, board.doneColumns);
    const delivered = !canTransition(milestone.state, 'delivered');
    await db.cardLinks.update(link.id, { column: seen.column, ...(inDone ? { leftDoneOn: undefined } : {}) });
    const result = (outcome: PlacementOutcome) => ({ outcome, milestoneId: milestone.id });
    const log = (kind: 'delivered' | 'card-left-done', summary: string) =>
      recordActivity(db, { kind, projectId: milestone.projectId, milestoneId: milestone.id, summary }, now);

    if (inDone && !delivered) {
      await db.milestones.update(milestone.id, { state: 'delivered', deliveredOn: today });
      await log('delivered', `"${milestone.title}" delivered: card "${link.title}" reached ${seen.column}`);
      return result('delivered');
    }
    if (inDone) return result(link.leftDoneOn ? 'back-in-done' : 'already-delivered');
    if (wasInDone && delivered && milestone.state !== 'void') {
      await db.cardLinks.update(link.id, { leftDoneOn: today });
      await log('card-left-done', `Card "${link.title}" moved out of ${link.column} to ${seen.column} after "${milestone.title}" was delivered`);
      return result('left-done');
    }
    return result('moved');
  });
}
