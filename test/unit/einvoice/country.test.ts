import { describe, expect, it } from 'vitest';
import { countryOf, isVatId } from '../../../lib/invoicing/einvoice/country';

describe('the country an e-invoice states for a party', () => {
  it.each([
    ['a VAT id’s prefix', { taxId: 'DE 123.456.789', address: 'Somewhere' }, undefined, 'DE'],
    ['Greece’s VAT prefix EL', { taxId: 'EL123456789', address: '' }, undefined, 'GR'],
    ['an English name on the last line', { taxId: '12-3456789', address: '1 Main Street\nSpringfield, IL 62701\nUnited States' }, undefined, 'US'],
    ['a German name', { taxId: '', address: 'Hafenstraße 3\n20457 Hamburg\nDeutschland' }, undefined, 'DE'],
    ['a French name, any case', { taxId: '', address: '12 rue de la Paix, 75002 Paris, france' }, undefined, 'FR'],
    ['a two-letter code', { taxId: '', address: 'Keizersgracht 1\n1015 CD Amsterdam\nNL' }, undefined, 'NL'],
    ['the locale’s region when the address names none', { taxId: '', address: 'Hafenstraße 3\n20457 Hamburg' }, 'de-AT', 'AT'],
  ])('reads %s', (_, party, locale, country) => {
    expect(countryOf(party, locale)).toBe(country);
  });

  it('says nothing rather than guess: no id, no country line, a locale without region', () => {
    expect(countryOf({ taxId: '12/345/67890', address: 'Hafenstraße 3\n20457 Hamburg' }, 'de')).toBeUndefined();
    expect(countryOf({ taxId: '', address: 'Main Street 1\nXY' })).toBeUndefined();
  });

  it('tells VAT ids from other tax numbers', () => {
    expect(['DE123456789', 'NL123456789B01', 'ATU12345678'].every(isVatId)).toBe(true);
    expect(['12/345/67890', '12-3456789', 'ABCDEFG', ''].some(isVatId)).toBe(false);
  });
});
