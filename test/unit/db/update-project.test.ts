import { describe, expect, it } from 'vitest';
import { bindBoard, linkCard } from '../../../lib/db/boards';
import { issueInvoice } from '../../../lib/db/invoices';
import { updateProject, type ProjectInput } from '../../../lib/db/projects';
import { milestoneInvoiceDraft } from '../../../lib/billing/invoice-draft';
import { clientAndProject, freshDatabase, snapshot } from './helpers';

async function setup() {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  const { id: _, createdAt: __, ...fields } = made.project;
  const input = (change: Partial<ProjectInput> = {}): ProjectInput => ({
    ...fields,
    milestones: made.milestones.map((m) => ({ title: m.title, share: m.share, deliverable: m.deliverable })),
    ...change,
  });
  return { db, ...made, input };
}

describe('editing a project', () => {
  it('re-allocates a new total and keeps milestone ids, so card links survive', async () => {
    const { db, project, milestones, input } = await setup();
    await bindBoard(db, { host: 'trello', boardId: 'B1aaaaaa', name: 'B', projectId: project.id });
    await linkCard(db, { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1', milestoneId: milestones[1]!.id, title: 'c', url: 'https://trello.com/c/C1aaaaaa/1' });
    const updated = await updateProject(db, project.id, input({ total: 200_000, name: 'Website v2' }));
    expect(updated.project).toMatchObject({ name: 'Website v2', total: 200_000 });
    expect(updated.milestones.map((m) => [m.id, m.amount])).toEqual([[milestones[0]!.id, 66_000], [milestones[1]!.id, 66_000], [milestones[2]!.id, 68_000]]);
    expect(updated.links).toHaveLength(1);
  });

  it('adds and removes milestones, but never one with a linked card', async () => {
    const { db, project, milestones, input } = await setup();
    const two = input({ milestones: [{ title: 'Half', share: { kind: 'percent', basisPoints: 5000 } }, { title: 'Rest', share: { kind: 'percent', basisPoints: 5000 } }] });
    expect((await updateProject(db, project.id, two)).milestones).toHaveLength(2);
    await bindBoard(db, { host: 'trello', boardId: 'B1aaaaaa', name: 'B', projectId: project.id });
    await linkCard(db, { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1', milestoneId: milestones[1]!.id, title: 'c', url: 'https://trello.com/c/C1aaaaaa/1' });
    const before = await snapshot(db);
    await expect(updateProject(db, project.id, input({ milestones: [{ title: 'All', share: { kind: 'percent', basisPoints: 10_000 } }] }))).rejects.toThrow('“Rest” has linked cards or recorded work; it cannot be removed');
    expect(await snapshot(db)).toEqual(before);
  });

  it('freezes the total and shares once a milestone is invoiced, but lets titles change', async () => {
    const { db, client, project, milestones, input } = await setup();
    await issueInvoice(db, milestoneInvoiceDraft({ seller: client, buyer: client, project, milestone: milestones[0]!, issueDate: '2026-11-24', supplyDate: '2026-11-24' }), { pattern: '{seq}', yearlyReset: false });
    const before = await snapshot(db);
    await expect(updateProject(db, project.id, input({ total: 1 }))).rejects.toThrow(/already accepted or invoiced/);
    expect(await snapshot(db)).toEqual(before);
    const renamed = input();
    renamed.milestones[2]!.title = 'Launch';
    expect((await updateProject(db, project.id, renamed)).milestones[2]!.title).toBe('Launch');
  });

  it('rejects a schedule that no longer adds up, writing nothing', async () => {
    const { db, project, input } = await setup();
    const before = await snapshot(db);
    const broken = input();
    broken.milestones[0]!.share = { kind: 'percent', basisPoints: 1000 };
    await expect(updateProject(db, project.id, broken)).rejects.toThrow('The percentages add up to 77 %, not 100 %');
    expect(await snapshot(db)).toEqual(before);
  });
});
