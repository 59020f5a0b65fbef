import { describe, expect, it } from 'vitest';
import {
  add,
  amountForInput,
  currencyExponent,
  CurrencyMismatchError,
  formatMoney,
  money,
  parseMoney,
  subtract,
  sum,
  printableDigits,
  toDecimalString,
  withDigits,
} from '../../../lib/billing/money';

describe('currency exponents (ISO 4217)', () => {
  it.each([
    ['JPY', 0],
    ['EUR', 2],
    ['USD', 2],
    ['BHD', 3],
    ['KWD', 3],
    // Chrome's and Node's Intl data say 0 for these; ISO 4217 (and Firefox) say 2 or 3.
    ['HUF', 2],
    ['IDR', 2],
    ['COP', 2],
    ['PKR', 2],
    ['IQD', 3],
    ['CLF', 4],
  ])('%s has %i decimal places', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it('does not take exponents from Intl, whose answer differs between browsers', () => {
    const intlSays = new Intl.NumberFormat('en', { style: 'currency', currency: 'HUF' }).resolvedOptions().maximumFractionDigits;
    expect(intlSays).toBe(0);
    expect(toDecimalString(money(123456, 'HUF'))).toBe('1234.56');
  });

  it('rejects an unknown currency', () => {
    expect(() => currencyExponent('XYZ1')).toThrow(/Unknown currency/);
  });
});

describe('money values', () => {
  it('holds only whole minor units', () => {
    expect(() => money(10.5, 'EUR')).toThrow(/whole number/);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'EUR')).toThrow();
  });

  it('adds and subtracts within one currency', () => {
    expect(add(money(150, 'EUR'), money(250, 'EUR'))).toEqual(money(400, 'EUR'));
    expect(subtract(money(150, 'EUR'), money(250, 'EUR'))).toEqual(money(-100, 'EUR'));
    expect(sum('EUR', [money(1, 'EUR'), money(2, 'EUR'), money(3, 'EUR')])).toEqual(money(6, 'EUR'));
    expect(sum('EUR', [])).toEqual(money(0, 'EUR'));
  });

  it('refuses to combine two currencies with a typed error', () => {
    expect(() => add(money(1, 'EUR'), money(1, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => sum('EUR', [money(1, 'EUR'), money(1, 'JPY')])).toThrow(/EUR and JPY/);
  });
});

describe('display', () => {
  it('writes the exact decimal for each exponent', () => {
    expect(toDecimalString(money(123456, 'EUR'))).toBe('1234.56');
    expect(toDecimalString(money(5, 'EUR'))).toBe('0.05');
    expect(toDecimalString(money(-5, 'BHD'))).toBe('-0.005');
    expect(toDecimalString(money(1500, 'JPY'))).toBe('1500');
  });

  it('formats for a locale with Intl', () => {
    expect(formatMoney(money(123456, 'USD'), 'en-US')).toBe('$1,234.56');
    expect(formatMoney(money(123456, 'EUR'), 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMoney(money(1500, 'JPY'), 'ja-JP')).toBe('￥1,500');
    expect(formatMoney(money(1234567, 'BHD'), 'en')).toBe('BHD\u00a01,234.567');
  });

  it('shows every stored minor unit, whatever Intl thinks the currency uses', () => {
    expect(formatMoney(money(12345678, 'HUF'), 'hu-HU')).toBe('123\u00a0456,78\u00a0Ft');
    expect(formatMoney(money(100000, 'IDR'), 'en-US')).toBe('IDR\u00a01,000.00');
    expect(formatMoney(money(1234567, 'IQD'), 'en-US')).toBe('IQD\u00a01,234.567');
  });

  it('writes Latin digits when asked, for a PDF font without the locale digits', () => {
    expect(formatMoney(money(123456, 'SAR'), 'ar-SA')).not.toMatch(/[0-9]/);
    expect(formatMoney(money(123456, 'SAR'), 'ar-SA', { numberingSystem: 'latn' })).toMatch(/1,234\.56/);
    expect(formatMoney(money(123456, 'IRR'), 'fa-IR', { numberingSystem: 'latn' })).toMatch(/^[^\u06f0-\u06f9]*1,234\.56[^\u06f0-\u06f9]*$/);
    expect(formatMoney(money(123456, 'BDT'), 'bn-BD', { numberingSystem: 'latn' })).toMatch(/1,234\.56/);
  });

  it('keeps the locale digits only when the font has them', () => {
    const latinOnly = (char: string) => /[0-9]/.test(char);
    const withArabicIndic = (char: string) => /[0-9\u0660-\u0669]/.test(char);
    expect(printableDigits('ar-SA', latinOnly)).toBe('latn');
    expect(printableDigits('ar-SA', withArabicIndic)).toBe('arab');
    expect(printableDigits('bn-BD', latinOnly)).toBe('latn');
    expect(printableDigits('fa-IR', withArabicIndic)).toBe('latn');
    expect(printableDigits('de-DE', latinOnly)).toBe('latn');
    expect(formatMoney(money(123456, 'SAR'), 'ar-SA', { numberingSystem: printableDigits('ar-SA', latinOnly) })).toMatch(/1,234\.56/);
  });

  it('gives a locale tag with Latin digits for dates as well', () => {
    expect(withDigits('ar-SA', 'latn')).toBe('ar-SA-u-nu-latn');
    expect(new Intl.DateTimeFormat(withDigits('ar-SA', 'latn'), { day: 'numeric' }).format(new Date(2026, 10, 24))).toBe('24');
  });

  it('does not lose precision on large amounts', () => {
    expect(formatMoney(money(900719925474099, 'USD'), 'en-US')).toBe('$9,007,199,254,740.99');
    expect(formatMoney(money(30, 'EUR'), 'en-US')).toBe('€0.30');
  });
});

describe('parsing typed amounts', () => {
  const parsed = (text: string, currency: string, locale: string) => {
    const result = parseMoney(text, currency, locale);
    return result.ok ? result.value.amount : result.error;
  };

  it.each([
    ['1,234.56', 'en-US', 123456],
    ['1.234,56', 'de-DE', 123456],
    ['1 234,56', 'fr-FR', 123456],
    ['1\u202f234,56', 'fr-FR', 123456],
    ["1'234.56", 'de-CH', 123456],
    ['1234.5', 'en-US', 123450],
    ['1234', 'en-US', 123400],
    ['€1,234.56', 'en-US', 123456],
    ['12,34,567.89', 'en-IN', 123456789],
    ['1.234,56 €', 'de-DE', 123456],
    ['EUR 99', 'en-US', 9900],
    ['0,05', 'de-DE', 5],
  ])('reads "%s" in %s', (text, locale, amount) => {
    expect(parsed(text, 'EUR', locale)).toBe(amount);
  });

  it('respects the currency exponent', () => {
    expect(parsed('1,500', 'JPY', 'en-US')).toBe(1500);
    expect(parsed('1.5', 'JPY', 'en-US')).toBe('JPY has no decimal places: enter a whole amount');
    expect(parsed('1.234', 'BHD', 'en-US')).toBe(1234);
    expect(parsed('1.2345', 'BHD', 'en-US')).toBe('BHD has 3 decimal places at most');
    expect(parsed('1.234', 'EUR', 'en-US')).toBe('EUR has 2 decimal places at most');
  });

  it('explains input that is not an amount', () => {
    expect(parsed('', 'EUR', 'en-US')).toBe('Enter an amount');
    expect(parsed('   ', 'EUR', 'en-US')).toBe('Enter an amount');
    expect(parsed('abc', 'EUR', 'en-US')).toMatch(/"abc" is not an amount: write it like 1,234\.56/);
    expect(parsed('1.234,56', 'EUR', 'en-US')).toMatch(/not an amount/);
    expect(parsed('12,34', 'EUR', 'en-US')).toMatch(/not an amount/);
    expect(parsed('1,234.56', 'EUR', 'de-DE')).toMatch(/write it like 1\.234,56/);
    expect(parsed('1e5', 'EUR', 'en-US')).toMatch(/not an amount/);
    expect(parsed('5 zz', 'EUR', 'en-US')).toMatch(/"5 zz" is not an amount/);
    expect(parsed('99999999999999999999', 'EUR', 'en-US')).toBe('The amount is too large');
  });

  it.each([
    ['1.000,00', 'EUR', 'de-DE', 100000],
    ['1 234,56', 'EUR', 'fr-FR', 123456],
    ['1\u202f234,56 €', 'EUR', 'fr-FR', 123456],
    ['1\u00a0234,56', 'EUR', 'fr-FR', 123456],
    ['US$1,000.00', 'USD', 'en-US', 100000],
    ['$1,000.00', 'USD', 'en-US', 100000],
    ['1 000,00 $US', 'USD', 'fr-FR', 100000],
    ['usd 1,000', 'USD', 'en-US', 100000],
    ['CA$250', 'CAD', 'en-US', 25000],
    ['$250', 'CAD', 'en-CA', 25000],
    ['1.234,56 Ft', 'HUF', 'de-DE', 123456],
    ['Rp 1.000.000,00', 'IDR', 'id-ID', 100000000],
    ['1,234.567 IQD', 'IQD', 'en-US', 1234567],
    ['١٢٣', 'EUR', 'ar-SA', '"١٢٣" is not an amount: write it like 1,234.56'],
  ])('reads "%s" in a %s field typed in %s', (text, currency, locale, expected) => {
    expect(parsed(text, currency, locale)).toBe(expected);
  });

  it('refuses the sign of another currency plainly instead of guessing', () => {
    expect(parsed('US$1,000.00', 'CAD', 'en-US')).toBe('"US$" stands for USD, but this amount is in CAD: enter it in CAD or change the currency');
    expect(parsed('$5', 'EUR', 'en-US')).toBe('"$" stands for USD, but this amount is in EUR: enter it in EUR or change the currency');
    expect(parsed('$5', 'EUR', 'en-CA')).toMatch(/^"\$" stands for CAD,/);
    expect(parsed('£20', 'EUR', 'en-GB')).toBe('"£" stands for GBP, but this amount is in EUR: enter it in EUR or change the currency');
    expect(parsed('20 CHF', 'EUR', 'de-DE')).toBe('"CHF" stands for CHF, but this amount is in EUR: enter it in EUR or change the currency');
    expect(parsed('€ 5 $', 'EUR', 'en-US')).toMatch(/"\$" stands for USD/);
  });

  it('rejects negatives unless asked for', () => {
    expect(parsed('-5', 'EUR', 'en-US')).toBe('The amount cannot be negative');
    expect(parsed('(5.00)', 'EUR', 'en-US')).toBe('The amount cannot be negative');
    const credit = parseMoney('-5.25', 'EUR', 'en-US', { allowNegative: true });
    expect(credit).toEqual({ ok: true, value: money(-525, 'EUR') });
  });

  it('round-trips what it formats', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN']) {
      const value = money(123456789, 'EUR');
      const result = parseMoney(formatMoney(value, locale), 'EUR', locale);
      expect(result, locale).toEqual({ ok: true, value });
    }
  });
});

describe('amounts for input fields', () => {
  it('writes amounts as the locale types them, and parseMoney reads them back', () => {
    expect(amountForInput(money(123456, 'EUR'), 'de-DE')).toBe('1234,56');
    expect(amountForInput(money(1500, 'JPY'), 'en-US')).toBe('1500');
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'en-IN']) {
      for (const [amount, currency] of [[123456789, 'EUR'], [5, 'BHD'], [42, 'JPY']] as const) {
        expect(parseMoney(amountForInput(money(amount, currency), locale), currency, locale)).toEqual({ ok: true, value: money(amount, currency) });
      }
    }
  });
});
