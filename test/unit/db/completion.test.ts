import { describe, expect, it } from 'vitest';
import { bindBoard, linkCard, updateBoardSettings } from '../../../lib/db/boards';
import { countsAsDone, placeCard } from '../../../lib/db/delivery';
import { clientAndProject, freshDatabase } from './helpers';

async function setup(completeCountsAsDone?: boolean) {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  await bindBoard(db, { host: 'trello', boardId: 'B1', name: 'Board', projectId: made.project.id });
  if (completeCountsAsDone !== undefined) await updateBoardSettings(db, 'trello', 'B1', { completeCountsAsDone });
  const milestone = made.milestones[1]!;
  await linkCard(db, { host: 'trello', boardId: 'B1', cardId: 'C1', milestoneId: milestone.id, title: 'Prototype', url: 'https://trello.com/c/C1aaaaaa/1-p' });
  const place = (column: string, complete: boolean, day = '2026-11-24') =>
    placeCard(db, { host: 'trello', boardId: 'B1', cardId: 'C1', column, complete }, day).then((placed) => placed.outcome);
  const state = async () => (await db.milestones.get(milestone.id))!.state;
  const activity = async () => (await db.activity.toArray()).filter((a) => a.kind === 'delivered' || a.kind === 'card-left-done').map((a) => a.summary);
  return { db, place, state, activity };
}

describe("a card marked complete (Trello's checkmark)", () => {
  it('does not count as Done by default: only the column does', async () => {
    const { db, place, state } = await setup();
    expect((await db.boards.get('trello:B1'))?.completeCountsAsDone).toBeUndefined();
    expect(await place('Doing', true)).toBe('moved');
    expect(await state()).toBe('planned');
    expect(await place('Done', true)).toBe('delivered');
  });

  it('delivers once when the board counts it as Done, and records what made it Done', async () => {
    const { place, state, activity } = await setup(true);
    expect(await place('Doing', false)).toBe('moved');
    expect(await place('Doing', true)).toBe('delivered');
    expect(await state()).toBe('delivered');
    expect(await place('Done', true)).toBe('already-delivered');
    expect(await activity()).toEqual(['"Prototype" delivered: card "Prototype" was marked complete in Doing']);
  });

  it('reports a card marked incomplete after delivery, never undoing it, and does not deliver again', async () => {
    const { db, place, state, activity } = await setup(true);
    await place('Doing', true);
    expect(await place('Doing', false, '2026-11-25')).toBe('left-done');
    expect((await db.cardLinks.get('trello:C1'))?.leftDoneOn).toBe('2026-11-25');
    expect(await place('Doing', true)).toBe('back-in-done');
    expect(await state()).toBe('delivered');
    expect((await activity()).filter((summary) => summary.includes('delivered:'))).toHaveLength(1);
    expect(await activity()).toContain('Card "Prototype" was marked incomplete in Doing after "Prototype" was delivered');
  });

  it('is a per-board setting that can be turned off again', async () => {
    const { db, place, state } = await setup(true);
    await updateBoardSettings(db, 'trello', 'B1', { completeCountsAsDone: false });
    expect(await place('Doing', true)).toBe('moved');
    expect(await state()).toBe('planned');
  });

  it('counts by column or by mark, as the board says', () => {
    const board = { doneColumns: null, completeCountsAsDone: true };
    expect(countsAsDone(board, { column: 'Done' })).toBe(true);
    expect(countsAsDone(board, { column: 'Doing', complete: true })).toBe(true);
    expect(countsAsDone(board, { column: 'Doing', complete: false })).toBe(false);
    expect(countsAsDone({ doneColumns: ['Shipped'] }, { column: 'Doing', complete: true })).toBe(false);
  });
});
