import type { IsoDate } from '../billing/dates';

/** A calendar date as the user's locale writes it ("Oct 29, 2026", "29.10.2026"); UTC so the day never shifts. */
export function formatDay(date: IsoDate, locale: string, style: 'medium' | 'short-month' = 'medium'): string {
  const options: Intl.DateTimeFormatOptions = style === 'medium' ? { dateStyle: 'medium' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
}
