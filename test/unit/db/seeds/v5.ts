import { v4 } from './v4';

/** Version 5 gave invoices priced, categorised lines and a tagged per-rate breakdown. */
export const v5 = {
  ...v4,
  invoices: v4.invoices.map((invoice) => ({
    ...invoice,
    lines: [{ kind: 'milestone', description: 'Website: Deposit', quantity: 1, unit: '', unitPrice: 360_000, amount: 360_000, category: 'standard' }],
    pricesIncludeTax: false,
    taxLines: [{ name: 'VAT', basisPoints: 1900, category: 'standard', base: 360_000, amount: 68_400 }],
    prepayment: true,
  })),
};
