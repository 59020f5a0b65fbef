/**
 * Taxes on an invoice's lines. Rates are basis points (19 % = 1900, 7.25 % = 725), each named
 * ("VAT", "State sales tax", "GST") and belonging to a category. A line is taxed by every rate
 * of its category, so several jurisdictions on one base (US state + county + city) are several
 * rates of one category, while a reduced VAT rate is a category of its own.
 *
 * Rounding rule (EN 16931 BG-23): each rate applies to the sum of the lines of its category and
 * its tax is rounded once, half away from zero, to the currency's minor unit. Several rates on
 * one base are rounded per jurisdiction, never once on the combined rate. With prices that
 * include tax the gross is what the client agreed to: each tax is gross × r / (1 + all rates of
 * the category) rounded, and the net is the gross minus those taxes.
 */
export const taxCategories = ['standard', 'reduced', 'zero', 'exempt', 'reverse-charge'] as const;
export type TaxCategory = (typeof taxCategories)[number];

export interface TaxRate {
  name: string;
  basisPoints: number;
  /** Absent on rates saved before categories existed: those are standard rates. */
  category?: TaxCategory;
  /** Why no tax is charged (zero rate, exemption): printed on the invoice, required by law. */
  exemption?: string;
}

export interface TaxPolicy {
  /** Whether line prices (and the contract total) include the tax or have it added on top. */
  mode: 'exclusive' | 'inclusive';
  rates: TaxRate[];
  /** EU reverse charge: the buyer accounts for VAT; no tax is charged and the invoice says so. */
  reverseCharge: boolean;
}

/** A line as the tax sees it: its amount in the policy's price basis and its category. */
export interface TaxableLine {
  amount: number;
  category: TaxCategory;
}

/** One row of the breakdown: a rate, the net base it applies to and the tax it gives. */
export interface TaxLine extends TaxRate {
  category: TaxCategory;
  base: number;
  amount: number;
}

export interface TaxBreakdown {
  net: number;
  lines: TaxLine[];
  tax: number;
  gross: number;
}

export const REVERSE_CHARGE_NOTE = 'Reverse charge: VAT is to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).';

const BP = 10_000n;

/** numerator / denominator, rounded half away from zero, in exact integer arithmetic. */
function divideRounded(numerator: bigint, denominator: bigint): number {
  const sign = numerator < 0n ? -1n : 1n;
  return Number((sign * (numerator * sign * 2n + denominator)) / (denominator * 2n));
}

/** What a category's lines add up to, categories in the order they first appear. */
function sumsByCategory(lines: readonly TaxableLine[]): Map<TaxCategory, number> {
  const sums = new Map<TaxCategory, number>();
  for (const line of lines) sums.set(line.category, (sums.get(line.category) ?? 0) + line.amount);
  return sums;
}

/** Net, per-rate taxes and gross of an invoice's lines under a tax policy. */
export function computeTaxes(lines: readonly TaxableLine[], policy: TaxPolicy): TaxBreakdown {
  const total = lines.reduce((acc, line) => acc + line.amount, 0);
  if (policy.reverseCharge) {
    const name = policy.rates[0]?.name ?? 'VAT';
    const row: TaxLine = { name, basisPoints: 0, category: 'reverse-charge', exemption: REVERSE_CHARGE_NOTE, base: total, amount: 0 };
    return { net: total, lines: [row], tax: 0, gross: total };
  }
  const rows: TaxLine[] = [];
  let net = 0;
  for (const [category, sum] of sumsByCategory(lines)) {
    const rates = policy.rates.filter((rate) => categoryOf(rate) === category);
    const taxed = policy.mode === 'exclusive' ? taxOnNet(sum, rates) : taxInGross(sum, rates);
    net += taxed.net;
    rows.push(...taxed.rows);
  }
  const tax = rows.reduce((acc, row) => acc + row.amount, 0);
  return { net, lines: rows, tax, gross: net + tax };
}

export const categoryOf = (rate: TaxRate): TaxCategory => rate.category ?? 'standard';

/** The category a milestone's own line is taxed in: that of the project's first rate. */
export const milestoneCategory = (policy: TaxPolicy): TaxCategory => (policy.rates[0] ? categoryOf(policy.rates[0]) : 'standard');

function taxOnNet(net: number, rates: readonly TaxRate[]) {
  const rows = rates.map((rate) => ({ ...rate, category: categoryOf(rate), base: net, amount: divideRounded(BigInt(net) * BigInt(rate.basisPoints), BP) }));
  return { net, rows };
}

function taxInGross(gross: number, rates: readonly TaxRate[]) {
  const combined = BP + BigInt(rates.reduce((acc, rate) => acc + rate.basisPoints, 0));
  const amounts = rates.map((rate) => divideRounded(BigInt(gross) * BigInt(rate.basisPoints), combined));
  const net = gross - amounts.reduce((acc, amount) => acc + amount, 0);
  return { net, rows: rates.map((rate, index) => ({ ...rate, category: categoryOf(rate), base: net, amount: amounts[index]! })) };
}

