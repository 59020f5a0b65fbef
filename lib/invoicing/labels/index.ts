import { printableLocale } from '../print-locale';
import { de } from './de';
import { en, type Labels } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { nl } from './nl';

export type { Labels } from './en';

/** The languages invoices, reminders and notifications are written in. */
export const invoiceLanguages = { en, de, fr, es, nl, it } as const satisfies Record<string, Labels>;
export type InvoiceLanguage = keyof typeof invoiceLanguages;

/** The client's invoice language from their locale: "de-AT" -> "de"; a language we do not write, or no locale, -> "en". */
export function invoiceLanguage(locale: string | undefined): InvoiceLanguage {
  const language = new Intl.Locale(printableLocale(locale ?? 'en')).language;
  return language in invoiceLanguages ? (language as InvoiceLanguage) : 'en';
}

/** The labels of a language ("de") or locale ("de-AT"); English when we do not write it. Shared with the e-invoice notes. */
export function labelsFor(languageOrLocale: string | undefined): Labels {
  return invoiceLanguages[invoiceLanguage(languageOrLocale)];
}
