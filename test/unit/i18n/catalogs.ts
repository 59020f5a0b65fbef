import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const languages = ['en', 'de', 'fr'] as const;
export type Language = (typeof languages)[number];

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

export const readCatalog = (language: Language): Catalog =>
  // From the project root, where vitest runs: jsdom test files have no file: URL to resolve against.
  JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', language, 'messages.json'), 'utf8')) as Catalog;

/** The message as Chrome's i18n.getMessage gives it: named placeholders resolved to their $1…$9, then filled in one pass. */
export function resolveMessage(entry: CatalogEntry, substitutions: readonly string[]): string {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  const numbered = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole);
  return numbered.replace(/\$\$|\$([1-9])/g, (whole, index?: string) => (index ? (substitutions[Number(index) - 1] ?? '') : '$'));
}
