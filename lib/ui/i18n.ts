import { catalogMessage } from '../platform/i18n';
import type { CountedMessages, Messages } from './messages';

/** A message of public/_locales in the browser's language; a sentence takes its values as parameters, never by concatenation. */
export function t<K extends keyof Messages>(key: K, ...params: Messages[K]): string {
  return catalogMessage(key, params);
}

/** A message that depends on a count ("1 day late", "3 days late"): the `_one` or `_other` form the language's plural rules pick. */
export function tCount<K extends keyof CountedMessages>(key: K, count: number, ...params: CountedMessages[K]): string {
  // The catalog names its own language: headless Chromium's getUILanguage() need not be the catalog's.
  const language = catalogMessage('catalogLanguage', []);
  // English, German and French only tell one from other; French "many" (a million) reads as other.
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  return catalogMessage(`${key}_${form}`, [new Intl.NumberFormat(language).format(count), ...params]);
}
