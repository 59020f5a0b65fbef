import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../../lib/db/entities';
import { clientReminder } from '../../../lib/invoicing/reminder';

const invoice: Pick<Invoice, 'number' | 'currency' | 'dueDate' | 'seller' | 'buyer'> = {
  number: 'INV-2026-0001', currency: 'EUR', dueDate: '2026-10-30',
  seller: { name: 'Northwind Design Studio', address: 'Berlin', taxId: 'DE1', email: '', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  buyer: { name: 'Acme Retail GmbH', address: 'Hamburg', taxId: 'DE2', email: '', locale: 'de-DE' },
};
const payment = { instructions: '', link: 'https://pay.northwind.example/acme' };

describe('a reminder in the client’s language', () => {
  it('is German for a de-DE client, with German amounts, dates and the account to pay into', () => {
    expect(clientReminder({ invoice, balance: 278_400, daysOverdue: 26, payment })).toBe(
      'Acme Retail GmbH\n\nSehr geehrte Damen und Herren,\n\n' +
        'wir möchten Sie freundlich daran erinnern, dass die Rechnung INV-2026-0001 über 2.784,00\u00a0€ am 30.10.2026 fällig war (vor 26 Tagen). ' +
        'Sie können per Überweisung an IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX oder online unter https://pay.northwind.example/acme bezahlen.\n\n' +
        'Falls Sie bereits bezahlt haben, danken wir Ihnen und bitten Sie, diese Nachricht zu ignorieren.\n\nMit freundlichen Grüßen\nNorthwind Design Studio',
    );
  });

  it('is French for a fr-BE client, late-payment terms and charges included', () => {
    const text = clientReminder({
      invoice: { ...invoice, buyer: { ...invoice.buyer, locale: 'fr-BE' } }, balance: 100_000, daysOverdue: 30, payment: { instructions: '', link: '' },
      latePayment: { kind: 'monthly-percent', basisPoints: 150 }, lateCharges: 1_479,
    });
    expect(text).toContain('la facture INV-2026-0001 d’un montant de 1\u202f000,00\u00a0€ était à payer le 30/10/2026 (il y a 30 jours).');
    expect(text).toContain('Vous pouvez payer par virement à IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX.');
    expect(text).toContain('Retard de paiement : intérêts de 1,5 % par mois sur les montants échus. À ce jour, cette facture a généré 14,79\u00a0€ de frais de retard.');
  });

  it('is English for a client whose language we do not write, or an invoice without the buyer’s locale', () => {
    for (const locale of ['ja-JP', undefined]) {
      const text = clientReminder({ invoice: { ...invoice, seller: { ...invoice.seller, iban: undefined }, buyer: { ...invoice.buyer, locale } }, balance: 5_000, daysOverdue: -3, payment });
      expect(text).toMatch(/^Dear Acme Retail GmbH,\n\nThis is a friendly reminder that invoice INV-2026-0001 for .50\.00 is due on .+\. You can pay online at https:\/\/pay\.northwind\.example\/acme\.\n/);
    }
  });
});
