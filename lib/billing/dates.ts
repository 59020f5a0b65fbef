/**
 * Calendar dates as ISO strings ("2026-11-24"). Invoices carry dates, not instants, so all
 * arithmetic is done in UTC where no daylight-saving shift can move a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  return Date.parse(`${date}T00:00:00Z`);
}

const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

export function endOfMonth(date: IsoDate): IsoDate {
  const start = new Date(toUtc(date));
  return fromUtc(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The local calendar date of an instant: what the user's wall calendar says today. */
export function localDate(instant: Date): IsoDate {
  const offsetMs = instant.getTimezoneOffset() * 60_000;
  return fromUtc(instant.getTime() - offsetMs);
}
