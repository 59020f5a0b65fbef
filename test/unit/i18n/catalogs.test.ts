import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageTypes } from '../../harness/message-types';
import { languages, readCatalog, type CatalogEntry } from './catalogs';

const en = readCatalog('en');
const translations = languages.filter((language) => language !== 'en');
const usedPlaceholders = (entry: CatalogEntry) => [...new Set([...entry.message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((match) => match[1]!.toLowerCase()))].sort();
// A singular form may say the count in words ("one field"), where the language's "one" is only 1.
const mayOmitCount = (key: string) => key.endsWith('_one');
const withCount = (key: string, names: string[]) => (mayOmitCount(key) ? [...new Set([...names, 'count'])].sort() : names);
const declaredPlaceholders = (entry: CatalogEntry) => Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => `${name.toLowerCase()}=${content}`).sort();

describe('the message catalogs', () => {
  it.each(translations)('%s has every English message, none empty, and nothing English lacks', (language) => {
    const catalog = readCatalog(language);
    expect(Object.keys(en).filter((key) => !catalog[key]?.message.trim())).toEqual([]);
    expect(Object.keys(catalog).filter((key) => !en[key])).toEqual([]);
  });

  it.each(translations)('%s fills the same placeholders as English, each standing for the same parameter', (language) => {
    const catalog = readCatalog(language);
    const mismatched = Object.entries(en).filter(([key, entry]) => {
      const translated = catalog[key];
      if (!translated) return false;
      const used = (of: CatalogEntry) => withCount(key, usedPlaceholders(of)).join();
      return used(translated) !== used(entry) || declaredPlaceholders(translated).join() !== declaredPlaceholders(entry).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('declares every placeholder a message uses and uses every one it declares', () => {
    for (const language of languages) {
      const unmatched = Object.entries(readCatalog(language)).filter(
        ([key, entry]) => withCount(key, usedPlaceholders(entry)).join() !== Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()).sort().join(),
      );
      expect(unmatched.map(([key]) => `${language}:${key}`)).toEqual([]);
    }
  });

  it('has keys Chrome accepts, unique even ignoring case as Chrome compares them', () => {
    const keys = Object.keys(en);
    expect(keys.filter((key) => !/^[A-Za-z0-9_]+$/.test(key))).toEqual([]);
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
  });

  it('gives every counted message a one and an other form, with the count first', () => {
    const counted = Object.keys(en).filter((key) => /_(one|other)$/.test(key));
    for (const key of counted) {
      const base = key.replace(/_(one|other)$/, '');
      expect([key, en[`${base}_one`]?.placeholders?.count?.content, en[`${base}_other`]?.placeholders?.count?.content]).toEqual([key, '$1', '$1']);
    }
  });

  it('has the typed keys of lib/ui/messages.ts generated from the current English catalog (npm run i18n:types)', () => {
    expect(readFileSync(new URL('../../../lib/ui/messages.ts', import.meta.url), 'utf8')).toBe(messageTypes(en));
  });

  it('has every message the manifest names', () => {
    const config = readFileSync(new URL('../../../wxt.config.ts', import.meta.url), 'utf8');
    const named = [...config.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((key) => !en[key])).toEqual([]);
  });
});
