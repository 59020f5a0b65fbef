import { describe, expect, it } from 'vitest';
import { putSetting } from '../../../lib/db/settings';
import { createRouter } from '../../../lib/messaging/router';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { handlerContext } from './context';

const trust = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const fromTrello = { id: 'ext', url: 'https://trello.com/b/B1aaaaaa/board', frameId: 0, tabId: 1 };
const fromPage = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const profile = { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' };
const hours = { description: 'Extra hours', quantity: 2, unit: 'h', unitPrice: 5_000, category: 'standard' as const };

async function setup() {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  await putSetting(db, 'businessProfile', profile);
  const route = createRouter(handlerContext(db), trust);
  return { db, route, ...made };
}

describe('correction messages', () => {
  it('issues a milestone invoice with extra lines, and refuses more than 40 lines or an overlong description without issuing', async () => {
    const { db, route, milestones } = await setup();
    const before = await snapshot(db);
    const tooMany = await route({ type: 'milestone.invoice', payload: { milestoneId: milestones[0]!.id, extras: Array(41).fill(hours) } }, fromPage);
    expect(tooMany).toEqual({ ok: false, error: 'Invalid "milestone.invoice" message: At most 40 are allowed here' });
    const tooLong = await route({ type: 'milestone.invoice', payload: { milestoneId: milestones[0]!.id, extras: [{ ...hours, description: 'x'.repeat(301) }] } }, fromPage);
    expect(tooLong).toEqual({ ok: false, error: 'Invalid "milestone.invoice" message: Keep this to 300 characters or fewer' });
    expect(await snapshot(db)).toEqual(before);
    const issued = await route({ type: 'milestone.invoice', payload: { milestoneId: milestones[0]!.id, extras: [hours] } }, fromPage);
    expect(issued).toMatchObject({ ok: true, value: { number: 'INV-2026-0001' } });
    const [invoice] = await db.invoices.toArray();
    expect(invoice!.lines.map((line) => [line.description, line.amount])).toEqual([['Website: Deposit', 33_000], ['Extra hours', 10_000]]);
    expect(invoice!.gross).toBe(51_600);
  });

  it('credits part of an invoice and refunds a payment from the extension pages only', async () => {
    const { db, route, milestones } = await setup();
    const issued = await route({ type: 'milestone.invoice', payload: { milestoneId: milestones[0]!.id } }, fromPage);
    const invoiceId = issued.ok ? (issued.value as { invoiceId: string }).invoiceId : '';
    await route({ type: 'invoice.payment', payload: { invoiceId, amount: 39_600, date: '2026-11-25', method: 'Bank', note: '' } }, fromPage);
    const credit = { invoiceId, amount: 6_000, reason: 'Late delivery' };
    expect(await route({ type: 'invoice.credit', payload: credit }, fromTrello)).toMatchObject({ ok: false });
    expect(await route({ type: 'invoice.credit', payload: { ...credit, reason: ' ' } }, fromPage)).toMatchObject({ ok: false });
    expect(await route({ type: 'invoice.credit', payload: credit }, fromPage)).toMatchObject({ ok: true, value: { number: 'CN-2026-0001', created: true } });
    const [payment] = await db.payments.toArray();
    const refund = { paymentId: payment!.id, amount: 6_000, date: '2026-11-26', note: '' };
    expect(await route({ type: 'invoice.refund', payload: refund }, fromTrello)).toMatchObject({ ok: false });
    expect(await route({ type: 'invoice.refund', payload: { ...refund, amount: -1 } }, fromPage)).toMatchObject({ ok: false });
    expect(await route({ type: 'invoice.refund', payload: refund }, fromPage)).toEqual({ ok: true, value: null });
    expect((await db.payments.toArray()).map((p) => p.amount).sort((a, b) => a - b)).toEqual([-6_000, 39_600]);
    expect(await route({ type: 'invoice.void', payload: { invoiceId, reason: 'Cancelled' } }, fromPage)).toMatchObject({ ok: true, value: { number: 'CN-2026-0002' } });
  });
});
