import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Invoice, Payment } from '../lib/db/entities';
import { InputError } from '../lib/db/errors';
import { deletePayment, invoicePayments } from '../lib/db/payments';
import { formatDay } from '../lib/ui/format-date';
import { ConfirmDialog } from './ConfirmDialog';

/** The payments and refunds recorded on an invoice, each deletable after the user confirms. */
export function InvoicePayments({ db, invoice, locale }: { db: MilestoneDatabase; invoice: Invoice; locale: string }) {
  const payments = useQuery({ queryKey: ['invoices', 'payments', invoice.id], queryFn: () => invoicePayments(db, invoice.id) });
  const [deleting, setDeleting] = useState<Payment | null>(null);
  const [problem, setProblem] = useState('');
  const describe = (payment: Payment) =>
    `${payment.amount < 0 ? 'refund' : 'payment'} of ${formatMoney(money(Math.abs(payment.amount), invoice.currency), locale)} on ${formatDay(payment.date, locale)}`;
  async function remove(payment: Payment) {
    setDeleting(null);
    try {
      await deletePayment(db, payment.id);
      setProblem('');
    } catch (error) {
      setProblem(error instanceof InputError ? error.message : String(error));
    }
  }
  if (!payments.data?.length && !problem) return null;
  return (
    <div class="payments">
      <ul class="plain" aria-label={`Payments on ${invoice.number}`}>
        {payments.data?.map((payment) => (
          <li key={payment.id}>
            <span class="muted">{capitalised(describe(payment))}{payment.method ? ` · ${payment.method}` : ''}</span>
            <button class="link" aria-label={`Delete the ${describe(payment)}`} onClick={() => setDeleting(payment)}>Delete…</button>
          </li>
        ))}
      </ul>
      {problem && <p role="alert" class="error">{problem}</p>}
      {deleting && (
        <ConfirmDialog title={`Delete the ${describe(deleting)}?`} confirmLabel={deleting.amount < 0 ? 'Delete refund' : 'Delete payment'} danger onCancel={() => setDeleting(null)} onConfirm={() => void remove(deleting)}>
          <p>{invoice.number} shows that much {deleting.amount < 0 ? 'less paid back' : 'less paid'}, and its state follows. The activity log keeps a note of the deletion.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
