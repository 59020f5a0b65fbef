import { describe, expect, it } from 'vitest';
import { cashForecast, forecastWeek } from '../../../lib/billing/cash-forecast';
import { invoiceBalances, type InvoiceFacts, type PaymentFacts } from '../../../lib/billing/receivables';

const asOf = '2026-11-24';
const invoice = (id: string, gross: number, dueDate: string, currency = 'EUR'): InvoiceFacts => ({
  id, projectId: 'p1', kind: 'invoice', currency, net: gross, gross, issueDate: '2026-10-01', dueDate,
});
const forecast = (invoices: InvoiceFacts[], payments: PaymentFacts[] = []) => cashForecast(invoiceBalances(invoices, payments, asOf), asOf);
const amounts = (invoices: InvoiceFacts[], payments: PaymentFacts[] = []) => forecast(invoices, payments).map((row) => [row.currency, row.weeks.map((week) => week.amount)]);
const weeksWith = (entries: Record<number, number>) => Array.from({ length: 12 }, (_, i) => entries[i] ?? 0);

describe('week boundaries', () => {
  it('puts today to six days on into the first week, day seven into the second, day 83 into the last', () => {
    expect(['2026-11-24', '2026-11-30', '2026-12-01', '2027-02-15', '2027-02-16'].map((due) => forecastWeek(due, asOf))).toEqual([0, 0, 1, 11, undefined]);
  });

  it('starts each of the twelve weeks seven days after the last, from today', () => {
    const [row] = forecast([invoice('i1', 100, '2026-12-03')]);
    expect(row!.weeks.map((week) => week.start)).toEqual([
      '2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29',
      '2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02', '2027-02-09',
    ]);
  });
});

describe('expected cash in by week', () => {
  it('expects overdue balances in the first week, with what falls due this week', () => {
    expect(amounts([invoice('late', 50_000, '2026-08-01'), invoice('now', 20_000, '2026-11-28'), invoice('later', 7_000, '2026-12-10')]))
      .toEqual([['EUR', weeksWith({ 0: 70_000, 2: 7_000 })]]);
    expect(forecast([invoice('late', 50_000, '2026-11-23'), invoice('today', 20_000, asOf)])[0]!.overdue).toBe(50_000);
  });

  it('counts only the open balance of a part-paid invoice, and nothing for one paid in full', () => {
    const payments = [{ invoiceId: 'part', amount: 30_000, date: '2026-11-01' }, { invoiceId: 'paid', amount: 10_000, date: '2026-11-02' }];
    expect(amounts([invoice('part', 100_000, '2026-12-02'), invoice('paid', 10_000, '2026-12-02')], payments)).toEqual([['EUR', weeksWith({ 1: 70_000 })]]);
  });

  it('lowers an invoice by its credit note and drops one credited in full', () => {
    const credit = (id: string, creditsInvoiceId: string, gross: number): InvoiceFacts => ({ ...invoice(id, gross, '2026-11-20'), kind: 'credit-note', creditsInvoiceId });
    expect(amounts([invoice('i1', 100_000, '2026-12-20'), credit('c1', 'i1', 25_000), invoice('i2', 40_000, '2026-12-20'), credit('c2', 'i2', 40_000)]))
      .toEqual([['EUR', weeksWith({ 3: 75_000 })]]);
  });

  it('keeps currencies apart, in code order, with their totals, and leaves out what is due after twelve weeks', () => {
    const rows = forecast([invoice('u', 5_000, '2026-12-01', 'USD'), invoice('e', 9_000, '2027-01-01'), invoice('far', 1_000, '2027-06-01', 'CHF')]);
    expect(rows.map((row) => [row.currency, row.total])).toEqual([['EUR', 9_000], ['USD', 5_000]]);
    expect(rows[1]!.weeks[1]!.amount).toBe(5_000);
  });

  it('expects nothing from invoices not yet issued', () => {
    expect(forecast([{ ...invoice('i1', 1_000, '2026-12-30'), issueDate: '2026-12-01' }])).toEqual([]);
  });
});
