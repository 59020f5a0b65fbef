/**
 * Where a party is, as the ISO 3166 code EN 16931 requires (BT-40, BT-55). Our parties keep a
 * free-text address, so the country is read from, in order: the VAT id's prefix, the address's
 * last line (a code or a country name in English, German, French, Spanish, Dutch or Italian), or
 * a locale that names a region.
 */
const VAT_PREFIX_COUNTRY: Record<string, string> = { EL: 'GR', XI: 'GB' };
const NAME_LANGUAGES = ['en', 'de', 'fr', 'es', 'nl', 'it'];
/** Region codes Intl names that are no country (the EU, the UN, "Unknown region"). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

/** Today's code for a region: a retired one (DD, YU, FX) becomes its successor (DE, RS, FR). */
const currentCode = (code: string) => new Intl.Locale(Intl.getCanonicalLocales(`und-${code}`)[0]!).region ?? code;

let countryNames: Map<string, string> | undefined;

/** Every region's name, lower-cased, in the languages above, to its code: built once, on first use. */
function namesToCodes(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const language of NAME_LANGUAGES) {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const a of letters) for (const b of letters) {
      const name = names.of(a + b)?.toLowerCase();
      if (name && !NOT_COUNTRIES.has(a + b) && !countryNames.has(name)) countryNames.set(name, currentCode(a + b));
    }
  }
  return countryNames;
}

/** A VAT id's normalised form: no spaces, dots or dashes, upper case ("DE 123.456.789" → "DE123456789"). */
export const compactTaxId = (taxId: string) => taxId.replace(/[\s.\-]/g, '').toUpperCase();

/** Whether an id reads as an EU-style VAT id: a two-letter country prefix, then 2 to 13 letters or digits. */
export const isVatId = (taxId: string) => /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(compactTaxId(taxId)) && /\d/.test(taxId);

export const addressLines = (address: string) => address.split(/\r?\n|,/).map((line) => line.trim()).filter(Boolean);

/** The country named by the address's last line, if it names one. */
export function addressCountry(address: string): string | undefined {
  const last = addressLines(address).at(-1);
  if (!last) return undefined;
  if (/^[A-Z]{2}$/.test(last)) return new Set(namesToCodes().values()).has(last) ? last : undefined;
  return namesToCodes().get(last.toLowerCase());
}

function localeRegion(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return new Intl.Locale(locale).region;
  } catch {
    return undefined;
  }
}

export function countryOf(party: { taxId: string; address: string }, locale?: string): string | undefined {
  const taxId = compactTaxId(party.taxId);
  if (isVatId(taxId)) return VAT_PREFIX_COUNTRY[taxId.slice(0, 2)] ?? taxId.slice(0, 2);
  return addressCountry(party.address) ?? localeRegion(locale);
}
