import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iso4217Exponents } from '../../../lib/billing/iso4217';

/** ISO 4217 List One as ISO publishes it (XML, 2024-06-25): code and minor unit of every entry. */
function isoListOne(): Map<string, string> {
  const xml = readFileSync(new URL('../../fixtures/iso4217/list-one.xml', import.meta.url), 'utf8');
  const entries = [...xml.matchAll(/<CcyNtry>([\s\S]*?)<\/CcyNtry>/g)].map(([, entry]) => [
    /<Ccy>([A-Z]{3})<\/Ccy>/.exec(entry!)?.[1],
    /<CcyMnrUnts>([^<]+)<\/CcyMnrUnts>/.exec(entry!)?.[1],
  ]);
  return new Map(entries.filter((entry): entry is [string, string] => Boolean(entry[0] && entry[1])));
}

/** In the table though not in that list: newer than it (XCG) or withdrawn but still offered by browsers. */
const beyondTheList = ['HRK', 'SLL', 'XCG', 'ZWL'];

describe('the ISO 4217 exponent table', () => {
  const iso = isoListOne();

  it('reads the published list', () => {
    expect(iso.size).toBe(179);
    expect(iso.get('HUF')).toBe('2');
  });

  it('has every ISO currency with a minor unit, with the ISO exponent', () => {
    const withMinorUnit = [...iso].filter(([, units]) => /^\d$/.test(units));
    for (const [code, units] of withMinorUnit) expect(iso4217Exponents.get(code), code).toBe(Number(units));
    expect(iso4217Exponents.size).toBe(withMinorUnit.length + beyondTheList.length);
  });

  it('leaves out what has no minor unit (gold, SDR, test codes)', () => {
    for (const code of ['XAU', 'XDR', 'XTS', 'XXX']) {
      expect(iso.get(code)).toBe('N.A.');
      expect(iso4217Exponents.has(code), code).toBe(false);
    }
  });

  it('knows every currency a browser offers, so no stored project becomes unreadable', () => {
    const offered = Intl.supportedValuesOf('currency').filter((code) => iso.get(code) !== 'N.A.');
    expect(offered.filter((code) => !iso4217Exponents.has(code))).toEqual([]);
    for (const code of beyondTheList) expect(iso.has(code), code).toBe(false);
  });
});
