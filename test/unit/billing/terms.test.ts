import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfMonth, isIsoDate, localDate } from '../../../lib/billing/dates';
import { describeTerms, dueDate } from '../../../lib/billing/terms';

describe('due dates from payment terms', () => {
  it('is the issue date when due on receipt', () => {
    expect(dueDate('2026-11-24', { kind: 'on-receipt' })).toBe('2026-11-24');
  });

  it('adds N days for Net N, across months and years', () => {
    expect(dueDate('2026-11-24', { kind: 'net', days: 30 })).toBe('2026-12-24');
    expect(dueDate('2026-12-15', { kind: 'net', days: 30 })).toBe('2027-01-14');
    expect(dueDate('2028-02-15', { kind: 'net', days: 14 })).toBe('2028-02-29');
  });

  it('counts end of month + N from the last day of the issue month', () => {
    expect(dueDate('2026-01-10', { kind: 'end-of-month', days: 0 })).toBe('2026-01-31');
    expect(dueDate('2026-01-31', { kind: 'end-of-month', days: 15 })).toBe('2026-02-15');
    expect(dueDate('2026-02-03', { kind: 'end-of-month', days: 30 })).toBe('2026-03-30');
    expect(dueDate('2024-02-03', { kind: 'end-of-month', days: 0 })).toBe('2024-02-29');
  });

  it('describes the terms as printed on an invoice', () => {
    expect(describeTerms({ kind: 'net', days: 14 })).toBe('Net 14');
    expect(describeTerms({ kind: 'end-of-month', days: 15 })).toBe('End of month + 15 days');
    expect(describeTerms({ kind: 'on-receipt' })).toBe('Due on receipt');
  });
});

describe('calendar dates', () => {
  it('validates ISO dates, including impossible ones', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(() => addDays('not a date', 1)).toThrow(/not a date/);
  });

  it('counts days across a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(endOfMonth('2026-12-05')).toBe('2026-12-31');
  });

  it('reads the local calendar date of an instant', () => {
    expect(localDate(new Date(2026, 10, 24, 23, 59))).toBe('2026-11-24');
    expect(localDate(new Date(2026, 10, 24, 0, 1))).toBe('2026-11-24');
  });
});
