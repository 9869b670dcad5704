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
  // Asked on every request: the answer is kept for the minute (a day always starts on a whole minute).
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== todayMemo.minute) {
    todayMemo.date = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(TIME_ZONE).toPlainDate().toString();
    todayMemo.minute = minute;
  }
  return todayMemo.date;
}

const todayMemo = { minute: Number.NaN, date: '' };

/**
 * A YYYY-MM-DD date as days since 1970-01-01, and back. The arithmetic below runs many times per page
 * (every day of a week, every row's date), so it is plain integer arithmetic on UTC midnights rather
 * than Temporal objects; the proleptic Gregorian calendar of both is the same.
 */
function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`not a date: ${date}`);
  const n = Date.UTC(Number(m[1]), month - 1, day) / DAY_MS;
  // 2026-02-30 would roll over into March: refused, as Temporal refuses it.
  if (day > 28 && fromDayNumber(n).slice(8) !== m[3]) throw new RangeError(`not a date: ${date}`);
  return n;
}

const DAY_MS = 86_400_000;

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday of a day number: 1970-01-01 was a Thursday (4). */
function weekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Monday of the ISO week that holds the date. */
export function startOfIsoWeek(date: string): string {
  const n = dayNumber(date);
  return fromDayNumber(n - weekdayOf(n) + 1);
}

/** ISO week number and its week-year (the year the week's Thursday falls in). */
export function isoWeek(date: string): { week: number; year: number } {
  const n = dayNumber(date);
  const thursday = n - weekdayOf(n) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return { week, year };
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
  return weekdayOf(dayNumber(date));
}

/** Instants already worked out, by local date and time (the same few hundred recur on every page). */
const instants = new Map<string, string>();
const INSTANTS_MAX = 50_000;

/** The UTC instant of a local date and wall-clock time in Stockholm, as an ISO string. */
export function localToInstant(date: string, time: string): string {
  const key = `${date}T${time}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = Temporal.PlainDateTime.from(key).toZonedDateTime(TIME_ZONE, { disambiguation: 'compatible' }).toInstant().toString();
    if (instants.size >= INSTANTS_MAX) instants.clear();
    instants.set(key, instant);
  }
  return instant;
}

/** A local date and time as a Temporal.ZonedDateTime in Stockholm. */
export function zoned(date: string, time: string): Temporal.ZonedDateTime {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(TIME_ZONE, { disambiguation: 'compatible' });
}
