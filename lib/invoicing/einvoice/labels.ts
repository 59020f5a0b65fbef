/**
 * The words an e-invoice carries as notes (EN 16931 BT-20, BT-22). English for now: the seam for
 * the client's language is this lookup, which takes the language and falls back to English.
 */
export interface EInvoiceLabels {
  prepayment: string;
  creditTerms: string;
  notSubjectToVat: string;
}

const english: EInvoiceLabels = {
  prepayment: 'Prepayment invoice: a payment on account before delivery.',
  creditTerms: 'The credited amount is refunded or set off against open invoices.',
  notSubjectToVat: 'Not subject to VAT',
};

const byLanguage: Record<string, EInvoiceLabels> = { en: english };

export function einvoiceLabels(locale: string | undefined): EInvoiceLabels {
  const language = (locale ?? 'en').split('-')[0]!.toLowerCase();
  return byLanguage[language] ?? english;
}
