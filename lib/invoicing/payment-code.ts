import { encode } from 'uqr';
import { epcPayload } from './epc-qr';
import type { InvoiceDocument } from './document';

/** A QR code printed on an invoice for the client to pay by: a SEPA transfer, or the seller's payment page. */
export interface PaymentCode {
  kind: 'epc' | 'link';
  payload: string;
  /** Rows of modules, true for dark, without a quiet zone (the page leaves it). */
  modules: boolean[][];
}

/**
 * The EPC code when the seller's account takes SEPA transfers and the invoice is in euros; else a
 * code of the payment link. None on drafts and credit notes, nor when nothing is due.
 */
export function paymentCodeFor({ invoice, draft, amountDue, payment }: InvoiceDocument): PaymentCode | undefined {
  if (draft || invoice.kind !== 'invoice' || amountDue <= 0) return undefined;
  const { seller } = invoice;
  const epc = invoice.currency === 'EUR' && seller.iban
    ? epcPayload({ beneficiary: seller.name, iban: seller.iban, bic: seller.bic, amount: amountDue, remittance: invoice.number })
    : undefined;
  if (epc) return { kind: 'epc', payload: epc, modules: qrModules(epc) };
  if (/^https:\/\//.test(payment.link)) return { kind: 'link', payload: payment.link, modules: qrModules(payment.link) };
  return undefined;
}

/** Error correction M, as EPC069-12 requires; the payload goes in as UTF-8 bytes (its character set 1). */
function qrModules(payload: string): boolean[][] {
  return encode([...new TextEncoder().encode(payload)], { ecc: 'M', boostEcc: false, border: 0 }).data;
}
