import { describe, expect, it } from 'vitest';
import type { LatePaymentTerms } from '../../../lib/billing/terms';
import { labelsFor } from '../../../lib/invoicing/labels';
import { lateTermsText, paymentTermsText } from '../../../lib/invoicing/labels/terms';
import { textFormats } from '../../../lib/invoicing/text-formats';

const monthly: LatePaymentTerms = { kind: 'monthly-percent', basisPoints: 150 };
const statutory: LatePaymentTerms = { kind: 'eu-statutory', referenceBasisPoints: 215 };
const flat: LatePaymentTerms = { kind: 'flat-fee', amount: 2_500 };
const writing = (locale: string) => ({ ...textFormats(locale, 'EUR'), words: labelsFor(locale) });

describe('late-payment terms in words', () => {
  it.each([
    [monthly, 'Late payment: interest of 1.5 % per month on overdue amounts.'],
    [statutory, 'Late payment: interest at the ECB reference rate (2.15 %) plus 8 points a year, and a fixed compensation of 40 EUR (Directive 2011/7/EU).'],
    [flat, 'Late payment: a fee of €25.00 once an invoice is overdue.'],
  ] as const)('%o in English', (terms, words) => {
    expect(lateTermsText(terms, writing('en-US'))).toBe(words);
  });

  it('are written in the client’s language, rates and fees in its locale', () => {
    expect(lateTermsText(monthly, writing('es-ES'))).toBe('Demora en el pago: intereses del 1,5 % mensual sobre los importes vencidos.');
    expect(lateTermsText(flat, writing('nl-NL'))).toBe('Te late betaling: kosten van €\u00a025,00 zodra een factuur vervallen is.');
  });

  it('write Latin digits whatever the locale', () => {
    expect(lateTermsText(monthly, writing('ar-SA'))).toContain('1.5 %');
  });
});

describe('payment terms in words', () => {
  it.each([
    [{ kind: 'on-receipt' } as const, 'en', 'Due on receipt'],
    [{ kind: 'net', days: 14 } as const, 'en', 'Net 14'],
    [{ kind: 'end-of-month', days: 0 } as const, 'en', 'End of month'],
    [{ kind: 'end-of-month', days: 15 } as const, 'en', 'End of month + 15 days'],
    [{ kind: 'net', days: 30 } as const, 'de', 'Zahlbar innerhalb von 30 Tagen'],
    [{ kind: 'end-of-month', days: 15 } as const, 'fr', 'Paiement à 15 jours fin de mois'],
    [{ kind: 'on-receipt' } as const, 'it', 'Pagamento a vista'],
  ])('%o in %s: %s', (terms, language, text) => {
    expect(paymentTermsText(terms, labelsFor(language))).toBe(text);
  });
});
