import { t } from '../ui/i18n';
import { fail, ok, type Result } from './result';

/** A milestone's share of the contract: an exact percentage in basis points (30 % = 3000), or a fixed amount. */
export type Share = { kind: 'percent'; basisPoints: number } | { kind: 'fixed'; amount: number };

export interface MilestoneSpec {
  title: string;
  share: Share;
}

export interface ScheduleProblem {
  /** Index of the milestone concerned, or null for the schedule as a whole. */
  milestone: number | null;
  message: string;
}

export const FULL_CONTRACT_BP = 10_000;
export const MAX_MILESTONES = 12;

export interface ScheduleTemplate {
  id: string;
  label: string;
  milestones: MilestoneSpec[];
}

const percent = (title: string, pct: number): MilestoneSpec => ({
  title,
  share: { kind: 'percent', basisPoints: pct * 100 },
});

export const scheduleTemplates: readonly ScheduleTemplate[] = [
  {
    id: '30-40-30',
    label: '30 / 40 / 30: upfront, prototype, final delivery',
    milestones: [percent('Upfront deposit', 30), percent('Functional prototype', 40), percent('Final delivery', 30)],
  },
  {
    id: '50-50',
    label: '50 / 50: upfront, final delivery',
    milestones: [percent('Upfront deposit', 50), percent('Final delivery', 50)],
  },
  {
    id: '25-25-25-25',
    label: '25 / 25 / 25 / 25: four equal stages',
    milestones: [percent('Upfront deposit', 25), percent('First draft', 25), percent('Second draft', 25), percent('Final delivery', 25)],
  },
  {
    id: '20-30-50',
    label: '20 / 30 / 50: small deposit, weighted to delivery',
    milestones: [percent('Upfront deposit', 20), percent('Prototype', 30), percent('Final delivery', 50)],
  },
];

/**
 * Every problem with a schedule, each with a message a user can act on; empty when it is valid.
 * `format` shows minor units as the user reads money (see formatMoney).
 */
export function validateSchedule(
  total: number,
  milestones: readonly MilestoneSpec[],
  format: (amount: number) => string = String,
): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const whole = (message: string) => problems.push({ milestone: null, message });

  if (!Number.isSafeInteger(total) || total <= 0) whole(t('totalMoreThanZero'));
  if (milestones.length === 0) whole(t('scheduleAddMilestone'));
  if (milestones.length > MAX_MILESTONES) whole(t('scheduleMaxMilestones', String(MAX_MILESTONES)));

  milestones.forEach((spec, index) => {
    const at = (message: string) => problems.push({ milestone: index, message });
    if (!spec.title.trim()) at(t('milestoneNeedsTitle', String(index + 1)));
    const value = spec.share.kind === 'percent' ? spec.share.basisPoints : spec.share.amount;
    if (!Number.isSafeInteger(value)) at(t('milestoneInvalidAmount', String(index + 1)));
    else if (value <= 0) at(t('milestoneMoreThanZero', String(index + 1)));
  });

  const kinds = new Set(milestones.map((spec) => spec.share.kind));
  if (kinds.size > 1) {
    whole(t('scheduleNoMix'));
  } else if (kinds.has('percent')) {
    const bp = milestones.reduce((acc, spec) => acc + (spec.share.kind === 'percent' ? spec.share.basisPoints : 0), 0);
    if (bp !== FULL_CONTRACT_BP) whole(t('percentagesAddUp', formatBasisPoints(bp)));
    else if (!problems.length) {
      splitByPercent(total, milestones).forEach((amount, index) => {
        if (amount === 0) {
          problems.push({ milestone: index, message: t('milestoneComesToZero', String(index + 1), format(0), format(total)) });
        }
      });
    }
  } else if (kinds.has('fixed') && Number.isSafeInteger(total)) {
    const fixed = milestones.reduce((acc, spec) => acc + (spec.share.kind === 'fixed' ? spec.share.amount : 0), 0);
    if (fixed !== total) whole(t('amountsAddUp', format(fixed), format(total)));
  }
  return problems;
}

export function formatBasisPoints(bp: number): string {
  return `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;
}

/**
 * Splits the total into milestone amounts that sum to it exactly. Percentages use the
 * largest-remainder method: every part is rounded down, then the leftover minor units go to the
 * parts with the largest remainders (the earlier milestone on a tie). Call on a valid schedule.
 * Each milestone bills its own part, so the final milestone bills exactly what the others leave.
 */
export function allocate(total: number, milestones: readonly MilestoneSpec[]): number[] {
  const problems = validateSchedule(total, milestones);
  if (problems.length) throw new RangeError(problems.map((problem) => problem.message).join('; '));
  if (milestones.every((spec) => spec.share.kind === 'fixed')) {
    return milestones.map((spec) => (spec.share as { amount: number }).amount);
  }
  return splitByPercent(total, milestones);
}

/** The largest-remainder split of `total` by each milestone's basis points (which add up to 100 %). */
function splitByPercent(total: number, milestones: readonly MilestoneSpec[]): number[] {
  // BigInt: total × basis points overflows a double for totals above ~9 × 10^11 minor units.
  const whole = BigInt(total);
  const parts = milestones.map((spec, index) => {
    const scaled = whole * BigInt((spec.share as { basisPoints: number }).basisPoints);
    const full = BigInt(FULL_CONTRACT_BP);
    return { index, amount: scaled / full, remainder: scaled % full };
  });
  let leftover = whole - parts.reduce((acc, part) => acc + part.amount, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (leftover === 0n) break;
    part.amount += 1n;
    leftover -= 1n;
  }
  return parts.map((part) => Number(part.amount));
}

/** "33.33", "33,33 %" (in a comma locale) -> 3333 basis points; two decimals at most. */
export function parsePercent(text: string, locale: string): Result<number> {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const cleaned = text.replace(/\s|%/g, '');
  const match = new RegExp(`^(\\d{1,3})(?:${decimal === '.' ? '\\.' : decimal}(\\d{1,2}))?$`).exec(cleaned);
  if (!match) return fail(t('notAPercentage', text.trim(), decimal === '.' ? '33.5' : '33,5'));
  return ok(Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')));
}
