import type { ComponentChildren } from 'preact';
import { t } from '../lib/ui/i18n';

type BankAccount = { iban?: string; bic?: string };

/** What the settings form lends a field: its described-by and invalid marks, its problem and its hint. */
interface FormHelpers {
  field: (id: string, hint?: boolean) => Record<string, unknown>;
  problem: (id: string) => ComponentChildren;
  hint: (id: string, text: ComponentChildren) => ComponentChildren;
}

/** The seller's IBAN and BIC: printed on invoices, and the account the payment code on EUR invoices pays into. */
export function BankFields({ account, onChange, field, problem, hint }: FormHelpers & { account: BankAccount; onChange: (change: BankAccount) => void }) {
  const input = (name: keyof BankAccount, withHint = false) => ({
    ...field(`businessProfile.${name}`, withHint),
    value: account[name] ?? '',
    autocomplete: 'off',
    spellcheck: false,
    onInput: (e: { currentTarget: HTMLInputElement }) => onChange({ [name]: e.currentTarget.value }),
  });
  return (
    <>
      <div class="two">
        <label>IBAN<input {...input('iban', true)} /></label>
        <label>BIC<input {...input('bic')} /></label>
      </div>
      {problem('businessProfile.iban')}
      {problem('businessProfile.bic')}
      {hint('businessProfile.iban', t('bankHint'))}
    </>
  );
}
