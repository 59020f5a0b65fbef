import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../lib/db/entities';
import type { InvoiceDocument } from '../../../lib/invoicing/document';
import { renderInvoicePdf } from '../../../lib/invoicing/pdf';
import { overlaps, pdfLayout, pdfText, testFonts } from './support';

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
  paper: 'a4',
  project: { name: 'Acme website redesign', contractRef: 'ACME-2026-07', termsText: 'Net 14' },
  share: { basisPoints: 4000, contractTotal: 1_200_000, basis: 'before tax' },
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
      'Invoice number INV-2026-0007', 'Issue date 11/24/2026', 'Date of supply 11/21/2026', 'Due date 12/08/2026',
      'Payment terms Net 14', 'Project Acme website redesign', 'Contract reference ACME-2026-07',
      'Acme website redesign: Functional prototype', '40 % of the contract total of €12,000.00 (before tax)',
      'Net amount €4,800.00', 'VAT 19 % of €4,800.00 €912.00', 'Total (EUR) €5,712.00',
      'Net 14, due 12/08/2026.', 'IBAN DE89 3704 0044 0532 0130 00', 'https://pay.northwind.example/acme',
      'by Dana Client on 11/22/2026 (https://mail.example/thread/42)', 'https://trello.com/c/Pr0toT1p/6-clickable-prototype', 'Page 1 of 1',
    ]) expect(page, expected).toContain(expected);
  });

  it('puts the amount due and the due date at the top, and prints the seller’s name once', async () => {
    const [page] = await pdfText((await render(document)).bytes);
    expect(page).toMatch(/^Northwind Design Studio INVOICE Amount due €5,712\.00 Due 12\/08\/2026 FROM Kastanienallee/);
    expect(page!.split('Northwind Design Studio')).toHaveLength(2);
    // "Amount due" again among the totals only when it differs from the total.
    expect(page!.split('Amount due')).toHaveLength(2);
  });

  it('shows "Amount due" among the totals when payments make it differ from the total', async () => {
    const [page] = await pdfText((await render({ ...document, amountDue: 271_200 })).bytes);
    expect(page).toContain('Amount due €2,712.00 Due 12/08/2026');
    expect(page).toContain('Total (EUR) €5,712.00 Amount due €2,712.00');
  });

  it('lays the lines out as a table: description, quantity, unit price, amount', async () => {
    const extras = [
      { kind: 'extra' as const, description: 'Extra hours', quantity: 2.5, unit: 'h', unitPrice: 8_000, amount: 20_000, category: 'standard' as const },
      { kind: 'extra' as const, description: 'Discount', quantity: 1, unit: '', unitPrice: -10_000, amount: -10_000, category: 'standard' as const },
    ];
    const [page] = await pdfText((await render({ ...document, invoice: { ...invoice, lines: [...invoice.lines, ...extras] } })).bytes);
    expect(page).toContain('Description Quantity Unit price Amount Acme website redesign: Functional prototype');
    expect(page).toContain('1 €4,800.00 €4,800.00');
    expect(page).toContain('Extra hours 2.5 h €80.00 €200.00');
    expect(page).toContain('Discount 1 -€100.00 -€100.00');
  });

  it('wraps long tax labels and amounts of 10^10 without any text overlapping', async () => {
    const huge = 1_000_000_000_000;
    const taxLines = [
      { name: 'New York State sales tax (Metropolitan Commuter Transportation District)', basisPoints: 400, category: 'standard' as const, base: huge, amount: 40_000_000_000 },
      { name: 'New York City local sales tax', basisPoints: 450, category: 'standard' as const, base: huge, amount: 45_000_000_000 },
    ];
    const enormous = 999_999_999_999_999; // near the largest safe integer: 9,999,999,999,999.99
    const lines = [{ ...invoice.lines[0]!, unitPrice: huge, amount: huge }, { ...invoice.lines[0]!, kind: 'extra' as const, quantity: 1, unitPrice: enormous, amount: enormous }];
    const big = { ...invoice, currency: 'USD', lines, taxLines, net: huge, tax: 85_000_000_000, gross: 1_085_000_000_000 };
    const bytes = (await render({ ...document, amountDue: big.gross, invoice: big })).bytes;
    expect(overlaps(await pdfLayout(bytes))).toEqual([]);
    const [page] = await pdfText(bytes);
    expect(page).toContain('$10,850,000,000.00');
    expect(page).toContain('$400,000,000.00');
  });

  it('says "Reverse charge" and charges no VAT when the buyer accounts for it', async () => {
    const reverse = { ...invoice, taxLines: [{ name: 'VAT', basisPoints: 0, category: 'reverse-charge' as const, base: 480_000, amount: 0 }], tax: 0, gross: 480_000, reverseCharge: true };
    const [page] = await pdfText((await render({ ...document, amountDue: 480_000, invoice: reverse })).bytes);
    expect(page).toContain('Reverse charge: VAT is to be accounted for by the recipient');
    expect(page).toContain('VAT: reverse charge €0.00');
    expect(page).toContain('Total (EUR) €4,800.00');
  });

  it('prints the wording of an exempt rate', async () => {
    const exempt = { ...invoice, taxLines: [{ name: 'VAT', basisPoints: 0, category: 'exempt' as const, exemption: 'Exempt under §4 Nr. 21 UStG', base: 480_000, amount: 0 }], tax: 0, gross: 480_000 };
    const [page] = await pdfText((await render({ ...document, amountDue: 480_000, invoice: exempt })).bytes);
    expect(page).toContain('VAT 0 %: Exempt under §4 Nr. 21 UStG');
  });

  it('calls a deposit billed before delivery a prepayment invoice, with no date of supply', async () => {
    const [page] = await pdfText((await render({ ...document, invoice: { ...invoice, prepayment: true, supplyDate: invoice.issueDate } })).bytes);
    expect(page).toContain('PREPAYMENT INVOICE');
    expect(page).toContain('Type Prepayment invoice: a payment on account before delivery');
    expect(page).not.toContain('supply');
    expect(page).toContain('the final invoice of the contract deducts it');
  });

  it('says a credit note corrects a prepayment, without calling itself one', async () => {
    const credit = { ...invoice, kind: 'credit-note' as const, number: 'CN-2026-0001', prepayment: true as const, supplyDate: invoice.issueDate };
    const [page] = await pdfText((await render({ ...document, invoice: credit, credits: { number: 'INV-2026-0001', issueDate: '2026-11-24' } })).bytes);
    expect(page).toContain('CREDIT NOTE');
    expect(page).toContain('Type Credit for a prepayment invoice');
    expect(page).not.toContain('PREPAYMENT INVOICE');
    expect(page).not.toContain('deducts it');
  });

  it('settles the contract on the final invoice: the total, the prepayment deducted, this invoice', async () => {
    const summary = {
      earlier: [
        { number: 'INV-2026-0001', issueDate: '2026-10-01', gross: 428_400, prepayment: true },
        { number: 'INV-2026-0004', issueDate: '2026-11-01', gross: 571_200, prepayment: false },
      ],
      payments: [{ date: '2026-10-05', amount: 428_400 }],
    };
    const [page] = await pdfText((await render({ ...document, summary })).bytes);
    expect(page).toContain('Contract total €15,708.00');
    expect(page).toContain('Less prepayment invoice INV-2026-0001 of 10/01/2026 −€4,284.00');
    expect(page).toContain('Less invoice INV-2026-0004 of 11/01/2026 −€5,712.00');
    expect(page).toContain('This invoice, due now €5,712.00');
    expect(page).toContain('Payment received 10/05/2026 −€4,284.00');
    expect(page).toContain('Outstanding on the contract after this invoice €11,424.00');
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

  it('flows long invoices onto further pages that repeat the number and the column headings', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      ...invoice.lines[0]!, kind: 'extra' as const, description: `Line ${i + 1}: a deliverable with a long description that wraps onto a second line of text`, unitPrice: 12_000, amount: 12_000,
    }));
    const rendered = await render({ ...document, invoice: { ...invoice, lines } });
    const pages = await pdfText(rendered.bytes);
    expect(rendered.pages).toBeGreaterThan(2);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      if (index > 0) expect(page, `page ${index + 1}`).toMatch(/^Invoice INV-2026-0007 Northwind Design Studio Description Quantity Unit price Amount/);
    }
    expect(pages.join(' ')).toContain('Line 40: a deliverable');
    expect(pages.at(-1)).toContain('Total (EUR)');
    expect(overlaps(await pdfLayout(rendered.bytes))).toEqual([]);
  });

  it('marks a draft on every page so that it can never pass for an invoice', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => ({ ...invoice.lines[0]!, description: `Line ${i + 1} of a long draft` }));
    const pages = await pdfText((await render({ ...document, draft: true, invoice: { ...invoice, lines } })).bytes);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.split('DRAFT – NOT AN INVOICE').length, page.slice(0, 60)).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toContain('Invoice number Assigned when issued');
  });

  it('stays small with the embedded font', async () => {
    expect((await render(document)).bytes.length).toBeLessThan(80 * 1024);
  });
});
