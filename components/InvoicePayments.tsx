import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Invoice, Payment } from '../lib/db/entities';
import { InputError } from '../lib/db/errors';
import { deletePayment, invoicePayments } from '../lib/db/payments';
import { formatDay } from '../lib/ui/format-date';
import { ConfirmDialog } from './ConfirmDialog';
import { t } from '../lib/ui/i18n';

/** The payments and refunds recorded on an invoice, each deletable after the user confirms. */
export function InvoicePayments({ db, invoice, locale }: { db: MilestoneDatabase; invoice: Invoice; locale: string }) {
  const payments = useQuery({ queryKey: ['invoices', 'payments', invoice.id], queryFn: () => invoicePayments(db, invoice.id) });
  const [deleting, setDeleting] = useState<Payment | null>(null);
  const [problem, setProblem] = useState('');
  const describe = (payment: Payment) =>
    t(payment.amount < 0 ? 'refundOn' : 'paymentOn', formatMoney(money(Math.abs(payment.amount), invoice.currency), locale), formatDay(payment.date, locale));
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
      <ul class="plain" aria-label={t('paymentsOn', invoice.number)}>
        {payments.data?.map((payment) => (
          <li key={payment.id}>
            <span class="muted">{capitalised(describe(payment))}{payment.method ? ` · ${payment.method}` : ''}</span>
            <button class="link" aria-label={t('deleteThe', describe(payment))} onClick={() => setDeleting(payment)}>{t('deleteMore')}</button>
          </li>
        ))}
      </ul>
      {problem && <p role="alert" class="error">{problem}</p>}
      {deleting && (
        <ConfirmDialog title={t('deleteTheQuestion', describe(deleting))} confirmLabel={deleting.amount < 0 ? t('deleteRefund') : t('deletePayment')} danger onCancel={() => setDeleting(null)} onConfirm={() => void remove(deleting)}>
          <p>{deleting.amount < 0 ? t('deleteRefundExplain', invoice.number) : t('deletePaymentExplain', invoice.number)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
