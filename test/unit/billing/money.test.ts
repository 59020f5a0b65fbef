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
  toDecimalString,
} from '../../../lib/billing/money';

describe('currency exponents (ISO 4217)', () => {
  it.each([
    ['JPY', 0],
    ['EUR', 2],
    ['USD', 2],
    ['BHD', 3],
    ['KWD', 3],
  ])('%s has %i decimal places', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
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
    expect(parsed('$5', 'EUR', 'en-US')).toMatch(/not an amount/);
    expect(parsed('99999999999999999999', 'EUR', 'en-US')).toBe('The amount is too large');
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
