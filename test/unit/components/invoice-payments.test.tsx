// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InvoicePayments } from '../../../components/InvoicePayments';
import { milestoneInvoiceDraft } from '../../../lib/billing/invoice-draft';
import { issueInvoice } from '../../../lib/db/invoices';
import { recordPayment, recordRefund } from '../../../lib/db/payments';
import { createQueryClient } from '../../../lib/ui/queries';
import { clientAndProject, freshDatabase } from '../db/helpers';

afterEach(cleanup);

/** INV-2026-0001 for €396.00, paid in full on 21 Nov 2026. */
async function paidInvoice() {
  const db = freshDatabase();
  const { client, project, milestones } = await clientAndProject(db);
  const draft = milestoneInvoiceDraft({ seller: client, buyer: client, project, milestone: milestones[0]!, issueDate: '2026-11-20', supplyDate: '2026-11-20' });
  const { invoice } = await issueInvoice(db, draft, { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true });
  const payment = await recordPayment(db, { invoiceId: invoice.id, amount: invoice.gross, date: '2026-11-21', method: 'Bank transfer', note: '' });
  render(<QueryClientProvider client={createQueryClient()}><InvoicePayments db={db} invoice={invoice} locale="en-US" /></QueryClientProvider>);
  return { db, invoice, payment, milestone: milestones[0]! };
}

describe('deleting a payment', () => {
  it('asks, naming the amount and date, and deletes nothing on Cancel', async () => {
    const { db } = await paidInvoice();
    const list = await screen.findByRole('list', { name: 'Payments on INV-2026-0001' });
    expect(list.textContent).toContain('Payment of €396.00 on Nov 21, 2026 · Bank transfer');
    fireEvent.click(within(list).getByRole('button', { name: 'Delete the payment of €396.00 on Nov 21, 2026' }));
    const ask = screen.getByRole('alertdialog', { name: 'Delete the payment of €396.00 on Nov 21, 2026?' });
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await db.payments.count()).toBe(1);
  });

  it('deletes it on confirm: the paid milestone is invoiced again and the list empties', async () => {
    const { db, milestone } = await paidInvoice();
    fireEvent.click(await screen.findByRole('button', { name: /^Delete the payment/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete payment' }));
    await waitFor(() => expect(screen.queryByRole('list')).toBeNull());
    expect(await db.payments.count()).toBe(0);
    expect((await db.milestones.get(milestone.id))!.state).toBe('invoiced');
  });

  it('says plainly why a refunded payment cannot go first, and keeps it', async () => {
    const { db, payment } = await paidInvoice();
    await recordRefund(db, { paymentId: payment.id, amount: 1_000, date: '2026-11-22', note: '' });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the payment of €396.00 on Nov 21, 2026' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete payment' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Money was refunded against this payment: delete the refund first.');
    expect(await db.payments.count()).toBe(2);
  });
});
