import { useState } from 'preact/hooks';
import { localDate } from '../lib/billing/dates';
import { canTransition } from '../lib/billing/lifecycle';
import { formatMoney, money } from '../lib/billing/money';
import type { Milestone, Project } from '../lib/db/entities';
import type { InvoiceRow } from '../lib/db/invoices';
import { request } from '../lib/messaging/client';
import type { EarlierDateQuestion, MessageType, Payload, Reply } from '../lib/messaging/protocol';
import { ConfirmDialog } from './ConfirmDialog';
import { PaymentForm } from './PaymentForm';

type Form = 'acceptance' | 'payment' | 'invoice-unaccepted' | 'void' | null;

/** What can be done next with one milestone, from the workspace. */
export function MilestoneActions({ project, milestone, row, locale }: { project: Project; milestone: Milestone; row?: InvoiceRow; locale: string }) {
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<Form>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  /** Issuing was refused for an earlier date; confirming retries with what was asked (without acceptance too). */
  const [earlier, setEarlier] = useState<(EarlierDateQuestion & { withoutAcceptance?: boolean }) | null>(null);
  const show = (amount: number) => formatMoney(money(amount, project.currency), locale);

  async function run<T extends MessageType>(type: T, payload: Payload<T>, done: string) {
    setBusy(true);
    setMessage({ text: 'Working…' });
    // The background can be stopped mid-request (the browser ends it, or it crashed): never stay "Working…".
    const reply = await request(type, payload).catch((): Reply<T> => ({ ok: false, error: 'The extension stopped before answering. Check the invoices shown here before trying again.' }));
    setBusy(false);
    setEarlier(null);
    if (!reply.ok && reply.earlierDate) {
      const withoutAcceptance = type === 'milestone.invoice' ? (payload as Payload<'milestone.invoice'>).withoutAcceptance : undefined;
      setForm(null);
      setMessage(type === 'milestone.deliver' ? { text: 'Marked delivered; not invoiced yet.' } : null);
      return setEarlier({ ...reply.earlierDate, withoutAcceptance });
    }
    setMessage(reply.ok ? { text: done } : { text: reply.error, error: true });
    if (reply.ok) setForm(null);
  }
  const { state } = milestone;
  const invoice = row && !row.invoice.voidedBy ? row.invoice : undefined;
  const needsAcceptance = project.invoiceOn === 'acceptance' && !milestone.acceptance;
  return (
    <div class="actions">
      {invoice && (
        <p class="muted">
          {invoice.number} · {show(invoice.gross)} · due {invoice.dueDate}
          {row!.paid ? ` · paid ${show(row!.paid)}` : ''}
        </p>
      )}
      <div class="buttons">
        {(state === 'planned' || state === 'in-progress') && (
          <button disabled={busy} onClick={() => run('milestone.deliver', { milestoneId: milestone.id }, 'Marked delivered.')}>Mark delivered</button>
        )}
        {state === 'delivered' && project.invoiceOn === 'acceptance' && (
          <>
            <button disabled={busy} onClick={() => setForm('acceptance')}>Record acceptance</button>
            <button disabled={busy} onClick={() => run('milestone.draft', { milestoneId: milestone.id }, 'Draft downloaded.')}>Preview draft</button>
          </>
        )}
        {canTransition(state, 'invoiced') && (
          <button
            class="primary"
            disabled={busy}
            onClick={() => (needsAcceptance ? setForm('invoice-unaccepted') : run('milestone.invoice', { milestoneId: milestone.id }, 'Invoice issued and saved.'))}
          >
            Invoice now
          </button>
        )}
        {invoice && (
          <button disabled={busy} onClick={() => run('invoice.download', { invoiceId: invoice.id }, 'PDF downloaded.')}>Download PDF</button>
        )}
        {invoice && row!.balance > 0 && <button disabled={busy} onClick={() => setForm('payment')}>Record payment</button>}
        {invoice && state === 'invoiced' && (
          <button
            disabled={busy}
            onClick={() => setForm('void')}
          >
            Void…
          </button>
        )}
      </div>
      {form === 'acceptance' && (
        <AcceptanceForm onCancel={() => setForm(null)} onSubmit={(acceptance) => run('milestone.accept', { milestoneId: milestone.id, ...acceptance }, 'Acceptance recorded; invoice issued.')} />
      )}
      {form === 'invoice-unaccepted' && (
        <div class="inline-form" role="group" aria-label="Invoice without acceptance">
          <p>The client has not accepted “{milestone.title}” yet, and this project waits for acceptance. Invoice it anyway? The activity log will say you chose to.</p>
          <div class="buttons">
            <button
              class="primary"
              disabled={busy}
              onClick={() => run('milestone.invoice', { milestoneId: milestone.id, withoutAcceptance: true }, 'Invoice issued without acceptance and saved.')}
            >
              Invoice without acceptance
            </button>
            <button type="button" onClick={() => setForm(null)}>Cancel</button>
          </div>
        </div>
      )}
      {form === 'void' && invoice && (
        <ConfirmDialog
          title={`Void ${invoice.number}?`}
          confirmLabel="Void and issue credit note"
          danger
          onCancel={() => setForm(null)}
          onConfirm={() => (setForm(null), run('invoice.void', { invoiceId: invoice.id }, 'Credit note issued; the invoice is void.'))}
        >
          <p>A credit note is issued for {show(invoice.gross)} and the milestone becomes void. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {earlier && (
        <ConfirmDialog
          title={`Issue dated ${earlier.issueDate}?`}
          confirmLabel={`Issue dated ${earlier.issueDate}`}
          onCancel={() => setEarlier(null)}
          onConfirm={() => run('milestone.invoice', { milestoneId: milestone.id, withoutAcceptance: earlier.withoutAcceptance, allowEarlierDate: true }, `Invoice issued dated ${earlier.issueDate} and saved.`)}
        >
          <p>
            Today’s date, {earlier.issueDate}, is earlier than {earlier.lastNumber}’s date, {earlier.lastDate}. The new invoice would carry a later number but an
            earlier date. Check the computer’s date first; issue it anyway?
          </p>
        </ConfirmDialog>
      )}
      {form === 'payment' && invoice && (
        <PaymentForm
          currency={project.currency}
          locale={locale}
          balance={row!.balance}
          busy={busy}
          onCancel={() => setForm(null)}
          onSubmit={(payment) => run('invoice.payment', { invoiceId: invoice.id, ...payment }, 'Payment recorded.')}
        />
      )}
      {message && <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'muted'}>{message.text}</p>}
    </div>
  );
}

function AcceptanceForm({ onSubmit, onCancel }: { onSubmit: (a: { by: string; on: string; evidence: string }) => void; onCancel: () => void }) {
  const [by, setBy] = useState('');
  const [on, setOn] = useState(localDate(new Date()));
  const [evidence, setEvidence] = useState('');
  return (
    <form class="inline-form" onSubmit={(event) => (event.preventDefault(), onSubmit({ by: by.trim(), on, evidence: evidence.trim() }))}>
      <label>Accepted by<input required value={by} onInput={(e) => setBy(e.currentTarget.value)} /></label>
      <label>On<input type="date" required value={on} onInput={(e) => setOn(e.currentTarget.value)} /></label>
      <label>Evidence (link to the email or comment)<input value={evidence} onInput={(e) => setEvidence(e.currentTarget.value)} /></label>
      <div class="buttons"><button class="primary" type="submit">Save and issue the invoice</button><button type="button" onClick={onCancel}>Cancel</button></div>
    </form>
  );
}
