import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import type { IsoDate } from '../lib/billing/dates';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { BalanceWithCharges } from '../lib/db/exposure';
import { clientReminder } from '../lib/invoicing/reminder';
import { request } from '../lib/messaging/client';
import { formatDay } from '../lib/ui/format-date';
import { queries } from '../lib/ui/queries';
import type { WorkspaceTarget } from '../lib/ui/workspace-target';

interface Props {
  db: MilestoneDatabase;
  rows: BalanceWithCharges[];
  locale: string;
  today: IsoDate;
  onOpen: (target: WorkspaceTarget) => void;
}

type Status = { text: string; error?: boolean } | null;

/** The invoices longest past due, with what a freelancer does about each: mark it paid, remind, look at it. */
export function MostOverdue({ db, rows, locale, today, onOpen }: Props) {
  const profile = useQuery(queries.setting(db, 'businessProfile'));
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>(null);
  const reply = (outcome: { ok: boolean; error?: string }, done: string) => setStatus(outcome.ok ? { text: done } : { text: outcome.error ?? '', error: true });
  return (
    <section class="card" aria-labelledby="most-overdue">
      <h2 id="most-overdue">Most overdue</h2>
      <ul class="plain">
        {rows.map(({ invoice, balance, daysOverdue, late }) => {
          const show = (minor: number) => formatMoney(money(minor, invoice.currency), locale);
          const amount = show(balance);
          const charges = late && late.interest + late.fee > 0 ? show(late.interest + late.fee) : undefined;
          const copy = async () => {
            // Read at the click: the popup shows this list before the projects have loaded.
            const terms = (await queryClient.fetchQuery(queries.projects(db))).find((project) => project.id === invoice.projectId)?.latePayment;
            return navigator.clipboard
              .writeText(
                clientReminder({
                  invoice, balance, daysOverdue, latePayment: terms, lateCharges: terms && late ? late.interest + late.fee : undefined,
                  payment: { instructions: profile.data?.paymentInstructions ?? '', link: profile.data?.paymentLink ?? '' },
                }),
              )
              .then(() => setStatus({ text: `Reminder for ${invoice.number} copied.` }), () => setStatus({ text: 'Could not copy to the clipboard', error: true }));
          };
          const markPaid = async () =>
            reply(await request('invoice.payment', { invoiceId: invoice.id, amount: balance, date: today, method: 'Marked paid', note: '' }), `${invoice.number} marked paid.`);
          return (
            <li key={invoice.id} class="overdue-invoice">
              <div class="figure">
                <span>{invoice.number} · {invoice.buyer.name}</span>
                <strong class="overdue">{amount}</strong>
              </div>
              <div class="muted">{daysOverdue} days overdue · due {formatDay(invoice.dueDate, locale)}{charges && ` · ${charges} late charges`}</div>
              <div class="buttons">
                <button onClick={markPaid}>Mark paid</button>
                <button onClick={copy}>Copy reminder</button>
                <button aria-label={`Open ${invoice.number} in the workspace`} onClick={() => onOpen({ project: invoice.projectId, invoice: invoice.id })}>Open</button>
              </div>
            </li>
          );
        })}
      </ul>
      {status && <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>{status.text}</p>}
    </section>
  );
}
