import { useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import type { IsoDate } from '../lib/billing/dates';
import { formatMoney, money } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { BalanceWithCharges } from '../lib/db/exposure';
import { clientReminder } from '../lib/invoicing/reminder';
import { request } from '../lib/messaging/client';
import { formatDay } from '../lib/ui/format-date';
import { t, tCount } from '../lib/ui/i18n';
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
      <h2 id="most-overdue">{t('mostOverdue')}</h2>
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
              .then(() => setStatus({ text: t('reminderCopied', invoice.number) }), () => setStatus({ text: t('clipboardRefused'), error: true }));
          };
          const markPaid = async () =>
            reply(await request('invoice.payment', { invoiceId: invoice.id, amount: balance, date: today, method: t('markedPaidMethod'), note: '' }), t('invoiceMarkedPaid', invoice.number));
          return (
            <li key={invoice.id} class="overdue-invoice">
              <div class="figure">
                <span>{invoice.number} · {invoice.buyer.name}</span>
                <strong class="overdue">{amount}</strong>
              </div>
              <div class="muted">{tCount('daysOverdue', daysOverdue)} · {t('dueOn', formatDay(invoice.dueDate, locale))}{charges && ` · ${t('lateChargesAmount', charges)}`}</div>
              <div class="buttons">
                <button onClick={markPaid}>{t('markPaid')}</button>
                <button onClick={copy}>{t('copyReminder')}</button>
                <button aria-label={t('openInWorkspace', invoice.number)} onClick={() => onOpen({ project: invoice.projectId, invoice: invoice.id })}>{t('open')}</button>
              </div>
            </li>
          );
        })}
      </ul>
      {status && <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>{status.text}</p>}
    </section>
  );
}
