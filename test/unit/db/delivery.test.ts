import { describe, expect, it } from 'vitest';
import { bindBoard, linkCard } from '../../../lib/db/boards';
import { placeCard } from '../../../lib/db/delivery';
import { clientAndProject, freshDatabase } from './helpers';

async function setup() {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  await bindBoard(db, { host: 'trello', boardId: 'B1', name: 'Board', projectId: made.project.id });
  const milestone = made.milestones[1]!;
  await linkCard(db, { host: 'trello', boardId: 'B1', cardId: 'C1', milestoneId: milestone.id, title: 'Prototype', url: 'https://trello.com/c/C1aaaaaa/1-p' });
  const place = (column: string, day = '2026-11-24', boardId = 'B1', cardId = 'C1') =>
    placeCard(db, { host: 'trello', boardId, cardId, column }, day).then((placed) => placed.outcome);
  const state = async () => (await db.milestones.get(milestone.id))!;
  const deliveries = async () => (await db.activity.toArray()).filter((a) => a.kind === 'delivered').length;
  return { db, milestone, place, state, deliveries };
}

describe('Done detection', () => {
  it('delivers the milestone when its card reaches Done, with the date', async () => {
    const { place, state, deliveries } = await setup();
    expect(await place('Doing')).toBe('moved');
    expect(await place('✅ Done')).toBe('delivered');
    expect(await state()).toMatchObject({ state: 'delivered', deliveredOn: '2026-11-24' });
    expect(await deliveries()).toBe(1);
  });

  it('delivers a card already in Done on the first visit', async () => {
    const { place, state } = await setup();
    expect(await place('Done')).toBe('delivered');
    expect((await state()).state).toBe('delivered');
  });

  it('does not deliver twice for Done -> Doing -> Done, and reports the card leaving Done', async () => {
    const { db, place, deliveries } = await setup();
    await place('Done');
    expect(await place('Doing', '2026-11-25')).toBe('left-done');
    expect((await db.cardLinks.get('trello:C1'))?.leftDoneOn).toBe('2026-11-25');
    expect((await db.activity.toArray()).map((a) => a.kind)).toContain('card-left-done');
    expect(await place('Done', '2026-11-26')).toBe('back-in-done');
    expect((await db.cardLinks.get('trello:C1'))?.leftDoneOn).toBeUndefined();
    expect(await place('Done', '2026-11-26')).toBe('already-delivered');
    expect(await deliveries()).toBe(1);
  });

  it('delivers once when two tabs report the same move at the same time', async () => {
    const { place, deliveries } = await setup();
    const outcomes = await Promise.all([place('Done'), place('Done'), place('Done')]);
    expect(outcomes.sort()).toEqual(['already-delivered', 'already-delivered', 'delivered']);
    expect(await deliveries()).toBe(1);
  });

  it('ignores unlinked cards and cards reported from another board', async () => {
    const { place, state } = await setup();
    expect(await place('Done', '2026-11-24', 'B1', 'other')).toBe('not-linked');
    expect(await place('Done', '2026-11-24', 'B2', 'C1')).toBe('not-linked');
    expect((await state()).state).toBe('planned');
  });

  it("follows the board's chosen Done columns", async () => {
    const { db, place, state } = await setup();
    await db.boards.update('trello:B1', { doneColumns: ['Live'] });
    expect(await place('Done')).toBe('moved');
    expect(await place('Live 🟢')).toBe('delivered');
    expect((await state()).state).toBe('delivered');
  });

  it('leaves an invoiced milestone invoiced when its card reaches Done again', async () => {
    const { db, milestone, place, state } = await setup();
    await db.milestones.update(milestone.id, { state: 'invoiced' });
    expect(await place('Done')).toBe('already-delivered');
    expect((await state()).state).toBe('invoiced');
  });
});
