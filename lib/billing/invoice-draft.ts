import { t } from '../ui/i18n';
import type { IsoDate } from './dates';
import type { Share } from './schedule';
import { categoryOf, computeTaxes, milestoneCategory, type TaxCategory, type TaxPolicy } from './tax';
import { dueDate, type LatePaymentTerms, type PaymentTerms } from './terms';

export interface Party {
  name: string;
  address: string;
  taxId: string;
  email: string;
}

/** The client as the invoice states it, with the locale and paper its PDF is printed in. */
export interface Buyer extends Party {
  locale?: string;
  paper?: 'a4' | 'letter';
}

/** An extra line on a milestone invoice: expenses, extra hours, a discount (negative unit price). */
export interface ExtraLine {
  description: string;
  /** Up to three decimals (2.5 hours). */
  quantity: number;
  unit: string;
  /** Minor units, in the project's price basis (tax included or not). */
  unitPrice: number;
  category: TaxCategory;
}

export interface InvoiceLine extends ExtraLine {
  kind: 'milestone' | 'extra';
  /** quantity × unit price, rounded to the minor unit. */
  amount: number;
}

/** An earlier prepayment invoice of the contract, as the final invoice lists it (EN 16931 BG-3). */
export interface PrepaymentReference {
  invoiceId: string;
  number: string;
  issueDate: IsoDate;
  gross: number;
}

export interface DraftInput {
  seller: Party;
  buyer: Buyer;
  project: {
    id: string; clientId: string; name: string; contractRef: string; currency: string; taxes: TaxPolicy; terms: PaymentTerms;
    latePayment?: LatePaymentTerms;
  };
  /** `amount` is the milestone's own share of the contract, in the contract total's basis. */
  milestone: { id: string; title: string; deliverable: string; share: Share; amount: number };
  extras?: readonly ExtraLine[];
  /** On the final milestone: the contract's prepayment invoices, deducted on its PDF. */
  prepayments?: readonly PrepaymentReference[];
  issueDate: IsoDate;
  /** The day the milestone was delivered; absent when it is billed before any delivery. */
  supplyDate?: IsoDate;
}

const QUANTITY_SCALE = 1000n;

/** quantity × unit price in minor units, rounded half away from zero (quantity to 3 decimals). */
export function lineAmount(quantity: number, unitPrice: number): number {
  const product = BigInt(Math.round(quantity * 1000)) * BigInt(unitPrice);
  const sign = product < 0n ? -1n : 1n;
  return Number((sign * (product * sign * 2n + QUANTITY_SCALE)) / (QUANTITY_SCALE * 2n));
}

/**
 * Everything an invoice for one milestone states, short of its number (assigned at issue). A
 * milestone billed before any delivery is a prepayment invoice: it has no date of supply yet, so
 * its supply date is its issue date and is never printed.
 */
export function milestoneInvoiceDraft({ seller, buyer, project, milestone, extras = [], prepayments = [], issueDate, supplyDate }: DraftInput) {
  const lines = invoiceLines(project, milestone, extras);
  const taxes = computeTaxes(lines, project.taxes);
  return {
    kind: 'invoice' as const,
    projectId: project.id,
    clientId: project.clientId,
    milestoneId: milestone.id,
    currency: project.currency,
    issueDate,
    supplyDate: supplyDate ?? issueDate,
    dueDate: dueDate(issueDate, project.terms),
    seller,
    buyer: buyerSnapshot(buyer),
    lines,
    pricesIncludeTax: project.taxes.mode === 'inclusive',
    taxLines: taxes.lines,
    reverseCharge: project.taxes.reverseCharge,
    net: taxes.net,
    tax: taxes.tax,
    gross: taxes.gross,
    ...(project.latePayment ? { latePayment: project.latePayment } : {}),
    ...(supplyDate ? {} : { prepayment: true as const }),
    ...(prepayments.length ? { prepayments: [...prepayments] } : {}),
  };
}

/** What a milestone invoice with these extra lines will total, as it will be issued: shown before the user confirms. */
export function invoiceTotals(project: Pick<DraftInput['project'], 'name' | 'taxes'>, milestone: DraftInput['milestone'], extras: readonly ExtraLine[]) {
  return computeTaxes(invoiceLines(project, milestone, extras), project.taxes);
}

function buyerSnapshot({ name, address, taxId, email, locale, paper }: Buyer): Buyer {
  return { name, address, taxId, email, ...(locale ? { locale } : {}), ...(paper ? { paper } : {}) };
}

function invoiceLines(project: Pick<DraftInput['project'], 'name' | 'taxes'>, milestone: DraftInput['milestone'], extras: readonly ExtraLine[]): InvoiceLine[] {
  const deliverable = milestone.deliverable.trim() ? ` – ${milestone.deliverable.trim()}` : '';
  const milestoneLine: InvoiceLine = {
    kind: 'milestone',
    description: `${project.name}: ${milestone.title}${deliverable}`,
    quantity: 1,
    unit: '',
    unitPrice: milestone.amount,
    amount: milestone.amount,
    category: milestoneCategory(project.taxes),
  };
  return [milestoneLine, ...extras.map((extra) => ({ ...extra, kind: 'extra' as const, amount: lineAmount(extra.quantity, extra.unitPrice) }))];
}

/** The fields of a draft that the law requires, as the checks below read them. */
export interface LegalFacts {
  seller: Party;
  buyer: Party;
  reverseCharge: boolean;
  taxLines: readonly { name: string; basisPoints: number; category: TaxCategory; exemption?: string }[];
}

/**
 * What must be added before an invoice may take a number (EU VAT Directive art. 226, US
 * practice), each said as the fix: empty when the invoice can be complete.
 */
export function missingForIssue({ seller, buyer, reverseCharge, taxLines }: LegalFacts): string[] {
  const missing: string[] = [];
  if (!seller.name.trim()) missing.push(t('fixBusinessName'));
  if (!seller.address.trim()) missing.push(t('fixBusinessAddress'));
  if (!seller.taxId.trim()) missing.push(t('fixTaxId'));
  if (!buyer.address.trim()) missing.push(t('fixClientAddress', buyer.name.trim() || t('theClient')));
  if (reverseCharge && !buyer.taxId.trim()) missing.push(t('fixClientVatId', buyer.name.trim() || t('theClient')));
  for (const row of taxLines) {
    if ((row.category === 'zero' || row.category === 'exempt') && !row.exemption?.trim()) {
      missing.push(row.category === 'zero' ? t('fixZeroWording', row.name) : t('fixExemptWording', row.name));
    }
  }
  return missing;
}
