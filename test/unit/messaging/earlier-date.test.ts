import { describe, expect, it } from 'vitest';
import { bindBoard } from '../../../lib/db/boards';
import { putSetting } from '../../../lib/db/settings';
import { createRouter } from '../../../lib/messaging/router';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { handlerContext } from './context';

const trust = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const fromTrello = { id: 'ext', url: 'https://trello.com/b/B1aaaaaa/board', frameId: 0, tabId: 1 };
const fromPage = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const profile = { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' };
const question = { issueDate: '2026-11-20', lastNumber: 'INV-2026-0001', lastDate: '2026-11-24' };

/** INV-2026-0001 issued on 24 November, then the computer's clock set back to the 20th. */
async function clockSetBack() {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  await putSetting(db, 'businessProfile', profile);
  await bindBoard(db, { host: 'trello', boardId: 'B1aaaaaa', name: 'Board', projectId: made.project.id });
  const first = await createRouter(handlerContext(db, '2026-11-24'), trust)({ type: 'milestone.invoice', payload: { milestoneId: made.milestones[0]!.id } }, fromPage);
  expect(first).toMatchObject({ ok: true, value: { number: 'INV-2026-0001' } });
  const ctx = handlerContext(db, '2026-11-20');
  return { db, ctx, route: createRouter(ctx, trust), next: made.milestones[1]! };
}

describe('issuing with a date earlier than the last invoice’s', () => {
  it('refuses "Invoice now" with the date and the last number to ask about, and writes nothing', async () => {
    const { db, ctx, route, next } = await clockSetBack();
    const before = await snapshot(db);
    const reply = await route({ type: 'milestone.invoice', payload: { milestoneId: next.id } }, fromPage);
    expect(reply).toMatchObject({ ok: false, earlierDate: question });
    expect(await snapshot(db)).toEqual(before);
    expect(ctx.sent.issued).toEqual([]);
  });

  it('issues the next number with the earlier date once the workspace confirms', async () => {
    const { db, ctx, route, next } = await clockSetBack();
    const reply = await route({ type: 'milestone.invoice', payload: { milestoneId: next.id, allowEarlierDate: true } }, fromPage);
    expect(reply).toMatchObject({ ok: true, value: { number: 'INV-2026-0002', created: true } });
    const issued = (await db.invoices.toCollection().sortBy('sequence')).map(({ number, issueDate }) => ({ number, issueDate }));
    expect(issued).toEqual([{ number: 'INV-2026-0001', issueDate: '2026-11-24' }, { number: 'INV-2026-0002', issueDate: '2026-11-20' }]);
    expect(ctx.sent.issued.map((sent) => sent.number)).toEqual(['INV-2026-0002']);
  });

  it('asks "Mark delivered" too: the milestone is delivered, not invoiced, and no notice stands in for the question', async () => {
    const { db, ctx, route, next } = await clockSetBack();
    const reply = await route({ type: 'milestone.deliver', payload: { milestoneId: next.id } }, fromPage);
    expect(reply).toMatchObject({ ok: false, earlierDate: question });
    expect(await db.milestones.get(next.id)).toMatchObject({ state: 'delivered' });
    expect(await db.invoices.count()).toBe(1);
    expect(ctx.sent.notices).toEqual([]);
  });

  it('never lets a board page send the override: its own action drops the flag, the workspace message is refused', async () => {
    const { db, route, next } = await clockSetBack();
    await route({ type: 'milestone.deliver', payload: { milestoneId: next.id } }, fromPage);
    const before = await snapshot(db);
    const badge = await route({ type: 'board.invoice-now', payload: { host: 'trello', boardId: 'B1aaaaaa', milestoneId: next.id, allowEarlierDate: true } }, fromTrello);
    expect(badge).toMatchObject({ ok: false, earlierDate: question });
    const forged = await route({ type: 'milestone.invoice', payload: { milestoneId: next.id, allowEarlierDate: true } }, fromTrello);
    expect(forged).toMatchObject({ ok: false });
    expect(await snapshot(db)).toEqual(before);
  });
});
