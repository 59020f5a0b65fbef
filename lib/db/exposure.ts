import { receivables, invoiceBalances, totalsByCurrency, type Receivables, type InvoiceBalance } from '../billing/receivables';
import type { IsoDate } from '../billing/dates';
import type { MilestoneDatabase } from './database';
import type { Invoice } from './entities';

export interface ExposureReport {
  byProject: Receivables[];
  byCurrency: Receivables[];
  balances: InvoiceBalance<Invoice>[];
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
  return { byProject, byCurrency: totalsByCurrency(byProject), balances: invoiceBalances(facts.invoices, facts.payments, asOf) };
}
