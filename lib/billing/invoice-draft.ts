import type { IsoDate } from './dates';
import type { Share } from './schedule';
import { computeTaxes, type TaxPolicy } from './tax';
import { dueDate, type PaymentTerms } from './terms';

export interface Party {
  name: string;
  address: string;
  taxId: string;
  email: string;
}

export interface DraftInput {
  seller: Party;
  buyer: Party;
  project: { id: string; clientId: string; name: string; contractRef: string; currency: string; taxes: TaxPolicy; terms: PaymentTerms };
  milestone: { id: string; title: string; deliverable: string; share: Share; amount: number };
  issueDate: IsoDate;
  /** The day the milestone was delivered; the issue date for a deposit. */
  supplyDate: IsoDate;
}

/** Everything an invoice for one milestone states, short of its number (assigned at issue). */
export function milestoneInvoiceDraft({ seller, buyer, project, milestone, issueDate, supplyDate }: DraftInput) {
  const taxes = computeTaxes(milestone.amount, project.taxes);
  const deliverable = milestone.deliverable.trim() ? ` – ${milestone.deliverable.trim()}` : '';
  return {
    kind: 'invoice' as const,
    projectId: project.id,
    clientId: project.clientId,
    milestoneId: milestone.id,
    currency: project.currency,
    issueDate,
    supplyDate,
    dueDate: dueDate(issueDate, project.terms),
    seller,
    buyer,
    lines: [{ description: `${project.name}: ${milestone.title}${deliverable}`, amount: taxes.net }],
    taxLines: taxes.lines,
    reverseCharge: project.taxes.reverseCharge,
    net: taxes.net,
    tax: taxes.tax,
    gross: taxes.gross,
  };
}
