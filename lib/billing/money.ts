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

let knownCurrencies: Set<string> | undefined;

export function isCurrency(code: string): boolean {
  // Built on first use: content scripts that never check a currency never pay for the table.
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

const formats = new Map<string, Intl.NumberFormat>();

/** Intl formatters are costly to build (a badge board formats hundreds of amounts): keep one per use. */
function currencyFormat(locale: string, currency: string, display: 'symbol' | 'narrowSymbol' = 'symbol'): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display });
    formats.set(key, format);
  }
  return format;
}

/** The ISO 4217 exponent: JPY 0, EUR 2, BHD 3. Intl carries the ISO table, so we do not copy it. */
export function currencyExponent(currency: string): number {
  if (!isCurrency(currency)) throw new RangeError(`Unknown currency "${currency}"`);
  return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits as number;
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

export function formatMoney(value: Money, locale: string): string {
  // Intl formats decimal strings exactly; a float division could print 0.30000000000000004.
  return currencyFormat(locale, value.currency).format(toDecimalString(value) as unknown as number);
}

export interface ParseOptions {
  allowNegative?: boolean;
}

/**
 * Reads an amount as a person types it in their locale: "1,234.56" (en), "1.234,56" (de),
 * "1 234,56" (fr). Grouping may be the locale's, a space or an apostrophe; currency symbols and
 * codes around the number are ignored.
 */
export function parseMoney(
  text: string,
  currency: string,
  locale: string,
  options: ParseOptions = {},
): Result<Money> {
  if (!isCurrency(currency)) return fail(`Unknown currency "${currency}"`);
  const { decimal, group } = separators(locale);
  let cleaned = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (!cleaned) return fail('Enter an amount');
  const negative = /^[-\u2212(]|[-\u2212)]$/.test(stripCurrency(cleaned, currency));
  cleaned = stripCurrency(cleaned, currency).replace(/^[-\u2212(]\s*|\s*[)-]$/g, '');
  if (negative && !options.allowNegative) return fail('The amount cannot be negative');

  const groupChars = new Set([group, ' ', "'", '\u2019']);
  const lastDecimal = cleaned.lastIndexOf(decimal);
  const wholePart = lastDecimal === -1 ? cleaned : cleaned.slice(0, lastDecimal);
  const fractionPart = lastDecimal === -1 ? '' : cleaned.slice(lastDecimal + 1);

  if (!/^\d/.test(cleaned) || /[^\d]/.test(fractionPart)) return notANumber(text, locale);
  const groups = splitGroups(wholePart, groupChars);
  if (!groups) return notANumber(text, locale);

  const exponent = currencyExponent(currency);
  if (fractionPart.length > exponent) {
    return fail(
      exponent === 0
        ? `${currency} has no decimal places: enter a whole amount`
        : `${currency} has ${exponent} decimal places at most`,
    );
  }
  const digits = groups.join('') + fractionPart.padEnd(exponent, '0');
  const amount = Number(digits);
  if (!Number.isSafeInteger(amount)) return fail('The amount is too large');
  return ok(money(negative ? -amount : amount, currency));
}

function stripCurrency(text: string, currency: string): string {
  const symbol = currencyFormat('en', currency, 'narrowSymbol')
    .formatToParts(0)
    .find((part) => part.type === 'currency')?.value;
  let stripped = text.replace(new RegExp(currency, 'i'), '');
  if (symbol) stripped = stripped.replace(symbol, '');
  return stripped.trim();
}

/**
 * "1,234,567" -> ["1","234","567"]; null when grouping is irregular ("12,34"). Thousands are
 * groups of three; Indian lakh grouping ("12,34,567") has pairs before the last three.
 */
function splitGroups(whole: string, groupChars: Set<string>): string[] | null {
  const parts = whole.split(new RegExp(`[${[...groupChars].map(escapeClass).join('')}]`));
  if (parts.some((part) => !/^\d+$/.test(part))) return null;
  const middle = parts.slice(1, -1).map((part) => part.length);
  const regular = middle.every((length) => length === 3) || middle.every((length) => length === 2);
  if (parts.length > 1 && (parts.at(-1)!.length !== 3 || !regular)) return null;
  return parts;
}

function escapeClass(char: string): string {
  return char.replace(/[\\\]^-]/g, '\\$&');
}

function notANumber(text: string, locale: string): Result<never> {
  const example = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(1234.56);
  return fail(`"${text.trim()}" is not an amount: write it like ${example}`);
}

export function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

/** An amount as a person would type it in their locale, without grouping ("1234,56"): what parseMoney reads back. */
export function amountForInput(value: Money, locale: string): string {
  const exponent = currencyExponent(value.currency);
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: exponent, maximumFractionDigits: exponent, useGrouping: false });
  return format.format(toDecimalString(value) as unknown as number);
}
