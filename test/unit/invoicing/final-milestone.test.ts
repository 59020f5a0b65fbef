import { describe, expect, it } from 'vitest';
import type { TaxPolicy } from '../../../lib/billing/tax';
import { advanceMilestone } from '../../../lib/db/milestones';
import { updateProject } from '../../../lib/db/projects';
import { putSetting } from '../../../lib/db/settings';
import { invoiceMilestone, voidInvoice, type EngineContext } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { pdfText, testFonts } from './support';

const vat19 = (mode: TaxPolicy['mode']): TaxPolicy => ({ mode, rates: [{ name: 'VAT', basisPoints: 1900 }], reverseCharge: false });

/** A 12,000 EUR contract at 19 %, 30/40/30, every milestone delivered. */
async function contract(mode: TaxPolicy['mode']) {
  const db = freshDatabase();
  const made = await clientAndProject(db, {
    total: 1_200_000,
    taxes: vat19(mode),
    milestones: [
      { title: 'Upfront deposit', share: { kind: 'percent', basisPoints: 3000 } },
      { title: 'Functional prototype', share: { kind: 'percent', basisPoints: 4000 } },
      { title: 'Final delivery', share: { kind: 'percent', basisPoints: 3000 } },
    ],
  });
  await putSetting(db, 'businessProfile', { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' });
  for (const milestone of made.milestones) await advanceMilestone(db, milestone.id, 'delivered', '2026-11-20');
  const ctx: EngineContext = { db, fonts: testFonts, today: '2026-11-24', locale: 'en-US', now: 1_000 };
  const [deposit, prototype, final] = made.milestones.map((m) => m.id) as [string, string, string];
  return { db, ctx, deposit, prototype, final, project: made.project, milestones: made.milestones };
}

/** What the invoices in force bill of the contract, in its basis (gross when tax is included). */
async function billedInForce(db: EngineContext['db'], basis: 'net' | 'gross') {
  const invoices = (await db.invoices.toArray()).filter((invoice) => invoice.kind === 'invoice' && !invoice.voidedBy);
  return invoices.reduce((acc, invoice) => acc + invoice[basis], 0);
}

describe('the final milestone bills its own share', () => {
  it('with prices that include VAT: 12,000 as 30/40/30 ends with 3,600, not 4,941.18, and bills 12,000 in all', async () => {
    const { db, ctx, deposit, prototype, final } = await contract('inclusive');
    const grosses = [];
    for (const id of [deposit, prototype, final]) grosses.push((await invoiceMilestone(ctx, id)).invoice.gross);
    expect(grosses).toEqual([360_000, 480_000, 360_000]);
    expect(await billedInForce(db, 'gross')).toBe(1_200_000);
    const last = (await db.invoices.toArray()).find((invoice) => invoice.milestoneId === final)!;
    expect(last).toMatchObject({ pricesIncludeTax: true, net: 302_521, tax: 57_479, gross: 360_000 });
  });

  it('with prices before VAT: 3,600 net, 4,284 with VAT', async () => {
    const { db, ctx, deposit, prototype, final } = await contract('exclusive');
    for (const id of [deposit, prototype]) await invoiceMilestone(ctx, id);
    expect((await invoiceMilestone(ctx, final)).invoice).toMatchObject({ net: 360_000, tax: 68_400, gross: 428_400 });
    expect(await billedInForce(db, 'net')).toBe(1_200_000);
  });

  it('says the basis of the contract total on the invoice', async () => {
    const { ctx, prototype } = await contract('inclusive');
    const [page] = await pdfText((await invoiceMilestone(ctx, prototype)).file.bytes);
    expect(page).toContain('40 % der Vertragssumme von 12.000,00 € (inkl. Steuer)');
  });
});

describe('a voided invoice', () => {
  it('returns its milestone to billable, re-issued with a new number for its own share, whatever the order', async () => {
    const results = [];
    for (const order of ['void before the final', 'void after the final'] as const) {
      const { db, ctx, deposit, prototype, final } = await contract('exclusive');
      await invoiceMilestone(ctx, deposit);
      const first = await invoiceMilestone(ctx, prototype);
      if (order === 'void after the final') await invoiceMilestone(ctx, final);
      await voidInvoice(ctx, first.invoice.id);
      expect(await db.milestones.get(prototype), order).toMatchObject({ state: 'delivered' });
      if (order === 'void before the final') {
        const last = await invoiceMilestone(ctx, final);
        expect(last.invoice.net, `${order}: the final keeps its 30 %`).toBe(360_000);
      }
      const again = await invoiceMilestone(ctx, prototype);
      expect(again.created).toBe(true);
      expect(again.invoice.number).not.toBe(first.invoice.number);
      expect(again.invoice.net, order).toBe(480_000);
      expect(await billedInForce(db, 'net'), order).toBe(1_200_000);
      results.push((await db.invoices.toArray()).filter((i) => i.kind === 'invoice' && !i.voidedBy).map((i) => i.net).sort());
    }
    expect(results[0]).toEqual(results[1]);
  });
});

describe('the tax mode of an invoiced project', () => {
  it('is locked once an invoice is issued, with a plain message, and nothing changes', async () => {
    const { db, ctx, deposit, project, milestones } = await contract('exclusive');
    const issued = await invoiceMilestone(ctx, deposit);
    const before = await snapshot(db);
    const input = { ...project, taxes: vat19('inclusive'), milestones: milestones.map(({ title, share }) => ({ title, share })) };
    await expect(updateProject(db, project.id, input)).rejects.toThrow(
      'This project already has issued invoices, so whether its prices include tax can no longer change',
    );
    expect(await snapshot(db)).toEqual(before);
    expect(await db.invoices.get(issued.invoice.id)).toMatchObject({ net: 360_000, gross: 428_400, pricesIncludeTax: false });
  });
});
