import { useQuery } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { localDate } from '../lib/billing/dates';
import { validateRule, type NumberingRule } from '../lib/billing/numbering';
import { reminderSteps, type ReminderStep } from '../lib/billing/reminders';
import type { MilestoneDatabase } from '../lib/db/database';
import { InputError } from '../lib/db/errors';
import { upcomingNumber } from '../lib/db/invoices';
import { getSetting, numberingProblem, putSettings, settingFieldProblems, type SettingValue } from '../lib/db/settings';
import { t, tCount } from '../lib/ui/i18n';
import { BankFields } from './BankFields';
import { LoadError, Loading } from './Loading';
import { readTaxRates, taxRateRows, TaxRatesFields, type TaxRateRow } from './TaxRatesFields';

const editable = ['businessProfile', 'invoiceNumbering', 'creditNoteNumbering', 'invoiceFiles', 'defaults', 'reminders'] as const;
type Editable = (typeof editable)[number];
type Values = { [K in Editable]: SettingValue<K> };

async function loadValues(db: MilestoneDatabase): Promise<Values> {
  const loaded = await Promise.all(editable.map((key) => getSetting(db, key)));
  return Object.fromEntries(editable.map((key, i) => [key, loaded[i]])) as Values;
}

/** The options page's settings: one form, one Save, each problem beside its field once it was touched. */
export function SettingsForm({ db, locale }: { db: MilestoneDatabase; locale: string }) {
  // Read once: the form keeps what the user types even when another page writes meanwhile.
  const saved = useQuery({ queryKey: ['settings', 'form'], queryFn: () => loadValues(db), staleTime: Infinity, refetchOnMount: 'always' });
  if (saved.isPending) return <Loading what={t('loadingSettings')} />;
  if (saved.isError) return <LoadError error={saved.error} />;
  return <SettingsEditor db={db} locale={locale} saved={saved.data} />;
}

type TermsKind = SettingValue<'defaults'>['terms']['kind'];

/** What the form holds beyond the settings themselves: text the user is still typing. */
interface Typed {
  taxRows: TaxRateRow[];
  termsKind: TermsKind;
  termsDays: string;
}

function typedFrom(defaults: SettingValue<'defaults'>, locale: string): Typed {
  const { terms } = defaults;
  return { taxRows: taxRateRows(defaults.taxes.rates, locale), termsKind: terms.kind, termsDays: terms.kind === 'on-receipt' ? '14' : String(terms.days) };
}

/** The defaults as they will be saved, or the field ("terms", "taxes") whose text cannot be read. */
function readDefaults(values: Values, typed: Typed, locale: string): { value: SettingValue<'defaults'>; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const days = /^\d{1,3}$/.test(typed.termsDays.trim()) ? Number(typed.termsDays.trim()) : NaN;
  if (typed.termsKind !== 'on-receipt' && !(days <= 365)) problems.terms = t('termsDaysRange');
  const terms = typed.termsKind === 'on-receipt' ? { kind: typed.termsKind } : { kind: typed.termsKind, days: Number.isNaN(days) ? 0 : days };
  const rates = readTaxRates(typed.taxRows, locale);
  if (!rates.ok) problems.taxes = rates.error;
  const currency = values.defaults.currency.trim().toUpperCase();
  return { value: { ...values.defaults, currency, terms, taxes: { mode: values.defaults.taxes.mode, rates: rates.ok ? rates.value : values.defaults.taxes.rates } }, problems };
}

/**
 * Each refused field as "setting.field", in plain words. Two series that could give the same
 * number are marked on the pattern that was changed, not on the one the user left alone.
 */
function problemsOf(values: Values, saved: Values, extra: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const key of editable) {
    for (const problem of settingFieldProblems(key, values[key])) found[`${key}.${problem.field ?? ''}`] ??= problem.message;
  }
  const series = [['invoiceNumbering', 'creditNoteNumbering'], ['creditNoteNumbering', 'invoiceNumbering']] as const;
  for (const [key, other] of series) {
    const problem = numberingProblem(key, values[key], values[other]);
    const leftAlone = values[key].pattern === saved[key].pattern && values[other].pattern !== saved[other].pattern;
    if (problem && !(leftAlone && validateRule(values[key]).ok)) found[`${key}.pattern`] ??= problem.message;
  }
  for (const [field, message] of Object.entries(extra)) found[`defaults.${field}`] = message;
  return found;
}

function SettingsEditor({ db, locale, saved }: { db: MilestoneDatabase; locale: string; saved: Values }) {
  const [values, setValues] = useState(saved);
  const [typed, setTyped] = useState(() => typedFrom(saved.defaults, locale));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>({ text: t('allChangesSaved') });

  const defaults = readDefaults(values, typed, locale);
  const toSave: Values = { ...values, defaults: defaults.value };
  const problems = problemsOf(toSave, saved, defaults.problems);
  const count = Object.keys(problems).length;

  const touch = (id: string) => !touched.has(id) && setTouched(new Set([...touched, id]));
  function set<K extends Editable>(key: K, change: Partial<Values[K]>) {
    setValues((current) => ({ ...current, [key]: { ...current[key], ...change } }));
    setStatus({ text: t('changesNotSaved') });
  }
  function retype(change: Partial<Typed>) {
    setTyped((current) => ({ ...current, ...change }));
    setStatus({ text: t('changesNotSaved') });
  }
  /** Props tying an input to its hint and its problem; the problem shows once the field was left or Save was pressed. */
  const field = (id: string, hint?: boolean) => {
    const shown = (tried || touched.has(id)) && problems[id] !== undefined;
    const described = [hint && `${cssId(id)}-hint`, shown && `${cssId(id)}-problem`].filter(Boolean).join(' ');
    return { 'aria-describedby': described || undefined, 'aria-invalid': shown || undefined, onBlur: () => touch(id) };
  };
  const problem = (id: string) =>
    (tried || touched.has(id)) && problems[id] !== undefined && <p id={`${cssId(id)}-problem`} class="error field-problem">{problems[id]}</p>;
  const hint = (id: string, text: ComponentChildren) => <p id={`${cssId(id)}-hint`} class="muted hint">{text}</p>;

  async function save(event: Event) {
    event.preventDefault();
    setTried(true);
    if (count) return setStatus({ text: tCount('fieldsNeedChange', count), error: true });
    try {
      await putSettings(db, toSave);
      setStatus({ text: t('saved') });
    } catch (error) {
      setStatus({ text: error instanceof InputError ? t('nothingSavedBecause', error.message) : String(error), error: true });
    }
  }

  const profile = values.businessProfile;
  const readLogo = (file: File | undefined) => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => (set('businessProfile', { logo: String(reader.result) }), touch('businessProfile.logo'));
    reader.readAsDataURL(file);
  };
  const text = (name: 'name' | 'taxId' | 'email' | 'paymentInstructions' | 'paymentLink', withHint = false) => ({
    ...field(`businessProfile.${name}`, withHint),
    value: profile[name],
    onInput: (e: { currentTarget: HTMLInputElement }) => set('businessProfile', { [name]: e.currentTarget.value }),
  });

  const numbering = (key: 'invoiceNumbering' | 'creditNoteNumbering', title: string, kind: 'invoice' | 'credit-note') => (
    <Section id={key} title={title}>
      <label>
        {t('pattern')}
        <input
          {...field(`${key}.pattern`, true)}
          value={values[key].pattern}
          onInput={(e) => set(key, { pattern: e.currentTarget.value })}
        />
      </label>
      {problem(`${key}.pattern`)}
      {hint(`${key}.pattern`, t('patternHint'))}
      {problems[`${key}.pattern`] === undefined && <NextNumber db={db} kind={kind} rule={values[key]} />}
      <label class="check">
        <input type="checkbox" checked={values[key].yearlyReset} onChange={(e) => (set(key, { yearlyReset: e.currentTarget.checked }), touch(`${key}.pattern`))} />
        {t('yearlyReset')}
      </label>
    </Section>
  );

  return (
    <form class="settings-form" onSubmit={save} noValidate aria-label={t('settings')}>
      <Section id="businessProfile" title={t('businessSection')}>
        {hint('businessProfile.name', t('businessHint'))}
        <label>{t('businessName')}<input {...text('name', true)} autocomplete="organization" /></label>
        {problem('businessProfile.name')}
        <label>{t('address')}<textarea rows={3} {...field('businessProfile.address')} value={profile.address} onInput={(e) => set('businessProfile', { address: e.currentTarget.value })} /></label>
        {problem('businessProfile.address')}
        <label>{t('taxIdLabel')}<input {...text('taxId')} /></label>
        {problem('businessProfile.taxId')}
        <label>{t('billingEmail')}<input type="email" {...text('email')} /></label>
        {problem('businessProfile.email')}
        <label>{t('paymentInstructionsLabel')}<input {...text('paymentInstructions')} /></label>
        {problem('businessProfile.paymentInstructions')}
        <BankFields account={profile} onChange={(change) => set('businessProfile', change)} field={field} problem={problem} hint={hint} />
        <label>{t('paymentLink')}<input {...text('paymentLink', true)} /></label>
        {problem('businessProfile.paymentLink')}
        {hint('businessProfile.paymentLink', t('paymentLinkHint'))}
        <label>{t('logo')}<input type="file" accept="image/png,image/jpeg" {...field('businessProfile.logo', true)} onChange={(e) => readLogo(e.currentTarget.files?.[0])} /></label>
        {problem('businessProfile.logo')}
        {hint('businessProfile.logo', t('logoHint'))}
        {profile.logo && (
          <div class="buttons">
            <img src={profile.logo} alt={t('yourLogo')} style={{ maxHeight: '48px' }} />
            <button type="button" onClick={() => set('businessProfile', { logo: undefined })}>{t('removeLogo')}</button>
          </div>
        )}
      </Section>
      {numbering('invoiceNumbering', t('invoiceNumbers'), 'invoice')}
      {numbering('creditNoteNumbering', t('creditNoteNumbers'), 'credit-note')}
      <Section id="invoiceFiles" title={t('invoiceFiles')}>
        <label>
          {t('downloadsSubfolder')}
          <input {...field('invoiceFiles.folder', true)} value={values.invoiceFiles.folder} onInput={(e) => set('invoiceFiles', { folder: e.currentTarget.value })} />
        </label>
        {problem('invoiceFiles.folder')}
        {hint('invoiceFiles.folder', t('downloadsSubfolderHint'))}
        <label class="check">
          <input type="checkbox" checked={values.invoiceFiles.downloadOnIssue} onChange={(e) => set('invoiceFiles', { downloadOnIssue: e.currentTarget.checked })} />
          {t('downloadOnIssue')}
        </label>
      </Section>
      <Section id="defaults" title={t('newProjectsStartWith')}>
        <div class="two">
          <label>{t('currency')}<input maxLength={3} {...field('defaults.currency', true)} value={values.defaults.currency} onInput={(e) => set('defaults', { currency: e.currentTarget.value })} /></label>
          <label>
            {t('pricesAre')}
            <select value={values.defaults.taxes.mode} onChange={(e) => set('defaults', { taxes: { ...values.defaults.taxes, mode: e.currentTarget.value as 'exclusive' | 'inclusive' } })}>
              <option value="exclusive">{t('beforeTax')}</option>
              <option value="inclusive">{t('taxIncluded')}</option>
            </select>
          </label>
        </div>
        {problem('defaults.currency')}
        {hint('defaults.currency', t('currencyHint'))}
        <div class="two">
          <label>
            {t('paymentTerms')}
            <select value={typed.termsKind} onChange={(e) => retype({ termsKind: e.currentTarget.value as TermsKind })}>
              <option value="on-receipt">{t('termsOnReceipt')}</option>
              <option value="net">{t('termsNetKind')}</option>
              <option value="end-of-month">{t('termsEndOfMonthKind')}</option>
            </select>
          </label>
          {typed.termsKind !== 'on-receipt' && (
            <label>{t('days')}<input inputMode="numeric" {...field('defaults.terms')} value={typed.termsDays} onInput={(e) => retype({ termsDays: e.currentTarget.value })} /></label>
          )}
        </div>
        {problem('defaults.terms')}
        <div onFocusOut={() => touch('defaults.taxes')}>
          <TaxRatesFields rows={typed.taxRows} onChange={(taxRows) => retype({ taxRows })} />
        </div>
        {problem('defaults.taxes')}
        <label>
          {t('whenCardReachesDone')}
          <select value={values.defaults.invoiceOn} onChange={(e) => set('defaults', { invoiceOn: e.currentTarget.value as 'done' | 'acceptance' })}>
            <option value="done">{t('invoiceOnDone')}</option>
            <option value="acceptance">{t('invoiceOnAcceptance')}</option>
          </select>
        </label>
      </Section>
      <Section id="reminders" title={t('reminders')}>
        <p class="muted hint">{t('remindersHint')}</p>
        {reminderSteps.map((step) => (
          <label class="check" key={step}>
            <input
              type="checkbox"
              checked={values.reminders.enabled.includes(step)}
              onChange={(e) => set('reminders', { enabled: reminderSteps.filter((s) => (s === step ? e.currentTarget.checked : values.reminders.enabled.includes(s))) })}
            />
            {reminderLabels[step]()}
          </label>
        ))}
      </Section>
      <div class="save-bar">
        <button class="primary" type="submit">{t('saveSettings')}</button>
        {status && <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>{status.text}</p>}
      </div>
    </form>
  );
}

const cssId = (id: string) => id.replace('.', '-');

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <div class="fields">{children}</div>
    </section>
  );
}

/** The number the next document of the series gets today, read the way issuing reads it. */
function NextNumber({ db, kind, rule }: { db: MilestoneDatabase; kind: 'invoice' | 'credit-note'; rule: NumberingRule }) {
  const today = localDate(new Date());
  const next = useQuery({
    queryKey: ['settings', 'next-number', kind, rule.pattern, rule.yearlyReset, today],
    queryFn: () => db.transaction('r', [db.counters, db.issuedNumbers, db.invoices], () => upcomingNumber(db, kind, rule, today)),
  });
  if (!next.data) return null;
  return next.data.taken ? (
    <p class="error">{t('numberTaken', next.data.number)}</p>
  ) : (
    <p class="next-number">{kind === 'invoice' ? t('nextInvoiceNumber') : t('nextCreditNoteNumber')} <strong>{next.data.number}</strong></p>
  );
}

const reminderLabels: Record<ReminderStep, () => string> = {
  due: () => t('reminderDue'),
  'overdue-7': () => t('reminderOverdue7'),
  'overdue-30': () => t('reminderOverdue30'),
  'not-invoiced': () => t('reminderNotInvoiced'),
};
