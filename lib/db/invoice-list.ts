import { daysBetween, endOfMonth, type IsoDate } from '../billing/dates';
import { invoiceBalances } from '../billing/receivables';
import type { MilestoneDatabase } from './database';
import type { Invoice } from './entities';

export const listStates = ['open', 'overdue', 'paid', 'void', 'credit-note'] as const;
export type ListState = (typeof listStates)[number];

export interface InvoiceListRow {
  invoice: Invoice;
  /** The client as printed on the document. */
  client: string;
  paid: number;
  balance: number;
  state: ListState;
  /** Days past the due date as of the listing day; 0 when not overdue. */
  daysOverdue: number;
}

/** Every invoice and credit note, newest first, with what is still due on each as of `today`. Never loads PDF bytes. */
export async function listInvoices(db: MilestoneDatabase, today: IsoDate): Promise<InvoiceListRow[]> {
  return db.transaction('r', db.invoices, db.payments, async () => {
    const invoices = await db.invoices.toArray();
    const payments = await db.payments.toArray();
    const balances = new Map(invoiceBalances(invoices, payments, '9999-12-31').map((row) => [row.invoice.id, row.balance]));
    const paidBy = new Map<string, number>();
    for (const payment of payments) paidBy.set(payment.invoiceId, (paidBy.get(payment.invoiceId) ?? 0) + payment.amount);
    return invoices
      .map((invoice) => {
        const balance = balances.get(invoice.id) ?? 0;
        const state = stateOf(invoice, balance, today);
        return { invoice, client: invoice.buyer.name, paid: paidBy.get(invoice.id) ?? 0, balance, state, daysOverdue: state === 'overdue' ? daysBetween(invoice.dueDate, today) : 0 };
      })
      .sort(newestFirst);
  });
}

function stateOf(invoice: Invoice, balance: number, today: IsoDate): ListState {
  if (invoice.kind === 'credit-note') return 'credit-note';
  if (invoice.voidedBy) return 'void';
  if (balance === 0) return 'paid';
  return invoice.dueDate < today ? 'overdue' : 'open';
}

function newestFirst(a: InvoiceListRow, b: InvoiceListRow): number {
  return b.invoice.issueDate.localeCompare(a.invoice.issueDate) || b.invoice.createdAt - a.invoice.createdAt || b.invoice.sequence - a.invoice.sequence;
}

export const periods = ['any', 'this-month', 'last-month', 'this-year', 'last-year'] as const;
export type Period = (typeof periods)[number];

export interface InvoiceFilter {
  state: ListState | 'all';
  client: string | 'all';
  currency: string | 'all';
  period: Period;
  /** Matched against the number and the client, ignoring case. */
  search: string;
}

export const noFilter: InvoiceFilter = { state: 'all', client: 'all', currency: 'all', period: 'any', search: '' };

/** The first and last issue date a period covers, as of `today`; undefined for any time. */
export function periodRange(period: Period, today: IsoDate): [IsoDate, IsoDate] | undefined {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const monthRange = (y: number, m: number): [IsoDate, IsoDate] => {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    return [first, endOfMonth(first)];
  };
  switch (period) {
    case 'any': return undefined;
    case 'this-month': return monthRange(year, month);
    case 'last-month': return month === 1 ? monthRange(year - 1, 12) : monthRange(year, month - 1);
    case 'this-year': return [`${year}-01-01`, `${year}-12-31`];
    case 'last-year': return [`${year - 1}-01-01`, `${year - 1}-12-31`];
  }
}

/** The rows a filter keeps, in their order. */
export function filterInvoices(rows: readonly InvoiceListRow[], filter: InvoiceFilter, today: IsoDate): InvoiceListRow[] {
  const range = periodRange(filter.period, today);
  const needle = filter.search.trim().toLocaleLowerCase();
  return rows.filter(
    ({ invoice, client, state }) =>
      (filter.state === 'all' || state === filter.state) &&
      (filter.client === 'all' || client === filter.client) &&
      (filter.currency === 'all' || invoice.currency === filter.currency) &&
      (!range || (invoice.issueDate >= range[0] && invoice.issueDate <= range[1])) &&
      (!needle || invoice.number.toLocaleLowerCase().includes(needle) || client.toLocaleLowerCase().includes(needle)),
  );
}
