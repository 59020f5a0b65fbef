import { describe, expect, it } from 'vitest';
import { invoiceLanguage, invoiceLanguages, labelsFor } from '../../../lib/invoicing/labels';
import { en } from '../../../lib/invoicing/labels/en';

const languages = Object.entries(invoiceLanguages);

describe('the invoice labels', () => {
  it('are written in English, German, French, Spanish, Dutch and Italian', () => {
    expect(Object.keys(invoiceLanguages)).toEqual(['en', 'de', 'fr', 'es', 'nl', 'it']);
  });

  it.each(languages)('%s has every English key and no other', (_, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(languages)('%s has no empty label, and every placeholder makes it into the text', (_, labels) => {
    for (const [key, label] of Object.entries(labels)) {
      if (typeof label === 'string') {
        // A separator (", or ") may be mostly spaces; every other label has words.
        expect(label.trim() || key === 'reminderOr', key).toBeTruthy();
        continue;
      }
      const args = Array.from({ length: label.length }, (_, i) => `‹${i}›`);
      const text = (label as (...values: string[]) => string)(...args);
      for (const arg of args) expect(text, key).toContain(arg);
      expect(text.replace(/‹\d›/g, '').trim(), key).not.toBe('');
    }
  });

  it('differ from English where the words differ, so no table is a copy', () => {
    for (const [language, labels] of languages.filter(([language]) => language !== 'en')) {
      expect(labels.invoice, language).not.toBe(en.invoice);
      expect(labels.reverseChargeNote, language).not.toBe(en.reverseChargeNote);
    }
  });

  it('use the legal wording for reverse charge in each language', () => {
    expect(labelsFor('de').reverseChargeNote).toMatch(/^Steuerschuldnerschaft des Leistungsempfängers/);
    expect(labelsFor('fr').reverseChargeNote).toMatch(/^Autoliquidation/);
    expect(labelsFor('es').reverseChargeNote).toMatch(/^Inversión del sujeto pasivo/);
    expect(labelsFor('nl').reverseChargeNote).toMatch(/^Btw verlegd/);
    expect(labelsFor('it').reverseChargeNote).toMatch(/^Inversione contabile/);
  });
});

describe('the client’s invoice language', () => {
  it.each([
    ['de-AT', 'de'], ['de', 'de'], ['fr-CA', 'fr'], ['es-MX', 'es'], ['nl-BE', 'nl'], ['it-CH', 'it'], ['en-US', 'en'],
    ['ja-JP', 'en'], ['pt-BR', 'en'], ['de_DE', 'en'], ['', 'en'], [undefined, 'en'],
  ])('is %s -> %s (a language we do not write, or no readable locale, falls back to English)', (locale, language) => {
    expect(invoiceLanguage(locale)).toBe(language);
  });

  it('gives the same tables to a language code and to a locale of it', () => {
    expect(labelsFor('de-CH')).toBe(labelsFor('de'));
    expect(labelsFor('xx')).toBe(en);
  });
});
