import type { Invoice } from '../db/entities';
import type { Paper } from './print-locale';

/** Everything printed on one invoice or credit note, gathered before rendering. */
export interface InvoiceDocument {
  invoice: Invoice;
  /** An unnumbered preview before acceptance: marked DRAFT, never a valid invoice. */
  draft: boolean;
  /** The client's invoice locale: how amounts and dates are written, whatever the browser's locale. */
  locale: string;
  paper: Paper;
  project: { name: string; contractRef: string; termsText: string };
  /** When the milestone is a share: printed as "30 % of the contract total of €12,000.00 (tax included)". */
  share?: { basisPoints: number; contractTotal: number; basis: 'tax included' | 'before tax' };
  payment: { instructions: string; link: string };
  logo?: string;
  acceptance?: { by: string; on: string; evidence: string };
  cardUrls: string[];
  /** For a credit note: the invoice it corrects. */
  credits?: { number: string; issueDate: string };
  /** What the client still owes on this document: the total less payments already recorded on it. */
  amountDue: number;
  /** On the last milestone's invoice: the other invoices of the contract and the payments on them. */
  summary?: {
    earlier: { number: string; issueDate: string; gross: number; prepayment: boolean }[];
    payments: { date: string; amount: number }[];
  };
}
