import { receivables, invoiceBalances, totalsByCurrency, type Receivables, type InvoiceBalance } from '../billing/receivables';
import { cashForecast, type CashForecast } from '../billing/cash-forecast';
import type { IsoDate } from '../billing/dates';
import { lateCharges, type LateCharges } from '../billing/terms';
import type { MilestoneDatabase } from './database';
import type { Invoice, Payment, Project } from './entities';

/** An invoice's balance with the late-payment charges its project's terms have accrued, if any. */
export type BalanceWithCharges = InvoiceBalance<Invoice> & { late?: LateCharges };

export interface LateChargesByCurrency extends LateCharges {
  currency: string;
}

export interface ExposureReport {
  byProject: Receivables[];
  byCurrency: Receivables[];
  balances: BalanceWithCharges[];
  /** Interest and fees accrued on overdue invoices, per currency; apart from exposure, as they are claims, not billed work. */
  lateCharges: LateChargesByCurrency[];
}

/** Loads the facts receivables need, in one read transaction, and computes them as of a date. */
export async function exposureReport(db: MilestoneDatabase, asOf: IsoDate): Promise<ExposureReport> {
  const facts = await db.transaction('r', [db.projects, db.milestones, db.invoices, db.payments], async () => ({
    projects: await db.projects.toArray(),
    milestones: (await db.milestones.toArray()).map((m) => ({ ...m, void: m.state === 'void' })),
    invoices: await db.invoices.toArray(),
    payments: await db.payments.toArray(),
  }));
  const byProject = receivables(facts, asOf);
  const balances = withLateCharges(invoiceBalances(facts.invoices, facts.payments, asOf), facts, asOf);
  return { byProject, byCurrency: totalsByCurrency(byProject), balances, lateCharges: chargesByCurrency(balances) };
}

/** Charges on each overdue invoice with a balance, by its project's terms; payments and credit notes lower the base. */
function withLateCharges(
  balances: InvoiceBalance<Invoice>[],
  facts: { projects: Project[]; invoices: Invoice[]; payments: Payment[] },
  asOf: IsoDate,
): BalanceWithCharges[] {
  const terms = new Map(facts.projects.map((project) => [project.id, project.latePayment]));
  return balances.map((row) => {
    const projectTerms = terms.get(row.invoice.projectId);
    if (!projectTerms || row.balance === 0 || row.daysOverdue <= 0) return row;
    const credits = facts.invoices.filter((credit) => credit.kind === 'credit-note' && credit.creditsInvoiceId === row.invoice.id);
    const reductions = [
      ...facts.payments.filter((payment) => payment.invoiceId === row.invoice.id),
      ...credits.map((credit) => ({ amount: credit.gross, date: credit.issueDate })),
    ];
    return { ...row, late: lateCharges(projectTerms, row.invoice, reductions, asOf) };
  });
}

function chargesByCurrency(balances: BalanceWithCharges[]): LateChargesByCurrency[] {
  const totals = new Map<string, LateChargesByCurrency>();
  for (const { invoice, late } of balances) {
    if (!late || late.interest + late.fee === 0) continue;
    const total = totals.get(invoice.currency) ?? { currency: invoice.currency, interest: 0, fee: 0 };
    totals.set(invoice.currency, { ...total, interest: total.interest + late.interest, fee: total.fee + late.fee });
  }
  return [...totals.values()];
}

/** What the popup shows: totals, per-project rows, and the few most overdue invoices. */
export interface ExposureSummary {
  asOf: IsoDate;
  /** The basis of every amount; a kept summary on another basis is recomputed. */
  basis: typeof EXPOSURE_BASIS;
  byCurrency: Receivables[];
  byProject: Receivables[];
  mostOverdue: BalanceWithCharges[];
  overdueCount: number;
  lateCharges: LateChargesByCurrency[];
  /** Expected cash in by week, per currency; kept here so the popup reads one record. */
  cashForecast: CashForecast[];
}

const SNAPSHOT_KEY = 'exposure';
/** Tax included: open invoices at their gross balance, unbilled work at the gross it will bill. */
export const EXPOSURE_BASIS = 'gross';

export function summarise(report: ExposureReport, asOf: IsoDate): ExposureSummary {
  const overdue = report.balances.filter((row) => row.balance > 0 && row.bucket !== 'current').sort((a, b) => b.daysOverdue - a.daysOverdue);
  return { asOf, basis: EXPOSURE_BASIS, byCurrency: report.byCurrency, byProject: report.byProject, mostOverdue: overdue.slice(0, 5), overdueCount: overdue.length, lateCharges: report.lateCharges,
    cashForecast: cashForecast(report.balances, asOf) };
}

/** Computes today's summary and keeps it for the pages. The background calls this after every change. */
export async function refreshExposureSnapshot(db: MilestoneDatabase, asOf: IsoDate): Promise<ExposureSummary> {
  const summary = summarise(await exposureReport(db, asOf), asOf);
  await db.snapshots.put({ key: SNAPSHOT_KEY, asOf, value: summary });
  return summary;
}

/** Today's summary: the kept one when it is today's, else computed now and kept for the next reader. */
export async function exposureSummary(db: MilestoneDatabase, asOf: IsoDate): Promise<ExposureSummary> {
  const kept = await db.snapshots.get(SNAPSHOT_KEY);
  const value = kept?.value as Partial<ExposureSummary> | undefined;
  // A summary kept by an older version lacks the forecast: recompute rather than show half.
  const current = kept?.asOf === asOf && value?.basis === EXPOSURE_BASIS && Array.isArray(value.cashForecast);
  return current ? (kept.value as ExposureSummary) : refreshExposureSnapshot(db, asOf);
}

/** Whether a change touched only the kept snapshots (which must not trigger their own refresh). */
export const onlySnapshotsChanged = (parts: Record<string, unknown>) => Object.keys(parts).every((part) => part.includes('/snapshots/'));
