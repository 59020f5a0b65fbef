import { describe, expect, it } from 'vitest';
import { applyImport, exportBackup, planImport } from '../../../lib/backup/backup';
import { issueInvoice } from '../../../lib/db/invoices';
import { recordPayment, recordRefund } from '../../../lib/db/payments';
import { milestoneInvoiceDraft } from '../../../lib/billing/invoice-draft';
import { clientAndProject, freshDatabase } from '../db/helpers';

/** An invoice of 396.00 paid in full, 96.00 of it refunded, then 96.00 paid again. */
async function refundedLedger() {
  const db = freshDatabase();
  const { client, project, milestones } = await clientAndProject(db);
  const draft = milestoneInvoiceDraft({ seller: client, buyer: client, project, milestone: milestones[0]!, issueDate: '2026-11-20', supplyDate: '2026-11-20' });
  const { invoice } = await issueInvoice(db, draft, { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true });
  const payment = await recordPayment(db, { invoiceId: invoice.id, amount: 39_600, date: '2026-11-21', method: 'Bank', note: '' });
  await recordRefund(db, { paymentId: payment.id, amount: 9_600, date: '2026-11-22', note: '' });
  await recordPayment(db, { invoiceId: invoice.id, amount: 9_600, date: '2026-11-23', method: 'Bank', note: '' });
  return db;
}

describe('refunds in a backup', () => {
  it('restores payments and refunds in any order, since only their net total must fit the invoice', async () => {
    const backup = await exportBackup(await refundedLedger());
    // The refund last: a running total would pass 396.00 before it.
    backup.data.payments.sort((a, b) => (a.refundOf ? 1 : 0) - (b.refundOf ? 1 : 0));
    const fresh = freshDatabase();
    const plan = await planImport(fresh, JSON.stringify(backup));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    await applyImport(fresh, plan.backup, 'replace');
    expect((await fresh.payments.toArray()).map((p) => p.amount).sort((a, b) => a - b)).toEqual([-9_600, 9_600, 39_600]);
  });

  it('refuses a refund naming a payment that is not in the file', async () => {
    const backup = await exportBackup(await refundedLedger());
    backup.data.payments = backup.data.payments.filter((payment) => payment.refundOf || payment.amount === 9_600);
    const plan = await planImport(freshDatabase(), JSON.stringify(backup));
    expect(!plan.ok && plan.error).toMatch(/^data\.payments\[\d\]\.refundOf: refers to a record that is not in the file$/);
  });
});
