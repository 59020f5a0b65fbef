import { useQuery } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { localDate } from '../lib/billing/dates';
import { formatMoney, money } from '../lib/billing/money';
import { agingBuckets, type Receivables } from '../lib/billing/receivables';
import type { MilestoneDatabase } from '../lib/db/database';
import type { LateChargesByCurrency } from '../lib/db/exposure';
import { t } from '../lib/ui/i18n';
import { queries } from '../lib/ui/queries';
import type { WorkspaceTarget } from '../lib/ui/workspace-target';
import { CashForecastChart } from './CashForecastChart';
import { LoadError, Loading } from './Loading';
import { MostOverdue } from './MostOverdue';

interface Props {
  db: MilestoneDatabase;
  locale: string;
  onOpenWorkspace: () => void;
  onOpenItem: (target: WorkspaceTarget) => void;
  /** Shown below the figures, such as the backup reminder. */
  footer?: ComponentChildren;
}

/** The popup's question: how much money is out there, unpaid, and how old is it. Overdue invoices first. */
export function ExposureSummary({ db, locale, onOpenWorkspace, onOpenItem, footer }: Props) {
  const today = localDate(new Date());
  const report = useQuery(queries.exposure(db, today));
  const projects = useQuery(queries.projects(db));
  const clients = useQuery(queries.clients(db));
  // Names arrive after the figures: the kept summary alone is enough to answer at a glance.
  if (report.isPending) return <Loading what={t('loadingExposure')} />;
  if (report.isError) return <LoadError error={report.error} />;
  if (report.data.byProject.length === 0) {
    return (
      <div class="empty">
        <p>{t('noProjectsYet')}</p>
        <p class="muted">{t('popupEmptyHint')}</p>
        <button class="primary" onClick={onOpenWorkspace}>{t('openWorkspace')}</button>
      </div>
    );
  }
  const projectById = new Map((projects.data ?? []).map((project) => [project.id, project]));
  const clientName = new Map((clients.data ?? []).map((client) => [client.id, client.name]));
  const lateIn = (currency: string) => report.data.lateCharges.find((late) => late.currency === currency);
  const currencies = report.data.byCurrency.filter((row) => hasFigures(row, lateIn(row.currency)));
  const rows = report.data.byProject
    .filter((row) => row.unpaidExposure > 0)
    .sort((a, b) => b.overdueTotal - a.overdueTotal || b.unpaidExposure - a.unpaidExposure);
  const overdue = report.data.mostOverdue;
  return (
    <>
      <p class="muted basis" data-testid="exposure-basis">{t('exposureBasis')}</p>
      {overdue.length > 0 && <MostOverdue db={db} rows={overdue} locale={locale} today={today} onOpen={onOpenItem} />}
      {currencies.length === 0 && (
        <p class="card" role="status" data-testid="exposure-nothing">{t('exposureNothing')}</p>
      )}
      {currencies.map((row) => (
        <CurrencyExposure key={row.currency} row={row} late={lateIn(row.currency)} locale={locale} />
      ))}
      {report.data.cashForecast.map((forecast) => (
        <CashForecastChart key={forecast.currency} forecast={forecast} locale={locale} />
      ))}
      {rows.length > 0 && projects.data && clients.data && (
        <section class="card" aria-labelledby="by-project">
          <h2 id="by-project">{t('byProject')}</h2>
          <ul class="plain">
            {rows.map((row) => {
              const project = projectById.get(row.projectId);
              return (
                <li key={row.projectId}>
                  <button class="row-link" onClick={() => onOpenItem({ project: row.projectId })}>
                    <span>{project?.name}<span class="muted"> · {clientName.get(project?.clientId ?? '')}</span></span>
                    <span class={row.overdueTotal ? 'overdue' : ''}>{formatMoney(money(row.unpaidExposure, row.currency), locale)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {footer}
      <button onClick={onOpenWorkspace}>{t('openWorkspace')}</button>
    </>
  );
}

/** Whether a currency has anything to show; a card of zeros only crowds the popup. */
const hasFigures = (row: Receivables, late?: LateChargesByCurrency) => row.unpaidExposure > 0 || row.atRiskExposure > 0 || (late ? late.interest + late.fee > 0 : false);

function CurrencyExposure({ row, late, locale }: { row: Receivables; late?: LateChargesByCurrency; locale: string }) {
  const show = (amount: number) => formatMoney(money(amount, row.currency), locale);
  const ages = [
    { label: t('notYetDue'), amount: row.current, overdue: false },
    ...agingBuckets.map((bucket) => ({ label: t('bucketDaysLate', bucket), amount: row.overdue[bucket], overdue: true })),
  ].filter((age) => age.amount > 0);
  const largest = Math.max(...ages.map((age) => age.amount), 1);
  const charges = late ? late.interest + late.fee : 0;
  return (
    <section class="card" aria-label={t('exposureIn', row.currency)}>
      <div class="muted">{t('unpaidExposureIn', row.currency)}</div>
      <div class="headline" data-testid={`exposure-${row.currency}`}>{show(row.unpaidExposure)}</div>
      {row.deliveredNotInvoiced > 0 && <div class="figure"><span>{t('deliveredNotInvoiced')}</span><strong>{show(row.deliveredNotInvoiced)}</strong></div>}
      {ages.length > 0 && (
        <div class="chart" role="group" aria-label={t('invoicedUnpaidByAge')}>
          {ages.map((age) => (
            <div class={`bar-row ${age.overdue ? 'overdue' : ''}`} key={age.label}>
              <span class="bar-label">{age.label}</span>
              <span class="bar-track" aria-hidden="true"><span class="bar" style={{ width: `${(age.amount / largest) * 100}%` }} /></span>
              <strong>{show(age.amount)}</strong>
            </div>
          ))}
        </div>
      )}
      {row.atRiskExposure > row.unpaidExposure && <div class="figure muted"><span>{t('atRiskWithWork')}</span><strong>{show(row.atRiskExposure)}</strong></div>}
      {charges > 0 && <div class="figure overdue"><span>{t('lateChargesAccrued')}</span><strong>{show(charges)}</strong></div>}
    </section>
  );
}
