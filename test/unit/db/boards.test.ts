import { describe, expect, it } from 'vitest';
import { bindBoard, boardState, linkCard, unlinkCard } from '../../../lib/db/boards';
import { clientAndProject, freshDatabase, snapshot } from './helpers';

const card = (milestoneId: string, cardId = 'Pr0toT1p') => ({
  host: 'trello' as const, boardId: 'MiDemo01', cardId, milestoneId, title: 'Clickable prototype', url: `https://trello.com/c/${cardId}/7-x`,
});

describe('boards and card links', () => {
  it('shows an unknown board as unbound', async () => {
    expect(await boardState(freshDatabase(), 'trello', 'MiDemo01')).toEqual({ board: null, detail: null, figures: null, profileNotice: 'Invoices cannot be issued until you add your business name, address, and VAT ID or tax number.' });
  });

  it('binds a board to a project and returns the schedule with its links', async () => {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db);
    await bindBoard(db, { host: 'trello', boardId: 'MiDemo01', name: 'Demo', projectId: project.id });
    await linkCard(db, card(milestones[1]!.id), 5000);
    const state = await boardState(db, 'trello', 'MiDemo01');
    expect(state.board).toMatchObject({ id: 'trello:MiDemo01', projectId: project.id, doneColumns: null });
    expect(state.detail?.links).toEqual([{ ...card(milestones[1]!.id), id: 'trello:Pr0toT1p', linkedAt: 5000 }]);
  });

  it('keeps the chosen Done columns when the board is bound again', async () => {
    const db = freshDatabase();
    const { project } = await clientAndProject(db);
    await bindBoard(db, { host: 'trello', boardId: 'B1', name: 'Demo' });
    await db.boards.update('trello:B1', { doneColumns: ['Shipped'] });
    const bound = await bindBoard(db, { host: 'trello', boardId: 'B1', name: 'Demo renamed', projectId: project.id });
    expect(bound).toMatchObject({ name: 'Demo renamed', doneColumns: ['Shipped'], projectId: project.id });
  });

  it('moves a relinked card to its new milestone instead of duplicating it', async () => {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db);
    await bindBoard(db, { host: 'trello', boardId: 'MiDemo01', name: 'Demo', projectId: project.id });
    await linkCard(db, card(milestones[1]!.id));
    await linkCard(db, card(milestones[2]!.id));
    expect((await db.cardLinks.toArray()).map((l) => l.milestoneId)).toEqual([milestones[2]!.id]);
  });

  it("refuses links to an unbound board or to another project's milestone", async () => {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db);
    const other = await clientAndProject(db);
    await expect(linkCard(db, card(milestones[0]!.id))).rejects.toThrow('Bind this board to a project before linking cards');
    await bindBoard(db, { host: 'trello', boardId: 'MiDemo01', name: 'Demo', projectId: project.id });
    const before = await snapshot(db);
    await expect(linkCard(db, card(other.milestones[0]!.id))).rejects.toThrow("That milestone is not in this board's project");
    await expect(linkCard(db, { ...card(milestones[0]!.id), url: 'not a url' })).rejects.toThrow('Expected an https:// address');
    expect(await snapshot(db)).toEqual(before);
  });

  it('unlinks a card and logs it; an unknown card is an error', async () => {
    const db = freshDatabase();
    const { project, milestones } = await clientAndProject(db);
    await bindBoard(db, { host: 'trello', boardId: 'MiDemo01', name: 'Demo', projectId: project.id });
    await linkCard(db, card(milestones[0]!.id));
    await unlinkCard(db, 'trello', 'MiDemo01', 'Pr0toT1p');
    expect(await db.cardLinks.count()).toBe(0);
    expect((await db.activity.toArray()).map((a) => a.kind)).toContain('card-unlinked');
    await expect(unlinkCard(db, 'trello', 'MiDemo01', 'Pr0toT1p')).rejects.toThrow('That card is not linked');
  });
});
