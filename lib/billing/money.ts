import { t } from '../ui/i18n';
import { iso4217Exponents } from './iso4217';
import { fail, ok, type Result } from './result';

/** An amount in the currency's minor unit (cents for EUR, yen for JPY, fils for BHD). Never a float. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export class CurrencyMismatchError extends Error {
  constructor(readonly left: string, readonly right: string) {
    super(`Cannot combine ${left} and ${right}: amounts in different currencies are never added together`);
    this.name = 'CurrencyMismatchError';
  }
}

/** A currency with an ISO 4217 minor unit, the same list in every browser. */
export function isCurrency(code: string): boolean {
  return iso4217Exponents.has(code);
}

/** The ISO 4217 exponent: JPY 0, EUR 2, HUF 2, BHD 3. Never from Intl, whose data differs between browsers. */
export function currencyExponent(currency: string): number {
  const exponent = iso4217Exponents.get(currency);
  if (exponent === undefined) throw new RangeError(`Unknown currency "${currency}"`);
  return exponent;
}

export interface DisplayOptions {
  /** Digits to write with, e.g. "latn" where a PDF font lacks the locale's own digits. */
  numberingSystem?: string;
}

const formats = new Map<string, Intl.NumberFormat>();

/** Intl formatters are costly to build (a badge board formats hundreds of amounts): keep one per use. */
function currencyFormat(locale: string, currency: string, display: 'symbol' | 'narrowSymbol' = 'symbol', digits?: string): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}|${digits ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    // Exactly the ISO digits, so every stored minor unit shows and every browser shows the same.
    const exponent = currencyExponent(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency', currency, currencyDisplay: display, minimumFractionDigits: exponent, maximumFractionDigits: exponent,
      ...(digits ? { numberingSystem: digits } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * The numbering system to print a locale's amounts and dates with: its own digits when the font
 * has all ten (Arabic-Indic in ar-SA, Bengali in bn-BD), else Latin digits, never blanks.
 */
export function printableDigits(locale: string, fontHas: (char: string) => boolean): string {
  const format = new Intl.NumberFormat(locale, { useGrouping: false });
  const own = format.resolvedOptions().numberingSystem;
  return [...format.format(1234567890)].every(fontHas) ? own : 'latn';
}

/** The locale with its numbers written in `numberingSystem` ("ar-SA" -> "ar-SA-u-nu-latn"), for dates as well as amounts. */
export function withDigits(locale: string, numberingSystem: string): string {
  return new Intl.Locale(locale, { numberingSystem }).toString();
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${amount} is not a whole number of minor units`);
  currencyExponent(currency);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(currency: string, amounts: readonly Money[]): Money {
  return amounts.reduce(add, money(0, currency));
}

/** "123456" minor units of EUR -> "1234.56", exactly, whatever the size. */
export function toDecimalString({ amount, currency }: Money): string {
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amount).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${amount < 0 ? '-' : ''}${whole}${exponent ? `.${fraction}` : ''}`;
}

export function formatMoney(value: Money, locale: string, options: DisplayOptions = {}): string {
  // Intl formats decimal strings exactly; a float division could print 0.30000000000000004.
  return currencyFormat(locale, value.currency, 'symbol', options.numberingSystem).format(toDecimalString(value) as unknown as number);
}

export interface ParseOptions {
  allowNegative?: boolean;
}

/**
 * Reads an amount as a person types it in their locale: "1,234.56" (en), "1.000,00" (de),
 * "1 234,56" (fr). Grouping may be the locale's, a space or an apostrophe. A currency sign or code
 * before or after the number must be the field's own ("US$", "$" or "USD" in a USD field); a sign
 * of another currency is refused rather than guessed.
 */
export function parseMoney(
  text: string,
  currency: string,
  locale: string,
  options: ParseOptions = {},
): Result<Money> {
  if (!isCurrency(currency)) return fail(t('unknownCurrency', currency));
  const cleaned = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (!cleaned) return fail(t('enterAmount'));
  const parts = /^(\D*?)(\d(?:[\d .,'\u2019]*\d)?)(\D*)$/.exec(cleaned);
  if (!parts) return notANumber(text, locale);
  const [, before = '', number = '', after = ''] = parts;
  for (const mark of [before, after].map(currencyMark).filter(Boolean)) {
    const problem = markProblem(mark, currency, locale);
    if (problem) return problem === 'unknown' ? notANumber(text, locale) : fail(problem);
  }
  const negative = /[-\u2212(]/.test(before) || /[-\u2212)]/.test(after);
  if (negative && !options.allowNegative) return fail(t('amountNegative'));
  const minor = readDigits(number, currency, locale);
  if (minor === 'not a number') return notANumber(text, locale);
  if (typeof minor === 'string') return fail(minor);
  return ok(money(negative ? -minor : minor, currency));
}

/** "1.234,56" in de -> 123456 minor units; a message when the digits or decimals do not fit. */
function readDigits(number: string, currency: string, locale: string): number | string {
  const { decimal, group } = separators(locale);
  const lastDecimal = number.lastIndexOf(decimal);
  const wholePart = lastDecimal === -1 ? number : number.slice(0, lastDecimal);
  const fractionPart = lastDecimal === -1 ? '' : number.slice(lastDecimal + 1);
  const groups = splitGroups(wholePart, group);
  if (/[^\d]/.test(fractionPart) || !groups) return 'not a number';
  const exponent = currencyExponent(currency);
  if (fractionPart.length > exponent) {
    return exponent === 0 ? `${currency} has no decimal places: enter a whole amount` : `${currency} has ${exponent} decimal places at most`;
  }
  const amount = Number(groups.join('') + fractionPart.padEnd(exponent, '0'));
  return Number.isSafeInteger(amount) ? amount : t('amountTooLarge');
}

/** What is left of the text around the number once signs and spaces are gone: "US$", "€", "eur". */
function currencyMark(affix: string): string {
  return affix.replace(/[-\u2212() ]/g, '');
}

/** Where a currency is commonly written: the user's locale, English, and the international forms (US$, $US, CA$). */
const markLocales = ['en', 'en-CA', 'fr', 'de'];
const marksByCurrency = new Map<string, Set<string>>();

function marksOf(currency: string, locale: string): Set<string> {
  const key = `${currency}|${locale}`;
  let marks = marksByCurrency.get(key);
  if (!marks) {
    marks = new Set([currency.toLowerCase()]);
    for (const where of [locale, ...markLocales]) {
      for (const display of ['symbol', 'narrowSymbol'] as const) {
        marks.add(signOf(where, currency, display).toLowerCase());
      }
    }
    marksByCurrency.set(key, marks);
  }
  return marks;
}

function nameCurrencies(codes: string[]): string {
  return codes.length > 3 ? `${codes.slice(0, 3).join(', ')} or another currency` : codes.join(' or ');
}

function signOf(locale: string, currency: string, display: 'symbol' | 'narrowSymbol'): string {
  const sign = currencyFormat(locale, currency, display).formatToParts(0).find((part) => part.type === 'currency')?.value;
  return (sign ?? currency).replace(/\s/g, '');
}

/** Undefined when the mark names the field's currency; a plain message when it names others; "unknown" otherwise. */
function markProblem(mark: string, currency: string, locale: string): string | undefined {
  const key = mark.toLowerCase();
  if (marksOf(currency, locale).has(key)) return undefined;
  const others = currenciesByMark(locale).get(key);
  if (!others) return 'unknown';
  // "$" is USD to an en-US user and CAD to an en-CA one: the locale's own reading, when it has one.
  const ownReading = others.filter((code) => signOf(locale, code, 'symbol').toLowerCase() === key);
  const named = nameCurrencies(ownReading.length ? ownReading : others);
  return t('foreignCurrencyMark', mark, named, currency);
}

const markIndexes = new Map<string, Map<string, string[]>>();

/** Every sign and code a locale's user may type, with the currencies it stands for; built once per locale. */
function currenciesByMark(locale: string): Map<string, string[]> {
  let index = markIndexes.get(locale);
  if (!index) {
    index = new Map();
    for (const code of iso4217Exponents.keys()) {
      for (const mark of marksOf(code, locale)) index.set(mark, [...(index.get(mark) ?? []), code]);
    }
    markIndexes.set(locale, index);
  }
  return index;
}

/**
 * "1,234,567" -> ["1","234","567"]; null when grouping is irregular ("12,34"). Thousands are
 * groups of three; Indian lakh grouping ("12,34,567") has pairs before the last three.
 */
function splitGroups(whole: string, group: string): string[] | null {
  const parts = whole.split(groupSplitter(group));
  if (parts.some((part) => !/^\d+$/.test(part))) return null;
  const middle = parts.slice(1, -1).map((part) => part.length);
  const regular = middle.every((length) => length === 3) || middle.every((length) => length === 2);
  if (parts.length > 1 && (parts.at(-1)!.length !== 3 || !regular)) return null;
  return parts;
}

const groupSplitters = new Map<string, RegExp>();

/** The locale's group separator, a space, or an apostrophe. */
function groupSplitter(group: string): RegExp {
  let splitter = groupSplitters.get(group);
  if (!splitter) {
    splitter = new RegExp(`[${[group, ' ', "'", '\u2019'].map(escapeClass).join('')}]`);
    groupSplitters.set(group, splitter);
  }
  return splitter;
}

function escapeClass(char: string): string {
  return char.replace(/[\\\]^-]/g, '\\$&');
}

function notANumber(text: string, locale: string): Result<never> {
  const { decimal, group } = separators(locale);
  return fail(t('notAnAmount', text.trim(), `1${group}234${decimal}56`));
}

/** The locale's separators as typed with the digits 0-9 (an Arabic locale types 1,234.56 then). */
export function separators(locale: string): { decimal: string; group: string } {
  let found = separatorsByLocale.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(withDigits(locale, 'latn')).formatToParts(12345.6);
    found = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
    separatorsByLocale.set(locale, found);
  }
  return found;
}

const separatorsByLocale = new Map<string, { decimal: string; group: string }>();

/** An amount as a person would type it in their locale, without grouping ("1234,56"): what parseMoney reads back. */
export function amountForInput(value: Money, locale: string): string {
  const exponent = currencyExponent(value.currency);
  const format = new Intl.NumberFormat(withDigits(locale, 'latn'), { minimumFractionDigits: exponent, maximumFractionDigits: exponent, useGrouping: false });
  return format.format(toDecimalString(value) as unknown as number);
}
