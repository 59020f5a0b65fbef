import { describe, expect, it } from 'vitest';
import { issuedNotice } from '../../../lib/invoicing/issued-notice';

const invoice = {
  kind: 'invoice' as const, number: 'INV-2026-0001', currency: 'EUR', gross: 428_400,
  buyer: { name: 'Acme Retail GmbH', address: '', taxId: '', email: '', locale: 'de-AT' },
  lines: [{ kind: 'milestone' as const, description: 'Upfront deposit', quantity: 1, unit: '', unitPrice: 360_000, amount: 360_000, category: 'standard' as const }],
};

describe('the issue notification', () => {
  // Italian groups thousands from five digits on (CLDR), so 4284,00 €.
  it('names the document and writes the amount in the client’s language and locale', () => {
    expect(issuedNotice(invoice)).toEqual({ title: 'Rechnung INV-2026-0001 erstellt', message: 'Acme Retail GmbH · Upfront deposit · €\u00a04.284,00' });
    expect(issuedNotice({ ...invoice, kind: 'credit-note', number: 'CN-2026-0001', buyer: { ...invoice.buyer, locale: 'it-IT' } }))
      .toEqual({ title: 'Nota di credito CN-2026-0001 emessa', message: 'Acme Retail GmbH · Upfront deposit · 4284,00\u00a0€' });
  });

  it('is English for an invoice issued before buyers kept their locale, or a language we do not write', () => {
    for (const locale of [undefined, 'ja-JP']) {
      expect(issuedNotice({ ...invoice, buyer: { ...invoice.buyer, locale } }).title).toBe('Invoice INV-2026-0001 generated');
    }
  });
});
