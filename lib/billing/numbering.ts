import type { IsoDate } from './dates';
import { fail, ok, type Result } from './result';

/**
 * Invoice numbers follow a pattern such as "INV-{YYYY}-{seq:4}". A number is assigned only when
 * an invoice is issued, from a counter per series, so the sequence has no gaps; with a yearly
 * reset each year is its own series.
 */
export interface NumberingRule {
  pattern: string;
  yearlyReset: boolean;
}

const TOKEN = /\{([^}]*)\}/g;
const SEQ = /^seq(?::(\d+))?$/;

export function validatePattern(pattern: string): Result<string> {
  const tokens = [...pattern.matchAll(TOKEN)].map((match) => match[1] ?? '');
  const unknown = tokens.filter((token) => !['YYYY', 'YY', 'MM'].includes(token) && !SEQ.test(token));
  if (unknown.length) return fail(`Unknown part {${unknown[0]}}: use {YYYY}, {YY}, {MM} and {seq:N}`);
  const sequences = tokens.filter((token) => SEQ.test(token)).length;
  if (sequences !== 1) return fail('The pattern needs exactly one {seq} (or {seq:N} for N digits)');
  if (/[\\/:*?"<>|]/.test(pattern.replace(TOKEN, ''))) {
    return fail('The pattern cannot contain \\ / : * ? " < > | (numbers appear in file names)');
  }
  return ok(pattern);
}

/** The counter this issue date draws from: one per year with a yearly reset, else one for all time. */
export function seriesKey(rule: NumberingRule, issueDate: IsoDate, prefix = 'invoice'): string {
  return rule.yearlyReset ? `${prefix}:${issueDate.slice(0, 4)}` : `${prefix}:all`;
}

export function formatNumber(rule: NumberingRule, sequence: number, issueDate: IsoDate): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Invalid sequence ${sequence}`);
  const [year = '', month = ''] = issueDate.split('-');
  return rule.pattern.replace(TOKEN, (_, token: string) => {
    if (token === 'YYYY') return year;
    if (token === 'YY') return year.slice(2);
    if (token === 'MM') return month;
    const width = Number(SEQ.exec(token)?.[1] ?? 1);
    return String(sequence).padStart(width, '0');
  });
}

/** The next number in a series whose last issued sequence is `last` (0 for a new series). */
export function nextNumber(rule: NumberingRule, last: number, issueDate: IsoDate) {
  const sequence = last + 1;
  return { sequence, number: formatNumber(rule, sequence, issueDate), series: seriesKey(rule, issueDate) };
}
