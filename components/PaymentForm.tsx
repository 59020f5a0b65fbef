import { useId, useState } from 'preact/hooks';
import { localDate } from '../lib/billing/dates';
import { amountForInput, formatMoney, money, parseMoney } from '../lib/billing/money';
import { fail, ok, type Result } from '../lib/billing/result';
import { t } from '../lib/ui/i18n';

export interface PaymentInput {
  amount: number;
  date: string;
  method: string;
  note: string;
}

/** A typed payment in minor units, or what is wrong with it in the user's words and amounts. */
export function readPayment(typed: string, balance: number, currency: string, locale: string): Result<number> {
  const parsed = parseMoney(typed, currency, locale);
  if (!parsed.ok) return parsed;
  if (parsed.value.amount <= 0) return fail(t('paymentMoreThanZero'));
  if (parsed.value.amount > balance) return fail(t('paymentMoreThanDue', formatMoney(money(balance, currency), locale)));
  return ok(parsed.value.amount);
}

/** Records a payment against an invoice: the open balance pre-filled, amounts read as the user's locale writes them. */
export function PaymentForm(props: {
  currency: string;
  locale: string;
  /** The open balance in minor units. */
  balance: number;
  busy?: boolean;
  onSubmit: (payment: PaymentInput) => void;
  onCancel: () => void;
}) {
  const { currency, locale, balance } = props;
  const [amount, setAmount] = useState(() => amountForInput(money(balance, currency), locale));
  const [date, setDate] = useState(localDate(new Date()));
  const [method, setMethod] = useState(() => t('bankTransfer'));
  const [problem, setProblem] = useState('');
  const problemId = useId();
  const due = formatMoney(money(balance, currency), locale);
  const record = (minor: number) => props.onSubmit({ amount: minor, date, method: method.trim(), note: '' });
  function submit(event: Event) {
    event.preventDefault();
    const read = readPayment(amount, balance, currency, locale);
    if (read.ok) record(read.value);
    else setProblem(read.error);
  }
  return (
    <form class="inline-form" aria-label={t('recordAPayment')} onSubmit={submit}>
      <label>
        {t('amountReceived', due)}
        <input
          required
          inputMode="decimal"
          value={amount}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? problemId : undefined}
          onInput={(e) => (setAmount(e.currentTarget.value), setProblem(''))}
        />
      </label>
      {problem && <p id={problemId} role="alert" class="error">{problem}</p>}
      <div class="two">
        <label>{t('date')}<input type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} /></label>
        <label>{t('method')}<input value={method} onInput={(e) => setMethod(e.currentTarget.value)} /></label>
      </div>
      <div class="buttons">
        <button class="primary" type="submit" disabled={props.busy}>{t('recordPayment')}</button>
        <button type="button" disabled={props.busy} onClick={() => record(balance)}>{t('paidInFull')}</button>
        <button type="button" onClick={props.onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
