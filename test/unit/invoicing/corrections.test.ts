import { describe, expect, it } from 'vitest';
import { invoicesCsv, paymentsCsv } from '../../../lib/backup/csv';
import { exposureReport } from '../../../lib/db/exposure';
import { listInvoices } from '../../../lib/db/invoice-list';
import { projectInvoices } from '../../../lib/db/invoices';
import { recordPayment, recordRefund, refundablePayments } from '../../../lib/db/payments';
import { putSetting } from '../../../lib/db/settings';
import { creditInvoice, invoiceMilestone, voidInvoice, type EngineContext } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { pdfText, testFonts } from './support';

async function setup(overrides: Parameters<typeof clientAndProject>[1] = {}) {
  const db = freshDatabase();
  const made = await clientAndProject(db, overrides);
  await putSetting(db, 'businessProfile', {
    name: 'Northwind Design Studio', address: 'Berlin', taxId: 'DE1', email: 'b@n.example', paymentInstructions: 'IBAN DE89', paymentLink: '',
  });
  const ctx: EngineContext = { db, fonts: testFonts, today: '2026-11-24', locale: 'en-US', now: 1_000 };
  // The deposit: 330.00 net + 20 % VAT = 396.00.
  const { invoice } = await invoiceMilestone(ctx, made.milestones[0]!.id);
  const rowOf = async () => (await projectInvoices(db, made.project.id)).find((row) => row.invoice.id === invoice.id)!;
  const stateOf = async () => (await db.milestones.get(made.milestones[0]!.id))!.state;
  const pay = (amount: number) => recordPayment(db, { invoiceId: invoice.id, amount, date: '2026-11-25', method: 'Bank', note: '' });
  return { db, ctx, invoice, rowOf, stateOf, pay, ...made };
}

describe('a partial credit note', () => {
  it('credits part of an unpaid invoice with its reason, lowers the balance and prints the amount with its tax', async () => {
    const { db, ctx, invoice, rowOf, stateOf } = await setup();
    const credit = await creditInvoice(ctx, invoice.id, { amount: 12_000, reason: 'Two pages dropped from the scope' });
    expect(credit.invoice).toMatchObject({ kind: 'credit-note', number: 'CN-2026-0001', creditsInvoiceId: invoice.id, net: 10_000, tax: 2_000, gross: 12_000 });
    expect(credit.invoice.lines).toEqual([expect.objectContaining({ description: 'Credit for INV-2026-0001: Two pages dropped from the scope', amount: 12_000 })]);
    expect(await rowOf()).toMatchObject({ balance: 27_600 });
    expect(await stateOf()).toBe('invoiced');
    expect((await db.invoices.get(invoice.id))!.voidedBy).toBeUndefined();
    const [page] = await pdfText(credit.file.bytes);
    expect(page).toContain('RECHNUNGSKORREKTUR');
    expect(page).toContain('Korrigiert Rechnung INV-2026-0001');
    expect(page).toContain('Two pages dropped from the scope');
    expect(page).toContain('120,00 €');
  });

  it('refuses more than is still creditable, an empty reason or a zero amount, and changes nothing', async () => {
    const { db, ctx, invoice } = await setup();
    await creditInvoice(ctx, invoice.id, { amount: 30_000, reason: 'Scope cut' });
    const before = await snapshot(db);
    await expect(creditInvoice(ctx, invoice.id, { amount: 9_601, reason: 'More' })).rejects.toThrow('The credit is more than the €96.00 of INV-2026-0001 not yet credited');
    await expect(creditInvoice(ctx, invoice.id, { amount: 100, reason: '  ' })).rejects.toThrow(/Say why the invoice is credited/);
    await expect(creditInvoice(ctx, invoice.id, { amount: 0, reason: 'x' })).rejects.toThrow('A credit must be more than zero');
    expect(await snapshot(db)).toEqual(before);
  });

  it('voids the invoice when it credits all that is left, so its milestone can be billed again', async () => {
    const { db, ctx, invoice, stateOf } = await setup();
    await creditInvoice(ctx, invoice.id, { amount: 30_000, reason: 'Scope cut' });
    const rest = await creditInvoice(ctx, invoice.id, { amount: 9_600, reason: 'Project cancelled' });
    expect(rest.invoice.gross).toBe(9_600);
    expect(await db.invoices.get(invoice.id)).toMatchObject({ voidedBy: rest.invoice.id });
    expect(await stateOf()).toBe('planned');
    await expect(creditInvoice(ctx, invoice.id, { amount: 1, reason: 'More' })).rejects.toThrow('Invoice INV-2026-0001 is already void');
  });

  it('splits the credit among the invoice’s tax categories in proportion, each taxed at its own rate', async () => {
    const { ctx, milestones } = await setup({
      taxes: { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 1900 }, { name: 'VAT reduced', basisPoints: 700, category: 'reduced' }], reverseCharge: false },
    });
    // 330.00 + 19 % = 392.70 standard; 100.00 of books + 7 % = 107.00 reduced; 499.70 in all.
    const { invoice } = await invoiceMilestone(ctx, milestones[1]!.id, { extras: [{ description: 'Books', quantity: 1, unit: '', unitPrice: 10_000, category: 'reduced' }] });
    expect(invoice.gross).toBe(49_970);
    const credit = await creditInvoice(ctx, invoice.id, { amount: 10_000, reason: 'Goodwill' });
    expect(credit.invoice.gross).toBe(10_000);
    expect(credit.invoice.lines.map((line) => [line.description, line.category, line.amount])).toEqual([
      ['Credit for INV-2026-0002: Goodwill (standard-rated part)', 'standard', 7_859],
      ['Credit for INV-2026-0002: Goodwill (reduced-rated part)', 'reduced', 2_141],
    ]);
    expect(credit.invoice.taxLines.map((row) => [row.name, row.base, row.amount])).toEqual([['VAT', 6_604, 1_255], ['VAT reduced', 2_001, 140]]);
  });
});

describe('corrections after payment', () => {
  it('voids a part-paid invoice with a full credit note; the payment waits for its refund, then the invoice is settled', async () => {
    const { db, ctx, invoice, rowOf, stateOf, pay, milestones } = await setup();
    const payment = await pay(10_000);
    const credit = await voidInvoice(ctx, invoice.id, 'Wrong client address');
    expect(credit.invoice).toMatchObject({ gross: 39_600 });
    expect(credit.invoice.lines[0]!.description).toBe('Credit for Website: Deposit (Wrong client address)');
    expect(await stateOf()).toBe('planned');
    expect(await rowOf()).toMatchObject({ paid: 10_000, balance: 0 });
    expect(await refundablePayments(db, invoice.id)).toEqual([{ payment, refundable: 10_000 }]);
    await recordRefund(db, { paymentId: payment.id, amount: 10_000, date: '2026-11-26', note: 'Returned by transfer' });
    expect(await rowOf()).toMatchObject({ paid: 0, balance: 0 });
    expect(await refundablePayments(db, invoice.id)).toEqual([]);
    // Billed again for its own share, with a new number.
    expect((await invoiceMilestone(ctx, milestones[0]!.id)).invoice).toMatchObject({ number: 'INV-2026-0002', gross: 39_600 });
  });

  it('voids a paid invoice after a partial credit with a credit note for the rest only', async () => {
    const { db, ctx, invoice, pay } = await setup();
    await pay(39_600);
    await creditInvoice(ctx, invoice.id, { amount: 6_000, reason: 'Late delivery' });
    const rest = await voidInvoice(ctx, invoice.id);
    expect(rest.invoice).toMatchObject({ gross: 33_600, net: 28_000, tax: 5_600 });
    expect(rest.invoice.lines[0]!.description).toBe('Credit for the rest of INV-2026-0001');
    const credited = (await db.invoices.toArray()).filter((doc) => doc.kind === 'credit-note').reduce((acc, doc) => acc + doc.gross, 0);
    expect(credited).toBe(invoice.gross);
  });

  it('keeps a paid invoice paid after a partial credit, and refunds the overpayment against the payment, never more than was paid', async () => {
    const { db, ctx, invoice, rowOf, stateOf, pay } = await setup();
    const payment = await pay(39_600);
    expect(await stateOf()).toBe('paid');
    await creditInvoice(ctx, invoice.id, { amount: 6_000, reason: 'Late delivery' });
    expect(await stateOf()).toBe('paid');
    const before = await snapshot(db);
    await expect(recordRefund(db, { paymentId: payment.id, amount: 39_601, date: '2026-11-26', note: '' }))
      .rejects.toThrow('The refund is more than the €396.00 left to refund of the payment of €396.00 on 2026-11-25');
    await expect(recordRefund(db, { paymentId: 'nope', amount: 1, date: '2026-11-26', note: '' })).rejects.toThrow('That payment does not exist');
    expect(await snapshot(db)).toEqual(before);
    const refund = await recordRefund(db, { paymentId: payment.id, amount: 6_000, date: '2026-11-26', note: '' });
    expect(refund).toMatchObject({ amount: -6_000, refundOf: payment.id, method: 'Bank' });
    expect(await rowOf()).toMatchObject({ paid: 33_600, balance: 0 });
    expect(await stateOf()).toBe('paid');
    await expect(recordRefund(db, { paymentId: refund.id, amount: 1, date: '2026-11-26', note: '' })).rejects.toThrow('That payment does not exist');
  });

  it('reopens the balance when a payment is refunded without a credit: the milestone is part paid again', async () => {
    const { db, invoice, rowOf, stateOf, pay } = await setup();
    const payment = await pay(39_600);
    await recordRefund(db, { paymentId: payment.id, amount: 9_600, date: '2026-11-26', note: 'Paid twice by mistake' });
    expect(await rowOf()).toMatchObject({ paid: 30_000, balance: 9_600 });
    expect(await stateOf()).toBe('partially-paid');
    const [row] = await listInvoices(db, '2026-11-26');
    expect(row).toMatchObject({ state: 'open', balance: 9_600 });
    await recordRefund(db, { paymentId: payment.id, amount: 30_000, date: '2026-11-27', note: '' });
    expect(await stateOf()).toBe('invoiced');
    expect(invoice.gross).toBe(39_600);
  });

  it('takes a payment after a partial credit only up to the reduced balance, then marks it paid', async () => {
    const { ctx, invoice, rowOf, stateOf, pay } = await setup();
    await creditInvoice(ctx, invoice.id, { amount: 9_600, reason: 'Discount agreed' });
    await expect(pay(30_001)).rejects.toThrow('The payment is more than the €300.00 still due on INV-2026-0001');
    await pay(30_000);
    expect(await rowOf()).toMatchObject({ balance: 0 });
    expect(await stateOf()).toBe('paid');
  });
});

describe('credit notes in totals', () => {
  it('count negative in the accountant’s CSV and lower the exposure by their amount', async () => {
    const { db, ctx, invoice } = await setup();
    await creditInvoice(ctx, invoice.id, { amount: 12_000, reason: 'Scope cut' });
    const csv = invoicesCsv(await db.invoices.toArray(), await db.payments.toArray(), '2026-11-30', { spreadsheet: false });
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    const gross = header!.split(',').indexOf('Gross');
    const signed = rows.map((row) => Number(row.split(',')[gross]));
    expect(signed.sort((a, b) => a - b)).toEqual([-120, 396]);
    const report = await exposureReport(db, '2026-11-30');
    expect(report.byProject[0]).toMatchObject({ outstanding: 27_600 });
  });

  it('list a refund as a negative payment in the payments CSV, and lower what the exposure counts as paid', async () => {
    const { db, invoice, pay } = await setup();
    const payment = await pay(39_600);
    await recordRefund(db, { paymentId: payment.id, amount: 9_600, date: '2026-11-26', note: 'Paid twice' });
    const rows = paymentsCsv(await db.payments.toArray(), await db.invoices.toArray(), { spreadsheet: false }).trim().split(/\r?\n/);
    expect(rows.slice(1)).toEqual(['2026-11-25,INV-2026-0001,Acme Retail GmbH,396.00,EUR,Bank,', '2026-11-26,INV-2026-0001,Acme Retail GmbH,-96.00,EUR,Bank,Paid twice']);
    expect((await exposureReport(db, '2026-11-30')).byProject[0]).toMatchObject({ paid: 30_000, outstanding: 9_600 });
    expect(invoice.gross).toBe(39_600);
  });
});
