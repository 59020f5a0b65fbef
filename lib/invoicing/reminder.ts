import { printedIban } from '../billing/bank-account';
import { reminderText } from '../billing/reminder-text';
import type { LatePaymentTerms } from '../billing/terms';
import type { Invoice } from '../db/entities';
import { labelsFor } from './labels';
import { lateTermsText } from './labels/terms';
import { textFormats } from './text-formats';

/**
 * A reminder for one invoice in its client's language, amounts and dates written as the invoice
 * writes them (the buyer's locale when it was issued; English for invoices from before that).
 */
export function clientReminder({ invoice, balance, daysOverdue, payment, latePayment, lateCharges }: {
  invoice: Pick<Invoice, 'number' | 'currency' | 'dueDate' | 'seller' | 'buyer'>;
  balance: number;
  daysOverdue: number;
  payment: { instructions: string; link: string };
  latePayment?: LatePaymentTerms;
  /** Interest and fees accrued so far, in minor units. */
  lateCharges?: number;
}): string {
  const locale = invoice.buyer.locale ?? 'en';
  const formats = textFormats(locale, invoice.currency);
  const words = labelsFor(locale);
  const { iban, bic } = invoice.seller;
  const account = [payment.instructions, iban && `IBAN ${printedIban(iban)}`, iban && bic && `BIC ${bic}`].filter(Boolean).join(', ');
  return reminderText({
    words,
    client: invoice.buyer.name,
    number: invoice.number,
    amount: formats.money(balance),
    dueDate: formats.date(invoice.dueDate),
    daysOverdue,
    daysText: formats.quantity(daysOverdue),
    bankAccount: account,
    paymentLink: payment.link,
    sender: invoice.seller.name,
    ...(latePayment ? { lateTerms: lateTermsText(latePayment, { ...formats, words }) } : {}),
    ...(lateCharges ? { lateCharges: formats.money(lateCharges) } : {}),
  });
}
