import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { localDate } from '../lib/billing/dates';
import { formatNumber } from '../lib/billing/numbering';
import { describeMissing, missingForInvoice } from '../lib/billing/profile';
import { describeTerms, type PaymentTerms } from '../lib/billing/terms';
import type { MilestoneDatabase } from '../lib/db/database';
import { InputError } from '../lib/db/errors';
import { putSetting, SettingError, type SettingValue } from '../lib/db/settings';
import { queries } from '../lib/ui/queries';
import { LoadError, Loading } from './Loading';

type Profile = SettingValue<'businessProfile'>;
type Defaults = SettingValue<'defaults'>;

/** The first-run page: the business profile with a live invoice header, the defaults for new projects, and how to start. */
export function Welcome({ db, locale }: { db: MilestoneDatabase; locale: string }) {
  const profile = useQuery(queries.setting(db, 'businessProfile'));
  const defaults = useQuery(queries.setting(db, 'defaults'));
  const numbering = useQuery(queries.setting(db, 'invoiceNumbering'));
  if (profile.isPending || defaults.isPending || numbering.isPending) return <Loading what="your settings" />;
  if (profile.isError || defaults.isError || numbering.isError) return <LoadError error={profile.error ?? defaults.error ?? numbering.error} />;
  const firstNumber = formatNumber(numbering.data, 1, localDate(new Date()));
  return (
    <div class="welcome">
      <p class="lead">Link your board cards to the milestones of a contract. When a linked card reaches Done, its invoice is issued for you. First, the details every invoice prints.</p>
      <ProfileForm db={db} locale={locale} profile={profile.data} defaults={defaults.data} firstNumber={firstNumber} />
      <HowToStart />
    </div>
  );
}

const commonCurrencies = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'INR'];
const commonTerms: PaymentTerms[] = [{ kind: 'on-receipt' }, ...[7, 14, 30, 45, 60].map((days) => ({ kind: 'net' as const, days }))];
const profileFields = ['name', 'address', 'taxId', 'email', 'paymentInstructions', 'paymentLink'] as const;

function ProfileForm(props: { db: MilestoneDatabase; locale: string; profile: Profile; defaults: Defaults; firstNumber: string }) {
  const [profile, setProfile] = useState(props.profile);
  const [defaults, setDefaults] = useState(props.defaults);
  const [status, setStatus] = useState<{ text: string; error?: boolean; field?: string } | null>(null);
  const edit = (field: (typeof profileFields)[number]) => (event: { currentTarget: { value: string } }) => {
    setProfile({ ...profile, [field]: event.currentTarget.value });
    if (status?.field === field || !status?.error) setStatus(null);
  };
  const missing = missingForInvoice(profile);
  const currencies = commonCurrencies.includes(defaults.currency) ? commonCurrencies : [defaults.currency, ...commonCurrencies];
  const terms = commonTerms.some((t) => describeTerms(t) === describeTerms(defaults.terms)) ? commonTerms : [defaults.terms, ...commonTerms];

  async function save(event: Event) {
    event.preventDefault();
    const trimmed = Object.fromEntries(profileFields.map((field) => [field, profile[field].trim()]));
    try {
      await putSetting(props.db, 'businessProfile', { ...profile, ...trimmed });
      await putSetting(props.db, 'defaults', defaults);
      setStatus({ text: missingForInvoice(profile).length ? 'Saved. Add the missing details when you have them.' : 'Saved. Your invoices are ready to issue.' });
    } catch (error) {
      setStatus({ text: error instanceof InputError ? error.message : String(error), error: true, field: error instanceof SettingError ? error.field : undefined });
    }
  }
  // Only the payment link can be refused beside its field; any other refusal shows under the form.
  const besideLink = status?.error && status.field === 'paymentLink';

  return (
    <form class="welcome-grid" onSubmit={save}>
      <section class="card" aria-labelledby="welcome-profile">
        <h2 id="welcome-profile">Your business</h2>
        <div class="inline-form">
          <label>Business name<input name="name" value={profile.name} onInput={edit('name')} autocomplete="organization" /></label>
          <label>Address<textarea name="address" rows={3} value={profile.address} onInput={edit('address')} /></label>
          <label>VAT ID / tax number<input name="taxId" value={profile.taxId} onInput={edit('taxId')} /></label>
          <label>Billing email<input name="email" type="email" value={profile.email} onInput={edit('email')} /></label>
          <label>Payment instructions (bank details)<input name="paymentInstructions" value={profile.paymentInstructions} onInput={edit('paymentInstructions')} /></label>
          <label>Payment link (https://…, optional)<input name="paymentLink" value={profile.paymentLink} onInput={edit('paymentLink')} aria-describedby={besideLink ? 'welcome-paymentLink-problem' : undefined} /></label>
          {besideLink && <p id="welcome-paymentLink-problem" role="alert" class="error">{status.text}</p>}
          <p class="muted">A logo, numbering and reminders are in the <a href="/options.html">options</a>.</p>
        </div>
      </section>
      <section class="card" aria-labelledby="welcome-preview">
        <h2 id="welcome-preview">Invoice header preview</h2>
        <InvoiceHeader profile={profile} number={props.firstNumber} />
        {missing.length > 0 && <p class="warn-text">Still needed for a complete invoice: {describeMissing(missing, props.locale)}.</p>}
      </section>
      <section class="card" aria-labelledby="welcome-defaults">
        <h2 id="welcome-defaults">New projects start with</h2>
        <div class="inline-form">
          <label>Currency
            <select value={defaults.currency} onChange={(e) => setDefaults({ ...defaults, currency: e.currentTarget.value })}>
              {currencies.map((code) => <option key={code} value={code}>{code}</option>)}
            </select>
          </label>
          <label>Payment terms
            <select value={describeTerms(defaults.terms)} onChange={(e) => setDefaults({ ...defaults, terms: terms.find((t) => describeTerms(t) === e.currentTarget.value)! })}>
              {terms.map((t) => <option key={describeTerms(t)} value={describeTerms(t)}>{describeTerms(t)}</option>)}
            </select>
          </label>
          <label>When a linked card reaches Done
            <select value={defaults.invoiceOn} onChange={(e) => setDefaults({ ...defaults, invoiceOn: e.currentTarget.value as Defaults['invoiceOn'] })}>
              <option value="done">Issue the invoice at once</option>
              <option value="acceptance">Wait for the client’s written acceptance</option>
            </select>
          </label>
        </div>
      </section>
      <div class="welcome-save">
        <button class="primary" type="submit">Save</button>
        {status && !besideLink && <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>{status.text}</p>}
      </div>
    </form>
  );
}

/** The seller block as the PDF's first lines print it, updated as the user types. */
function InvoiceHeader({ profile, number }: { profile: Profile; number: string }) {
  const blank = (text: string, placeholder: string) => (text.trim() ? text : <span class="placeholder">{placeholder}</span>);
  return (
    <div class="invoice-header" aria-live="polite">
      <div>
        <strong>{blank(profile.name, 'Your business name')}</strong>
        <div class="address">{blank(profile.address, 'Your address')}</div>
        <div>{profile.taxId.trim() ? `VAT ID / tax number: ${profile.taxId}` : <span class="placeholder">VAT ID / tax number</span>}</div>
        {profile.email.trim() && <div>{profile.email}</div>}
      </div>
      <div class="invoice-title">
        <strong>INVOICE</strong>
        <div>{number}</div>
      </div>
    </div>
  );
}

function HowToStart() {
  return (
    <section class="card" aria-labelledby="welcome-start">
      <h2 id="welcome-start">How to start</h2>
      <ol class="steps">
        <li>Open your board: a Milestone Invoicer panel appears on it. Create the project for that board there, or add a client and a project in the workspace (the toolbar button, then <em>Open workspace</em>, or Alt+Shift+M) and bind the board to it.</li>
        <li>Open each milestone’s card and choose <em>Link to a milestone…</em>. When the card reaches a Done column, the invoice is issued.</li>
      </ol>
      <h3>Trello</h3>
      <p>The control sits in the open card. Lists named Done, Complete, Shipped and the like count as Done; the board’s panel lets you choose others.</p>
      <h3>GitHub Projects</h3>
      <p>Works in the board and table views. The control sits in the item’s side pane; in the table, a row’s Status cell is its column.</p>
      <h3>Notion</h3>
      <p>Works in database board views. The control sits in the card’s peek (the page opened beside or over the board); the board’s groups are its columns.</p>
    </section>
  );
}
