import type { LatePaymentTerms, PaymentTerms } from '../../billing/terms';
import type { PrintFormats } from '../print-locale';
import type { Labels } from './en';

/** "Net 14", "Zahlbar innerhalb von 14 Tagen": payment terms as the client's language states them. */
export function paymentTermsText(terms: PaymentTerms, words: Labels): string {
  switch (terms.kind) {
    case 'on-receipt':
      return words.termsOnReceipt;
    case 'net':
      return words.termsNet(String(terms.days));
    case 'end-of-month':
      return terms.days ? words.termsEndOfMonthPlus(String(terms.days)) : words.termsEndOfMonth;
  }
}

/** The late-payment terms in a sentence, rates and fees written in the client's locale. */
export function lateTermsText(terms: LatePaymentTerms, { money, percent, words }: Pick<PrintFormats, 'money' | 'percent'> & { words: Labels }): string {
  switch (terms.kind) {
    case 'monthly-percent':
      return words.lateMonthly(percent(terms.basisPoints));
    case 'eu-statutory':
      return words.lateEuStatutory(percent(terms.referenceBasisPoints));
    case 'flat-fee':
      return words.lateFlatFee(money(terms.amount));
  }
}
