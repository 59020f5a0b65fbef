import { describe, expect, it } from 'vitest';
import { milestoneInvoiceDraft } from '../../../lib/billing/invoice-draft';
import { filterInvoices, listInvoices, noFilter, periodRange } from '../../../lib/db/invoice-list';
import { issueCreditNote, issueInvoice } from '../../../lib/db/invoices';
import { recordPayment } from '../../../lib/db/payments';
import { clientAndProject, freshDatabase } from './helpers';

const rule = { pattern: 'INV-{YYYY}-{seq:3}', yearlyReset: true };

describe('the list of every document', () => {
  it('states each document as of the day: open until its due date, overdue after, paid, void, credit note', async () => {
    const db = freshDatabase();
    const { client, project, milestones } = await clientAndProject(db);
    const issue = async (index: number, issueDate: string) =>
      (await issueInvoice(db, milestoneInvoiceDraft({ seller: client, buyer: client, project, milestone: milestones[index]!, issueDate, supplyDate: issueDate }), rule)).invoice;
    const due = await issue(0, '2026-11-10');
    const paid = await issue(1, '2026-11-11');
    const voided = await issue(2, '2026-11-12');
    await recordPayment(db, { invoiceId: paid.id, amount: paid.gross, date: '2026-11-12', method: '', note: '' });
    await recordPayment(db, { invoiceId: due.id, amount: 10_000, date: '2026-11-12', method: '', note: '' });
    await issueCreditNote(db, voided.id, { pattern: 'CN-{seq}', yearlyReset: false }, '2026-11-13');

    const onDueDate = await listInvoices(db, due.dueDate);
    expect(onDueDate.map((row) => [row.invoice.number, row.state, row.balance])).toEqual([
      ['CN-1', 'credit-note', 0],
      ['INV-2026-003', 'void', 0],
      ['INV-2026-002', 'paid', 0],
      ['INV-2026-001', 'open', due.gross - 10_000],
    ]);
    const dayAfter = await listInvoices(db, '2026-11-25');
    expect(dayAfter.at(-1)).toMatchObject({ state: 'overdue', daysOverdue: 1, paid: 10_000 });
    expect(filterInvoices(dayAfter, { ...noFilter, search: 'cn-' }, '2026-11-25').map((row) => row.invoice.number)).toEqual(['CN-1']);
  });
});

describe('periods', () => {
  it.each([
    ['this-month', '2026-01-15', ['2026-01-01', '2026-01-31']],
    ['last-month', '2026-01-15', ['2025-12-01', '2025-12-31']],
    ['last-month', '2026-03-31', ['2026-02-01', '2026-02-28']],
    ['this-year', '2026-06-01', ['2026-01-01', '2026-12-31']],
    ['last-year', '2026-06-01', ['2025-01-01', '2025-12-31']],
  ] as const)('%s as of %s covers issue dates %j', (period, today, range) => {
    expect(periodRange(period, today)).toEqual(range);
  });

  it('covers any date for any time', () => {
    expect(periodRange('any', '2026-06-01')).toBeUndefined();
  });
});
