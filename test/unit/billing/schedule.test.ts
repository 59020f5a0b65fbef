import { describe, expect, it } from 'vitest';
import { formatMoney, money } from '../../../lib/billing/money';
import {
  allocate,
  parsePercent,
  scheduleTemplates,
  validateSchedule,
  type MilestoneSpec,
} from '../../../lib/billing/schedule';

const pct = (...percents: number[]): MilestoneSpec[] =>
  percents.map((p, i) => ({ title: `M${i + 1}`, share: { kind: 'percent', basisPoints: Math.round(p * 100) } }));
const fixed = (...amounts: number[]): MilestoneSpec[] =>
  amounts.map((amount, i) => ({ title: `M${i + 1}`, share: { kind: 'fixed', amount } }));
const messages = (total: number, specs: MilestoneSpec[]) => validateSchedule(total, specs).map((p) => p.message);

describe('templates', () => {
  it('offers 30/40/30, 50/50, 25/25/25/25 and 20/30/50, each summing to 100 %', () => {
    expect(scheduleTemplates.map((t) => t.id)).toEqual(['30-40-30', '50-50', '25-25-25-25', '20-30-50']);
    for (const template of scheduleTemplates) {
      expect(validateSchedule(1_000_000, template.milestones), template.id).toEqual([]);
    }
  });

  it('splits a 10,000.00 contract 30/40/30 exactly', () => {
    expect(allocate(1_000_000, scheduleTemplates[0]!.milestones)).toEqual([300_000, 400_000, 300_000]);
  });
});

describe('largest-remainder allocation', () => {
  it('splits 999.99 by 33/33/34 so the parts sum to the total', () => {
    const parts = allocate(99_999, pct(33, 33, 34));
    expect(parts).toEqual([33_000, 33_000, 33_999]); // remainders .67, .67, .66
    expect(parts.reduce((a, b) => a + b)).toBe(99_999);
  });

  it('gives leftover units to the largest remainders, the earlier milestone on a tie', () => {
    expect(allocate(100, pct(33.33, 33.33, 33.34))).toEqual([33, 33, 34]);
    expect(allocate(3, pct(50, 50))).toEqual([2, 1]);
    expect(allocate(4, pct(33.33, 33.33, 33.34))).toEqual([1, 1, 2]);
  });

  it('always sums exactly, for many totals and splits', () => {
    const splits = [pct(30, 40, 30), pct(33.33, 33.33, 33.34), pct(12.5, 12.5, 25, 50), pct(0.01, 99.99)];
    for (let total = 1; total < 5_000; total += 7) {
      for (const split of splits) {
        const problems = validateSchedule(total, split);
        // Small totals may leave a milestone at zero, which is refused rather than split.
        if (problems.length) expect(problems.map((problem) => problem.message).join()).toMatch(/^(Milestone \d comes to 0 [^,]*,?)+$/);
        else expect(allocate(total, split).reduce((a, b) => a + b)).toBe(total);
      }
    }
  });

  it('stays exact for totals beyond double precision products', () => {
    const total = 9_000_000_000_000_001;
    expect(Number.isSafeInteger(total)).toBe(true);
    const parts = allocate(total, pct(30, 40, 30));
    expect(parts.map(BigInt).reduce((a, b) => a + b)).toBe(BigInt(total));
  });

  it('passes fixed amounts through untouched', () => {
    expect(allocate(1000, fixed(250, 750))).toEqual([250, 750]);
  });

  it('refuses to allocate an invalid schedule', () => {
    expect(() => allocate(1000, pct(50, 40))).toThrow(/add up to 90 %/);
  });

  it('leaves the final milestone exactly what the others do not bill: 12,000 as 30/40/30 ends with 3,600', () => {
    expect(allocate(1_200_000, pct(30, 40, 30))).toEqual([360_000, 480_000, 360_000]);
    expect(allocate(99_999, pct(33, 33, 34))).toEqual([33_000, 33_000, 33_999]);
  });
});

describe('validation', () => {
  it('accepts a good schedule', () => {
    expect(validateSchedule(1000, pct(30, 40, 30))).toEqual([]);
  });

  it('explains percentages that do not add up to 100 %', () => {
    expect(messages(1000, pct(30, 40, 29))).toEqual(['The percentages add up to 99 %, not 100 %']);
    expect(messages(1000, pct(60, 50))).toEqual(['The percentages add up to 110 %, not 100 %']);
    expect(messages(1000, pct(33.33, 33.33, 33.33))).toEqual(['The percentages add up to 99.99 %, not 100 %']);
  });

  it('explains fixed amounts that do not add up to the total, in money', () => {
    const format = (amount: number) => formatMoney(money(amount, 'EUR'), 'en-US');
    const problems = validateSchedule(100_000, fixed(30_000, 60_000), format).map((p) => p.message);
    expect(problems).toEqual(['The milestone amounts add up to €900.00, not the contract total of €1,000.00']);
  });

  it('names the milestone with an empty title or a zero or negative amount', () => {
    const specs = pct(30, 40, 30);
    specs[1]!.title = '  ';
    expect(validateSchedule(1000, specs)).toEqual([{ milestone: 1, message: 'Milestone 2 needs a title' }]);
    expect(validateSchedule(1000, fixed(1000, 0))).toContainEqual({ milestone: 1, message: 'Milestone 2 must be more than zero' });
    expect(validateSchedule(1000, fixed(1100, -100))).toContainEqual({ milestone: 1, message: 'Milestone 2 must be more than zero' });
    expect(messages(1000, pct(100.5, -0.5))).toContain('Milestone 2 must be more than zero');
    expect(messages(1000, fixed(999.5, 0.5))).toContain('Milestone 1 has an invalid amount');
  });

  it('rejects a zero or negative total, no milestones, more than 12, or a mix of kinds', () => {
    expect(messages(0, pct(100))).toEqual(['The contract total must be more than zero']);
    expect(messages(-5, pct(100))).toEqual(['The contract total must be more than zero']);
    expect(messages(1000, [])).toEqual(['Add at least one milestone']);
    expect(messages(1300, fixed(...Array<number>(13).fill(100)))).toEqual(['A schedule has at most 12 milestones']);
    expect(validateSchedule(1200, fixed(...Array<number>(12).fill(100)))).toEqual([]);
    expect(messages(1000, [...pct(50), ...fixed(500)])).toEqual([
      'Use either percentages or fixed amounts for every milestone, not a mix',
    ]);
  });
});

describe('typed percentages', () => {
  it('reads whole and decimal percentages per locale, exactly', () => {
    expect(parsePercent('30', 'en')).toEqual({ ok: true, value: 3000 });
    expect(parsePercent('33.33 %', 'en')).toEqual({ ok: true, value: 3333 });
    expect(parsePercent('12,5', 'de-DE')).toEqual({ ok: true, value: 1250 });
    expect(parsePercent('0.01', 'en')).toEqual({ ok: true, value: 1 });
  });

  it('explains what is not a percentage', () => {
    for (const bad of ['abc', '-5', '33.333', '', '1e2', '12,5']) expect(parsePercent(bad, 'en').ok, bad).toBe(false);
    expect(parsePercent('abc', 'de-DE')).toEqual({ ok: false, error: '"abc" is not a percentage: write it like 33,5' });
  });
});

describe('milestones that round to nothing', () => {
  const three = [
    { title: 'Deposit', share: { kind: 'percent' as const, basisPoints: 3000 } },
    { title: 'Prototype', share: { kind: 'percent' as const, basisPoints: 4000 } },
    { title: 'Final', share: { kind: 'percent' as const, basisPoints: 3000 } },
  ];
  const euros = (amount: number) => `€${(amount / 100).toFixed(2)}`;

  it('refuses a 0.01 contract split three ways, naming each milestone that would bill 0.00', () => {
    expect(validateSchedule(1, three, euros)).toEqual([
      { milestone: 0, message: 'Milestone 1 comes to €0.00 of a contract total of €0.01: raise the total or use fewer milestones' },
      { milestone: 2, message: 'Milestone 3 comes to €0.00 of a contract total of €0.01: raise the total or use fewer milestones' },
    ]);
    expect(() => allocate(1, three)).toThrow(/Milestone 1 comes to 0 of a contract total of 1/);
  });

  it('accepts the smallest total that gives every milestone a minor unit', () => {
    expect(validateSchedule(3, three)).toEqual([]);
    expect(allocate(3, three)).toEqual([1, 1, 1]);
  });
});
