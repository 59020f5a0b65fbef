import { describe, expect, it } from 'vitest';
import { bindBoard, linkCard } from '../../../lib/db/boards';
import { putSetting } from '../../../lib/db/settings';
import { createRouter } from '../../../lib/messaging/router';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { handlerContext } from './context';

const trust = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const fromTrello = { id: 'ext', url: 'https://trello.com/b/B1aaaaaa/board', frameId: 0, tabId: 1 };
const fromPage = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const profile = { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' };

async function setup(invoiceOn: 'done' | 'acceptance' = 'done', withProfile = true) {
  const db = freshDatabase();
  const made = await clientAndProject(db, { invoiceOn });
  if (withProfile) await putSetting(db, 'businessProfile', profile);
  await bindBoard(db, { host: 'trello', boardId: 'B1aaaaaa', name: 'Board', projectId: made.project.id });
  await linkCard(db, { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1', milestoneId: made.milestones[1]!.id, title: 'Proto', url: 'https://trello.com/c/C1aaaaaa/1-p' });
  const ctx = handlerContext(db);
  const route = createRouter(ctx, trust);
  const reachDone = () => route({ type: 'card.placed', payload: { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1', column: 'Done' } }, fromTrello);
  return { db, ctx, route, reachDone, ...made };
}

describe('delivery to invoice', () => {
  it('issues, stores and announces the invoice when a linked card reaches Done', async () => {
    const { db, ctx, reachDone } = await setup();
    expect(await reachDone()).toEqual({ ok: true, value: 'delivered' });
    expect(ctx.sent.issued).toEqual([{ number: 'INV-2026-0001', folder: 'Invoices', now: true }]);
    expect(await db.invoiceFiles.count()).toBe(1);
    await reachDone();
    expect(ctx.sent.issued).toHaveLength(1);
  });

  it('waits for acceptance on projects that require it, then issues', async () => {
    const { db, ctx, route, reachDone, milestones } = await setup('acceptance');
    await reachDone();
    expect(await db.invoices.count()).toBe(0);
    expect(ctx.sent.notices).toEqual([{ title: '“Prototype” delivered', message: 'Record the client’s acceptance in the workspace to issue its invoice.' }]);
    const accepted = await route({ type: 'milestone.accept', payload: { milestoneId: milestones[1]!.id, by: 'Dana', on: '2026-11-25', evidence: '' } }, fromPage);
    expect(accepted).toMatchObject({ ok: true, value: { number: 'INV-2026-0001', created: true } });
  });

  it('keeps the delivery and says why when the invoice cannot be issued yet', async () => {
    const { db, ctx, reachDone, milestones } = await setup('done', false);
    expect(await reachDone()).toEqual({ ok: true, value: 'delivered' });
    expect((await db.milestones.get(milestones[1]!.id))?.state).toBe('delivered');
    expect(ctx.sent.notices[0]).toEqual({ title: '“Prototype” delivered, but not invoiced', message: 'Nothing was issued. Add your business name in Settings. Add your business address in Settings. Add your VAT ID / tax number in Settings.' });
  });
});

describe('invoice messages', () => {
  it('invoices delivered work in one click from the board, only within its own project', async () => {
    // Delivered but not invoiced: the profile was incomplete when the card reached Done.
    const { db, route, reachDone, milestones } = await setup('done', false);
    const other = await clientAndProject(freshDatabase());
    const refused = await route({ type: 'board.invoice-now', payload: { host: 'trello', boardId: 'B1aaaaaa', milestoneId: other.milestones[0]!.id } }, fromTrello);
    expect(refused).toEqual({ ok: false, error: "That milestone is not in this board's project" });
    await reachDone();
    await putSetting(db, 'businessProfile', profile);
    const delivered = { host: 'trello', boardId: 'B1aaaaaa', milestoneId: milestones[1]!.id };
    const reply = await route({ type: 'board.invoice-now', payload: delivered }, fromTrello);
    expect(reply.ok && (reply.value as { detail: { milestones: { state: string }[] } }).detail.milestones[1]!.state).toBe('invoiced');
  });

  it('refuses to bill undelivered work from the board, which cannot ask first, and writes nothing', async () => {
    const { db, ctx, route, milestones } = await setup();
    const before = await snapshot(db);
    const reply = await route({ type: 'board.invoice-now', payload: { host: 'trello', boardId: 'B1aaaaaa', milestoneId: milestones[0]!.id } }, fromTrello);
    expect(reply).toEqual({ ok: false, error: 'Only delivered work is invoiced from the board: to bill it earlier, use “Invoice now…” in the workspace' });
    expect(await snapshot(db)).toEqual(before);
    expect(ctx.sent.issued).toEqual([]);
  });

  it('downloads the stored bytes, records payments and voids by credit note from the pages only', async () => {
    const { db, ctx, route, milestones } = await setup();
    const issued = await route({ type: 'milestone.invoice', payload: { milestoneId: milestones[0]!.id } }, fromPage);
    const invoiceId = issued.ok ? (issued.value as { invoiceId: string }).invoiceId : '';
    const downloaded = await route({ type: 'invoice.download', payload: { invoiceId } }, fromPage);
    expect(downloaded).toEqual({ ok: true, value: { sha256: (await db.invoiceFiles.get(invoiceId))!.sha256 } });
    expect(ctx.sent.downloads).toEqual([{ filename: 'Invoices/INV-2026-0001 Acme Retail GmbH - Deposit.pdf', bytes: expect.any(Number) }]);
    expect(await route({ type: 'invoice.void', payload: { invoiceId } }, fromTrello)).toMatchObject({ ok: false });
    expect(await route({ type: 'invoice.payment', payload: { invoiceId, amount: -5, date: '2026-11-25', method: '', note: '' } }, fromPage)).toEqual({
      ok: false,
      error: 'A payment must be more than zero',
    });
    const before = await snapshot(db);
    expect(await route({ type: 'invoice.payment', payload: { invoiceId, amount: 10, date: 'yesterday', method: '', note: '' } }, fromPage)).toMatchObject({ ok: false });
    expect(await snapshot(db)).toEqual(before);
    expect(await route({ type: 'invoice.void', payload: { invoiceId } }, fromPage)).toMatchObject({ ok: true, value: { number: 'CN-2026-0001' } });
  });
});
