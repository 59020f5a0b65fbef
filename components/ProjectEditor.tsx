import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { amountForInput, formatMoney, isCurrency, money, parseMoney } from '../lib/billing/money';
import { t } from '../lib/ui/i18n';
import { templateLabel, templateMilestones, termsLabel } from '../lib/ui/labels';
import { LatePaymentField, latePaymentForm, readLatePayment } from './LatePaymentField';
import { allocate, formatBasisPoints, parsePercent, scheduleTemplates, validateSchedule, type MilestoneSpec } from '../lib/billing/schedule';
import type { Result } from '../lib/billing/result';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Client, Project } from '../lib/db/entities';
import { InputError } from '../lib/db/errors';
import { createProject, updateProject, type ProjectDetail } from '../lib/db/projects';
import { settingFallback, type SettingValue } from '../lib/db/settings';
import { queries } from '../lib/ui/queries';
import { useFieldProblems } from './FieldProblems';
import { LoadError, Loading } from './Loading';
import { readTaxRates, taxRateRows, TaxRatesFields } from './TaxRatesFields';

interface Row {
  title: string;
  value: string;
}

type Kind = 'percent' | 'fixed';
const TERMS: Record<string, Project['terms']> = {
  'on-receipt': { kind: 'on-receipt' },
  'net-7': { kind: 'net', days: 7 },
  'net-14': { kind: 'net', days: 14 },
  'net-30': { kind: 'net', days: 30 },
  'eom-15': { kind: 'end-of-month', days: 15 },
};

const templateRows = (id: string): Row[] =>
  templateMilestones(scheduleTemplates.find((template) => template.id === id)!).map((m) => ({ title: m.title, value: String((m.share as { basisPoints: number }).basisPoints / 100) }));

/** Reads the rows into milestone specs, or says which row is not a number. */
function readRows(rows: Row[], kind: Kind, currency: string, locale: string): Result<MilestoneSpec[]> {
  const specs: MilestoneSpec[] = [];
  for (const [index, row] of rows.entries()) {
    const parsed = kind === 'percent' ? parsePercent(row.value, locale) : parseMoney(row.value, currency, locale, { allowNegative: true });
    if (!parsed.ok) return { ok: false, error: t('milestoneProblem', String(index + 1), parsed.error) };
    const value = typeof parsed.value === 'number' ? parsed.value : parsed.value.amount;
    specs.push({ title: row.title, share: kind === 'percent' ? { kind, basisPoints: value } : { kind, amount: value } });
  }
  return { ok: true, value: specs };
}

/** The editor's fields for an existing project, written as the user's locale types them. */
function fieldsOf({ project, milestones }: ProjectDetail, locale: string) {
  const percentText = (bp: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(bp / 100);
  return {
    total: amountForInput(money(project.total, project.currency), locale),
    kind: milestones[0]?.share.kind ?? 'percent',
    rows: milestones.map((m) => ({
      title: m.title,
      value: m.share.kind === 'percent' ? percentText(m.share.basisPoints) : amountForInput(money(m.share.amount, project.currency), locale),
    })),
    taxRates: taxRateRows(project.taxes.rates, locale),
  };
}

/**
 * A contract, new or existing: client, total, taxes, terms, and a milestone schedule checked as
 * you type, with the exact amounts each milestone will bill. Nothing is saved until every problem
 * is solved.
 */
/** One of the listed terms, or "current" for other terms the project (or the defaults) already has. */
const termsKeyOf = (terms: Project['terms']) => Object.entries(TERMS).find(([, listed]) => JSON.stringify(listed) === JSON.stringify(terms))?.[0] ?? 'current';

interface EditorProps {
  db: MilestoneDatabase;
  clients: Client[];
  locale: string;
  editing?: ProjectDetail;
  onDone: (saved?: Project) => void;
}

/** A new project, started from the defaults set in the options: terms, taxes, currency and when to invoice. */
export function NewProjectEditor(props: Omit<EditorProps, 'editing'>) {
  const defaults = useQuery(queries.setting(props.db, 'defaults'));
  if (defaults.isError) return <LoadError error={defaults.error} />;
  if (!defaults.data) return <Loading what={t('loadingDefaults')} />;
  return <ProjectEditor {...props} defaults={defaults.data} />;
}

export function ProjectEditor({ db, clients, locale, editing, onDone, defaults = settingFallback('defaults') }: EditorProps & { defaults?: SettingValue<'defaults'> }) {
  const start = editing && fieldsOf(editing, locale);
  const presetTerms = editing?.project.terms ?? defaults.terms;
  const [clientId, setClientId] = useState(editing?.project.clientId ?? clients[0]?.id ?? '');
  const [name, setName] = useState(editing?.project.name ?? '');
  const [total, setTotal] = useState(start?.total ?? '');
  const [currency, setCurrency] = useState(editing?.project.currency ?? clients[0]?.currency ?? defaults.currency);
  const [kind, setKind] = useState<Kind>(start?.kind ?? 'percent');
  const [rows, setRows] = useState<Row[]>(start?.rows ?? templateRows('30-40-30'));
  const [taxRows, setTaxRows] = useState(start?.taxRates ?? taxRateRows(defaults.taxes.rates, locale));
  const [taxMode, setTaxMode] = useState<'exclusive' | 'inclusive'>(editing?.project.taxes.mode ?? defaults.taxes.mode);
  const [reverseCharge, setReverseCharge] = useState(editing?.project.taxes.reverseCharge ?? false);
  const [terms, setTerms] = useState(termsKeyOf(presetTerms));
  const [invoiceOn, setInvoiceOn] = useState<'done' | 'acceptance'>(editing?.project.invoiceOn ?? defaults.invoiceOn);
  const [late, setLate] = useState(() => latePaymentForm(editing?.project.latePayment, editing?.project.currency ?? 'EUR', locale));
  const termsFor = (key: string) => TERMS[key] ?? presetTerms;
  const [saveError, setSaveError] = useState('');

  const code = currency.trim().toUpperCase();
  const show = (amount: number) => (isCurrency(code) ? formatMoney(money(amount, code), locale) : String(amount));
  const parsedTotal = isCurrency(code) ? parseMoney(total, code, locale) : ({ ok: false, error: t('unknownCurrency', currency) } as const);
  const parsedRows = isCurrency(code) ? readRows(rows, kind, code, locale) : null;
  const parsedTax = readTaxRates(taxRows, locale);
  const parsedLate = isCurrency(code) ? readLatePayment(late, code, locale) : ({ ok: true, value: undefined } as const);
  const schedule = parsedTotal.ok && parsedRows?.ok ? validateSchedule(parsedTotal.value.amount, parsedRows.value, show).map((p) => p.message) : [];
  const problems = {
    name: name.trim() ? undefined : t('giveProjectName'),
    currency: isCurrency(code) ? undefined : t('currencyCodeShort'),
    total: !isCurrency(code) || parsedTotal.ok ? undefined : parsedTotal.error,
    milestones: parsedRows && !parsedRows.ok ? parsedRows.error : schedule.length ? schedule.join('\n') : undefined,
    taxes: parsedTax.ok ? undefined : parsedTax.error,
    late: parsedLate.ok ? undefined : parsedLate.error,
  };
  const fields = useFieldProblems(problems);
  const valid = Object.values(problems).every((problem) => problem === undefined);
  const preview = valid && parsedTotal.ok && parsedRows?.ok ? allocate(parsedTotal.value.amount, parsedRows.value) : null;

  async function save(event: Event) {
    event.preventDefault();
    if (!fields.submit() || !parsedTotal.ok || !parsedRows?.ok || !parsedTax.ok || !parsedLate.ok) return setSaveError(t('fixMarkedFields'));
    const input = {
      clientId, name: name.trim(), contractRef: editing?.project.contractRef ?? '', currency: code, total: parsedTotal.value.amount, terms: termsFor(terms), invoiceOn, latePayment: parsedLate.value,
      taxes: { mode: taxMode, reverseCharge, rates: parsedTax.value },
      milestones: parsedRows.value.map((spec, i) => ({ ...spec, deliverable: editing?.milestones[i]?.deliverable })),
    };
    try {
      const { project } = editing ? await updateProject(db, editing.project.id, input) : await createProject(db, input);
      onDone(project);
    } catch (error) {
      setSaveError(error instanceof InputError ? error.message : String(error));
    }
  }
  const setRow = (index: number, change: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <form class="inline-form" aria-label={editing ? t('editNamed', editing.project.name) : t('newProject')} onSubmit={save} noValidate>
      {clients.length === 0 ? (
        <p class="error" role="alert">{t('addClientFirst')}</p>
      ) : (
        <label>{t('client')}<select value={clientId} onChange={(e) => { setClientId(e.currentTarget.value); setCurrency(clients.find((c) => c.id === e.currentTarget.value)?.currency ?? currency); }}>
          {clients.map((client) => <option key={client.id} value={client.id}>{client.name}</option>)}
        </select></label>
      )}
      <label>{t('projectName')}<input value={name} onInput={(e) => setName(e.currentTarget.value)} {...fields.field('name')} /></label>
      {fields.problem('name')}
      <div class="two">
        <div>
          <label>{taxMode === 'inclusive' ? t('contractTotalGross') : t('contractTotalNet')}<input inputMode="decimal" value={total} onInput={(e) => setTotal(e.currentTarget.value)} placeholder={t('totalExample')} {...fields.field('total')} /></label>
          {fields.problem('total')}
        </div>
        <div>
          <label>{t('currency')}<input maxLength={3} value={currency} onInput={(e) => setCurrency(e.currentTarget.value)} {...fields.field('currency')} /></label>
          {fields.problem('currency')}
        </div>
      </div>
      <div class="two">
        <label>{t('pricesAre')}<select value={taxMode} onChange={(e) => setTaxMode(e.currentTarget.value as 'exclusive')}><option value="exclusive">{t('beforeTax')}</option><option value="inclusive">{t('taxIncluded')}</option></select></label>
      </div>
      <div {...fields.group('taxes')}><TaxRatesFields rows={taxRows} onChange={setTaxRows} /></div>
      {fields.problem('taxes')}
      <label class="check"><input type="checkbox" checked={reverseCharge} onChange={(e) => setReverseCharge(e.currentTarget.checked)} /> {t('reverseChargeCheck')}</label>
      <div class="two">
        <label>{t('paymentTerms')}<select value={terms} onChange={(e) => setTerms(e.currentTarget.value)}>
          <option value="on-receipt">{t('termsOnReceipt')}</option><option value="net-7">{t('termsNet7')}</option><option value="net-14">{t('termsNet14')}</option>
          <option value="net-30">{t('termsNet30')}</option><option value="eom-15">{t('termsEom15')}</option>
          {terms === 'current' && <option value="current">{termsLabel(presetTerms)}</option>}
        </select></label>
        <label>{t('whenCardDone')}<select value={invoiceOn} onChange={(e) => setInvoiceOn(e.currentTarget.value as 'done')}>
          <option value="done">{t('invoiceAtOnce')}</option><option value="acceptance">{t('waitForAcceptance')}</option>
        </select></label>
      </div>
      <div {...fields.group('late')}><LatePaymentField value={late} onChange={setLate} /></div>
      {fields.problem('late')}
      <fieldset {...fields.group('milestones')}>
        <legend>{t('milestones')}</legend>
        <div class="two">
          <label>{t('template')}<select onChange={(e) => { setKind('percent'); setRows(templateRows(e.currentTarget.value)); }}>
            {scheduleTemplates.map((template) => <option key={template.id} value={template.id}>{templateLabel(template.id)}</option>)}
          </select></label>
          <label>{t('amountsAs')}<select value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}><option value="percent">{t('percentOfTotal')}</option><option value="fixed">{t('fixedAmounts')}</option></select></label>
        </div>
        {rows.map((row, index) => (
          <div class="milestone-row" key={index}>
            <input class="title" aria-label={t('milestoneTitle', String(index + 1))} value={row.title} onInput={(e) => setRow(index, { title: e.currentTarget.value })} />
            <span class="affix">
              <input aria-label={kind === 'percent' ? t('milestonePercent', String(index + 1)) : t('milestoneAmount', String(index + 1))} inputMode="decimal" class="amount" value={row.value} onInput={(e) => setRow(index, { value: e.currentTarget.value })} />
              <span class="unit" aria-hidden="true">{kind === 'percent' ? '%' : code}</span>
            </span>
            <span class="muted preview">{preview ? `= ${show(preview[index]!)}` : ''}</span>
            <button type="button" aria-label={t('removeMilestone', String(index + 1))} disabled={rows.length === 1} onClick={() => setRows(rows.filter((_, i) => i !== index))}>×</button>
          </div>
        ))}
        {fields.problem('milestones')}
        <button type="button" disabled={rows.length >= 12} onClick={() => setRows([...rows, { title: '', value: '' }])}>{t('addMilestone')}</button>
      </fieldset>
      {preview && parsedRows?.ok && kind === 'percent' && (
        <p class="muted" role="status">{t('bills', parsedRows.value.map((spec, i) => `${formatBasisPoints((spec.share as { basisPoints: number }).basisPoints)} = ${show(preview[i]!)}`).join(' · '))}</p>
      )}
      {saveError && <p role="alert" class="error">{saveError}</p>}
      <div class="buttons">
        <button class="primary" type="submit" disabled={clients.length === 0}>{editing ? t('saveChanges') : t('createProject')}</button>
        <button type="button" onClick={() => onDone()}>{t('cancel')}</button>
      </div>
    </form>
  );
}
