import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { localDate, type IsoDate } from '../lib/billing/dates';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import { clientReminder } from '../lib/invoicing/reminder';
import { filterInvoices, listStates, noFilter, periods, type InvoiceFilter, type InvoiceListRow, type ListState, type Period } from '../lib/db/invoice-list';
import { request } from '../lib/messaging/client';
import type { MessageType, Payload } from '../lib/messaging/protocol';
import { t, tCount } from '../lib/ui/i18n';
import { queries } from '../lib/ui/queries';
import { LoadError, Loading } from './Loading';
import { CreditNoteForm } from './CreditNoteForm';
import { EInvoiceDownloads } from './EInvoiceDownloads';
import { PaymentForm } from './PaymentForm';
import { RefundForm } from './RefundForm';

const stateLabels: Record<ListState, () => string> = { open: () => t('listStateOpen'), overdue: () => t('listStateOverdue'), paid: () => t('listStatePaid'), void: () => t('listStateVoid'), 'credit-note': () => t('listStateCreditNote') };
const periodLabels: Record<Period, () => string> = { any: () => t('periodAny'), 'this-month': () => t('periodThisMonth'), 'last-month': () => t('periodLastMonth'), 'this-year': () => t('periodThisYear'), 'last-year': () => t('periodLastYear') };
/** Rows drawn at once: ten thousand invoices stay quick to filter and to show. */
const pageSize = 50;

/** Every invoice and credit note, filtered and searched, with what can be done with each. */
export function InvoiceList({ db, locale, today = localDate(new Date()) }: { db: MilestoneDatabase; locale: string; today?: IsoDate }) {
  const list = useQuery(queries.invoiceList(db, today));
  const [filter, setFilter] = useState<InvoiceFilter>(noFilter);
  const [limit, setLimit] = useState(pageSize);
  if (list.isPending) return <Loading what={t('loadingInvoices')} />;
  if (list.isError) return <LoadError error={list.error} />;
  if (list.data.length === 0) {
    return (
      <div class="empty">
        <p>{t('noInvoicesYet')}</p>
      </div>
    );
  }
  const shown = filterInvoices(list.data, filter, today);
  const credited = creditedBy(list.data);
  const change = (part: Partial<InvoiceFilter>) => (setFilter({ ...filter, ...part }), setLimit(pageSize));
  return (
    <section aria-label={t('invoices')}>
      <Filters rows={list.data} filter={filter} onChange={change} />
      <p class="muted count" role="status">{shown.length === list.data.length ? tCount('documents', shown.length) : tCount('documentsShown', list.data.length, String(shown.length))}</p>
      {shown.length === 0 ? (
        <div class="empty">
          <p>{t('noInvoiceMatches')}</p>
          <button onClick={() => change(noFilter)}>{t('clearFilters')}</button>
        </div>
      ) : (
        <ul class="plain invoice-list">
          {shown.slice(0, limit).map((row) => <InvoiceListItem key={row.invoice.id} db={db} row={row} locale={locale} credited={credited.get(row.invoice.id) ?? 0} />)}
        </ul>
      )}
      {shown.length > limit && <button onClick={() => setLimit(limit + pageSize)}>{t('showMore', String(Math.min(pageSize, shown.length - limit)))}</button>}
    </section>
  );
}

function Filters({ rows, filter, onChange }: { rows: InvoiceListRow[]; filter: InvoiceFilter; onChange: (part: Partial<InvoiceFilter>) => void }) {
  const clients = [...new Set(rows.map((row) => row.client))].sort((a, b) => a.localeCompare(b));
  const currencies = [...new Set(rows.map((row) => row.invoice.currency))].sort();
  return (
    <div class="filters">
      <input type="search" aria-label={t('searchInvoicesLabel')} placeholder={t('searchInvoicesPlaceholder')} value={filter.search} onInput={(e) => onChange({ search: e.currentTarget.value })} />
      <div class="two">
        <label>{t('stateFilter')}
          <select value={filter.state} onChange={(e) => onChange({ state: e.currentTarget.value as InvoiceFilter['state'] })}>
            <option value="all">{t('allStates')}</option>
            {listStates.map((state) => <option key={state} value={state}>{stateLabels[state]()}</option>)}
          </select>
        </label>
        <label>{t('period')}
          <select value={filter.period} onChange={(e) => onChange({ period: e.currentTarget.value as Period })}>
            {periods.map((period) => <option key={period} value={period}>{periodLabels[period]()}</option>)}
          </select>
        </label>
        <label>{t('client')}
          <select value={filter.client} onChange={(e) => onChange({ client: e.currentTarget.value })}>
            <option value="all">{t('allClients')}</option>
            {clients.map((client) => <option key={client} value={client}>{client}</option>)}
          </select>
        </label>
        <label>{t('currency')}
          <select value={filter.currency} onChange={(e) => onChange({ currency: e.currentTarget.value })}>
            <option value="all">{t('allCurrencies')}</option>
            {currencies.map((currency) => <option key={currency} value={currency}>{currency}</option>)}
          </select>
        </label>
      </div>
    </div>
  );
}

/** What credit notes took off each invoice, by the invoice's id. */
function creditedBy(rows: readonly InvoiceListRow[]): Map<string, number> {
  const credited = new Map<string, number>();
  for (const { invoice } of rows) {
    if (invoice.creditsInvoiceId) credited.set(invoice.creditsInvoiceId, (credited.get(invoice.creditsInvoiceId) ?? 0) + invoice.gross);
  }
  return credited;
}

type RowForm = 'payment' | 'credit' | 'refund' | null;

function InvoiceListItem({ db, row, locale, credited }: { db: MilestoneDatabase; row: InvoiceListRow; locale: string; credited: number }) {
  const { invoice, client, balance, state, daysOverdue } = row;
  const [expanded, setExpanded] = useState(false);
  const [form, setForm] = useState<RowForm>(null);
  const open = (next: RowForm) => (setForm(next), setMessage(null));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const profile = useQuery({ ...queries.setting(db, 'businessProfile'), enabled: expanded });
  const projects = useQuery({ ...queries.projects(db), enabled: expanded });
  // Read when the row opens, so the click opens the PDF within its user gesture.
  const file = useQuery({ ...queries.invoiceFile(db, invoice.id), enabled: expanded });
  const refundable = useQuery({ ...queries.refundablePayments(db, invoice.id), enabled: expanded && invoice.kind === 'invoice' && row.paid > 0 });
  const creditable = invoice.kind === 'invoice' && state !== 'void' ? invoice.gross - credited : 0;
  const show = (minor: number) => formatMoney(money(minor, invoice.currency), locale);
  const payable = invoice.kind === 'invoice' && state !== 'void' && balance > 0;
  const actionsId = `invoice-actions-${invoice.id}`;

  async function run<T extends MessageType>(type: T, payload: Payload<T>, done: string) {
    setBusy(true);
    // The background can be stopped mid-request: never stay busy.
    const reply = await request(type, payload).catch(() => ({ ok: false as const, error: t('extensionStoppedInvoice') }));
    setBusy(false);
    setMessage(reply.ok ? { text: done } : { text: reply.error, error: true });
    if (reply.ok) setForm(null);
  }
  const lateTerms = projects.data?.find((project) => project.id === invoice.projectId)?.latePayment;
  const copyReminder = () =>
    navigator.clipboard
      .writeText(
        clientReminder({
          invoice, balance, daysOverdue, latePayment: lateTerms,
          payment: { instructions: profile.data?.paymentInstructions ?? '', link: profile.data?.paymentLink ?? '' },
        }),
      )
      .then(() => setMessage({ text: t('reminderCopied', invoice.number) }), () => setMessage({ text: t('clipboardRefused'), error: true }));

  return (
    <li class="invoice-row">
      <button class="row-toggle" aria-expanded={expanded} aria-controls={actionsId} onClick={() => setExpanded(!expanded)}>
        <span class="figure">
          <strong>{invoice.number}</strong>
          <strong>{show(invoice.kind === 'credit-note' ? -invoice.gross : invoice.gross)}</strong>
        </span>
        <span class="figure">
          <span class="client">{client}</span>
          <span class={`state state-${state}`}>{state === 'overdue' ? tCount('daysOverdue', daysOverdue) : stateLabels[state]()}</span>
        </span>
        <span class="muted">
          {showDate(invoice.issueDate, locale)}
          {credited && state !== 'void' ? ` · ${t('creditedAmount', show(credited))}` : ''}
          {payable ? ` · ${t('amountDueOn', show(balance), showDate(invoice.dueDate, locale))}` : ''}
        </span>
      </button>
      {expanded && (
        <div id={actionsId} class="actions">
          <div class="buttons">
            <button disabled={busy} onClick={() => run('invoice.download', { invoiceId: invoice.id }, t('invoiceDownloaded', invoice.number))}>{t('downloadPdf')}</button>
            {file.data && <button onClick={() => openPdf(file.data!.bytes)}>{t('openPdf')}</button>}
            <EInvoiceDownloads db={db} clientId={invoice.clientId} disabled={busy} onDownload={(kind) => run('invoice.einvoice', { invoiceId: invoice.id, kind }, t('einvoiceDownloaded', invoice.number))} />
            {payable && form !== 'payment' && <button disabled={busy} onClick={() => open('payment')}>{t('recordPayment')}</button>}
            {creditable > 0 && form !== 'credit' && <button disabled={busy} onClick={() => open('credit')}>{t('creditPart')}</button>}
            {refundable.data?.length && form !== 'refund' ? <button disabled={busy} onClick={() => open('refund')}>{t('recordARefund')}</button> : null}
            {payable && <button disabled={busy || !profile.data || !projects.data} onClick={copyReminder}>{t('copyReminder')}</button>}
          </div>
          {form === 'payment' && (
            <PaymentForm
              currency={invoice.currency}
              locale={locale}
              balance={balance}
              busy={busy}
              onCancel={() => setForm(null)}
              onSubmit={(payment) => run('invoice.payment', { invoiceId: invoice.id, ...payment }, t('paymentOnRecorded', invoice.number))}
            />
          )}
          {form === 'credit' && (
            <CreditNoteForm
              number={invoice.number}
              currency={invoice.currency}
              locale={locale}
              creditable={creditable}
              busy={busy}
              onCancel={() => setForm(null)}
              onSubmit={(credit) => run('invoice.credit', { invoiceId: invoice.id, ...credit }, t('creditNoteIssuedFor', show(credit.amount), invoice.number))}
            />
          )}
          {form === 'refund' && refundable.data?.length ? (
            <RefundForm
              currency={invoice.currency}
              locale={locale}
              payments={refundable.data}
              busy={busy}
              onCancel={() => setForm(null)}
              onSubmit={(refund) => run('invoice.refund', refund, t('refundRecorded', show(refund.amount), invoice.number))}
            />
          ) : null}
          {message && <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'}>{message.text}</p>}
        </div>
      )}
    </li>
  );
}

/** Shows a stored PDF in the browser's viewer, in a new tab. */
function openPdf(bytes: Uint8Array) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  // Not revoked: the tab may reload it; the page's blobs go when the page closes.
  window.open(url, '_blank');
}


/** A stored date in the user's locale ("24 Nov 2026"); dates are calendar days, read at local midnight. */
function showDate(date: IsoDate, locale: string): string {
  return new Date(`${date}T00:00:00`).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}
