import { t } from '../ui/i18n';
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
  if (unknown.length) return fail(t('patternUnknownPart', unknown[0]!));
  const sequences = tokens.filter((token) => SEQ.test(token)).length;
  if (sequences !== 1) return fail(t('patternOneSeq'));
  if (/[\\/:*?"<>|]/.test(pattern.replace(TOKEN, ''))) {
    return fail(t('patternFileChars'));
  }
  return ok(pattern);
}

/** A pattern that suits its reset mode: a yearly reset needs the year in the number, or numbers repeat. */
export function validateRule(rule: NumberingRule): Result<NumberingRule> {
  const pattern = validatePattern(rule.pattern);
  if (!pattern.ok) return pattern;
  if (rule.yearlyReset && !/\{YYYY\}|\{YY\}/.test(rule.pattern)) {
    return fail(t('patternYearlyNeedsYear'));
  }
  return ok(rule);
}

/** One step of a pattern as text: a literal character, one digit, or any number of further digits. */
type Step = { char: string } | { digit: true; repeat: boolean };

function steps(pattern: string): Step[] {
  const result: Step[] = [];
  let at = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    for (const char of pattern.slice(at, match.index)) result.push({ char });
    const token = match[1] ?? '';
    const width = token === 'YYYY' ? 4 : token === 'YY' || token === 'MM' ? 2 : Number(SEQ.exec(token)?.[1] ?? 1);
    for (let i = 0; i < width; i++) result.push({ digit: true, repeat: false });
    // A sequence outgrows its padding (seq:3 reaches 1000), so it may have any number of further digits.
    if (SEQ.test(token)) result.push({ digit: true, repeat: true });
    at = match.index + match[0].length;
  }
  for (const char of pattern.slice(at)) result.push({ char });
  return result;
}

const accepts = (step: Step | undefined, char: string) => !!step && ('char' in step ? step.char === char : /\d/.test(char));

/** Where a pattern is after reading one character at `at`: a repeat stays put, anything else moves on. */
const after = (pattern: Step[], at: number) => {
  const step = pattern[at];
  return step && 'repeat' in step && step.repeat ? at : at + 1;
};

/** The positions a pattern may be at, given that optional repeats can be skipped. */
function closure(pattern: Step[], at: number): number[] {
  const step = pattern[at];
  return step && 'digit' in step && step.repeat ? [at, ...closure(pattern, at + 1)] : [at];
}

/**
 * A number both patterns can produce, if there is one (searching the pair of patterns breadth
 * first, as two automata run side by side), so two series can be told apart before they collide.
 */
export function sharedNumber(a: string, b: string): string | undefined {
  const [left, right] = [steps(a), steps(b)];
  // Every literal character, and one digit standing for all the others, which behave alike.
  const alphabet = [...new Set([...a.replace(TOKEN, ''), ...b.replace(TOKEN, ''), '1'])];
  const start = closure(left, 0).flatMap((i) => closure(right, 0).map((j): [number, number, string] => [i, j, '']));
  const seen = new Set(start.map(([i, j]) => `${i},${j}`));
  const queue = [...start];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [i, j, text] = next;
    if (i === left.length && j === right.length) return text;
    for (const char of alphabet) {
      if (!accepts(left[i], char) || !accepts(right[j], char)) continue;
      for (const ni of closure(left, after(left, i))) {
        for (const nj of closure(right, after(right, j))) {
          if (seen.has(`${ni},${nj}`)) continue;
          seen.add(`${ni},${nj}`);
          queue.push([ni, nj, text + char]);
        }
      }
    }
  }
  return undefined;
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
