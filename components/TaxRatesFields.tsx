import { fail, ok, type Result } from '../lib/billing/result';
import { parsePercent } from '../lib/billing/schedule';
import { categoryOf, type TaxCategory, type TaxRate } from '../lib/billing/tax';
import { t } from '../lib/ui/i18n';

/** One tax rate as the editor holds it: the rate as typed in the user's locale. */
export interface TaxRateRow {
  name: string;
  rate: string;
  category: TaxCategory;
  exemption: string;
}

const MAX_RATES = 6;
/** Reverse charge is the project's own switch (it needs the client's VAT ID), not a rate. */
const categoryLabels: Partial<Record<TaxCategory, () => string>> = { standard: () => t('categoryStandard'), reduced: () => t('categoryReduced'), zero: () => t('categoryZero'), exempt: () => t('categoryExempt') };
/** Categories that charge nothing and must say why on the invoice. */
const untaxed = (category: TaxCategory) => category === 'zero' || category === 'exempt';

export const emptyTaxRate = (): TaxRateRow => ({ name: 'VAT', rate: '', category: 'standard', exemption: '' });

export function taxRateRows(rates: readonly TaxRate[], locale: string): TaxRateRow[] {
  const percent = (bp: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(bp / 100);
  if (!rates.length) return [emptyTaxRate()];
  return rates.map((rate) => ({ name: rate.name, rate: percent(rate.basisPoints), category: categoryOf(rate), exemption: rate.exemption ?? '' }));
}

/** The rates to save; a taxed row with no rate typed is left out (no tax), untaxed rows are 0 %. */
export function readTaxRates(rows: readonly TaxRateRow[], locale: string): Result<TaxRate[]> {
  const rates: TaxRate[] = [];
  for (const [index, row] of rows.entries()) {
    const exemption = row.exemption.trim() ? { exemption: row.exemption.trim() } : {};
    if (untaxed(row.category)) {
      rates.push({ name: row.name.trim() || 'VAT', basisPoints: 0, category: row.category, ...exemption });
      continue;
    }
    if (!row.rate.trim()) continue;
    const parsed = parsePercent(row.rate, locale);
    if (!parsed.ok) return fail(t('taxRateProblem', String(index + 1), parsed.error));
    if (!row.name.trim()) return fail(t('taxNeedsName', String(index + 1)));
    rates.push({ name: row.name.trim(), basisPoints: parsed.value, category: row.category, ...exemption });
  }
  return ok(rates);
}

/**
 * The project's tax rates: each named, with its category. Several rates of one category apply to
 * the same lines (US state, county and city sales tax); a reduced rate is its own category.
 */
export function TaxRatesFields({ rows, onChange }: { rows: TaxRateRow[]; onChange: (rows: TaxRateRow[]) => void }) {
  const set = (index: number, change: Partial<TaxRateRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset>
      <legend>{t('taxRates')}</legend>
      {rows.map((row, index) => (
        <div class="two" key={index}>
          <label>{t('taxName', String(index + 1))}<input value={row.name} onInput={(e) => set(index, { name: e.currentTarget.value })} /></label>
          {!untaxed(row.category) && (
            <label>{t('taxRate', String(index + 1))}<input inputMode="decimal" value={row.rate} onInput={(e) => set(index, { rate: e.currentTarget.value })} /></label>
          )}
          <label>{t('taxCategory', String(index + 1))}<select value={row.category} onChange={(e) => set(index, { category: e.currentTarget.value as TaxCategory })}>
            {Object.entries(categoryLabels).map(([category, label]) => <option key={category} value={category}>{label()}</option>)}
          </select></label>
          {untaxed(row.category) && (
            <label>{t('taxExemption', String(index + 1))}<input value={row.exemption} onInput={(e) => set(index, { exemption: e.currentTarget.value })} /></label>
          )}
          <button type="button" aria-label={t('removeTax', String(index + 1))} disabled={rows.length === 1} onClick={() => onChange(rows.filter((_, i) => i !== index))}>×</button>
        </div>
      ))}
      <button type="button" disabled={rows.length >= MAX_RATES} onClick={() => onChange([...rows, { ...emptyTaxRate(), name: '' }])}>{t('addTaxRate')}</button>
    </fieldset>
  );
}
