import { describe, expect, it } from 'vitest';
import { computeTaxes, type TaxableLine, type TaxPolicy } from '../../../lib/billing/tax';

const standard = (amount: number): TaxableLine => ({ amount, category: 'standard' });
const reduced = (amount: number): TaxableLine => ({ amount, category: 'reduced' });
const germanVat = (mode: TaxPolicy['mode']): TaxPolicy => ({
  mode,
  rates: [{ name: 'VAT', basisPoints: 1900, category: 'standard' }, { name: 'VAT', basisPoints: 700, category: 'reduced' }],
  reverseCharge: false,
});
const single = (basisPoints: number, mode: TaxPolicy['mode'] = 'exclusive'): TaxPolicy => ({ mode, rates: [{ name: 'T', basisPoints }], reverseCharge: false });

describe('exclusive taxes', () => {
  it('adds the tax on top of the net', () => {
    expect(computeTaxes([standard(100_000)], single(2000))).toEqual({
      net: 100_000,
      lines: [{ name: 'T', basisPoints: 2000, category: 'standard', base: 100_000, amount: 20_000 }],
      tax: 20_000,
      gross: 120_000,
    });
  });

  it('rounds each rate half away from zero', () => {
    expect(computeTaxes([standard(1)], single(5000)).tax).toBe(1); // 0.5 -> 1
    expect(computeTaxes([standard(3)], single(5000)).tax).toBe(2); // 1.5 -> 2
    expect(computeTaxes([standard(1)], single(4999)).tax).toBe(0); // 0.4999 -> 0
    expect(computeTaxes([standard(-1)], single(5000)).tax).toBe(-1); // negative sums round symmetrically
    expect(computeTaxes([standard(1999)], single(725)).tax).toBe(145); // 144.9275 -> 145
  });

  it('taxes each rate on the sum of its own lines: 1,000 at 19 % plus 100 at 7 % is 197, not 286', () => {
    const result = computeTaxes([standard(100_000), reduced(10_000)], germanVat('exclusive'));
    expect(result.lines.map(({ basisPoints, base, amount }) => [basisPoints, base, amount])).toEqual([[1900, 100_000, 19_000], [700, 10_000, 700]]);
    expect(result).toMatchObject({ net: 110_000, tax: 19_700, gross: 129_700 });
  });

  it('rounds once per rate on the sum of the lines, not per line', () => {
    // Three lines of 0.03 at 19 %: 0.0057 each would round to 0.01 each (0.03); on the sum 0.0171 rounds to 0.02.
    expect(computeTaxes([standard(3), standard(3), standard(3)], single(1900)).tax).toBe(2);
  });

  it('lets a discount line lower the base of its category', () => {
    const result = computeTaxes([standard(100_000), standard(-10_000), reduced(5_000)], germanVat('exclusive'));
    expect(result.lines.map((line) => [line.base, line.amount])).toEqual([[90_000, 17_100], [5_000, 350]]);
  });

  it('rounds US sales tax per jurisdiction on one base, which can differ by a cent from the combined rate', () => {
    const chicago: TaxPolicy = {
      mode: 'exclusive',
      rates: [
        { name: 'Illinois sales tax', basisPoints: 625 },
        { name: 'Cook County sales tax', basisPoints: 175 },
        { name: 'Chicago sales tax', basisPoints: 125 },
        { name: 'RTA sales tax', basisPoints: 100 },
      ],
      reverseCharge: false,
    };
    const result = computeTaxes([standard(400_005)], chicago);
    // 250.003125 + 70.000875 + 50.000625 + 40.0005 rounded each: 410.00; 10.25 % at once would give 410.01.
    expect(result.lines.map((line) => [line.base, line.amount])).toEqual([[400_005, 25_000], [400_005, 7_000], [400_005, 5_000], [400_005, 4_000]]);
    expect(result.tax).toBe(41_000);
  });
});

describe('inclusive taxes', () => {
  it('bills the agreed gross: 12,000 at 19 % included is 10,084.03 net and 1,915.97 VAT', () => {
    expect(computeTaxes([standard(1_200_000)], single(1900, 'inclusive'))).toMatchObject({ net: 1_008_403, tax: 191_597, gross: 1_200_000 });
  });

  it('rounds the tax and derives the net, for every gross at 20 %', () => {
    for (let gross = 1; gross <= 6_000; gross++) {
      const result = computeTaxes([standard(gross)], single(2000, 'inclusive'));
      // gross × 0.2 / 1.2 = gross / 6, rounded half away from zero; rounding the net instead misses 1 in 6.
      expect(result.tax, `gross ${gross}`).toBe(Math.round(gross / 6));
      expect(result.net + result.tax).toBe(gross);
    }
    expect(computeTaxes([standard(3)], single(2000, 'inclusive'))).toMatchObject({ net: 2, tax: 1 }); // 0.5 -> 1
  });

  it('takes each category out of its own lines, and never gives a negative tax', () => {
    const result = computeTaxes([standard(119_000), reduced(10_700)], germanVat('inclusive'));
    expect(result.lines.map((line) => [line.base, line.amount])).toEqual([[100_000, 19_000], [10_000, 700]]);
    expect(result).toMatchObject({ net: 110_000, tax: 19_700, gross: 129_700 });
  });

  it('rounds each of several rates on one base, the net absorbing the rest', () => {
    const policy: TaxPolicy = { mode: 'inclusive', rates: [{ name: 'A', basisPoints: 500 }, { name: 'B', basisPoints: 998 }], reverseCharge: false };
    const result = computeTaxes([standard(10_000)], policy);
    // 10 000 × 5 / 114.98 = 434.86 -> 435; 10 000 × 9.98 / 114.98 = 867.98 -> 868.
    expect(result.lines.map((line) => line.amount)).toEqual([435, 868]);
    expect(result).toMatchObject({ net: 8_697, tax: 1_303, gross: 10_000 });
    expect(result.lines.every((line) => line.base === 8_697)).toBe(true);
  });
});

describe('reverse charge, zero rates and no tax', () => {
  it('charges no tax under reverse charge and says why', () => {
    const result = computeTaxes([standard(50_000), reduced(1_000)], { ...germanVat('exclusive'), reverseCharge: true });
    expect(result).toMatchObject({ net: 51_000, tax: 0, gross: 51_000 });
    expect(result.lines).toEqual([expect.objectContaining({ name: 'VAT', category: 'reverse-charge', base: 51_000, amount: 0, exemption: expect.stringContaining('Reverse charge') })]);
  });

  it('keeps the exemption wording of a zero or exempt rate on its row', () => {
    const exempt: TaxPolicy = { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 0, category: 'exempt', exemption: 'Exempt under §4 Nr. 21 UStG' }], reverseCharge: false };
    const result = computeTaxes([{ amount: 40_000, category: 'exempt' }], exempt);
    expect(result.lines).toEqual([{ name: 'VAT', basisPoints: 0, category: 'exempt', exemption: 'Exempt under §4 Nr. 21 UStG', base: 40_000, amount: 0 }]);
    expect(result.gross).toBe(40_000);
  });

  it('charges no tax without rates, in either mode', () => {
    for (const mode of ['exclusive', 'inclusive'] as const) {
      expect(computeTaxes([standard(50_000)], { mode, rates: [], reverseCharge: false })).toEqual({ net: 50_000, lines: [], tax: 0, gross: 50_000 });
    }
  });

  it('reads a rate saved before categories existed as a standard rate', () => {
    expect(computeTaxes([standard(10_000)], { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 2000 }], reverseCharge: false }).tax).toBe(2_000);
  });
});
