import { describe, expect, it } from 'vitest';
import { trelloPages } from '../../lib/boards/trello/pages';
import { boardState } from '../../lib/db/boards';
import { exposureReport } from '../../lib/db/exposure';
import { demoBoard } from '../../lib/demo/board';
import { seedDemo } from '../../lib/demo/seed';
import { fixtures, readFixture } from '../harness/fixtures';
import { freshDatabase, snapshot, clientAndProject } from './db/helpers';

describe('demo data', () => {
  it('matches the bundled Trello fixture: board id, and every linked card on it', () => {
    expect(trelloPages.boardPage(new URL(fixtures.trelloBoard.url))).toEqual({ host: 'trello', boardId: demoBoard.boardId });
    expect(fixtures.trelloBoard.url).toBe(demoBoard.url);
    const html = readFixture(fixtures.trelloBoard);
    expect(html).toContain(`MiDemo01: {\n          name: '${demoBoard.name}'`);
    for (const card of demoBoard.linkedCards) expect(html).toContain(`['${card.cardId}', '${card.title}']`);
  });

  it('seeds a bound project with an overdue part-paid deposit and a delivered milestone', async () => {
    const db = freshDatabase();
    expect(await seedDemo(db, new Date('2026-11-24T12:00:00'))).toEqual({ seeded: true });
    const state = await boardState(db, 'trello', demoBoard.boardId);
    expect(state.detail?.milestones.map((m) => m.state)).toEqual(['partially-paid', 'delivered', 'in-progress']);
    expect(state.detail?.links).toHaveLength(2);
    const [eur] = (await exposureReport(db, '2026-11-24')).byCurrency;
    // The delivered 4,800.00 counts at its gross with 19 % VAT, like the open invoice.
    expect(eur).toMatchObject({ currency: 'EUR', deliveredNotInvoiced: 571_200, overdue: { '1-30': 278_400 }, unpaidExposure: 849_600 });
  });

  it('never touches a database that already has projects', async () => {
    const db = freshDatabase();
    await clientAndProject(db);
    const before = await snapshot(db);
    expect(await seedDemo(db, new Date())).toEqual({ seeded: false });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('board figures', () => {
  it('shows invoiced, paid, still to bill and the overdue milestone of the demo board', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date('2026-11-24T12:00:00'));
    const state = await boardState(db, 'trello', demoBoard.boardId, { today: '2026-11-24', locale: 'en-US' });
    const deposit = state.detail!.milestones[0]!;
    expect(state.figures).toMatchObject({ invoiced: 360_000, paid: 150_000, toBill: 840_000, overdueMilestoneIds: [deposit.id] });
    expect(state.figures?.display).toMatchObject({ [deposit.id]: '€3,600.00', invoiced: '€3,600.00', paid: '€1,500.00', toBill: '€8,400.00' });
  });
});
