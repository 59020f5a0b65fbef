import { currencyExponent, isCurrency } from '../billing/money';
import { describeRescale, intlExponent, rescaleAmounts, rescalesNeeded, type AmountRecords, type ExponentOf } from '../db/currency-exponents';
import { t } from '../ui/i18n';
import type { Backup } from './format';

/** Each currency of the file with the decimals its amounts are written in, so any browser reads them the same. */
export function exponentsInUse(data: Pick<Backup['data'], 'projects' | 'invoices' | 'clients'>): Record<string, number> {
  const currencies = new Set([...data.clients, ...data.projects, ...data.invoices].map((record) => record.currency));
  return Object.fromEntries([...currencies].filter(isCurrency).sort().map((currency) => [currency, currencyExponent(currency)]));
}

export type IsoAmounts = { ok: true; backup: Backup; notes: string[] } | { ok: false; error: string };

/**
 * The backup with its amounts in ISO 4217 minor units. A file without `currencyExponents` comes
 * from a release that used this browser's Intl digits; the notes say what was rescaled.
 */
export function inIsoExponents(backup: Backup): IsoAmounts {
  const declared = backup.currencyExponents;
  const writtenWith: ExponentOf = declared ? (currency) => declared[currency] ?? currencyExponent(currency) : intlExponent;
  const rescales = rescalesNeeded(backup.data as AmountRecords, writtenWith);
  if (rescales.length === 0) return { ok: true, backup, notes: [] };
  try {
    const rescaled = rescaleAmounts(backup.data as AmountRecords, rescales);
    const notes = rescales.map(describeRescale);
    if (!declared) notes.unshift(t('backupDecimalsUndeclared'));
    return { ok: true, backup: { ...backup, currencyExponents: exponentsInUse(backup.data), data: { ...backup.data, ...rescaled } }, notes };
  } catch (error) {
    return { ok: false, error: t('nothingRestored', (error as Error).message) };
  }
}
