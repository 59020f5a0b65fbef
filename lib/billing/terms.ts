import { addDays, endOfMonth, type IsoDate } from './dates';

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
