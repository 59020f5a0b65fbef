import { currencyExponent, formatMoney, money, printableDigits, toDecimalString } from '../billing/money';

export type Paper = 'a4' | 'letter';

/** Regions whose invoices go on Letter paper; everywhere else uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA']);

/** The client's choice, else Letter when their locale names the US or Canada ("en-US", "fr-CA"), else A4. */
export function paperFor({ locale, paper }: { locale?: string; paper?: Paper }): Paper {
  if (paper) return paper;
  return LETTER_REGIONS.has(regionOf(locale)) ? 'letter' : 'a4';
}

function regionOf(locale = ''): string {
  try {
    return new Intl.Locale(locale).region ?? '';
  } catch {
    return '';
  }
}

/** The locale as Intl reads it; a tag Intl refuses prints in plain English rather than failing the invoice. */
export function printableLocale(locale: string): string {
  return isLocaleTag(locale) ? Intl.getCanonicalLocales(locale)[0]! : 'en';
}

/** "de-DE", "fr-CA", "ar": a language tag Intl can format with ("de_DE" and "german" are not). */
export function isLocaleTag(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** How one invoice writes its amounts, dates and quantities. */
export interface PrintFormats {
  /** The locale tag the invoice is written in, digits and calendar included. */
  locale: string;
  money(amount: number): string;
  /** 1950 basis points -> "19.5 %" (en), "19,5 %" (de). */
  percent(basisPoints: number): string;
  date(isoDate: string): string;
  quantity(value: number): string;
}

/** Marks that order right-to-left text; jsPDF lays every line out left to right, so they only cost glyphs. */
const BIDI_MARKS = /[\u061c\u200e\u200f]/g;

/**
 * Formats in the client's locale with digits the font can print (Latin unless it has the
 * locale's own), in the Gregorian calendar the stored dates are in; never the browser's locale.
 * A currency sign the font lacks (ر.س.‏) is written as its ISO code instead.
 */
export function printFormats(locale: string, currency: string, fontHas: (char: string) => boolean): PrintFormats {
  const requested = printableLocale(locale);
  const tag = new Intl.Locale(requested, { numberingSystem: printableDigits(requested, fontHas), calendar: 'gregory' }).toString();
  const printable = (text: string) => [...text].every((char) => /\s/.test(char) || fontHas(char));
  const clean = (text: string) => text.replace(BIDI_MARKS, '');
  const byCode = codeFormat(tag, currency);
  const dates = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const quantities = new Intl.NumberFormat(tag, { maximumFractionDigits: 3 });
  const percents = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  return {
    locale: tag,
    money(amount) {
      const value = money(amount, currency);
      const withSign = clean(formatMoney(value, tag));
      return printable(withSign) ? withSign : clean(byCode.format(toDecimalString(value) as unknown as number));
    },
    date: (isoDate) => clean(dates.format(new Date(`${isoDate}T00:00:00Z`))),
    quantity: (value) => clean(quantities.format(value)),
    percent: (basisPoints) => `${clean(percents.format(basisPoints / 100))} %`,
  };
}

function codeFormat(locale: string, currency: string): Intl.NumberFormat {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: exponent, maximumFractionDigits: exponent,
  });
}
