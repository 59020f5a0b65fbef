import { toDecimalString, money } from '../billing/money';
import { invoiceBalances } from '../billing/receivables';
import type { Invoice, Payment } from '../db/entities';

export interface CsvOptions {
  /** For spreadsheets: a byte-order mark so Excel reads UTF-8, and formula-looking text made inert. */
  spreadsheet: boolean;
}

/** RFC 4180: every field quoted when it holds a comma, quote or line break; quotes doubled. */
function field(value: string, { spreadsheet }: CsvOptions): string {
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  const safe = spreadsheet && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csv(header: string[], rows: string[][], options: CsvOptions): string {
  const lines = [header, ...rows].map((row) => row.map((value) => field(value, options)).join(','));
  return `${options.spreadsheet ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

const amount = (minor: number, currency: string) => toDecimalString(money(minor, currency));

/** One row per invoice and credit note: what an accountant books. Amounts are decimal, in the invoice currency. */
export function invoicesCsv(invoices: readonly Invoice[], payments: readonly Payment[], asOf: string, options: CsvOptions): string {
  const balances = new Map(invoiceBalances(invoices, payments, asOf).map((row) => [row.invoice.id, row]));
  const paidOn = (id: string) => payments.filter((p) => p.invoiceId === id && p.date <= asOf).reduce((acc, p) => acc + p.amount, 0);
  const rows = [...invoices]
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number))
    .map((invoice) => {
      const row = balances.get(invoice.id);
      const state = invoice.kind === 'credit-note' ? 'credit note' : invoice.voidedBy ? 'void' : !row?.balance ? 'paid' : row.bucket !== 'current' ? 'overdue' : paidOn(invoice.id) ? 'partially paid' : 'issued';
      return [
        invoice.number, invoice.kind === 'credit-note' ? 'credit note' : 'invoice', invoice.issueDate, invoice.supplyDate, invoice.dueDate, invoice.buyer.name,
        amount(invoice.net, invoice.currency), amount(invoice.tax, invoice.currency), amount(invoice.gross, invoice.currency), invoice.currency, state,
        amount(paidOn(invoice.id), invoice.currency), amount(row?.balance ?? 0, invoice.currency),
      ];
    });
  return csv(['Number', 'Type', 'Issue date', 'Supply date', 'Due date', 'Client', 'Net', 'Tax', 'Gross', 'Currency', 'State', 'Paid', 'Balance'], rows, options);
}

export function paymentsCsv(payments: readonly Payment[], invoices: readonly Invoice[], options: CsvOptions): string {
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const rows = [...payments]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((payment) => {
      const invoice = byId.get(payment.invoiceId)!;
      return [payment.date, invoice.number, invoice.buyer.name, amount(payment.amount, invoice.currency), invoice.currency, payment.method, payment.note];
    });
  return csv(['Date', 'Invoice', 'Client', 'Amount', 'Currency', 'Method', 'Note'], rows, options);
}
