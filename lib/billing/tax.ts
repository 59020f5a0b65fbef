/**
 * Taxes on an invoice line. Rates are basis points (20 % = 2000, 7.25 % = 725) and all apply to
 * the same net base (no tax on tax).
 *
 * Rounding rule: each rate's tax is rounded once per invoice, half away from zero, to the
 * currency's minor unit. With inclusive prices the net is derived from the gross and the last
 * rate absorbs the rounding, so net + taxes always equals the gross the client agreed to.
 */
export interface TaxRate {
  name: string;
  basisPoints: number;
}

export interface TaxPolicy {
  mode: 'exclusive' | 'inclusive';
  rates: TaxRate[];
  /** EU reverse charge: the buyer accounts for VAT; no tax is charged and the invoice says so. */
  reverseCharge: boolean;
}

export interface TaxLine extends TaxRate {
  base: number;
  amount: number;
}

export interface TaxBreakdown {
  net: number;
  lines: TaxLine[];
  tax: number;
  gross: number;
}

const BP = 10_000n;

/** a × bp / 10 000, rounded half away from zero, in exact integer arithmetic. */
function applyRate(amount: number, basisPoints: number): number {
  const scaled = BigInt(amount) * BigInt(basisPoints);
  const sign = scaled < 0n ? -1n : 1n;
  const magnitude = scaled * sign;
  return Number((sign * (magnitude * 2n + BP)) / (BP * 2n));
}

export function computeTaxes(amount: number, policy: TaxPolicy): TaxBreakdown {
  if (policy.reverseCharge || policy.rates.length === 0) {
    return { net: amount, lines: [], tax: 0, gross: amount };
  }
  if (policy.mode === 'exclusive') {
    const lines = policy.rates.map((rate) => ({ ...rate, base: amount, amount: applyRate(amount, rate.basisPoints) }));
    const tax = lines.reduce((acc, line) => acc + line.amount, 0);
    return { net: amount, lines, tax, gross: amount + tax };
  }
  const totalBp = policy.rates.reduce((acc, rate) => acc + rate.basisPoints, 0);
  const net = netFromGross(amount, totalBp);
  const lines = policy.rates.map((rate) => ({ ...rate, base: net, amount: applyRate(net, rate.basisPoints) }));
  const last = lines[lines.length - 1]!;
  last.amount += amount - net - lines.reduce((acc, line) => acc + line.amount, 0);
  return { net, lines, tax: amount - net, gross: amount };
}

/** gross × 10 000 / (10 000 + rates), rounded half away from zero. */
function netFromGross(gross: number, totalBp: number): number {
  const numerator = BigInt(gross) * BP * 2n;
  const denominator = (BP + BigInt(totalBp)) * 2n;
  const sign = numerator < 0n ? -1n : 1n;
  return Number((sign * (numerator * sign + denominator / 2n)) / denominator);
}
