import { useId, useState } from 'preact/hooks';
import { localDate } from '../lib/billing/dates';
import { amountForInput, formatMoney, money, parseMoney } from '../lib/billing/money';
import type { Payment } from '../lib/db/entities';
import { t } from '../lib/ui/i18n';

export interface RefundInput {
  paymentId: string;
  amount: number;
  date: string;
  note: string;
}

/**
 * Records money the user paid back to the client, against one payment: at most what is left of
 * it. The app moves no money; this keeps the books in step with the bank.
 */
export function RefundForm(props: {
  currency: string;
  locale: string;
  payments: readonly { payment: Payment; refundable: number }[];
  busy?: boolean;
  onSubmit: (refund: RefundInput) => void;
  onCancel: () => void;
}) {
  const { currency, locale, payments } = props;
  const show = (minor: number) => formatMoney(money(minor, currency), locale);
  const [paymentId, setPaymentId] = useState(payments[0]!.payment.id);
  const chosen = payments.find((row) => row.payment.id === paymentId) ?? payments[0]!;
  const [amount, setAmount] = useState(() => amountForInput(money(chosen.refundable, currency), locale));
  const [date, setDate] = useState(localDate(new Date()));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const problemId = useId();
  function submit(event: Event) {
    event.preventDefault();
    const parsed = parseMoney(amount, currency, locale);
    if (!parsed.ok) return setProblem(parsed.error);
    if (parsed.value.amount <= 0) return setProblem(t('refundMoreThanZero'));
    if (parsed.value.amount > chosen.refundable) return setProblem(t('refundMoreThanLeft', show(chosen.refundable)));
    props.onSubmit({ paymentId: chosen.payment.id, amount: parsed.value.amount, date, note: note.trim() });
  }
  function choose(id: string) {
    const row = payments.find((candidate) => candidate.payment.id === id)!;
    setPaymentId(id);
    setAmount(amountForInput(money(row.refundable, currency), locale));
    setProblem('');
  }
  return (
    <form class="inline-form" aria-label={t('recordARefund')} onSubmit={submit}>
      <label>{t('paymentRefunded')}
        <select value={chosen.payment.id} onChange={(e) => choose(e.currentTarget.value)}>
          {payments.map(({ payment, refundable }) => (
            <option key={payment.id} value={payment.id}>{payment.method ? t('refundChoiceWithMethod', show(payment.amount), payment.date, payment.method, show(refundable)) : t('refundChoice', show(payment.amount), payment.date, show(refundable))}</option>
          ))}
        </select>
      </label>
      <label>
        {t('amountPaidBack')}
        <input required inputMode="decimal" value={amount} aria-describedby={problem ? problemId : undefined} onInput={(e) => (setAmount(e.currentTarget.value), setProblem(''))} />
      </label>
      {problem && <p id={problemId} role="alert" class="error">{problem}</p>}
      <div class="two">
        <label>{t('date')}<input type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} /></label>
        <label>{t('note')}<input maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} /></label>
      </div>
      <div class="buttons">
        <button class="primary" type="submit" disabled={props.busy}>{t('recordRefund')}</button>
        <button type="button" onClick={props.onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
