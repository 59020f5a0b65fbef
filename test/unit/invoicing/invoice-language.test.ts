import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../lib/db/entities';
import type { InvoiceDocument } from '../../../lib/invoicing/document';
import { renderInvoicePdf } from '../../../lib/invoicing/pdf';
import { overlaps, pdfLayout, testFonts } from './support';

const invoice: Invoice = {
  id: 'i1', kind: 'invoice', number: 'INV-2026-0007', series: 'invoice:2026', sequence: 7, projectId: 'p1', clientId: 'c1', milestoneId: 'm2',
  currency: 'EUR', issueDate: '2026-11-24', supplyDate: '2026-11-21', dueDate: '2026-12-08',
  seller: { name: 'Northwind Design Studio', address: 'Kastanienallee 12, 10435 Berlin', taxId: 'DE123456789', email: '', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  buyer: { name: 'Acme Retail', address: 'Rue de la Loi 1, 1000 Bruxelles', taxId: 'BE0123456789', email: '' },
  lines: [
    { kind: 'milestone', description: 'Functional prototype', quantity: 1, unit: '', unitPrice: 1_234_567, amount: 1_234_567, category: 'reverse-charge' },
    { kind: 'extra', description: 'Workshop', quantity: 2.5, unit: 'h', unitPrice: 8_000, amount: 20_000, category: 'reverse-charge' },
  ],
  taxLines: [{ name: 'VAT', basisPoints: 0, category: 'reverse-charge', base: 1_254_567, amount: 0 }],
  reverseCharge: true, net: 1_254_567, tax: 0, gross: 1_254_567, createdAt: 1,
};
const document: InvoiceDocument = {
  invoice, draft: false, locale: 'de-DE', paper: 'a4',
  project: { name: 'Acme website', contractRef: 'ACME-7', termsText: 'Zahlbar innerhalb von 14 Tagen' },
  share: { basisPoints: 4050, contractTotal: 3_048_313, basis: 'before tax' },
  payment: { instructions: '', link: '' },
  cardUrls: [], amountDue: 1_254_567,
};

/** The text poppler's pdftotext reads from the PDF, in reading order, wrapped lines joined by one space. */
async function pdftotext(doc: InvoiceDocument): Promise<string> {
  const { bytes } = renderInvoicePdf(doc, await testFonts());
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes, stdio: 'pipe' }).toString('utf8');
  return text.replace(/\s+/g, ' ').trim();
}

// Each case renders a PDF and runs poppler: well under a second idle, a few on a busy two-core machine.
describe('an invoice in the client’s language, as a PDF reader extracts it', { timeout: 20_000 }, () => {
  it('is German for a de-DE client: labels, reverse-charge wording, 1.234,56 € and 24.11.2026', async () => {
    const text = await pdftotext(document);
    for (const expected of [
      'Northwind Design Studio RECHNUNG', 'Zu zahlender Betrag', '12.545,67 €', 'Fällig am 08.12.2026', 'VON RECHNUNG AN',
      'Rechnungsnummer INV-2026-0007', 'Rechnungsdatum 24.11.2026', 'Leistungsdatum 21.11.2026', 'Fälligkeitsdatum 08.12.2026',
      'Zahlungsbedingungen Zahlbar innerhalb von 14 Tagen', 'Beschreibung Menge Einzelpreis Betrag',
      '40,5 % der Vertragssumme von 30.483,13 € (netto)', 'Workshop 2,5 h 80,00 € 200,00 €',
      'Nettobetrag 12.545,67 €', 'VAT: Steuerschuldnerschaft des 0,00 € Leistungsempfängers', 'Gesamtbetrag (EUR) 12.545,67 €',
      'Steuerschuldnerschaft des Leistungsempfängers: Die Umsatzsteuer schuldet der Leistungsempfänger',
      'Überweisung IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX', 'Mit Ihrer Banking-App scannen und bezahlen', 'Seite 1 von 1',
    ]) expect(text, expected).toContain(expected);
    expect(text).not.toMatch(/\b(Invoice|Amount due|Reverse charge|Page 1 of)\b/);
  });

  it('is French for a fr-BE client: autoliquidation, 12 545,67 € and 24/11/2026', async () => {
    const text = await pdftotext({ ...document, locale: 'fr-BE', project: { ...document.project, termsText: 'Paiement à 14 jours' } });
    for (const expected of [
      'Northwind Design Studio FACTURE', 'Montant à payer', '12 545,67 €', 'Échéance le 08/12/2026', 'ÉMETTEUR CLIENT',
      'Numéro de facture INV-2026-0007', 'Date de facture 24/11/2026', 'Date de la prestation 21/11/2026', 'Date d’échéance 08/12/2026',
      'Description Quantité Prix unitaire Montant', '40,5 % du montant du contrat de 30 483,13 € (HT)', 'Workshop 2,5 h 80,00 € 200,00 €',
      'Total HT 12 545,67 €', 'VAT : autoliquidation 0,00 €', 'Total (EUR) 12 545,67 €',
      'Autoliquidation : la TVA est due par le preneur (article 196 de la directive 2006/112/CE).',
      'Virement IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX', 'Scannez pour payer avec votre application bancaire', 'Page 1 sur 1',
    ]) expect(text, expected).toContain(expected);
    expect(text).not.toMatch(/\b(Invoice|Amount due|Reverse charge|Page 1 of)\b/);
  });

  it.each(['de-DE', 'fr-FR', 'es-ES', 'nl-NL', 'it-IT', 'en-GB'])('lays out every label of a %s invoice without overlapping text', async (locale) => {
    const prepayment = { ...invoice, prepayment: true as const };
    const summary = { earlier: [{ number: 'INV-2026-0001', issueDate: '2026-10-01', gross: 100_000, prepayment: true }], payments: [{ date: '2026-10-05', amount: 100_000 }] };
    for (const doc of [document, { ...document, invoice: prepayment }, { ...document, summary }]) {
      expect(overlaps(await pdfLayout(renderInvoicePdf({ ...doc, locale }, await testFonts()).bytes))).toEqual([]);
    }
  });
});
