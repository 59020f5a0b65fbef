import { describe, expect, it } from 'vitest';
import { formatNumber, nextNumber, seriesKey, validatePattern } from '../../../lib/billing/numbering';

describe('invoice number patterns', () => {
  it('fills {YYYY}, {YY}, {MM} and a zero-padded {seq:N}', () => {
    const rule = { pattern: 'INV-{YYYY}-{MM}-{seq:4}', yearlyReset: true };
    expect(formatNumber(rule, 7, '2026-03-15')).toBe('INV-2026-03-0007');
    expect(formatNumber({ pattern: '{YY}/{seq}', yearlyReset: false }, 123, '2026-03-15')).toBe('26/123');
    expect(formatNumber({ pattern: '{seq:3}', yearlyReset: false }, 12345, '2026-03-15')).toBe('12345');
  });

  it('validates patterns with a message', () => {
    expect(validatePattern('INV-{YYYY}-{seq:4}').ok).toBe(true);
    expect(validatePattern('INV-{YYYY}')).toEqual({ ok: false, error: 'The pattern needs exactly one {seq} (or {seq:N} for N digits)' });
    expect(validatePattern('{seq}-{seq}').ok).toBe(false);
    expect(validatePattern('{DD}-{seq}')).toEqual({ ok: false, error: 'Unknown part {DD}: use {YYYY}, {YY}, {MM} and {seq:N}' });
    expect(validatePattern('INV/{seq}').ok).toBe(false);
  });

  it('rejects a sequence below 1', () => {
    expect(() => formatNumber({ pattern: '{seq}', yearlyReset: false }, 0, '2026-01-01')).toThrow();
  });
});

describe('series and gapless sequence', () => {
  const yearly = { pattern: 'INV-{YYYY}-{seq:3}', yearlyReset: true };
  const running = { pattern: 'INV-{seq:5}', yearlyReset: false };

  it('keeps one series per year with a yearly reset, one for all time without', () => {
    expect(seriesKey(yearly, '2026-12-31')).toBe('invoice:2026');
    expect(seriesKey(yearly, '2027-01-01')).toBe('invoice:2027');
    expect(seriesKey(running, '2027-01-01')).toBe('invoice:all');
    expect(seriesKey(running, '2027-01-01', 'credit-note')).toBe('credit-note:all');
  });

  it('numbers consecutively from the last issued sequence', () => {
    let last = 0;
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const next = nextNumber(yearly, last, '2026-06-01');
      numbers.push(next.number);
      last = next.sequence;
    }
    expect(numbers).toEqual(['INV-2026-001', 'INV-2026-002', 'INV-2026-003', 'INV-2026-004', 'INV-2026-005']);
  });

  it('starts a new year at 1 with a yearly reset', () => {
    expect(nextNumber(yearly, 0, '2027-01-02')).toEqual({ sequence: 1, number: 'INV-2027-001', series: 'invoice:2027' });
  });
});
