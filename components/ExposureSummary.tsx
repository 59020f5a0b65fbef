import { useQuery } from '@tanstack/preact-query';
import { localDate } from '../lib/billing/dates';
import { formatMoney, money } from '../lib/billing/money';
import { agingBuckets, type Receivables } from '../lib/billing/receivables';
import type { MilestoneDatabase } from '../lib/db/database';
import { queries } from '../lib/ui/queries';
import { LoadError, Loading } from './Loading';

/** The popup's question: how much money is out there, unpaid, and how old is it. */
export function ExposureSummary({ db, locale, onOpenWorkspace }: { db: MilestoneDatabase; locale: string; onOpenWorkspace: () => void }) {
  const report = useQuery(queries.exposure(db, localDate(new Date())));
  if (report.isPending) return <Loading what="exposure" />;
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
  return (
    <>
      {report.data.byCurrency.map((row) => (
        <CurrencyExposure key={row.currency} row={row} locale={locale} />
      ))}
      <button onClick={onOpenWorkspace}>Open workspace</button>
    </>
  );
}

function CurrencyExposure({ row, locale }: { row: Receivables; locale: string }) {
  const show = (amount: number) => formatMoney(money(amount, row.currency), locale);
  return (
    <section class="card" aria-label={`Exposure in ${row.currency}`}>
      <div class="muted">Unpaid exposure · {row.currency}</div>
      <div class="headline" data-testid={`exposure-${row.currency}`}>{show(row.unpaidExposure)}</div>
      <div class="figure"><span>Delivered, not invoiced</span><strong>{show(row.deliveredNotInvoiced)}</strong></div>
      <div class="figure"><span>Invoiced, not yet due</span><strong>{show(row.current)}</strong></div>
      {agingBuckets.map((bucket) => (
        <div class={`figure ${row.overdue[bucket] ? 'overdue' : ''}`} key={bucket}>
          <span>Overdue {bucket} days</span>
          <strong>{show(row.overdue[bucket])}</strong>
        </div>
      ))}
      <div class="figure muted"><span>At risk incl. work in progress</span><strong>{show(row.atRiskExposure)}</strong></div>
    </section>
  );
}
