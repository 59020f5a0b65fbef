import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../lib/db/entities';
import { putSetting } from '../../../lib/db/settings';
import { invoiceMilestone, invoicePdf, type EngineContext } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase } from '../db/helpers';
import type { InvoiceDocument } from '../../../lib/invoicing/document';
import { renderInvoicePdf } from '../../../lib/invoicing/pdf';
import { overlaps, pdfLayout, pdfText, testFonts } from './support';
import { scanPdf } from './qr-decode';

const invoice: Invoice = {
  id: 'i1', kind: 'invoice', number: 'INV-2026-0007', series: 'invoice:2026', sequence: 7, projectId: 'p1', clientId: 'c1', milestoneId: 'm2',
  currency: 'EUR', issueDate: '2026-11-24', supplyDate: '2026-11-21', dueDate: '2026-12-08',
  seller: { name: 'Northwind Design Studio', address: 'Kastanienallee 12, 10435 Berlin', taxId: 'DE123456789', email: '', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  buyer: { name: 'Acme Retail GmbH', address: 'Hafenstraße 3, 20457 Hamburg', taxId: 'DE987654321', email: '' },
  lines: [{ kind: 'milestone', description: 'Functional prototype', quantity: 1, unit: '', unitPrice: 480_000, amount: 480_000, category: 'standard' }],
  taxLines: [{ name: 'VAT', basisPoints: 1900, category: 'standard', base: 480_000, amount: 91_200 }],
  reverseCharge: false, net: 480_000, tax: 91_200, gross: 571_200, createdAt: 1,
};
const document: InvoiceDocument = {
  invoice, draft: false, locale: 'en-IE', paper: 'a4',
  project: { name: 'Acme website redesign', contractRef: '', termsText: 'Net 14' },
  payment: { instructions: '', link: 'https://pay.northwind.example/acme?invoice=INV-2026-0007' },
  cardUrls: [], amountDue: 571_200,
};
const render = async (doc: InvoiceDocument) => renderInvoicePdf(doc, await testFonts());
const withoutAccount = { ...invoice, seller: { ...invoice.seller, iban: undefined, bic: undefined } };

// Each scan runs pdftoppm and zbarimg on a rendered page: about a second idle, several on a busy two-core machine.
describe('the payment code printed on the invoice, as a banking app reads it', { timeout: 30_000 }, () => {
  it('is an EPC transfer of the amount due to the seller’s IBAN, with the invoice number as reference', async () => {
    const { bytes } = await render({ ...document, amountDue: 271_200 });
    expect(scanPdf(bytes)).toEqual(['BCD\n002\n1\nSCT\nCOBADEFFXXX\nNorthwind Design Studio\nDE89370400440532013000\nEUR2712.00\n\n\nINV-2026-0007']);
    const [page] = await pdfText(bytes);
    expect(page).toContain('Scan to pay with your banking app SEPA credit transfer of €2,712.00 to Northwind Design Studio, DE89 3704 0044 0532 0130 00, reference INV-2026-0007');
  });

  it('carries a name outside ASCII as UTF-8', async () => {
    const seller = { ...invoice.seller, name: 'Atelier Müller & Søn — Νίκος' };
    expect(scanPdf((await render({ ...document, invoice: { ...invoice, seller } })).bytes)[0]!.split('\n')[5]).toBe('Atelier Müller & Søn — Νίκος');
  });

  it('is the payment link when the seller has no IBAN', async () => {
    const { bytes } = await render({ ...document, invoice: withoutAccount });
    expect(scanPdf(bytes)).toEqual(['https://pay.northwind.example/acme?invoice=INV-2026-0007']);
    expect((await pdfText(bytes))[0]).toContain('Scan to pay online https://pay.northwind.example/acme?invoice=INV-2026-0007');
  });

  it('is the payment link on a USD invoice, and there is none without a link', async () => {
    const usd = { ...invoice, currency: 'USD' };
    expect(scanPdf((await render({ ...document, invoice: usd })).bytes)).toEqual(['https://pay.northwind.example/acme?invoice=INV-2026-0007']);
    const { bytes } = await render({ ...document, invoice: usd, payment: { instructions: '', link: '' } });
    expect(scanPdf(bytes)).toEqual([]);
    expect((await pdfText(bytes))[0]).not.toContain('Scan to pay');
  });

  it('is never on a credit note', async () => {
    const credit = { ...invoice, kind: 'credit-note' as const, number: 'CN-2026-0001', creditsInvoiceId: 'i0' };
    expect(scanPdf((await render({ ...document, invoice: credit, credits: { number: 'INV-2026-0001', issueDate: '2026-11-01' } })).bytes)).toEqual([]);
  });

  it('is never on a draft, nor on an invoice already paid', async () => {
    expect(scanPdf((await render({ ...document, draft: true })).bytes)).toEqual([]);
    expect(scanPdf((await render({ ...document, amountDue: 0 })).bytes)).toEqual([]);
  });

  it('keeps the payment details on the page of the code, however long the invoice', async () => {
    let movedToNextPage = false;
    for (let count = 10; count <= 30; count++) {
      const lines = Array.from({ length: count }, (_, i) => ({ ...invoice.lines[0]!, description: `Deliverable ${i + 1}` }));
      const pages = await pdfText((await render({ ...document, invoice: { ...invoice, lines } })).bytes);
      const withCode = pages.findIndex((page) => page.includes('Scan to pay with your banking app'));
      expect(pages[withCode], `${count} lines`).toContain('Bank transfer IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX');
      expect(pages[withCode], `${count} lines`).toContain('Payment Net 14, due');
      movedToNextPage ||= withCode > 0 && pages[0]!.includes('Total (EUR)');
    }
    // Some length leaves room for the notes but not the code on page 1: the case this is about.
    expect(movedToNextPage).toBe(true);
  });

  it('leaves the caption clear of every other text', async () => {
    expect(overlaps(await pdfLayout((await render(document)).bytes))).toEqual([]);
  });
});

describe('an issued invoice’s payment code', { timeout: 30_000 }, () => {
  it('pays into the account the seller had when it was issued, not one entered later', async () => {
    const db = freshDatabase();
    const { milestones } = await clientAndProject(db);
    const profile = { name: 'Northwind Design Studio', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' };
    await putSetting(db, 'businessProfile', { ...profile, iban: 'de89 3704 0044 0532 0130 00' });
    const ctx: EngineContext = { db, fonts: testFonts, today: '2026-11-24', locale: 'en-US', now: 1_000 };
    const issued = await invoiceMilestone(ctx, milestones[0]!.id);
    expect(issued.invoice.seller).toMatchObject({ iban: 'DE89370400440532013000' });
    await putSetting(db, 'businessProfile', { ...profile, iban: 'FR1420041010050500013M02606' });
    await db.invoiceFiles.clear();
    const again = await invoicePdf(ctx, issued.invoice.id);
    expect(again.file.bytes).toEqual(issued.file.bytes);
    expect(scanPdf(again.file.bytes)).toEqual([`BCD\n002\n1\nSCT\n\nNorthwind Design Studio\nDE89370400440532013000\nEUR${(issued.invoice.gross / 100).toFixed(2)}\n\n\nINV-2026-0001`]);
  });
});
