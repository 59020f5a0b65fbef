import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../lib/db/invoices';
import { recordAcceptance, advanceMilestone } from '../../../lib/db/milestones';
import { recordPayment } from '../../../lib/db/payments';
import { putSetting } from '../../../lib/db/settings';
import { draftPdf, invoiceMilestone, voidInvoice, type EngineContext } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { pdfText, testFonts } from './support';

async function setup(overrides: Parameters<typeof clientAndProject>[1] = {}) {
  const db = freshDatabase();
  const made = await clientAndProject(db, overrides);
  await putSetting(db, 'businessProfile', {
    name: 'Northwind Design Studio', address: 'Berlin', taxId: 'DE1', email: 'b@n.example', paymentInstructions: 'IBAN DE89', paymentLink: '',
  });
  const ctx: EngineContext = { db, fonts: testFonts, today: '2026-11-24', locale: 'en-US', now: 1_000 };
  return { db, ctx, ...made };
}

describe('the invoice engine', () => {
  it('issues a milestone invoice with its PDF stored and hashed, and returns the same bytes again', async () => {
    const { db, ctx, milestones } = await setup();
    await advanceMilestone(db, milestones[0]!.id, 'delivered', '2026-11-20');
    const issued = await invoiceMilestone(ctx, milestones[0]!.id);
    expect(issued.created).toBe(true);
    expect(issued.invoice).toMatchObject({ number: 'INV-2026-0001', supplyDate: '2026-11-20', issueDate: '2026-11-24', dueDate: '2026-12-08', gross: 39_600 });
    expect(issued.file.sha256).toBe(await sha256Hex(issued.file.bytes));
    expect(issued.file.filename).toBe('INV-2026-0001 Acme Retail GmbH - Deposit.pdf');
    const again = await invoiceMilestone(ctx, milestones[0]!.id);
    expect(again.created).toBe(false);
    expect(again.file.bytes).toEqual(issued.file.bytes);
    expect(await db.invoices.count()).toBe(1);
  });

  it('issues extra lines with the milestone line, each taxed and printed in the table', async () => {
    const { ctx, milestones } = await setup();
    const extras = [
      { description: 'Extra hours', quantity: 2.5, unit: 'h', unitPrice: 8_000, category: 'standard' as const },
      { description: 'Discount', quantity: 1, unit: '', unitPrice: -3_000, category: 'standard' as const },
    ];
    const issued = await invoiceMilestone(ctx, milestones[0]!.id, { extras });
    expect(issued.invoice.lines.map((line) => [line.kind, line.amount])).toEqual([['milestone', 33_000], ['extra', 20_000], ['extra', -3_000]]);
    expect(issued.invoice).toMatchObject({ net: 50_000, tax: 10_000, gross: 60_000 });
    const [page] = await pdfText(issued.file.bytes);
    expect(page).toContain('Extra hours 2,5 h 80,00 € 200,00 €');
    expect(page).toContain('VAT 20 % auf 500,00 € 100,00 €');
  });

  it('gives one invoice when two tabs trigger the same milestone at once', async () => {
    const { db, ctx, milestones } = await setup();
    const both = await Promise.all([invoiceMilestone(ctx, milestones[1]!.id), invoiceMilestone(ctx, milestones[1]!.id)]);
    expect(both.map((issued) => issued.created).sort()).toEqual([false, true]);
    expect(both[0]!.invoice.id).toBe(both[1]!.invoice.id);
    expect(await db.invoices.count()).toBe(1);
    expect(await db.invoiceFiles.count()).toBe(1);
  });

  it('issues only after acceptance on a project that requires it, and prints the acceptance', async () => {
    const { db, ctx, milestones } = await setup({ invoiceOn: 'acceptance' });
    await advanceMilestone(db, milestones[1]!.id, 'delivered', '2026-11-20');
    const preview = await draftPdf(ctx, milestones[1]!.id);
    expect((await pdfText(preview.bytes))[0]).toContain('ENTWURF – KEINE RECHNUNG');
    expect(await db.invoices.count()).toBe(0);
    await recordAcceptance(db, milestones[1]!.id, { by: 'Dana Client', on: '2026-11-22', evidence: 'https://mail.example/42' });
    const issued = await invoiceMilestone(ctx, milestones[1]!.id);
    expect((await pdfText(issued.file.bytes))[0]).toContain('Abgenommen von Dana Client am 22.11.2026 (https://mail.example/42)');
    expect((await db.milestones.get(milestones[1]!.id))?.state).toBe('invoiced');
  });

  it('refuses an acceptance before delivery, and an acceptance without a name', async () => {
    const { db, milestones } = await setup({ invoiceOn: 'acceptance' });
    await expect(recordAcceptance(db, milestones[1]!.id, { by: 'Dana', on: '2026-11-22', evidence: '' })).rejects.toThrow(/can next be/);
    await advanceMilestone(db, milestones[1]!.id, 'delivered', '2026-11-20');
    await expect(recordAcceptance(db, milestones[1]!.id, { by: ' ', on: '2026-11-22', evidence: '' })).rejects.toThrow('Say who accepted the milestone');
  });

  it('voids through a credit note in its own series that refers to the invoice', async () => {
    const { db, ctx, milestones } = await setup();
    const { invoice } = await invoiceMilestone(ctx, milestones[0]!.id);
    const credit = await voidInvoice(ctx, invoice.id);
    expect(credit.invoice).toMatchObject({ kind: 'credit-note', number: 'CN-2026-0001', creditsInvoiceId: invoice.id, gross: invoice.gross });
    const [page] = await pdfText(credit.file.bytes);
    expect(page).toContain('RECHNUNGSKORREKTUR');
    expect(page).toContain('Korrigiert Rechnung INV-2026-0001 vom 24.11.2026');
    expect(await db.invoices.get(invoice.id)).toMatchObject({ voidedBy: credit.invoice.id });
    expect(await db.milestones.get(milestones[0]!.id)).toMatchObject({ state: 'planned' });
    expect((await db.milestones.get(milestones[0]!.id))?.invoiceId).toBeUndefined();
    await expect(voidInvoice(ctx, invoice.id)).rejects.toThrow('Invoice INV-2026-0001 is already void');
  });

  it('bills the last milestone its own share, and settles the contract on its PDF: prepayment deducted, payments listed', async () => {
    const { db, ctx, milestones } = await setup({ taxes: { mode: 'exclusive', rates: [], reverseCharge: false } });
    const deposit = await invoiceMilestone(ctx, milestones[0]!.id);
    expect(deposit.invoice.prepayment).toBe(true);
    await recordPayment(db, { invoiceId: deposit.invoice.id, amount: 33_000, date: '2026-11-24', method: 'Bank', note: '' });
    await advanceMilestone(db, milestones[1]!.id, 'delivered', '2026-11-21');
    const prototype = await invoiceMilestone(ctx, milestones[1]!.id);
    expect(prototype.invoice).toMatchObject({ supplyDate: '2026-11-21' });
    expect(prototype.invoice.prepayment).toBeUndefined();
    await advanceMilestone(db, milestones[2]!.id, 'delivered', '2026-11-22');
    const last = await invoiceMilestone(ctx, milestones[2]!.id);
    expect(last.invoice.net).toBe(33_999);
    expect(last.invoice.prepayments).toEqual([{ invoiceId: deposit.invoice.id, number: 'INV-2026-0001', issueDate: '2026-11-24', gross: 33_000 }]);
    const [page] = await pdfText(last.file.bytes);
    expect(page).toContain('Vertragssumme 999,99 €');
    expect(page).toContain('Abzüglich Anzahlungsrechnung INV-2026-0001 vom 24.11.2026 −330,00 €');
    expect(page).toContain('Abzüglich Rechnung INV-2026-0002 vom 24.11.2026 −330,00 €');
    expect(page).toContain('Diese Rechnung, jetzt fällig 339,99 €');
    expect(page).toContain('Zahlung erhalten am 24.11.2026 −330,00 €');
    expect(page).toContain('Offen aus dem Vertrag nach dieser Rechnung 669,99 €');
  });

  it('does not deduct a voided prepayment invoice on the final invoice', async () => {
    const { ctx, milestones } = await setup();
    const deposit = await invoiceMilestone(ctx, milestones[0]!.id);
    await voidInvoice(ctx, deposit.invoice.id);
    const last = await invoiceMilestone(ctx, milestones[2]!.id);
    expect(last.invoice.prepayments).toBeUndefined();
    expect((await pdfText(last.file.bytes))[0]).not.toContain('INV-2026-0001');
  });

  it('takes no number while the client’s address or, under reverse charge, VAT ID is missing', async () => {
    const { db, ctx, client, milestones, project } = await setup();
    await db.clients.update(client.id, { address: '', taxId: '' });
    await expect(invoiceMilestone(ctx, milestones[0]!.id)).rejects.toThrow('Nothing was issued. Add the address of Acme Retail GmbH to the client.');
    await db.clients.update(client.id, { address: 'Hamburg' });
    await db.projects.update(project.id, { taxes: { ...project.taxes, reverseCharge: true } });
    await expect(invoiceMilestone(ctx, milestones[0]!.id)).rejects.toThrow('Add the VAT ID of Acme Retail GmbH to the client: reverse charge needs it');
    expect(await db.invoices.count()).toBe(0);
    expect(await db.counters.count()).toBe(0);
    await db.clients.update(client.id, { taxId: 'FR12345678901' });
    expect((await invoiceMilestone(ctx, milestones[0]!.id)).invoice.number).toBe('INV-2026-0001');
  });

  it('asks for the business profile before the first invoice, and issues nothing', async () => {
    const { db, ctx, milestones } = await setup();
    await putSetting(db, 'businessProfile', { name: '', address: '', taxId: '', email: '', paymentInstructions: '', paymentLink: '' });
    await expect(invoiceMilestone(ctx, milestones[0]!.id)).rejects.toThrow(
      'Nothing was issued. Add your business name in Settings. Add your business address in Settings. Add your VAT ID / tax number in Settings.',
    );
    expect(await db.invoices.count()).toBe(0);
    expect(await db.counters.count()).toBe(0);
  });
});
