import { addDays, daysBetween, type IsoDate } from './dates';
import type { InvoiceBalance } from './receivables';

/**
 * Expected cash in, week by week, from open invoice balances and their due dates. Weeks are the
 * seven-day spans starting today; what is already overdue is expected in the first week; what falls
 * due after the last week is left out (a plan, not a ledger).
 */
export const FORECAST_WEEKS = 12;

export interface ForecastWeek {
  /** The week's first day; it runs six days more. */
  start: IsoDate;
  /** Minor units of the currency. */
  amount: number;
}

export interface CashForecast {
  currency: string;
  weeks: ForecastWeek[];
  total: number;
  /** The part of the first week already past due. */
  overdue: number;
}

/** The week (0-based) a balance due on `dueDate` is expected in, or undefined beyond the horizon. */
export function forecastWeek(dueDate: IsoDate, asOf: IsoDate, weeks = FORECAST_WEEKS): number | undefined {
  const week = Math.floor(Math.max(0, daysBetween(asOf, dueDate)) / 7);
  return week < weeks ? week : undefined;
}

/** One forecast per currency that expects any cash in the horizon, currencies in code order. */
export function cashForecast(balances: readonly InvoiceBalance[], asOf: IsoDate, weeks = FORECAST_WEEKS): CashForecast[] {
  const byCurrency = new Map<string, { amounts: number[]; overdue: number }>();
  for (const { invoice, balance } of balances) {
    const week = forecastWeek(invoice.dueDate, asOf, weeks);
    if (balance <= 0 || week === undefined) continue;
    const row = byCurrency.get(invoice.currency) ?? { amounts: new Array<number>(weeks).fill(0), overdue: 0 };
    row.amounts[week]! += balance;
    if (invoice.dueDate < asOf) row.overdue += balance;
    byCurrency.set(invoice.currency, row);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, { amounts, overdue }]) => ({
      currency,
      weeks: amounts.map((amount, i) => ({ start: addDays(asOf, i * 7), amount })),
      total: amounts.reduce((acc, amount) => acc + amount, 0),
      overdue,
    }));
}
