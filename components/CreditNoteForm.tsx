import { useId, useState } from 'preact/hooks';
import { formatMoney, money, parseMoney } from '../lib/billing/money';
import { fail, ok, type Result } from '../lib/billing/result';
import { t } from '../lib/ui/i18n';

/** A typed credit in minor units, or what is wrong with it in the user's words and amounts. */
export function readCredit(typed: string, creditable: number, currency: string, locale: string): Result<number> {
  const parsed = parseMoney(typed, currency, locale);
  if (!parsed.ok) return parsed;
  if (parsed.value.amount <= 0) return fail(t('creditMoreThanZero'));
  if (parsed.value.amount > creditable) return fail(t('creditMoreThanLeft', formatMoney(money(creditable, currency), locale)));
  return ok(parsed.value.amount);
}

/** Credits part of an invoice: an amount, tax included, in the user's locale, and the reason the credit note states. */
export function CreditNoteForm(props: {
  number: string;
  currency: string;
  locale: string;
  /** What the invoice can still be credited, in minor units. */
  creditable: number;
  busy?: boolean;
  onSubmit: (credit: { amount: number; reason: string }) => void;
  onCancel: () => void;
}) {
  const { currency, locale, creditable } = props;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const problemId = useId();
  function submit(event: Event) {
    event.preventDefault();
    const read = readCredit(amount, creditable, currency, locale);
    if (!read.ok) return setProblem(read.error);
    if (!reason.trim()) return setProblem(t('creditNeedsReason'));
    props.onSubmit({ amount: read.value, reason: reason.trim() });
  }
  const described = problem ? problemId : undefined;
  return (
    <form class="inline-form" aria-label={t('creditPartOf', props.number)} onSubmit={submit}>
      <label>
        {t('amountToCredit', formatMoney(money(creditable, currency), locale))}
        <input required inputMode="decimal" value={amount} aria-describedby={described} onInput={(e) => (setAmount(e.currentTarget.value), setProblem(''))} />
      </label>
      <label>
        {t('creditReason')}
        <input maxLength={500} value={reason} aria-describedby={described} onInput={(e) => (setReason(e.currentTarget.value), setProblem(''))} />
      </label>
      <p class="muted">{t('creditAllVoids')}</p>
      {problem && <p id={problemId} role="alert" class="error">{problem}</p>}
      <div class="buttons">
        <button class="primary" type="submit" disabled={props.busy}>{t('issueCreditNote')}</button>
        <button type="button" onClick={props.onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
