import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { localDate } from '../lib/billing/dates';
import { formatMoney, money } from '../lib/billing/money';
import { agingBuckets, type Receivables } from '../lib/billing/receivables';
import { reminderText } from '../lib/billing/reminder-text';
import { describeLateTerms } from '../lib/billing/terms';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Project } from '../lib/db/entities';
import type { BalanceWithCharges, LateChargesByCurrency } from '../lib/db/exposure';
import { request } from '../lib/messaging/client';
import { queries } from '../lib/ui/queries';
import { LoadError, Loading } from './Loading';

interface Props {
  db: MilestoneDatabase;
  locale: string;
  onOpenWorkspace: () => void;
}

/** The popup's question: how much money is out there, unpaid, and how old is it. */
export function ExposureSummary({ db, locale, onOpenWorkspace }: Props) {
  const today = localDate(new Date());
  const report = useQuery(queries.exposure(db, today));
  const projects = useQuery(queries.projects(db));
  const clients = useQuery(queries.clients(db));
  if (report.isPending || projects.isPending || clients.isPending) return <Loading what="exposure" />;
  if (report.isError) return <LoadError error={report.error} />;
  if (report.data.byProject.length === 0) {
    return (
      <div class="empty">
        <p>No projects yet.</p>
        <p class="muted">Add a client and a milestone schedule in the workspace, then link cards on your board.</p>
        <button class="primary" onClick={onOpenWorkspace}>Open workspace</button>
      </div>
    );
  }
  const projectById = new Map((projects.data ?? []).map((project) => [project.id, project]));
  const clientName = new Map((clients.data ?? []).map((client) => [client.id, client.name]));
  const rows = report.data.byProject
    .filter((row) => row.unpaidExposure > 0)
    .sort((a, b) => b.overdueTotal - a.overdueTotal || b.unpaidExposure - a.unpaidExposure);
  const overdue = report.data.mostOverdue;
  return (
    <>
      <p class="muted" data-testid="exposure-basis">Tax included: what clients owe, and what delivered work will bill.</p>
      {report.data.byCurrency.map((row) => (
        <CurrencyExposure key={row.currency} row={row} late={report.data.lateCharges.find((late) => late.currency === row.currency)} locale={locale} />
      ))}
      {rows.length > 0 && (
        <section class="card" aria-labelledby="by-project">
          <h2 id="by-project">By project</h2>
          <ul class="plain">
            {rows.map((row) => {
              const project = projectById.get(row.projectId);
              return (
                <li key={row.projectId}>
                  <span>{project?.name}<span class="muted"> · {clientName.get(project?.clientId ?? '')}</span></span>
                  <span class={row.overdueTotal ? 'overdue' : ''}>{formatMoney(money(row.unpaidExposure, row.currency), locale)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {overdue.length > 0 && <MostOverdue db={db} rows={overdue} projects={projectById} locale={locale} today={today} />}
      <button onClick={onOpenWorkspace}>Open workspace</button>
    </>
  );
}

function CurrencyExposure({ row, late, locale }: { row: Receivables; late?: LateChargesByCurrency; locale: string }) {
  const show = (amount: number) => formatMoney(money(amount, row.currency), locale);
  const largest = Math.max(row.current, ...agingBuckets.map((bucket) => row.overdue[bucket]), 1);
  const bar = (label: string, amount: number, overdue: boolean) => (
    <div class={`bar-row ${overdue && amount ? 'overdue' : ''}`} key={label}>
      <span class="bar-label">{label}</span>
      <span class="bar-track" aria-hidden="true"><span class="bar" style={{ width: `${(amount / largest) * 100}%` }} /></span>
      <strong>{show(amount)}</strong>
    </div>
  );
  return (
    <section class="card" aria-label={`Exposure in ${row.currency}`}>
      <div class="muted">Unpaid exposure · {row.currency}</div>
      <div class="headline" data-testid={`exposure-${row.currency}`}>{show(row.unpaidExposure)}</div>
      <div class="figure"><span>Delivered, not invoiced</span><strong>{show(row.deliveredNotInvoiced)}</strong></div>
      <div class="chart" role="group" aria-label="Invoiced and unpaid, by age">
        {bar('Not yet due', row.current, false)}
        {agingBuckets.map((bucket) => bar(`${bucket} days late`, row.overdue[bucket], true))}
      </div>
      <div class="figure muted"><span>At risk, with work in progress</span><strong>{show(row.atRiskExposure)}</strong></div>
      {late && <div class="figure overdue"><span>Late-payment interest and fees accrued</span><strong>{show(late.interest + late.fee)}</strong></div>}
    </section>
  );
}

interface MostOverdueProps {
  db: MilestoneDatabase;
  rows: BalanceWithCharges[];
  projects: Map<string, Project>;
  locale: string;
  today: string;
}

function MostOverdue({ db, rows, projects, locale, today }: MostOverdueProps) {
  const profile = useQuery(queries.setting(db, 'businessProfile'));
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const reply = (outcome: { ok: boolean; error?: string }, done: string) => setStatus(outcome.ok ? { text: done } : { text: outcome.error ?? '', error: true });
  return (
    <section class="card" aria-labelledby="most-overdue">
      <h2 id="most-overdue">Most overdue</h2>
      <ul class="plain">
        {rows.map(({ invoice, balance, daysOverdue, late }) => {
          const show = (minor: number) => formatMoney(money(minor, invoice.currency), locale);
          const amount = show(balance);
          const terms = projects.get(invoice.projectId)?.latePayment;
          const charges = late && late.interest + late.fee > 0 ? show(late.interest + late.fee) : undefined;
          const copy = () =>
            navigator.clipboard
              .writeText(
                reminderText({
                  client: invoice.buyer.name, number: invoice.number, amount, dueDate: invoice.dueDate, daysOverdue,
                  paymentInstructions: profile.data?.paymentInstructions ?? '', paymentLink: profile.data?.paymentLink ?? '', sender: invoice.seller.name,
                  ...(terms ? { lateTerms: describeLateTerms(terms, show, locale), lateCharges: charges } : {}),
                }),
              )
              .then(() => setStatus({ text: `Reminder for ${invoice.number} copied.` }), () => setStatus({ text: 'Could not copy to the clipboard', error: true }));
          return (
            <li key={invoice.id} class="overdue-invoice">
              <div class="figure">
                <span>{invoice.number} · {invoice.buyer.name}</span>
                <strong class="overdue">{amount}</strong>
              </div>
              <div class="muted">{daysOverdue} days overdue (due {invoice.dueDate}){charges && ` · ${charges} late charges`}</div>
              <div class="buttons">
                <button onClick={async () => reply(await request('invoice.payment', { invoiceId: invoice.id, amount: balance, date: today, method: 'Marked paid', note: '' }), `${invoice.number} marked paid.`)}>
                  Mark paid
                </button>
                <button onClick={copy}>Copy reminder</button>
                <button onClick={async () => reply(await request('invoice.download', { invoiceId: invoice.id }), `${invoice.number} downloaded.`)}>Open</button>
              </div>
            </li>
          );
        })}
      </ul>
      {status && <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>{status.text}</p>}
    </section>
  );
}
