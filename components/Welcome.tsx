import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { localDate } from '../lib/billing/dates';
import { formatNumber } from '../lib/billing/numbering';
import { missingForInvoice } from '../lib/billing/profile';
import { describeTerms, type PaymentTerms } from '../lib/billing/terms';
import type { MilestoneDatabase } from '../lib/db/database';
import { InputError } from '../lib/db/errors';
import { putSetting, SettingError, type SettingValue } from '../lib/db/settings';
import { t } from '../lib/ui/i18n';
import { describeMissing, termsLabel } from '../lib/ui/labels';
import { queries } from '../lib/ui/queries';
import { LoadError, Loading } from './Loading';

type Profile = SettingValue<'businessProfile'>;
type Defaults = SettingValue<'defaults'>;

/** The first-run page: the business profile with a live invoice header, the defaults for new projects, and how to start. */
export function Welcome({ db, locale }: { db: MilestoneDatabase; locale: string }) {
  const profile = useQuery(queries.setting(db, 'businessProfile'));
  const defaults = useQuery(queries.setting(db, 'defaults'));
  const numbering = useQuery(queries.setting(db, 'invoiceNumbering'));
  if (profile.isPending || defaults.isPending || numbering.isPending) return <Loading what={t('loadingSettings')} />;
  if (profile.isError || defaults.isError || numbering.isError) return <LoadError error={profile.error ?? defaults.error ?? numbering.error} />;
  const firstNumber = formatNumber(numbering.data, 1, localDate(new Date()));
  return (
    <div class="welcome">
      <p class="lead">{t('welcomeLead')}</p>
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
      setStatus({ text: missingForInvoice(profile).length ? t('savedAddMissing') : t('savedReady') });
    } catch (error) {
      setStatus({ text: error instanceof InputError ? error.message : String(error), error: true, field: error instanceof SettingError ? error.field : undefined });
    }
  }
  // Only the payment link can be refused beside its field; any other refusal shows under the form.
  const besideLink = status?.error && status.field === 'paymentLink';

  return (
    <form class="welcome-grid" onSubmit={save}>
      <section class="card" aria-labelledby="welcome-profile">
        <h2 id="welcome-profile">{t('yourBusiness')}</h2>
        <div class="inline-form">
          <label>{t('businessName')}<input name="name" value={profile.name} onInput={edit('name')} autocomplete="organization" /></label>
          <label>{t('address')}<textarea name="address" rows={3} value={profile.address} onInput={edit('address')} /></label>
          <label>{t('taxIdLabel')}<input name="taxId" value={profile.taxId} onInput={edit('taxId')} /></label>
          <label>{t('billingEmail')}<input name="email" type="email" value={profile.email} onInput={edit('email')} /></label>
          <label>{t('paymentInstructionsLabel')}<input name="paymentInstructions" value={profile.paymentInstructions} onInput={edit('paymentInstructions')} /></label>
          <label>{t('paymentLinkLabel')}<input name="paymentLink" value={profile.paymentLink} onInput={edit('paymentLink')} aria-describedby={besideLink ? 'welcome-paymentLink-problem' : undefined} /></label>
          {besideLink && <p id="welcome-paymentLink-problem" role="alert" class="error">{status.text}</p>}
          <p class="muted">{t('moreInOptionsBefore')} <a href="/options.html">{t('optionsLink')}</a>.</p>
        </div>
      </section>
      <section class="card" aria-labelledby="welcome-preview">
        <h2 id="welcome-preview">{t('headerPreview')}</h2>
        <InvoiceHeader profile={profile} number={props.firstNumber} />
        {missing.length > 0 && <p class="warn-text">{t('stillNeeded', describeMissing(missing, props.locale))}</p>}
      </section>
      <section class="card" aria-labelledby="welcome-defaults">
        <h2 id="welcome-defaults">{t('newProjectsStartWith')}</h2>
        <div class="inline-form">
          <label>{t('currency')}
            <select value={defaults.currency} onChange={(e) => setDefaults({ ...defaults, currency: e.currentTarget.value })}>
              {currencies.map((code) => <option key={code} value={code}>{code}</option>)}
            </select>
          </label>
          <label>{t('paymentTerms')}
            <select value={describeTerms(defaults.terms)} onChange={(e) => setDefaults({ ...defaults, terms: terms.find((t) => describeTerms(t) === e.currentTarget.value)! })}>
              {terms.map((t) => <option key={describeTerms(t)} value={describeTerms(t)}>{termsLabel(t)}</option>)}
            </select>
          </label>
          <label>{t('whenCardReachesDone')}
            <select value={defaults.invoiceOn} onChange={(e) => setDefaults({ ...defaults, invoiceOn: e.currentTarget.value as Defaults['invoiceOn'] })}>
              <option value="done">{t('invoiceOnDone')}</option>
              <option value="acceptance">{t('invoiceOnAcceptance')}</option>
            </select>
          </label>
        </div>
      </section>
      <div class="welcome-save">
        <button class="primary" type="submit">{t('save')}</button>
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
        <strong>{blank(profile.name, t('yourBusinessName'))}</strong>
        <div class="address">{blank(profile.address, t('yourAddress'))}</div>
        <div>{profile.taxId.trim() ? t('taxIdValue', profile.taxId) : <span class="placeholder">{t('taxIdLabel')}</span>}</div>
        {profile.email.trim() && <div>{profile.email}</div>}
      </div>
      <div class="invoice-title">
        <strong>{t('invoiceTitle')}</strong>
        <div>{number}</div>
      </div>
    </div>
  );
}

function HowToStart() {
  return (
    <section class="card" aria-labelledby="welcome-start">
      <h2 id="welcome-start">{t('howToStart')}</h2>
      <ol class="steps">
        <li>{t('startStep1')}</li>
        <li>{t('startStep2')}</li>
      </ol>
      <h3>Trello</h3>
      <p>{t('startTrello')}</p>
      <h3>GitHub Projects</h3>
      <p>{t('startGithub')}</p>
      <h3>Notion</h3>
      <p>{t('startNotion')}</p>
    </section>
  );
}
