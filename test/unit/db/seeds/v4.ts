import { v2 } from './v2';

/** Version 4 gave invoices priced, categorised lines and a tagged per-rate breakdown. */
export const v4 = {
  ...v2,
  invoices: v2.invoices.map((invoice) => ({
    ...invoice,
    lines: [{ kind: 'milestone', description: 'Website: Deposit', quantity: 1, unit: '', unitPrice: 360_000, amount: 360_000, category: 'standard' }],
    pricesIncludeTax: false,
    taxLines: [{ name: 'VAT', basisPoints: 1900, category: 'standard', base: 360_000, amount: 68_400 }],
    prepayment: true,
  })),
};
