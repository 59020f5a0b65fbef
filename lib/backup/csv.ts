import { toDecimalString, money } from '../billing/money';
import { invoiceBalances } from '../billing/receivables';
import type { Invoice, Payment } from '../db/entities';

export interface CsvOptions {
  /** For spreadsheets: a byte-order mark so Excel reads UTF-8, and formula-looking text made inert. */
  spreadsheet: boolean;
  /** For German and French Excel: fields separated by semicolons, amounts with a decimal comma. */
  decimalComma?: boolean;
}

const plainNumber = /^-?\d+(?:[.,]\d+)?$/;

/** RFC 4180: a field quoted when it holds the separator, a quote or a line break; quotes doubled. */
function field(value: string, { spreadsheet, decimalComma }: CsvOptions): string {
  // Text starting with = + - @ would run as a formula in a spreadsheet (CSV injection); a plain number cannot.
  const safe = spreadsheet && /^[=+\-@\t\r]/.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  const separator = decimalComma ? ';' : ',';
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csv(header: string[], rows: string[][], options: CsvOptions): string {
  const lines = [header, ...rows].map((row) => row.map((value) => field(value, options)).join(options.decimalComma ? ';' : ','));
  return `${options.spreadsheet ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

function amountWriter({ decimalComma }: CsvOptions) {
  return (minor: number, currency: string) => {
    const decimal = toDecimalString(money(minor, currency));
    return decimalComma ? decimal.replace('.', ',') : decimal;
  };
}

/** "19" for one rate, "4 + 4.5" for several on one base; percent, in the file's decimal style. */
function taxRate(invoice: Invoice, { decimalComma }: CsvOptions): string {
  const percent = (basisPoints: number) => String(basisPoints / 100).replace('.', decimalComma ? ',' : '.');
  return invoice.taxLines.map((line) => percent(line.basisPoints)).join(' + ');
}

/** EN 16931 VAT category codes (UNCL 5305) of our tax categories. */
const categoryCodes = { standard: 'S', reduced: 'S', zero: 'Z', exempt: 'E', 'reverse-charge': 'AE' } as const;

/** The EN 16931 VAT categories of an invoice's rates, in their order; O when no tax is charged at all. */
function taxCategory(invoice: Invoice): string {
  if (invoice.reverseCharge) return 'AE';
  if (invoice.taxLines.length === 0) return 'O';
  return [...new Set(invoice.taxLines.map((line) => categoryCodes[line.category]))].join(' + ');
}

const invoiceHeader = [
  'Number', 'Type', 'Corrects', 'Issue date', 'Supply date', 'Due date', 'Client', 'Buyer VAT id', 'Tax category', 'Tax rate (%)',
  'Reverse charge', 'Net', 'Tax', 'Gross', 'Currency', 'State', 'Paid', 'Balance',
];

/**
 * One row per invoice and credit note, as of a date: what an accountant books. Amounts are decimal
 * in the invoice currency; a credit note's are negative and it names the invoice it corrects.
 */
export function invoicesCsv(invoices: readonly Invoice[], payments: readonly Payment[], asOf: string, options: CsvOptions): string {
  const amount = amountWriter(options);
  const balances = new Map(invoiceBalances(invoices, payments, asOf).map((row) => [row.invoice.id, row]));
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const issuedBy = (id: string | undefined) => id !== undefined && (byId.get(id)?.issueDate ?? '9999-12-31') <= asOf;
  const paidOn = (id: string) => payments.filter((p) => p.invoiceId === id && p.date <= asOf).reduce((acc, p) => acc + p.amount, 0);
  const stateOf = (invoice: Invoice) => {
    const row = balances.get(invoice.id);
    if (invoice.kind === 'credit-note') return 'credit note';
    if (issuedBy(invoice.voidedBy)) return 'void';
    if (!row?.balance) return 'paid';
    if (row.bucket !== 'current') return 'overdue';
    return paidOn(invoice.id) ? 'partially paid' : 'issued';
  };
  const rows = [...invoices]
    .filter((invoice) => invoice.issueDate <= asOf)
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number))
    .map((invoice) => {
      const credit = invoice.kind === 'credit-note';
      const signed = (minor: number) => amount(credit ? -minor : minor, invoice.currency);
      return [
        invoice.number, credit ? 'credit note' : 'invoice', credit ? (byId.get(invoice.creditsInvoiceId ?? '')?.number ?? '') : '',
        invoice.issueDate, invoice.supplyDate, invoice.dueDate, invoice.buyer.name, invoice.buyer.taxId,
        taxCategory(invoice), taxRate(invoice, options), invoice.reverseCharge ? 'yes' : 'no',
        signed(invoice.net), signed(invoice.tax), signed(invoice.gross), invoice.currency, stateOf(invoice),
        amount(paidOn(invoice.id), invoice.currency), amount(balances.get(invoice.id)?.balance ?? 0, invoice.currency),
      ];
    });
  return csv(invoiceHeader, rows, options);
}

export function paymentsCsv(payments: readonly Payment[], invoices: readonly Invoice[], options: CsvOptions): string {
  const amount = amountWriter(options);
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const rows = [...payments]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((payment) => {
      const invoice = byId.get(payment.invoiceId)!;
      return [payment.date, invoice.number, invoice.buyer.name, amount(payment.amount, invoice.currency), invoice.currency, payment.method, payment.note];
    });
  return csv(['Date', 'Invoice', 'Client', 'Amount', 'Currency', 'Method', 'Note'], rows, options);
}
