import type { CashForecast } from '../lib/billing/cash-forecast';
import { formatMoney, money } from '../lib/billing/money';
import { formatDay } from '../lib/ui/format-date';
import { t } from '../lib/ui/i18n';

/** Expected cash in by week for one currency: bars for the eye, a table for screen readers. */
export function CashForecastChart({ forecast, locale }: { forecast: CashForecast; locale: string }) {
  const { currency, weeks, total, overdue } = forecast;
  const show = (amount: number) => formatMoney(money(amount, currency), locale);
  const largest = Math.max(...weeks.map((week) => week.amount), 1);
  const id = `forecast-${currency}`;
  return (
    <section class="card" aria-labelledby={id} data-testid={`forecast-${currency}`}>
      <h2 id={id}>{t('forecastHeading', currency)}</h2>
      <div class="figure"><span>{t('forecastTotal')}</span><strong>{show(total)}</strong></div>
      {overdue > 0 && <div class="figure overdue"><span>{t('forecastOverdue')}</span><strong>{show(overdue)}</strong></div>}
      <div class="week-chart" aria-hidden="true">
        {weeks.map((week, i) => (
          <span key={week.start} class="week-bar" style={{ height: `${Math.max((week.amount / largest) * 100, week.amount ? 4 : 0)}%` }}>
            {i === 0 && overdue > 0 && <span class="late" style={{ height: `${(overdue / week.amount) * 100}%` }} />}
          </span>
        ))}
      </div>
      <div class="week-axis" aria-hidden="true">
        <span>{formatDay(weeks[0]!.start, locale, 'short-month')}</span>
        <span>{formatDay(weeks[weeks.length - 1]!.start, locale, 'short-month')}</span>
      </div>
      <table class="visually-hidden">
        <caption>{t('forecastCaption', currency)}</caption>
        <thead><tr><th scope="col">{t('weekOf')}</th><th scope="col">{t('expected')}</th></tr></thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.start}><td>{formatDay(week.start, locale)}</td><td>{show(week.amount)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
