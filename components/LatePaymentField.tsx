import { amountForInput, money, parseMoney, withDigits } from '../lib/billing/money';
import { fail, ok, type Result } from '../lib/billing/result';
import { parsePercent } from '../lib/billing/schedule';
import type { LatePaymentTerms } from '../lib/billing/terms';
import { t } from '../lib/ui/i18n';

/** The late-payment choice as typed: a kind and its one figure (a rate, the reference rate, or a fee). */
export interface LatePaymentForm {
  kind: 'none' | LatePaymentTerms['kind'];
  figure: string;
}

export function latePaymentForm(terms: LatePaymentTerms | undefined, currency: string, locale: string): LatePaymentForm {
  switch (terms?.kind) {
    case undefined:
      return { kind: 'none', figure: '' };
    case 'monthly-percent':
      return { kind: terms.kind, figure: percentFigure(terms.basisPoints, locale) };
    case 'eu-statutory':
      return { kind: terms.kind, figure: percentFigure(terms.referenceBasisPoints, locale) };
    case 'flat-fee':
      return { kind: terms.kind, figure: amountForInput(money(terms.amount, currency), locale) };
  }
}

/** 150 basis points -> "1.5" (en) or "1,5" (de): what parsePercent reads back. */
function percentFigure(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(withDigits(locale, 'latn'), { maximumFractionDigits: 2, useGrouping: false }).format(basisPoints / 100);
}

/** The terms the form describes, none, or what is wrong with its figure. */
export function readLatePayment({ kind, figure }: LatePaymentForm, currency: string, locale: string): Result<LatePaymentTerms | undefined> {
  if (kind === 'none') return ok(undefined);
  if (kind === 'flat-fee') {
    const fee = parseMoney(figure, currency, locale);
    return fee.ok ? (fee.value.amount > 0 ? ok({ kind, amount: fee.value.amount }) : fail(t('lateFeePositive'))) : fee;
  }
  const rate = parsePercent(figure, locale);
  if (!rate.ok) return rate;
  if (kind === 'monthly-percent') return rate.value > 0 && rate.value <= 1_000 ? ok({ kind, basisPoints: rate.value }) : fail(t('monthlyRateRange'));
  return rate.value <= 2_000 ? ok({ kind, referenceBasisPoints: rate.value }) : fail(t('ecbRateMax'));
}

const figureLabels: Record<LatePaymentTerms['kind'], () => string> = {
  'monthly-percent': () => t('interestPercentPerMonth'),
  'eu-statutory': () => t('ecbReferenceRate'),
  'flat-fee': () => t('lateFee'),
};

/** Optional late-payment terms of a project: printed on its invoices and used in reminders. */
export function LatePaymentField({ value, onChange }: { value: LatePaymentForm; onChange: (form: LatePaymentForm) => void }) {
  return (
    <div class="two">
      <label>{t('latePayment')}<select value={value.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as LatePaymentForm['kind'], figure: '' })}>
        <option value="none">{t('noLateTerms')}</option>
        <option value="monthly-percent">{t('interestPerMonth')}</option>
        <option value="eu-statutory">{t('euStatutory')}</option>
        <option value="flat-fee">{t('flatFee')}</option>
      </select></label>
      {value.kind !== 'none' && (
        <label>{figureLabels[value.kind]()}<input inputMode="decimal" value={value.figure} onInput={(e) => onChange({ ...value, figure: e.currentTarget.value })} /></label>
      )}
    </div>
  );
}
