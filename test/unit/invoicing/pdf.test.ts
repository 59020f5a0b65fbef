import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../lib/db/entities';
import type { InvoiceDocument } from '../../../lib/invoicing/document';
import { renderInvoicePdf } from '../../../lib/invoicing/pdf';
import { pdfText, testFonts } from './support';

const invoice: Invoice = {
  id: 'i1', kind: 'invoice', number: 'INV-2026-0007', series: 'invoice:2026', sequence: 7, projectId: 'p1', clientId: 'c1', milestoneId: 'm2',
  currency: 'EUR', issueDate: '2026-11-24', supplyDate: '2026-11-21', dueDate: '2026-12-08',
  seller: { name: 'Northwind Design Studio', address: 'Kastanienallee 12, 10435 Berlin', taxId: 'DE123456789', email: 'billing@northwind.example' },
  buyer: { name: 'Acme Retail GmbH', address: 'Hafenstraße 3, 20457 Hamburg', taxId: 'DE987654321', email: 'ap@acme.example' },
  lines: [{ kind: 'milestone', description: 'Acme website redesign: Functional prototype', quantity: 1, unit: '', unitPrice: 480_000, amount: 480_000, category: 'standard' }],
  taxLines: [{ name: 'VAT', basisPoints: 1900, category: 'standard', base: 480_000, amount: 91_200 }],
  reverseCharge: false, net: 480_000, tax: 91_200, gross: 571_200, createdAt: 1,
};
const document: InvoiceDocument = {
  invoice,
  draft: false,
  locale: 'en-US',
  project: { name: 'Acme website redesign', contractRef: 'ACME-2026-07', termsText: 'Net 14' },
  shareText: '40 % of the contract total of €12,000.00',
  payment: { instructions: 'IBAN DE89 3704 0044 0532 0130 00', link: 'https://pay.northwind.example/acme' },
  acceptance: { by: 'Dana Client', on: '2026-11-22', evidence: 'https://mail.example/thread/42' },
  cardUrls: ['https://trello.com/c/Pr0toT1p/6-clickable-prototype'],
  amountDue: 571_200,
};
const render = async (doc: InvoiceDocument) => renderInvoicePdf(doc, await testFonts());

describe('the invoice PDF', () => {
  it('carries every field an invoice must carry, as text', async () => {
    const [page] = await pdfText((await render(document)).bytes);
    for (const expected of [
      'INVOICE', 'Northwind Design Studio', 'Kastanienallee 12, 10435 Berlin', 'Tax ID DE123456789', 'billing@northwind.example',
      'BILL TO', 'Acme Retail GmbH', 'Hafenstraße 3, 20457 Hamburg', 'VAT ID DE987654321',
      'Invoice number INV-2026-0007', 'Issue date 2026-11-24', 'Date of supply 2026-11-21', 'Due date 2026-12-08',
      'Payment terms Net 14', 'Project Acme website redesign', 'Contract reference ACME-2026-07',
      'Acme website redesign: Functional prototype', '40 % of the contract total of €12,000.00',
      'Net amount €4,800.00', 'VAT 19 % of €4,800.00 €912.00', 'Total (EUR) €5,712.00', 'Amount due €5,712.00',
      'Net 14, due 2026-12-08.', 'IBAN DE89 3704 0044 0532 0130 00', 'https://pay.northwind.example/acme',
      'by Dana Client on 2026-11-22 (https://mail.example/thread/42)', 'https://trello.com/c/Pr0toT1p/6-clickable-prototype', 'Page 1 of 1',
    ]) expect(page, expected).toContain(expected);
  });

  it('says "Reverse charge" and charges no VAT when the buyer accounts for it', async () => {
    const reverse = { ...invoice, taxLines: [], tax: 0, gross: 480_000, reverseCharge: true };
    const [page] = await pdfText((await render({ ...document, invoice: reverse })).bytes);
    expect(page).toContain('Reverse charge: VAT is to be accounted for by the recipient');
    expect(page).toContain('VAT €0.00');
    expect(page).toContain('Total (EUR) €4,800.00');
  });

  it('prints Greek and Cyrillic names and the ₹ ₺ ₽ ₴ signs as text', async () => {
    for (const [currency, locale, sign] of [['INR', 'en-IN', '₹'], ['TRY', 'tr-TR', '₺'], ['RUB', 'ru-RU', '₽'], ['UAH', 'uk-UA', '₴']] as const) {
      const unicode = {
        ...document,
        locale,
        invoice: { ...invoice, currency, buyer: { ...invoice.buyer, name: 'Ελληνική Εταιρεία – ООО «Ромашка»' } },
      };
      const rendered = await render(unicode);
      const [page] = await pdfText(rendered.bytes);
      expect(rendered.missingCharacters, currency).toEqual([]);
      expect(page).toContain('Ελληνική Εταιρεία – ООО «Ромашка»');
      expect(page, currency).toContain(sign);
    }
  });

  it('names the characters the font cannot print instead of dropping them silently', async () => {
    const chinese = { ...document, invoice: { ...invoice, buyer: { ...invoice.buyer, name: '上海设计有限公司 Acme' } } };
    expect((await render(chinese)).missingCharacters).toEqual(['上', '海', '设', '计', '有', '限', '公', '司']);
  });

  it('flows long invoices onto further pages, numbered', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      ...invoice.lines[0]!, kind: 'extra' as const, description: `Line ${i + 1}: a deliverable with a long description that wraps onto a second line of text`, unitPrice: 12_000, amount: 12_000,
    }));
    const rendered = await render({ ...document, invoice: { ...invoice, lines } });
    const pages = await pdfText(rendered.bytes);
    expect(rendered.pages).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages.join(' ')).toContain('Line 40: a deliverable');
    expect(pages.at(-1)).toContain('Amount due');
  });

  it('marks a draft so that it can never pass for an invoice', async () => {
    const [page] = await pdfText((await render({ ...document, draft: true })).bytes);
    expect(page).toContain('DRAFT – NOT AN INVOICE');
    expect(page).toContain('Invoice number Assigned when issued');
  });

  it('stays small with the embedded font', async () => {
    expect((await render(document)).bytes.length).toBeLessThan(80 * 1024);
  });
});
