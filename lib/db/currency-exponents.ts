import type { Transaction } from 'dexie';
import { currencyExponent, isCurrency } from '../billing/money';
import { t } from '../ui/i18n';
import type { Invoice, Milestone, Payment, Project } from './entities';

/**
 * Amounts written with another exponent than ISO 4217's (by an older release, which asked the
 * browser's Intl: Chrome said 0 for HUF where ISO says 2) are multiplied into ISO minor units.
 */
export type ExponentOf = (currency: string) => number;

export interface AmountRecords {
  projects: Project[];
  milestones: Milestone[];
  invoices: Invoice[];
  payments: Payment[];
}

export interface Rescale {
  currency: string;
  from: number;
  to: number;
}

/** What releases before the ISO table stored: the digits this browser's Intl data gives. */
export const intlExponent: ExponentOf = (currency) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** The currencies of these records whose amounts were written with an exponent other than ISO's. */
export function rescalesNeeded(records: AmountRecords, writtenWith: ExponentOf): Rescale[] {
  const currencies = new Set([...records.projects.map((p) => p.currency), ...records.invoices.map((i) => i.currency)]);
  return [...currencies]
    .filter(isCurrency)
    .map((currency) => ({ currency, from: writtenWith(currency), to: currencyExponent(currency) }))
    .filter(({ from, to }) => from !== to);
}

/** "HUF amounts had 0 decimals in the file; read with ISO 4217's 2 (× 100)." */
export function describeRescale({ currency, from, to }: Rescale): string {
  const factor = 10 ** Math.abs(to - from);
  return t('amountsRescaled', currency, String(from), String(to), `${to > from ? '×' : '÷'} ${factor}`);
}

/**
 * The records with every amount in ISO minor units. Throws with a plain message when an amount
 * would lose digits (more decimals written than ISO allows and not a whole number of them).
 */
export function rescaleAmounts(records: AmountRecords, rescales: readonly Rescale[]): AmountRecords {
  if (rescales.length === 0) return records;
  const factors = new Map(rescales.map((r) => [r.currency, r.to - r.from]));
  const projectCurrency = new Map(records.projects.map((p) => [p.id, p.currency]));
  const invoiceCurrency = new Map(records.invoices.map((i) => [i.id, i.currency]));
  const scale = (currency: string | undefined) => (amount: number) => scaleAmount(amount, currency, factors.get(currency ?? '') ?? 0);
  return {
    projects: records.projects.map((p) => ({
      ...p, total: scale(p.currency)(p.total),
      ...(p.latePayment?.kind === 'flat-fee' ? { latePayment: { ...p.latePayment, amount: scale(p.currency)(p.latePayment.amount) } } : {}),
    })),
    milestones: records.milestones.map((m) => {
      const by = scale(projectCurrency.get(m.projectId));
      return { ...m, amount: by(m.amount), share: m.share.kind === 'fixed' ? { ...m.share, amount: by(m.share.amount) } : m.share };
    }),
    invoices: records.invoices.map((i) => {
      const by = scale(i.currency);
      return {
        ...i, net: by(i.net), tax: by(i.tax), gross: by(i.gross),
        lines: i.lines.map((line) => ({ ...line, amount: by(line.amount), ...('unitPrice' in line ? { unitPrice: by(line.unitPrice) } : {}) })),
        ...(i.prepayments ? { prepayments: i.prepayments.map((paid) => ({ ...paid, gross: by(paid.gross) })) } : {}),
        taxLines: i.taxLines.map((line) => ({ ...line, base: by(line.base), amount: by(line.amount) })),
      };
    }),
    payments: records.payments.map((p) => ({ ...p, amount: scale(invoiceCurrency.get(p.invoiceId))(p.amount) })),
  };
}

function scaleAmount(amount: number, currency: string | undefined, powerOfTen: number): number {
  if (powerOfTen >= 0) {
    const scaled = amount * 10 ** powerOfTen;
    if (!Number.isSafeInteger(scaled)) throw new RangeError(t('amountTooLargeRescaled', String(currency), String(amount)));
    return scaled;
  }
  const divisor = 10 ** -powerOfTen;
  if (amount % divisor !== 0) throw new RangeError(t('amountTooManyDecimals', String(currency), String(amount)));
  return amount / divisor;
}

/** The schema upgrade: stored amounts were written with this browser's Intl digits. */
export async function rescaleStoredAmounts(tx: Transaction): Promise<void> {
  const tables = ['projects', 'milestones', 'invoices', 'payments'] as const;
  const records = Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await tx.table(name).toArray()]))) as AmountRecords;
  const rescales = rescalesNeeded(records, intlExponent);
  if (rescales.length === 0) return;
  const rescaled = rescaleAmounts(records, rescales);
  for (const name of tables) await tx.table(name).bulkPut(rescaled[name]);
  await tx.table('snapshots').clear();
}
