import { describe, expect, it } from 'vitest';
import { lateCharges, type LatePaymentTerms } from '../../../lib/billing/terms';

const invoice = { currency: 'EUR', gross: 100_000, dueDate: '2026-01-31' };
const monthly: LatePaymentTerms = { kind: 'monthly-percent', basisPoints: 150 };
const statutory: LatePaymentTerms = { kind: 'eu-statutory', referenceBasisPoints: 215 };
const flat: LatePaymentTerms = { kind: 'flat-fee', amount: 2_500 };

describe('late-payment charges as of a date', () => {
  it('1.5 % a month on 1,000.00 for 30 days is 18 % a year by the day: 14.79', () => {
    expect(lateCharges(monthly, invoice, [], '2026-03-02')).toEqual({ interest: 1_479, fee: 0 });
  });

  it('nothing before or on the due date', () => {
    for (const terms of [monthly, statutory, flat]) {
      expect(lateCharges(terms, invoice, [], '2026-01-31')).toEqual({ interest: 0, fee: 0 });
      expect(lateCharges(terms, invoice, [], '2026-01-01')).toEqual({ interest: 0, fee: 0 });
    }
  });

  it('on the balance left after each payment: 1,000.00 for 10 days, then 400.00 for 20', () => {
    const paid = [{ amount: 60_000, date: '2026-02-10' }];
    // (100,000 × 10 + 40,000 × 20) × 18 % / 365 = 887.67 cents.
    expect(lateCharges(monthly, invoice, paid, '2026-03-02').interest).toBe(888);
  });

  it('a payment before the due date lowers the base, and interest stops when the balance is paid', () => {
    expect(lateCharges(monthly, invoice, [{ amount: 50_000, date: '2026-01-20' }], '2026-03-02').interest).toBe(740);
    const paidLate = [{ amount: 100_000, date: '2026-02-10' }];
    expect(lateCharges(monthly, invoice, paidLate, '2026-12-31').interest).toBe(493);
    expect(lateCharges(monthly, invoice, [{ amount: 100_000, date: '2026-01-31' }], '2026-12-31')).toEqual({ interest: 0, fee: 0 });
  });

  it('ignores payments after the as-of date', () => {
    expect(lateCharges(monthly, invoice, [{ amount: 100_000, date: '2026-04-01' }], '2026-03-02').interest).toBe(1_479);
  });

  it('EU statutory: reference rate + 8 points a year, and 40 EUR fixed compensation on a EUR invoice', () => {
    // 2.15 % + 8 = 10.15 % of 1,000.00 for a full year.
    expect(lateCharges(statutory, invoice, [], '2027-01-31')).toEqual({ interest: 10_150, fee: 4_000 });
    expect(lateCharges(statutory, { ...invoice, currency: 'PLN' }, [], '2027-01-31')).toEqual({ interest: 10_150, fee: 0 });
  });

  it('a flat fee once overdue, kept when the invoice is then paid late', () => {
    expect(lateCharges(flat, invoice, [], '2026-02-01')).toEqual({ interest: 0, fee: 2_500 });
    expect(lateCharges(flat, invoice, [{ amount: 100_000, date: '2026-02-05' }], '2026-03-01')).toEqual({ interest: 0, fee: 2_500 });
  });

  it('stays exact on amounts of 10^13 minor units', () => {
    expect(lateCharges(monthly, { ...invoice, gross: 10_000_000_000_000 }, [], '2027-01-31').interest).toBe(1_800_000_000_000);
  });
});

