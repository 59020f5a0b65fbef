import type { Invoice } from '../db/entities';
import { labelsFor } from './labels';
import { textFormats } from './text-formats';

/**
 * The notification announcing an issued invoice or credit note, in its client's language and with
 * the amount as the PDF writes it: the user sees the document as the client will.
 */
export function issuedNotice(invoice: Pick<Invoice, 'kind' | 'number' | 'currency' | 'gross' | 'buyer' | 'lines'>): { title: string; message: string } {
  const locale = invoice.buyer.locale ?? 'en';
  const words = labelsFor(locale);
  const amount = textFormats(locale, invoice.currency).money(invoice.gross);
  return {
    title: invoice.kind === 'credit-note' ? words.issuedCreditNote(invoice.number) : words.issuedInvoice(invoice.number),
    message: `${invoice.buyer.name} · ${invoice.lines[0]!.description} · ${amount}`,
  };
}
