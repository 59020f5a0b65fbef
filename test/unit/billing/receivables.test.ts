import { describe, expect, it } from 'vitest';
import {
  bucketFor,
  invoiceBalances,
  receivables,
  totalsByCurrency,
  type InvoiceFacts,
  type MilestoneFacts,
  type PaymentFacts,
  type ProjectFacts,
} from '../../../lib/billing/receivables';
import type { TaxPolicy } from '../../../lib/billing/tax';

const noTax: TaxPolicy = { mode: 'exclusive', rates: [], reverseCharge: false };
const vat19: TaxPolicy = { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 1900 }], reverseCharge: false };
const project: ProjectFacts = { id: 'p1', currency: 'EUR', total: 1_000_000, taxes: noTax };
const milestones: MilestoneFacts[] = [
  { id: 'm1', projectId: 'p1', amount: 300_000, startedOn: '2026-01-01', deliveredOn: '2026-01-05' },
  { id: 'm2', projectId: 'p1', amount: 400_000, startedOn: '2026-01-10', deliveredOn: '2026-03-01' },
  { id: 'm3', projectId: 'p1', amount: 300_000, startedOn: '2026-03-02' },
];
const invoice = (id: string, milestoneId: string, gross: number, issueDate: string, dueDate: string): InvoiceFacts => ({
  id, projectId: 'p1', milestoneId, kind: 'invoice', currency: 'EUR', net: gross, gross, issueDate, dueDate,
});
const invoices = [invoice('i1', 'm1', 300_000, '2026-01-05', '2026-02-04')];
const payments: PaymentFacts[] = [{ invoiceId: 'i1', amount: 100_000, date: '2026-02-01' }];
const at = (asOf: string, extra: Partial<{ invoices: InvoiceFacts[]; payments: PaymentFacts[] }> = {}) =>
  receivables({ projects: [project], milestones, invoices: extra.invoices ?? invoices, payments: extra.payments ?? payments }, asOf)[0]!;

describe('aging buckets', () => {
  it('counts due today as current and sorts days past due into 1-30, 31-60, 61-90, 90+', () => {
    expect([0, -3, 1, 30, 31, 60, 61, 90, 91, 400].map(bucketFor)).toEqual([
      'current', 'current', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '90+', '90+',
    ]);
  });
});

describe('receivables of a project', () => {
  it('before anything is invoiced, shows delivered work as exposure and the rest to bill', () => {
    const row = at('2026-01-04', { invoices: [], payments: [] });
    expect(row).toMatchObject({ deliveredNotInvoiced: 0, outstanding: 0, unpaidExposure: 0, atRiskExposure: 300_000, remainingToBill: 1_000_000 });
  });

  it('counts a current invoice, less partial payments received by the date', () => {
    const row = at('2026-02-04');
    expect(row).toMatchObject({ invoiced: 300_000, paid: 100_000, outstanding: 200_000, current: 200_000, overdueTotal: 0 });
  });

  it('ages an unpaid balance by days past its due date', () => {
    expect(at('2026-02-05').overdue['1-30']).toBe(200_000);
    expect(at('2026-03-07').overdue['31-60']).toBe(200_000);
    expect(at('2026-04-06').overdue['61-90']).toBe(200_000);
    expect(at('2026-05-06').overdue['90+']).toBe(200_000);
  });

  it('sums unpaid and at-risk exposure', () => {
    const row = at('2026-03-05');
    expect(row.deliveredNotInvoiced).toBe(400_000); // m2 delivered, not invoiced
    expect(row.outstanding).toBe(200_000);
    expect(row.unpaidExposure).toBe(600_000);
    expect(row.atRiskExposure).toBe(900_000); // plus m3, now in progress
    expect(row.remainingToBill).toBe(700_000);
  });

  it('counts only payments made by the as-of date', () => {
    const later = [...payments, { invoiceId: 'i1', amount: 200_000, date: '2026-03-10' }];
    expect(at('2026-03-09', { payments: later }).outstanding).toBe(200_000);
    expect(at('2026-03-10', { payments: later }).outstanding).toBe(0);
    expect(at('2026-03-10', { payments: later }).paid).toBe(300_000);
  });

  it('ignores invoices issued after the as-of date and keeps their milestone as delivered', () => {
    const both = [...invoices, invoice('i2', 'm2', 400_000, '2026-03-20', '2026-04-19')];
    expect(at('2026-03-19', { invoices: both }).deliveredNotInvoiced).toBe(400_000);
    const after = at('2026-03-20', { invoices: both });
    expect(after.deliveredNotInvoiced).toBe(0);
    expect(after.outstanding).toBe(600_000);
  });

  it('reduces the balance by a credit note and adds the credit back to what remains to bill', () => {
    const credit: InvoiceFacts = {
      id: 'c1', projectId: 'p1', kind: 'credit-note', creditsInvoiceId: 'i1', currency: 'EUR',
      net: 200_000, gross: 200_000, issueDate: '2026-02-10', dueDate: '2026-02-10',
    };
    const row = at('2026-02-10', { invoices: [...invoices, credit] });
    expect(row.outstanding).toBe(0);
    expect(row.invoiced).toBe(100_000);
    expect(row.remainingToBill).toBe(900_000);
  });

  it('never shows a negative balance for an overpaid invoice', () => {
    const balances = invoiceBalances(invoices, [{ invoiceId: 'i1', amount: 999_999, date: '2026-01-06' }], '2026-06-01');
    expect(balances[0]).toMatchObject({ balance: 0, bucket: 'current' });
  });

  it('leaves out void milestones', () => {
    const rows = receivables(
      { projects: [project], milestones: [{ ...milestones[1]!, void: true }], invoices: [], payments: [] },
      '2026-12-31',
    );
    expect(rows[0]!.deliveredNotInvoiced).toBe(0);
  });
});

describe('one basis for exposure: what the client owes, tax included', () => {
  // A 12,000.00 EUR contract at 19 % VAT, 30/40/30; the 40 % prototype (4,800.00 net) is delivered on 1 March.
  const contract: ProjectFacts = { id: 'p1', currency: 'EUR', total: 1_200_000, taxes: vat19 };
  const schedule: MilestoneFacts[] = [
    { id: 'm1', projectId: 'p1', amount: 360_000, deliveredOn: '2026-01-05' },
    { id: 'm2', projectId: 'p1', amount: 480_000, startedOn: '2026-01-10', deliveredOn: '2026-03-01' },
    { id: 'm3', projectId: 'p1', amount: 360_000, startedOn: '2026-03-02' },
  ];
  const billed = (id: string, milestoneId: string, net: number, issueDate: string, voidedBy?: string): InvoiceFacts => ({
    id, projectId: 'p1', milestoneId, kind: 'invoice', currency: 'EUR', net, gross: Math.round(net * 1.19), issueDate, dueDate: '2026-12-31', ...(voidedBy ? { voidedBy } : {}),
  });
  const deposit = billed('i1', 'm1', 360_000, '2026-01-05');
  const prototype = billed('i2', 'm2', 480_000, '2026-03-20', 'c2');
  const creditNote: InvoiceFacts = {
    id: 'c2', projectId: 'p1', kind: 'credit-note', creditsInvoiceId: 'i2', currency: 'EUR', net: 480_000, gross: 571_200, issueDate: '2026-04-10', dueDate: '2026-04-10',
  };
  const row = (asOf: string, invoices: InvoiceFacts[], milestones = schedule) =>
    receivables({ projects: [contract], milestones, invoices, payments: [] }, asOf)[0]!;

  it('counts delivered work at the gross its invoice will carry, so exposure does not jump when it is invoiced (5,712.00 both days)', () => {
    const dayBefore = row('2026-03-19', [deposit, prototype]);
    expect(dayBefore.deliveredNotInvoiced).toBe(571_200);
    expect(dayBefore.unpaidExposure).toBe(428_400 + 571_200);
    const invoicedDay = row('2026-03-20', [deposit, prototype]);
    expect(invoicedDay.deliveredNotInvoiced).toBe(0);
    expect(invoicedDay.unpaidExposure).toBe(dayBefore.unpaidExposure);
  });

  it('counts work in progress at its gross too', () => {
    expect(row('2026-03-05', [deposit]).atRiskExposure).toBe(428_400 + 571_200 + 428_400);
  });

  it('takes the gross as it is with prices that include tax, and adds nothing under reverse charge', () => {
    const inclusive = { ...contract, taxes: { ...vat19, mode: 'inclusive' as const } };
    const reverse = { ...contract, taxes: { ...vat19, reverseCharge: true } };
    const delivered = [schedule[1]!];
    expect(receivables({ projects: [inclusive], milestones: delivered, invoices: [], payments: [] }, '2026-03-05')[0]!.deliveredNotInvoiced).toBe(480_000);
    expect(receivables({ projects: [reverse], milestones: delivered, invoices: [], payments: [] }, '2026-03-05')[0]!.deliveredNotInvoiced).toBe(480_000);
  });

  it('as of a past date, uses the void state of that date: an invoice voided later counts as open then', () => {
    const voidNow = schedule.map((m) => (m.id === 'm2' ? { ...m, void: true } : m));
    const invoices = [deposit, prototype, creditNote];
    expect(row('2026-03-10', invoices, voidNow).deliveredNotInvoiced).toBe(571_200);
    const open = row('2026-03-25', invoices, voidNow);
    expect(open).toMatchObject({ deliveredNotInvoiced: 0, outstanding: 428_400 + 571_200 });
    const voided = row('2026-04-10', invoices, voidNow);
    expect(voided).toMatchObject({ deliveredNotInvoiced: 0, outstanding: 428_400, unpaidExposure: 428_400 });
  });

  it('a milestone whose voided invoice returned it to billable counts as delivered again from the credit note on', () => {
    expect(row('2026-04-10', [deposit, prototype, creditNote])).toMatchObject({ deliveredNotInvoiced: 571_200, outstanding: 428_400 });
  });
});

describe('totals per currency', () => {
  it('adds projects of one currency and never mixes currencies', () => {
    const usd: ProjectFacts = { id: 'p2', currency: 'USD', total: 50_000, taxes: noTax };
    const eur2: ProjectFacts = { id: 'p3', currency: 'EUR', total: 20_000, taxes: noTax };
    const rows = receivables(
      {
        projects: [project, usd, eur2],
        milestones: [
          ...milestones,
          { id: 'u1', projectId: 'p2', amount: 50_000, deliveredOn: '2026-01-01' },
          { id: 'e1', projectId: 'p3', amount: 20_000, deliveredOn: '2026-01-01' },
        ],
        invoices,
        payments,
      },
      '2026-03-05',
    );
    const totals = totalsByCurrency(rows);
    expect(totals.map((row) => [row.currency, row.unpaidExposure, row.remainingToBill])).toEqual([
      ['EUR', 620_000, 720_000],
      ['USD', 50_000, 50_000],
    ]);
  });
});
