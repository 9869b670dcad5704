/** Calendar arithmetic on local dates in Europe/Stockholm, the only time zone Tillsammans shows. */
import { Temporal } from 'temporal-polyfill';

export { Temporal };
export const TIME_ZONE = 'Europe/Stockholm';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** True for a wall-clock time written HH:MM (00:00 to 23:59). */
export function isTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** Today's date in Stockholm for the given instant. */
export function localToday(now: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(TIME_ZONE).toPlainDate().toString();
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

/** Monday of the ISO week that holds the date. */
export function startOfIsoWeek(date: string): string {
  const d = Temporal.PlainDate.from(date);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}

/** ISO week number and its week-year (the year the week's Thursday falls in). */
export function isoWeek(date: string): { week: number; year: number } {
  const d = Temporal.PlainDate.from(date);
  return { week: d.weekOfYear ?? 1, year: d.yearOfWeek ?? d.year };
}

/** Monday of ISO week `week` in week-year `year`, or null when the year has no such week. */
export function mondayOfIsoWeek(year: number, week: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(week) || week < 1 || week > 53 || year < 1900 || year > 2200) {
    return null;
  }
  const jan4 = Temporal.PlainDate.from({ year, month: 1, day: 4 });
  const monday = jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: week - 1 });
  return isoWeek(monday.toString()).week === week ? monday.toString() : null;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** The UTC instant of a local date and wall-clock time in Stockholm, as an ISO string. */
export function localToInstant(date: string, time: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`)
    .toZonedDateTime(TIME_ZONE, { disambiguation: 'compatible' })
    .toInstant()
    .toString();
}

/** A local date and time as a Temporal.ZonedDateTime in Stockholm. */
export function zoned(date: string, time: string): Temporal.ZonedDateTime {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(TIME_ZONE, { disambiguation: 'compatible' });
}
