import { describe, expect, it } from 'vitest';
import { computeTaxes, type TaxPolicy } from '../../../lib/billing/tax';

const vat20: TaxPolicy = { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 2000 }], reverseCharge: false };

describe('exclusive taxes', () => {
  it('adds the tax on top of the net', () => {
    expect(computeTaxes(100_000, vat20)).toEqual({
      net: 100_000,
      lines: [{ name: 'VAT', basisPoints: 2000, base: 100_000, amount: 20_000 }],
      tax: 20_000,
      gross: 120_000,
    });
  });

  it('rounds each rate half away from zero', () => {
    const rate = (bp: number): TaxPolicy => ({ mode: 'exclusive', rates: [{ name: 'T', basisPoints: bp }], reverseCharge: false });
    expect(computeTaxes(1, rate(5000)).tax).toBe(1); // 0.5 -> 1
    expect(computeTaxes(3, rate(5000)).tax).toBe(2); // 1.5 -> 2
    expect(computeTaxes(1, rate(4999)).tax).toBe(0); // 0.4999 -> 0
    expect(computeTaxes(-1, rate(5000)).tax).toBe(-1); // credit notes round symmetrically
    expect(computeTaxes(1999, rate(725)).tax).toBe(145); // 144.9275 -> 145
  });

  it('applies several rates to the same base', () => {
    const canada: TaxPolicy = {
      mode: 'exclusive',
      rates: [{ name: 'GST', basisPoints: 500 }, { name: 'PST', basisPoints: 700 }],
      reverseCharge: false,
    };
    const result = computeTaxes(10_001, canada);
    expect(result.lines.map((line) => line.amount)).toEqual([500, 700]);
    expect(result.gross).toBe(11_201);
  });
});

describe('inclusive taxes', () => {
  it('derives the net so net + tax equals the agreed gross', () => {
    const inclusive: TaxPolicy = { ...vat20, mode: 'inclusive' };
    expect(computeTaxes(120_000, inclusive)).toMatchObject({ net: 100_000, tax: 20_000, gross: 120_000 });
    for (let gross = 1; gross < 3000; gross += 13) {
      const result = computeTaxes(gross, inclusive);
      expect(result.net + result.lines.reduce((acc, line) => acc + line.amount, 0)).toBe(gross);
    }
  });

  it('lets the last rate absorb the rounding with several rates', () => {
    const policy: TaxPolicy = {
      mode: 'inclusive',
      rates: [{ name: 'A', basisPoints: 500 }, { name: 'B', basisPoints: 998 }],
      reverseCharge: false,
    };
    const result = computeTaxes(10_000, policy);
    expect(result.net).toBe(8_697); // 10 000 / 1.1498 = 8697.16
    expect(result.lines.map((line) => line.amount)).toEqual([435, 868]);
    expect(result.tax).toBe(1_303);
  });
});

describe('reverse charge and no tax', () => {
  it('charges no tax under reverse charge', () => {
    expect(computeTaxes(50_000, { ...vat20, reverseCharge: true })).toEqual({ net: 50_000, lines: [], tax: 0, gross: 50_000 });
  });

  it('charges no tax without rates', () => {
    expect(computeTaxes(50_000, { mode: 'exclusive', rates: [], reverseCharge: false }).gross).toBe(50_000);
  });
});
