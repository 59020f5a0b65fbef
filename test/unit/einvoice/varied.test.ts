import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtraLine } from '../../../lib/billing/invoice-draft';
import { taxCategories } from '../../../lib/billing/tax';
import { ciiXml } from '../../../lib/invoicing/einvoice/cii';
import { ublXml } from '../../../lib/invoicing/einvoice/ubl';
import { invoiceMilestone } from '../../../lib/invoicing/engine';
import { contract, mixedRates } from './support';
import { brokenRules, loadRules } from './validate';

// Compiling the CEN rules takes about 20 s a syntax when idle, minutes on a busy two-core machine (cached afterwards).
beforeAll(loadRules, 300_000);

/** A seeded generator, so a failure names an invoice that can be made again. */
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** Up to 40 extra lines: fractional quantities, odd prices, discounts, every category but reverse charge. */
function extras(next: () => number): ExtraLine[] {
  const categories = taxCategories.filter((category) => category !== 'reverse-charge' && category !== 'zero');
  return Array.from({ length: 1 + Math.floor(next() * 40) }, (_, index) => ({
    description: `Line ${index + 1}`,
    quantity: Math.round(next() * 10_000) / 1000,
    unit: ['', 'h', 'day', 'pcs'][index % 4]!,
    unitPrice: Math.round((next() - 0.15) * 50_000),
    category: categories[Math.floor(next() * categories.length)]!,
  }));
}

// Each case issues a many-line invoice and validates it twice (up to 40 lines, about a second idle): room for a busy two-core machine.
describe('varied invoices stay valid EN 16931', { timeout: 60_000 }, () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i, prices before and including tax', async (seed) => {
    const next = random(seed);
    for (const mode of ['exclusive', 'inclusive'] as const) {
      const { ctx, prototype, deliver } = await contract(mixedRates(mode));
      await deliver(prototype);
      const { invoice } = await invoiceMilestone(ctx, prototype, { extras: extras(next) });
      const source = { invoice, customization: 'en16931' as const };
      expect({ seed, mode, ubl: await brokenRules(ublXml(source)), cii: await brokenRules(ciiXml(source)) }).toEqual({ seed, mode, ubl: [], cii: [] });
    }
  });
});
