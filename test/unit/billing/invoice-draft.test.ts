import { describe, expect, it } from 'vitest';
import { lineAmount, milestoneInvoiceDraft, missingForIssue, type DraftInput } from '../../../lib/billing/invoice-draft';
import type { TaxPolicy } from '../../../lib/billing/tax';

const germanVat: TaxPolicy = {
  mode: 'exclusive',
  rates: [{ name: 'VAT', basisPoints: 1900, category: 'standard' }, { name: 'VAT', basisPoints: 700, category: 'reduced' }],
  reverseCharge: false,
};
const party = (name: string, address = 'Berlin', taxId = 'DE1') => ({ name, address, taxId, email: '' });
const input = (overrides: Partial<DraftInput> = {}): DraftInput => ({
  seller: party('Northwind'),
  buyer: party('Acme'),
  project: { id: 'p', clientId: 'c', name: 'Website', contractRef: '', currency: 'EUR', taxes: germanVat, terms: { kind: 'net', days: 14 } },
  milestone: { id: 'm', title: 'Prototype', deliverable: 'Clickable', share: { kind: 'percent', basisPoints: 4000 }, amount: 100_000 },
  issueDate: '2026-11-24',
  supplyDate: '2026-11-20',
  ...overrides,
});

describe('line amounts', () => {
  it('multiplies quantity (three decimals) by the unit price, rounded half away from zero', () => {
    expect(lineAmount(2.5, 8_000)).toBe(20_000);
    expect(lineAmount(0.333, 100)).toBe(33); // 33.3
    expect(lineAmount(1.005, 100)).toBe(101); // 100.5 -> 101, not 100.49999 from floats
    expect(lineAmount(1, -5_000)).toBe(-5_000); // a discount
    expect(lineAmount(1.5, -3)).toBe(-5); // -4.5 -> -5
  });
});

describe('a milestone invoice draft', () => {
  it('has the milestone line, then extra lines, each taxed by its own category', () => {
    const draft = milestoneInvoiceDraft(input({
      extras: [
        { description: 'Extra hours', quantity: 2.5, unit: 'h', unitPrice: 8_000, category: 'standard' },
        { description: 'Printed brochures', quantity: 100, unit: 'pc', unitPrice: 100, category: 'reduced' },
        { description: 'Loyalty discount', quantity: 1, unit: '', unitPrice: -10_000, category: 'standard' },
      ],
    }));
    expect(draft.lines.map(({ kind, description, amount, category }) => [kind, description, amount, category])).toEqual([
      ['milestone', 'Website: Prototype – Clickable', 100_000, 'standard'],
      ['extra', 'Extra hours', 20_000, 'standard'],
      ['extra', 'Printed brochures', 10_000, 'reduced'],
      ['extra', 'Loyalty discount', -10_000, 'standard'],
    ]);
    expect(draft.taxLines.map(({ basisPoints, base, amount }) => [basisPoints, base, amount])).toEqual([[1900, 110_000, 20_900], [700, 10_000, 700]]);
    expect(draft).toMatchObject({ net: 120_000, tax: 21_600, gross: 141_600, pricesIncludeTax: false });
  });

  it('is an ordinary invoice with its supply date once the milestone is delivered', () => {
    const draft = milestoneInvoiceDraft(input());
    expect(draft.supplyDate).toBe('2026-11-20');
    expect('prepayment' in draft).toBe(false);
  });

  it('is a prepayment invoice when billed before any delivery', () => {
    const draft = milestoneInvoiceDraft(input({ supplyDate: undefined }));
    expect(draft).toMatchObject({ prepayment: true, issueDate: '2026-11-24' });
  });

  it('carries the prepayment invoices the final invoice deducts', () => {
    const prepayments = [{ invoiceId: 'i1', number: 'INV-2026-0001', issueDate: '2026-10-01', gross: 428_400 }];
    expect(milestoneInvoiceDraft(input({ prepayments })).prepayments).toEqual(prepayments);
    expect('prepayments' in milestoneInvoiceDraft(input())).toBe(false);
  });

  it('prices the milestone line in the contract basis: tax included gives the agreed gross', () => {
    const draft = milestoneInvoiceDraft(input({ project: { ...input().project, taxes: { ...germanVat, mode: 'inclusive' } }, milestone: { ...input().milestone, amount: 360_000 } }));
    expect(draft).toMatchObject({ pricesIncludeTax: true, net: 302_521, tax: 57_479, gross: 360_000 });
  });
});

describe('what must be there before a number is taken', () => {
  const complete = milestoneInvoiceDraft(input());

  it('nothing, when seller, buyer and taxes are complete', () => {
    expect(missingForIssue(complete)).toEqual([]);
  });

  it('names each missing fact as the fix', () => {
    expect(missingForIssue({ ...complete, seller: party('Northwind', ' ', ''), buyer: party('Acme', '') })).toEqual([
      'Add your business address in Settings',
      'Add your VAT ID / tax number in Settings',
      'Add the address of Acme to the client',
    ]);
  });

  it('asks for the buyer’s VAT ID under reverse charge', () => {
    const reverse = milestoneInvoiceDraft(input({ buyer: party('Acme SARL', 'Paris', ''), project: { ...input().project, taxes: { ...germanVat, reverseCharge: true } } }));
    expect(missingForIssue(reverse)).toEqual(['Add the VAT ID of Acme SARL to the client: reverse charge needs it']);
  });

  it('asks for the wording of a zero or exempt rate', () => {
    const exempt: TaxPolicy = { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 0, category: 'exempt' }], reverseCharge: false };
    const draft = milestoneInvoiceDraft(input({ project: { ...input().project, taxes: exempt } }));
    expect(missingForIssue(draft)).toEqual(["Add the exemption wording (why no tax is charged) to the VAT exempt rate in the project's taxes"]);
    const worded = { ...exempt, rates: [{ ...exempt.rates[0]!, exemption: 'Exempt under §4 Nr. 21 UStG' }] };
    expect(missingForIssue(milestoneInvoiceDraft(input({ project: { ...input().project, taxes: worded } })))).toEqual([]);
  });
});
