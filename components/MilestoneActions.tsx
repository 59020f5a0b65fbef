import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { localDate } from '../lib/billing/dates';
import { invoiceTotals, type ExtraLine } from '../lib/billing/invoice-draft';
import { canTransition } from '../lib/billing/lifecycle';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Milestone, Project } from '../lib/db/entities';
import { upcomingNumber, type InvoiceRow } from '../lib/db/invoices';
import { getSetting } from '../lib/db/settings';
import { request } from '../lib/messaging/client';
import type { EarlierDateQuestion, MessageType, Payload, Reply } from '../lib/messaging/protocol';
import { formatDay } from '../lib/ui/format-date';
import { t } from '../lib/ui/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { ExtraLinesForm } from './ExtraLinesForm';
import { InvoicePayments } from './InvoicePayments';
import { PaymentForm } from './PaymentForm';
import { Emphasised } from './Emphasised';

type Form = 'acceptance' | 'payment' | 'invoice-unaccepted' | 'invoice-early' | 'extras' | 'void' | null;

/** Work the client has received: the only milestones "Invoice now" bills without asking. */
const isDelivered = (milestone: Milestone) => milestone.state === 'delivered' || milestone.state === 'accepted';

/** What can be done next with one milestone, from the workspace. */
export function MilestoneActions({ db, project, milestone, row, locale }: { db: MilestoneDatabase; project: Project; milestone: Milestone; row?: InvoiceRow; locale: string }) {
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<Form>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  /** Issuing was refused for an earlier date; confirming retries with what was asked (without acceptance too). */
  const [earlier, setEarlier] = useState<(EarlierDateQuestion & Pick<Payload<'milestone.invoice'>, 'withoutAcceptance' | 'extras'>) | null>(null);
  // Extra lines typed before the acceptance question: sent with the override.
  const [extras, setExtras] = useState<ExtraLine[]>([]);
  const show = (amount: number) => formatMoney(money(amount, project.currency), locale);

  async function run<T extends MessageType>(type: T, payload: Payload<T>, done: string) {
    setBusy(true);
    setMessage({ text: t('working') });
    // The background can be stopped mid-request (the browser ends it, or it crashed): never stay "Working…".
    const reply = await request(type, payload).catch((): Reply<T> => ({ ok: false, error: t('extensionStoppedMilestone') }));
    setBusy(false);
    setEarlier(null);
    if (!reply.ok && reply.earlierDate) {
      const { withoutAcceptance, extras: lines } = type === 'milestone.invoice' ? (payload as Payload<'milestone.invoice'>) : {};
      setForm(null);
      setMessage(type === 'milestone.deliver' ? { text: t('deliveredNotInvoicedYet') } : null);
      setEarlier({ ...reply.earlierDate, withoutAcceptance, extras: lines });
      return false;
    }
    setMessage(reply.ok ? { text: done } : { text: reply.error, error: true });
    if (reply.ok) setForm(null);
    return reply.ok;
  }
  const withExtras = (lines: ExtraLine[]) => (lines.length ? { extras: lines } : {});
  function issueWith(lines: ExtraLine[]) {
    if (needsAcceptance) return (setExtras(lines), setForm('invoice-unaccepted'));
    void run('milestone.invoice', { milestoneId: milestone.id, ...withExtras(lines) }, t('invoiceIssuedSaved'));
  }
  async function voidInvoice(invoiceId: string, reason: string, reissue: boolean) {
    setForm(null);
    const voided = await run('invoice.void', { invoiceId, reason }, row!.paid > 0 ? t('voidedRefundDue', show(row!.paid)) : t('voided'));
    if (voided && reissue) await run('milestone.invoice', { milestoneId: milestone.id, ...(needsAcceptance ? { withoutAcceptance: true } : {}) }, t('voidedReissued'));
  }
  const { state } = milestone;
  const invoice = row && !row.invoice.voidedBy ? row.invoice : undefined;
  const needsAcceptance = project.invoiceOn === 'acceptance' && !milestone.acceptance;
  return (
    <div class="actions">
      {invoice && (
        <p class="muted">
          {invoice.number} · {show(invoice.gross)} · {t('dueOn', formatDay(invoice.dueDate, locale))}
          {row!.paid ? ` · ${t('paidAmount', show(row!.paid))}` : ''}
        </p>
      )}
      {invoice && <InvoicePayments db={db} invoice={invoice} locale={locale} />}
      <div class="buttons">
        {(state === 'planned' || state === 'in-progress') && (
          <button disabled={busy} onClick={() => run('milestone.deliver', { milestoneId: milestone.id }, t('markedDelivered'))}>{t('markDelivered')}</button>
        )}
        {state === 'delivered' && project.invoiceOn === 'acceptance' && (
          <>
            <button disabled={busy} onClick={() => setForm('acceptance')}>{t('recordAcceptance')}</button>
            <button disabled={busy} onClick={() => run('milestone.draft', { milestoneId: milestone.id }, t('draftDownloaded'))}>{t('previewDraft')}</button>
          </>
        )}
        {canTransition(state, 'invoiced') && isDelivered(milestone) && (
          <button class="primary" disabled={busy} onClick={() => (setExtras([]), issueWith([]))}>{t('invoiceNow')}</button>
        )}
        {canTransition(state, 'invoiced') && !isDelivered(milestone) && (
          <button disabled={busy} onClick={() => setForm('invoice-early')}>{t('invoiceNowMore')}</button>
        )}
        {canTransition(state, 'invoiced') && <button disabled={busy} onClick={() => setForm('extras')}>{t('invoiceWithExtras')}</button>}
        {invoice && (
          <button disabled={busy} onClick={() => run('invoice.download', { invoiceId: invoice.id }, t('pdfDownloaded'))}>{t('downloadPdf')}</button>
        )}
        {invoice && row!.balance > 0 && <button disabled={busy} onClick={() => setForm('payment')}>{t('recordPayment')}</button>}
        {invoice && (
          <button
            disabled={busy}
            onClick={() => setForm('void')}
          >
            {t('voidEllipsis')}
          </button>
        )}
      </div>
      {form === 'acceptance' && (
        <AcceptanceForm onCancel={() => setForm(null)} onSubmit={(acceptance) => run('milestone.accept', { milestoneId: milestone.id, ...acceptance }, t('acceptanceRecorded'))} />
      )}
      {form === 'invoice-unaccepted' && (
        <div class="inline-form" role="group" aria-label={t('invoiceWithoutAcceptanceGroup')}>
          <p>{t('notAcceptedYet', milestone.title)}</p>
          <div class="buttons">
            <button
              class="primary"
              disabled={busy}
              onClick={() => run('milestone.invoice', { milestoneId: milestone.id, withoutAcceptance: true, ...withExtras(extras) }, t('issuedWithoutAcceptance'))}
            >
              {t('invoiceWithoutAcceptanceGroup')}
            </button>
            <button type="button" onClick={() => setForm(null)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {form === 'invoice-early' && (
        <EarlyInvoiceDialog
          db={db}
          project={project}
          milestone={milestone}
          locale={locale}
          onCancel={() => setForm(null)}
          onConfirm={() => run('milestone.invoice', { milestoneId: milestone.id, ...(needsAcceptance ? { withoutAcceptance: true } : {}) }, t('invoiceIssuedSaved'))}
        />
      )}
      {form === 'extras' && (
        <ExtraLinesForm project={project} milestone={milestone} locale={locale} busy={busy} onCancel={() => setForm(null)} onSubmit={issueWith} />
      )}
      {form === 'void' && invoice && (
        <VoidDialog number={invoice.number} amount={show(invoice.gross - (row!.credited ?? 0))} paid={row!.paid ? show(row!.paid) : ''} onCancel={() => setForm(null)} onConfirm={(reason, reissue) => voidInvoice(invoice.id, reason, reissue)} />
      )}
      {earlier && (
        <ConfirmDialog
          title={t('issueDatedQuestion', earlier.issueDate)}
          confirmLabel={t('issueDated', earlier.issueDate)}
          onCancel={() => setEarlier(null)}
          onConfirm={() =>
            run('milestone.invoice', { milestoneId: milestone.id, withoutAcceptance: earlier.withoutAcceptance, extras: earlier.extras, allowEarlierDate: true }, t('issuedDated', earlier.issueDate))
          }
        >
          <p>{t('earlierDateExplain', earlier.issueDate, earlier.lastNumber, earlier.lastDate)}</p>
        </ConfirmDialog>
      )}
      {form === 'payment' && invoice && (
        <PaymentForm
          currency={project.currency}
          locale={locale}
          balance={row!.balance}
          busy={busy}
          onCancel={() => setForm(null)}
          onSubmit={(payment) => run('invoice.payment', { invoiceId: invoice.id, ...payment }, t('paymentRecorded'))}
        />
      )}
      {message && <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'}>{message.text}</p>}
    </div>
  );
}

/** The number today's invoice would get, read as issuing reads it. */
function useNextInvoiceNumber(db: MilestoneDatabase) {
  const today = localDate(new Date());
  return useQuery({
    queryKey: ['settings', 'next-number', 'invoice', today],
    queryFn: async () => {
      const rule = await getSetting(db, 'invoiceNumbering');
      return db.transaction('r', [db.counters, db.issuedNumbers, db.invoices], () => upcomingNumber(db, 'invoice', rule, today));
    },
  });
}

/** Invoicing work not yet delivered asks first, naming the number it takes and what it bills. */
function EarlyInvoiceDialog(props: { db: MilestoneDatabase; project: Project; milestone: Milestone; locale: string; onConfirm: () => void; onCancel: () => void }) {
  const { project, milestone } = props;
  const next = useNextInvoiceNumber(props.db);
  const gross = formatMoney(money(invoiceTotals(project, milestone, []).gross, project.currency), props.locale);
  return (
    <ConfirmDialog title={t('earlyInvoiceQuestion', milestone.title)} confirmLabel={t('invoiceNow')} onCancel={props.onCancel} onConfirm={props.onConfirm}>
      <p>
        {next.data ? <Emphasised text={t('earlyInvoiceNumbered', next.data.number, gross)} values={[next.data.number, gross]} /> : <Emphasised text={t('earlyInvoiceNext', gross)} values={[gross]} />}
      </p>
      {project.invoiceOn === 'acceptance' && !milestone.acceptance && <p>{t('earlyInvoiceAcceptance')}</p>}
    </ConfirmDialog>
  );
}

/** Asks why an invoice is voided, and whether to bill the milestone again at once; a paid invoice's refund is the user's to make. */
function VoidDialog(props: { number: string; amount: string; paid: string; onConfirm: (reason: string, reissue: boolean) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [reissue, setReissue] = useState(false);
  const [problem, setProblem] = useState('');
  const confirm = () => (reason.trim() ? props.onConfirm(reason.trim(), reissue) : setProblem(t('voidNeedsReason')));
  return (
    <ConfirmDialog title={t('voidQuestion', props.number)} confirmLabel={t('voidConfirm')} danger onCancel={props.onCancel} onConfirm={confirm}>
      <p>{t('voidExplain', props.amount)}</p>
      {props.paid && <p>{t('voidPaidExplain', props.paid)}</p>}
      <label>{t('reason')}<input required maxLength={500} value={reason} onInput={(e) => (setReason(e.currentTarget.value), setProblem(''))} /></label>
      <label><input type="checkbox" checked={reissue} onChange={(e) => setReissue(e.currentTarget.checked)} /> {t('voidReissue')}</label>
      {problem && <p role="alert" class="error">{problem}</p>}
    </ConfirmDialog>
  );
}

function AcceptanceForm({ onSubmit, onCancel }: { onSubmit: (a: { by: string; on: string; evidence: string }) => void; onCancel: () => void }) {
  const [by, setBy] = useState('');
  const [on, setOn] = useState(localDate(new Date()));
  const [evidence, setEvidence] = useState('');
  return (
    <form class="inline-form" onSubmit={(event) => (event.preventDefault(), onSubmit({ by: by.trim(), on, evidence: evidence.trim() }))}>
      <label>{t('acceptedBy')}<input required value={by} onInput={(e) => setBy(e.currentTarget.value)} /></label>
      <label>{t('acceptedOn')}<input type="date" required value={on} onInput={(e) => setOn(e.currentTarget.value)} /></label>
      <label>{t('acceptanceEvidence')}<input value={evidence} onInput={(e) => setEvidence(e.currentTarget.value)} /></label>
      <div class="buttons"><button class="primary" type="submit">{t('saveAndIssue')}</button><button type="button" onClick={onCancel}>{t('cancel')}</button></div>
    </form>
  );
}
