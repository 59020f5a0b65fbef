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
  if (saved.isPending) return <Loading what="your settings" />;
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
  if (typed.termsKind !== 'on-receipt' && !(days <= 365)) problems.terms = 'Enter the number of days, from 0 to 365';
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
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>({ text: 'All changes saved.' });

  const defaults = readDefaults(values, typed, locale);
  const toSave: Values = { ...values, defaults: defaults.value };
  const problems = problemsOf(toSave, saved, defaults.problems);
  const count = Object.keys(problems).length;

  const touch = (id: string) => !touched.has(id) && setTouched(new Set([...touched, id]));
  function set<K extends Editable>(key: K, change: Partial<Values[K]>) {
    setValues((current) => ({ ...current, [key]: { ...current[key], ...change } }));
    setStatus({ text: 'Changes not saved yet.' });
  }
  function retype(change: Partial<Typed>) {
    setTyped((current) => ({ ...current, ...change }));
    setStatus({ text: 'Changes not saved yet.' });
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
    if (count) return setStatus({ text: `Nothing was saved: ${count === 1 ? 'one field needs' : `${count} fields need`} a change, marked above.`, error: true });
    try {
      await putSettings(db, toSave);
      setStatus({ text: 'Saved.' });
    } catch (error) {
      setStatus({ text: error instanceof InputError ? `Nothing was saved: ${error.message}` : String(error), error: true });
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
        Pattern
        <input
          {...field(`${key}.pattern`, true)}
          value={values[key].pattern}
          onInput={(e) => set(key, { pattern: e.currentTarget.value })}
        />
      </label>
      {problem(`${key}.pattern`)}
      {hint(`${key}.pattern`, <>Use {'{YYYY}'} or {'{YY}'} for the year, {'{MM}'} for the month and one {'{seq:4}'} for a 4-digit sequence.</>)}
      {problems[`${key}.pattern`] === undefined && <NextNumber db={db} kind={kind} rule={values[key]} />}
      <label class="check">
        <input type="checkbox" checked={values[key].yearlyReset} onChange={(e) => (set(key, { yearlyReset: e.currentTarget.checked }), touch(`${key}.pattern`))} />
        Start again at 1 each year
      </label>
    </Section>
  );

  return (
    <form class="settings-form" onSubmit={save} noValidate aria-label="Settings">
      <Section id="businessProfile" title="Your business (printed on every invoice)">
        {hint('businessProfile.name', 'An invoice can be issued once your business name, address and VAT ID or tax number are here.')}
        <label>Business name<input {...text('name', true)} autocomplete="organization" /></label>
        {problem('businessProfile.name')}
        <label>Address<textarea rows={3} {...field('businessProfile.address')} value={profile.address} onInput={(e) => set('businessProfile', { address: e.currentTarget.value })} /></label>
        {problem('businessProfile.address')}
        <label>VAT ID / tax number<input {...text('taxId')} /></label>
        {problem('businessProfile.taxId')}
        <label>Billing email<input type="email" {...text('email')} /></label>
        {problem('businessProfile.email')}
        <label>Payment instructions (bank details)<input {...text('paymentInstructions')} /></label>
        {problem('businessProfile.paymentInstructions')}
        <BankFields account={profile} onChange={(change) => set('businessProfile', change)} field={field} problem={problem} hint={hint} />
        <label>Payment link<input {...text('paymentLink', true)} /></label>
        {problem('businessProfile.paymentLink')}
        {hint('businessProfile.paymentLink', 'Optional: an https:// address where clients can pay, printed on the invoice.')}
        <label>Logo<input type="file" accept="image/png,image/jpeg" {...field('businessProfile.logo', true)} onChange={(e) => readLogo(e.currentTarget.files?.[0])} /></label>
        {problem('businessProfile.logo')}
        {hint('businessProfile.logo', 'A PNG or JPEG image up to 200 KB, drawn in the invoice header.')}
        {profile.logo && (
          <div class="buttons">
            <img src={profile.logo} alt="Your logo" style={{ maxHeight: '48px' }} />
            <button type="button" onClick={() => set('businessProfile', { logo: undefined })}>Remove logo</button>
          </div>
        )}
      </Section>
      {numbering('invoiceNumbering', 'Invoice numbers', 'invoice')}
      {numbering('creditNoteNumbering', 'Credit note numbers', 'credit-note')}
      <Section id="invoiceFiles" title="Invoice files">
        <label>
          Subfolder of your downloads folder
          <input {...field('invoiceFiles.folder', true)} value={values.invoiceFiles.folder} onInput={(e) => set('invoiceFiles', { folder: e.currentTarget.value })} />
        </label>
        {problem('invoiceFiles.folder')}
        {hint('invoiceFiles.folder', 'Leave it empty to save into the downloads folder itself. Use / between folders, such as Work/Invoices.')}
        <label class="check">
          <input type="checkbox" checked={values.invoiceFiles.downloadOnIssue} onChange={(e) => set('invoiceFiles', { downloadOnIssue: e.currentTarget.checked })} />
          Save each PDF as soon as it is issued
        </label>
      </Section>
      <Section id="defaults" title="New projects start with">
        <div class="two">
          <label>Currency<input maxLength={3} {...field('defaults.currency', true)} value={values.defaults.currency} onInput={(e) => set('defaults', { currency: e.currentTarget.value })} /></label>
          <label>
            Prices are
            <select value={values.defaults.taxes.mode} onChange={(e) => set('defaults', { taxes: { ...values.defaults.taxes, mode: e.currentTarget.value as 'exclusive' | 'inclusive' } })}>
              <option value="exclusive">before tax</option>
              <option value="inclusive">tax included</option>
            </select>
          </label>
        </div>
        {problem('defaults.currency')}
        {hint('defaults.currency', 'A three-letter code, such as EUR, USD or GBP. A project takes its client’s currency when the client has one.')}
        <div class="two">
          <label>
            Payment terms
            <select value={typed.termsKind} onChange={(e) => retype({ termsKind: e.currentTarget.value as TermsKind })}>
              <option value="on-receipt">Due on receipt</option>
              <option value="net">Due a number of days after the invoice</option>
              <option value="end-of-month">Due days after the end of the month</option>
            </select>
          </label>
          {typed.termsKind !== 'on-receipt' && (
            <label>Days<input inputMode="numeric" {...field('defaults.terms')} value={typed.termsDays} onInput={(e) => retype({ termsDays: e.currentTarget.value })} /></label>
          )}
        </div>
        {problem('defaults.terms')}
        <div onFocusOut={() => touch('defaults.taxes')}>
          <TaxRatesFields rows={typed.taxRows} onChange={(taxRows) => retype({ taxRows })} />
        </div>
        {problem('defaults.taxes')}
        <label>
          When a linked card reaches Done
          <select value={values.defaults.invoiceOn} onChange={(e) => set('defaults', { invoiceOn: e.currentTarget.value as 'done' | 'acceptance' })}>
            <option value="done">Issue the invoice at once</option>
            <option value="acceptance">Wait for the client’s written acceptance</option>
          </select>
        </label>
      </Section>
      <Section id="reminders" title="Reminders">
        <p class="muted hint">A notification once per step, checked daily and when the browser starts.</p>
        {reminderSteps.map((step) => (
          <label class="check" key={step}>
            <input
              type="checkbox"
              checked={values.reminders.enabled.includes(step)}
              onChange={(e) => set('reminders', { enabled: reminderSteps.filter((s) => (s === step ? e.currentTarget.checked : values.reminders.enabled.includes(s))) })}
            />
            {reminderLabels[step]}
          </label>
        ))}
      </Section>
      <div class="save-bar">
        <button class="primary" type="submit">Save settings</button>
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
  const what = kind === 'invoice' ? 'invoice' : 'credit note';
  if (!next.data) return null;
  return next.data.taken ? (
    <p class="error">{next.data.number} was issued before: change the pattern so new numbers differ from issued ones.</p>
  ) : (
    <p class="next-number">Next {what} number: <strong>{next.data.number}</strong></p>
  );
}

const reminderLabels: Record<ReminderStep, string> = {
  due: 'An invoice falls due',
  'overdue-7': 'An invoice is 7 days overdue',
  'overdue-30': 'An invoice is 30 days overdue',
  'not-invoiced': 'A milestone was delivered but not invoiced',
};
