import type { Invoice } from '../db/entities';

/** Everything printed on one invoice or credit note, gathered before rendering. */
export interface InvoiceDocument {
  invoice: Invoice;
  /** An unnumbered preview before acceptance: marked DRAFT, never a valid invoice. */
  draft: boolean;
  locale: string;
  project: { name: string; contractRef: string; termsText: string };
  /** "30 % of the contract total of €12,000.00 (tax included)", when the milestone is a share. */
  shareText: string;
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
