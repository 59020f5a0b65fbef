import { daysBetween, type IsoDate } from './dates';
import { computeTaxes, milestoneCategory, type TaxPolicy } from './tax';

/**
 * Receivables and unpaid exposure, per project and currency, as defined in invoicing.md.
 * Everything is computed "as of" a date: only invoices issued, payments received, milestones
 * delivered and credit notes issued on or before it count. An invoice due today is current.
 *
 * Exposure has one basis, what the client owes tax included: open invoices at their gross
 * balance, delivered or in-progress work at the gross its invoice will carry. So exposure does
 * not move on the day an invoice is issued.
 */
export interface ProjectFacts {
  id: string;
  currency: string;
  /** Contract total, net of tax, in minor units. */
  total: number;
  /** The taxes its invoices will carry. */
  taxes: TaxPolicy;
}

export interface MilestoneFacts {
  id: string;
  projectId: string;
  /** Net amount in minor units. */
  amount: number;
  startedOn?: IsoDate;
  deliveredOn?: IsoDate;
  /** Void today; as of an earlier date it is void only if its invoice was credited by then. */
  void?: boolean;
}

export interface InvoiceFacts {
  id: string;
  projectId: string;
  milestoneId?: string;
  kind: 'invoice' | 'credit-note';
  /** For a credit note: the invoice it corrects. */
  creditsInvoiceId?: string;
  currency: string;
  net: number;
  /** What the client owes: net plus tax. */
  gross: number;
  /** Its lines: the milestone's own share and any extras (expenses, extra hours, a discount). */
  lines?: readonly { kind: 'milestone' | 'extra'; amount: number }[];
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** The credit note that voids it; it counts from that credit note's issue date. */
  voidedBy?: string;
}

export interface PaymentFacts {
  invoiceId: string;
  amount: number;
  date: IsoDate;
}

export const agingBuckets = ['1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof agingBuckets)[number];

export interface InvoiceBalance<I extends InvoiceFacts = InvoiceFacts> {
  invoice: I;
  balance: number;
  /** Days past the due date; 0 or less is current. */
  daysOverdue: number;
  bucket: AgingBucket | 'current';
}

export interface Receivables {
  projectId: string;
  currency: string;
  invoiced: number;
  paid: number;
  deliveredNotInvoiced: number;
  outstanding: number;
  current: number;
  overdue: Record<AgingBucket, number>;
  overdueTotal: number;
  unpaidExposure: number;
  atRiskExposure: number;
  remainingToBill: number;
}

export function bucketFor(daysOverdue: number): AgingBucket | 'current' {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}

const onOrBefore = (date: IsoDate | undefined, asOf: IsoDate) => date !== undefined && date <= asOf;

function sumBy<T>(items: Iterable<T>, key: (item: T) => string, value: (item: T) => number) {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + value(item));
  return totals;
}

/** The unpaid balance and age of every invoice issued by `asOf`, after payments and credit notes. */
export function invoiceBalances<I extends InvoiceFacts>(
  invoices: readonly I[],
  payments: readonly PaymentFacts[],
  asOf: IsoDate,
): InvoiceBalance<I>[] {
  const issued = invoices.filter((invoice) => invoice.issueDate <= asOf);
  const paidBy = sumBy(payments.filter((p) => p.date <= asOf), (p) => p.invoiceId, (p) => p.amount);
  const credits = issued.filter((invoice) => invoice.kind === 'credit-note');
  const creditedBy = sumBy(credits, (credit) => credit.creditsInvoiceId ?? '', (credit) => credit.gross);
  return issued
    .filter((invoice) => invoice.kind === 'invoice')
    .map((invoice) => {
      const balance = Math.max(0, invoice.gross - (paidBy.get(invoice.id) ?? 0) - (creditedBy.get(invoice.id) ?? 0));
      const daysOverdue = daysBetween(invoice.dueDate, asOf);
      return { invoice, balance, daysOverdue, bucket: balance ? bucketFor(daysOverdue) : ('current' as const) };
    });
}

export function receivables(
  facts: {
    projects: readonly ProjectFacts[];
    milestones: readonly MilestoneFacts[];
    invoices: readonly InvoiceFacts[];
    payments: readonly PaymentFacts[];
  },
  asOf: IsoDate,
): Receivables[] {
  const rows = new Map(facts.projects.map((project) => [project.id, emptyRow(project)]));
  for (const { invoice, balance, bucket } of invoiceBalances(facts.invoices, facts.payments, asOf)) {
    const row = rows.get(invoice.projectId);
    if (!row) continue;
    row.outstanding += balance;
    if (bucket === 'current') row.current += balance;
    else row.overdue[bucket] += balance;
  }
  for (const invoice of facts.invoices) {
    const row = rows.get(invoice.projectId);
    if (!row || invoice.issueDate > asOf) continue;
    row.invoiced += invoice.kind === 'invoice' ? contractShare(invoice) : -contractShare(invoice);
  }
  const invoiceProject = new Map(facts.invoices.map((invoice) => [invoice.id, invoice.projectId]));
  for (const payment of facts.payments) {
    const row = rows.get(invoiceProject.get(payment.invoiceId) ?? '');
    if (row && payment.date <= asOf) row.paid += payment.amount;
  }
  addUnbilledWork(rows, facts.milestones, milestoneBilling(facts.invoices, asOf), asOf);
  return [...rows.values()].map(finish);
}

/**
 * What an invoice bills of the contract, in the contract total's basis: its milestone lines (which
 * are net or tax included as the total is); invoices from before lines had kinds count their net.
 */
function contractShare(invoice: InvoiceFacts): number {
  const milestoneLines = invoice.lines?.filter((line) => line.kind === 'milestone');
  return milestoneLines?.length ? milestoneLines.reduce((acc, line) => acc + line.amount, 0) : invoice.net;
}

/** As of a date: which milestones have a live invoice, and which had their invoice voided. */
function milestoneBilling(invoices: readonly InvoiceFacts[], asOf: IsoDate) {
  const creditedOn = new Map(invoices.filter((i) => i.kind === 'credit-note').map((credit) => [credit.id, credit.issueDate]));
  const voidedByThen = (invoice: InvoiceFacts) => invoice.voidedBy !== undefined && (creditedOn.get(invoice.voidedBy) ?? '9999-12-31') <= asOf;
  const billed = new Set<string>();
  const voided = new Set<string>();
  for (const invoice of invoices) {
    if (invoice.kind !== 'invoice' || !invoice.milestoneId || invoice.issueDate > asOf) continue;
    (voidedByThen(invoice) ? voided : billed).add(invoice.milestoneId);
  }
  const everInvoiced = new Set(invoices.map((invoice) => invoice.milestoneId));
  return {
    billed: (milestone: MilestoneFacts) => billed.has(milestone.id),
    // A void milestone without an invoice has no date: it is void whenever asked.
    void: (milestone: MilestoneFacts) => Boolean(milestone.void) && (voided.has(milestone.id) || !everInvoiced.has(milestone.id)),
  };
}

/** Delivered and in-progress work not yet invoiced, at the gross its invoice will carry. */
function addUnbilledWork(rows: Map<string, Draft>, milestones: readonly MilestoneFacts[], billing: ReturnType<typeof milestoneBilling>, asOf: IsoDate) {
  for (const milestone of milestones) {
    const row = rows.get(milestone.projectId);
    if (!row || billing.void(milestone) || billing.billed(milestone)) continue;
    const gross = computeTaxes([{ amount: milestone.amount, category: milestoneCategory(row.taxes) }], row.taxes).gross;
    if (onOrBefore(milestone.deliveredOn, asOf)) row.deliveredNotInvoiced += gross;
    else if (onOrBefore(milestone.startedOn, asOf)) row.inProgress += gross;
  }
}

type Draft = Omit<Receivables, 'overdueTotal' | 'unpaidExposure' | 'atRiskExposure' | 'remainingToBill'> & {
  total: number;
  taxes: TaxPolicy;
  inProgress: number;
};

function emptyRow(project: ProjectFacts): Draft {
  return {
    projectId: project.id,
    currency: project.currency,
    total: project.total,
    taxes: project.taxes,
    invoiced: 0,
    paid: 0,
    deliveredNotInvoiced: 0,
    inProgress: 0,
    outstanding: 0,
    current: 0,
    overdue: { '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
  };
}

function finish({ total, taxes: _, inProgress, ...row }: Draft): Receivables {
  const unpaidExposure = row.deliveredNotInvoiced + row.outstanding;
  return {
    ...row,
    overdueTotal: agingBuckets.reduce((acc, bucket) => acc + row.overdue[bucket], 0),
    unpaidExposure,
    atRiskExposure: unpaidExposure + inProgress,
    remainingToBill: total - row.invoiced,
  };
}

/** Per-currency totals across projects: the popup's headline figures. Currencies are never mixed. */
export function totalsByCurrency(rows: readonly Receivables[]): Receivables[] {
  const byCurrency = new Map<string, Receivables>();
  for (const row of rows) {
    const acc = byCurrency.get(row.currency);
    byCurrency.set(row.currency, acc ? addRows(acc, row) : { ...row, projectId: '*', overdue: { ...row.overdue } });
  }
  return [...byCurrency.values()];
}

function addRows(a: Receivables, b: Receivables): Receivables {
  const overdue = { ...a.overdue };
  for (const bucket of agingBuckets) overdue[bucket] += b.overdue[bucket];
  const numeric = ['invoiced', 'paid', 'deliveredNotInvoiced', 'outstanding', 'current', 'overdueTotal',
    'unpaidExposure', 'atRiskExposure', 'remainingToBill'] as const;
  const sum = Object.fromEntries(numeric.map((key) => [key, a[key] + b[key]]));
  return { ...a, ...sum, overdue };
}
