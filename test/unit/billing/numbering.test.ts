import { describe, expect, it } from 'vitest';
import { formatNumber, nextNumber, seriesKey, sharedNumber, validatePattern, validateRule } from '../../../lib/billing/numbering';

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

describe('rules that could give a number twice', () => {
  it('refuses a yearly reset without the year in the number', () => {
    expect(validateRule({ pattern: 'INV-{seq:4}', yearlyReset: true })).toEqual({
      ok: false,
      error: 'Starting again at 1 each year needs the year in the number ({YYYY} or {YY}), or each year repeats the last one’s numbers',
    });
    expect(validateRule({ pattern: 'INV-{MM}-{seq:4}', yearlyReset: true }).ok).toBe(false);
    expect(validateRule({ pattern: 'INV-{YY}{seq:4}', yearlyReset: true }).ok).toBe(true);
    expect(validateRule({ pattern: 'INV-{seq:4}', yearlyReset: false }).ok).toBe(true);
  });

  it('finds a number two series could both produce, and shows it', () => {
    expect(sharedNumber('INV-{YYYY}-{seq:4}', 'INV-{YYYY}-{seq:4}')).toBe('INV-1111-1111');
    // seq:3 grows to four digits at 1000, where seq:4 already is.
    expect(sharedNumber('{seq:3}', '{seq:4}')).toBe('1111');
    expect(sharedNumber('{seq}', '{YY}{seq}')).toBe('111');
    expect(sharedNumber('INV-{YYYY}-{seq:4}', 'INV-{seq}-{YYYY}')).toBe('INV-1111-1111');
    expect(sharedNumber('R{seq}', 'R1{seq}')).toBe('R11');
  });

  it('accepts series that can never meet', () => {
    for (const [a, b] of [
      ['INV-{YYYY}-{seq:4}', 'CN-{YYYY}-{seq:4}'],
      ['A{seq}', 'A-{seq}'],
      ['{YYYY}/{seq}', '{YY}/{seq}'],
      ['INV-{seq}', 'INV-{YYYY}-{seq}'],
      ['{YYYY}{MM}{seq:4}', '{YYYY}-{seq:4}'],
    ]) expect(sharedNumber(a!, b!), `${a} / ${b}`).toBeUndefined();
  });
});
