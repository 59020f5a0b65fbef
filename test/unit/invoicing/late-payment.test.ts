import { describe, expect, it } from 'vitest';
import { saveClient } from '../../../lib/db/clients';
import type { Project } from '../../../lib/db/entities';
import { putSetting } from '../../../lib/db/settings';
import { invoiceMilestone, invoicePdf, voidInvoice, type EngineContext } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase } from '../db/helpers';
import { pdfText, testFonts } from './support';

async function issued(latePayment: Project['latePayment'], locale = 'en-US') {
  const db = freshDatabase();
  const made = await clientAndProject(db, latePayment ? { latePayment } : {});
  await saveClient(db, { ...made.client, locale });
  await putSetting(db, 'businessProfile', { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' });
  const ctx: EngineContext = { db, fonts: testFonts, today: '2026-11-24', locale: 'en-US', now: 1_000 };
  const invoice = await invoiceMilestone(ctx, made.milestones[0]!.id);
  return { db, ctx, ...made, issued: invoice, text: (await pdfText(invoice.file.bytes)).join(' ') };
}

describe('late-payment terms on the invoice', () => {
  it('prints a monthly rate right after the payment terms', async () => {
    const { text, issued: { invoice } } = await issued({ kind: 'monthly-percent', basisPoints: 150 });
    expect(text).toContain('Payment Net 14, due 12/08/2026. Late payment: interest of 1.5 % per month on overdue amounts.');
    expect(invoice.latePayment).toEqual({ kind: 'monthly-percent', basisPoints: 150 });
  });

  it('prints the EU statutory interest and compensation', async () => {
    const { text } = await issued({ kind: 'eu-statutory', referenceBasisPoints: 215 }, 'de-DE');
    expect(text).toContain('fällig am 08.12.2026. Zahlungsverzug: Zinsen in Höhe des EZB-Referenzzinssatzes (2,15 %) zuzüglich 8 Prozentpunkten pro Jahr sowie eine Pauschale von 40 EUR (Richtlinie 2011/7/EU).');
  });

  it('writes a flat fee in the client’s locale', async () => {
    const { text } = await issued({ kind: 'flat-fee', amount: 2_500 }, 'de-DE');
    expect(text).toContain('Zahlungsverzug: eine Gebühr von 25,00 €, sobald eine Rechnung überfällig ist.');
  });

  it('prints nothing about late payment when the project has no such terms', async () => {
    const { text, issued: { invoice } } = await issued(undefined);
    expect(text).toContain('Payment Net 14, due 12/08/2026. Page 1 of 1');
    expect(text).not.toContain('Late payment');
    expect(invoice).not.toHaveProperty('latePayment');
  });

  it('keeps the terms the invoice was issued with: a re-render after the project changed is byte-identical', async () => {
    const { db, ctx, project, issued: first } = await issued({ kind: 'monthly-percent', basisPoints: 150 });
    await db.projects.update(project.id, { latePayment: { kind: 'flat-fee', amount: 5_000 } });
    await db.invoiceFiles.clear();
    const again = await invoicePdf(ctx, first.invoice.id);
    expect(again.file.bytes).toEqual(first.file.bytes);
    expect((await pdfText(again.file.bytes)).join(' ')).toContain('interest of 1.5 % per month');
  });

  it('is not printed on the credit note that voids the invoice', async () => {
    const { ctx, issued: first } = await issued({ kind: 'monthly-percent', basisPoints: 150 });
    const credit = await voidInvoice(ctx, first.invoice.id);
    expect((await pdfText(credit.file.bytes)).join(' ')).not.toContain('Late payment');
  });
});
