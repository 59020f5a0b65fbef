import { addDays, daysBetween, endOfMonth, type IsoDate } from './dates';

/** When an invoice falls due, counted from its issue date. */
export type PaymentTerms =
  | { kind: 'on-receipt' }
  | { kind: 'net'; days: number }
  /** End of the issue month, plus N days ("EOM + 15"). */
  | { kind: 'end-of-month'; days: number };

export function dueDate(issueDate: IsoDate, terms: PaymentTerms): IsoDate {
  switch (terms.kind) {
    case 'on-receipt':
      return issueDate;
    case 'net':
      return addDays(issueDate, terms.days);
    case 'end-of-month':
      return addDays(endOfMonth(issueDate), terms.days);
  }
}

export function describeTerms(terms: PaymentTerms): string {
  switch (terms.kind) {
    case 'on-receipt':
      return 'Due on receipt';
    case 'net':
      return `Net ${terms.days}`;
    case 'end-of-month':
      return terms.days ? `End of month + ${terms.days} days` : 'End of month';
  }
}

/** Optional terms for paying late: printed on the invoice, used in reminders and the exposure view. */
export type LatePaymentTerms =
  /** Simple interest per month on the overdue balance (US practice: 1.5 % = 150), i.e. 12 times that a year. */
  | { kind: 'monthly-percent'; basisPoints: number }
  /** Directive 2011/7/EU: the ECB reference rate of the half-year plus 8 points a year, and 40 EUR fixed compensation. */
  | { kind: 'eu-statutory'; referenceBasisPoints: number }
  /** One fee in the project currency, owed once the invoice is overdue. */
  | { kind: 'flat-fee'; amount: number };

export const EU_STATUTORY_MARGIN_BASIS_POINTS = 800;
/** The Directive's fixed compensation per late invoice: 40 EUR (minor units). */
export const EU_FIXED_COMPENSATION_CENTS = 4000;

export interface LateCharges {
  /** Interest accrued by the date, in the invoice currency's minor units. */
  interest: number;
  /** A flat fee or, on EUR invoices, the EU fixed compensation; other currencies state it in words only. */
  fee: number;
}

/** What lowers an invoice's balance on a date: a payment or a credit note. */
export interface BalanceReduction {
  amount: number;
  date: IsoDate;
}

/**
 * Late charges on one invoice as of a date. Interest is simple, by the day (a year of 365 days),
 * on the balance unpaid after the due date, which falls with each payment; rounded once, half up.
 */
export function lateCharges(
  terms: LatePaymentTerms,
  invoice: { currency: string; gross: number; dueDate: IsoDate },
  reductions: readonly BalanceReduction[],
  asOf: IsoDate,
): LateCharges {
  const { balanceAtDue, balanceDays } = overdueBalanceDays(invoice, reductions, asOf);
  const overdue = balanceAtDue > 0 && asOf > invoice.dueDate;
  switch (terms.kind) {
    case 'monthly-percent':
      return { interest: interest(balanceDays, terms.basisPoints * 12), fee: 0 };
    case 'eu-statutory':
      return {
        interest: interest(balanceDays, terms.referenceBasisPoints + EU_STATUTORY_MARGIN_BASIS_POINTS),
        fee: overdue && invoice.currency === 'EUR' ? EU_FIXED_COMPENSATION_CENTS : 0,
      };
    case 'flat-fee':
      return { interest: 0, fee: overdue ? terms.amount : 0 };
  }
}

/** The sum of balance × days over the overdue period (minor-unit days), and the balance on the due date. */
function overdueBalanceDays(invoice: { gross: number; dueDate: IsoDate }, reductions: readonly BalanceReduction[], asOf: IsoDate) {
  const byDate = reductions.filter((r) => r.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
  let balance = invoice.gross - byDate.filter((r) => r.date <= invoice.dueDate).reduce((acc, r) => acc + r.amount, 0);
  const balanceAtDue = Math.max(0, balance);
  let from = invoice.dueDate;
  let balanceDays = 0n;
  for (const reduction of byDate.filter((r) => r.date > invoice.dueDate)) {
    balanceDays += BigInt(Math.max(0, balance)) * BigInt(daysBetween(from, reduction.date));
    balance -= reduction.amount;
    from = reduction.date;
  }
  if (asOf > from) balanceDays += BigInt(Math.max(0, balance)) * BigInt(daysBetween(from, asOf));
  return { balanceAtDue, balanceDays };
}

/** balance-days × annual rate / (365 × 10 000), half up. */
function interest(balanceDays: bigint, annualBasisPoints: number): number {
  const denominator = 365n * 10_000n;
  return Number((balanceDays * BigInt(annualBasisPoints) * 2n + denominator) / (denominator * 2n));
}
