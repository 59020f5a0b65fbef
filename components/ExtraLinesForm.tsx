import { useState } from 'preact/hooks';
import { invoiceTotals, type ExtraLine } from '../lib/billing/invoice-draft';
import { formatMoney, money, parseMoney, separators } from '../lib/billing/money';
import { fail, ok, type Result } from '../lib/billing/result';
import { categoryOf, milestoneCategory, type TaxCategory } from '../lib/billing/tax';
import type { Milestone, Project } from '../lib/db/entities';
import { t } from '../lib/ui/i18n';

/** The most extra lines one invoice takes (the message to the background refuses more). */
export const MAX_EXTRA_LINES = 40;

interface LineRow {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  category: TaxCategory;
}

/** The tax categories the project's rates define, each named by its rates ("VAT 19 %"). */
export function categoryChoices(project: Pick<Project, 'taxes'>, locale: string): { category: TaxCategory; label: string }[] {
  const { taxes } = project;
  if (taxes.reverseCharge || taxes.rates.length === 0) return [{ category: milestoneCategory(taxes), label: taxes.reverseCharge ? t('reverseCharge') : t('noTax') }];
  const named = new Map<TaxCategory, string[]>();
  for (const rate of taxes.rates) {
    const percent = (rate.basisPoints / 100).toLocaleString(locale, { maximumFractionDigits: 3 });
    named.set(categoryOf(rate), [...(named.get(categoryOf(rate)) ?? []), `${rate.name} ${percent} %`]);
  }
  return [...named].map(([category, names]) => ({ category, label: names.join(' + ') }));
}

/** "2,5" in German, "2.5" in English: a quantity as the user's locale writes it, without grouping. */
function readQuantity(typed: string, locale: string): number {
  const { decimal } = separators(locale);
  const plain = typed.trim();
  return /^\d+([.,]\d+)?$/.test(plain) && (!/[.,]/.test(plain) || plain.includes(decimal)) ? Number(plain.replace(decimal, '.')) : Number.NaN;
}

/** A typed line as the invoice takes it, or what is wrong with it, naming the line. */
export function readLine(row: LineRow, index: number, currency: string, locale: string): Result<ExtraLine> {
  const line = String(index + 1);
  const description = row.description.trim();
  if (!description) return fail(t('lineDescribe', line));
  if (description.length > 300) return fail(t('lineTooLong', line));
  const quantity = readQuantity(row.quantity, locale);
  if (!Number.isFinite(quantity) || quantity <= 0 || Math.round(quantity * 1000) !== quantity * 1000) {
    return fail(t('lineQuantity', line));
  }
  const price = parseMoney(row.unitPrice, currency, locale, { allowNegative: true });
  if (!price.ok) return fail(t('lineProblem', line, price.error));
  return ok({ description, quantity, unit: row.unit.trim().slice(0, 20), unitPrice: price.value.amount, category: row.category });
}

function readLines(rows: readonly LineRow[], currency: string, locale: string): Result<ExtraLine[]> {
  const lines: ExtraLine[] = [];
  for (const [index, row] of rows.entries()) {
    const read = readLine(row, index, currency, locale);
    if (!read.ok) return read;
    lines.push(read.value);
  }
  return ok(lines);
}

/**
 * Extra lines billed beside a milestone's own line (expenses, extra hours, a discount as a
 * negative price), with the invoice's total shown before the user issues it.
 */
export function ExtraLinesForm(props: {
  project: Project;
  milestone: Milestone;
  locale: string;
  busy?: boolean;
  onSubmit: (extras: ExtraLine[]) => void;
  onCancel: () => void;
}) {
  const { project, milestone, locale } = props;
  const choices = categoryChoices(project, locale);
  const blank = (): LineRow => ({ description: '', quantity: '1', unit: '', unitPrice: '', category: choices[0]!.category });
  const [rows, setRows] = useState<LineRow[]>(() => [blank()]);
  const [problem, setProblem] = useState('');
  const show = (minor: number) => formatMoney(money(minor, project.currency), locale);
  const read = readLines(rows.filter((row) => row.description.trim() || row.unitPrice.trim()), project.currency, locale);
  const totals = invoiceTotals(project, milestone, read.ok ? read.value : []);
  const change = (index: number, part: Partial<LineRow>) => (setRows(rows.map((row, at) => (at === index ? { ...row, ...part } : row))), setProblem(''));

  function submit(event: Event) {
    event.preventDefault();
    if (read.ok) props.onSubmit(read.value);
    else setProblem(read.error);
  }
  return (
    <form class="inline-form" aria-label={t('extraLines')} onSubmit={submit}>
      <p class="muted">{t('extraLinesIntro', milestone.title)}</p>
      {rows.map((row, index) => (
        <fieldset key={index}>
          <legend>{t('lineNumber', String(index + 1))}</legend>
          <label>{t('description')}<input value={row.description} maxLength={300} onInput={(e) => change(index, { description: e.currentTarget.value })} /></label>
          <div class="two">
            <label>{t('quantity')}<input inputMode="decimal" value={row.quantity} onInput={(e) => change(index, { quantity: e.currentTarget.value })} /></label>
            <label>{t('unit')}<input value={row.unit} maxLength={20} placeholder={t('unitExamples')} onInput={(e) => change(index, { unit: e.currentTarget.value })} /></label>
            <label>{t('unitPrice')}<input inputMode="decimal" value={row.unitPrice} onInput={(e) => change(index, { unitPrice: e.currentTarget.value })} /></label>
            <label>{t('tax')}
              <select value={row.category} onChange={(e) => change(index, { category: e.currentTarget.value as TaxCategory })}>
                {choices.map((choice) => <option key={choice.category} value={choice.category}>{choice.label}</option>)}
              </select>
            </label>
          </div>
          <button type="button" onClick={() => setRows(rows.filter((_, at) => at !== index))}>{t('removeLine', String(index + 1))}</button>
        </fieldset>
      ))}
      {rows.length < MAX_EXTRA_LINES && <button type="button" onClick={() => setRows([...rows, blank()])}>{t('addLine')}</button>}
      <p class="total" aria-live="polite">
        {read.ok ? t('invoiceTotal', show(totals.gross), show(totals.net)) : t('invoiceTotalIncomplete')}
      </p>
      {problem && <p role="alert" class="error">{problem}</p>}
      <div class="buttons">
        <button class="primary" type="submit" disabled={props.busy}>{t('issueInvoice')}</button>
        <button type="button" onClick={props.onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
