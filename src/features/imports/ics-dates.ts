/**
 * Dates and times of parsed calendar events as Tillsammans keeps them: a local date and HH:MM in
 * Europe/Stockholm. node-ical gives a Date with the zone it resolved (`tz`); a time without a zone
 * ("floating") or with a zone it could not resolve arrives as the wall-clock time in the process's
 * own zone, so that wall-clock time is read back and placed in the zone we resolve. Pure.
 */
import { Temporal, TIME_ZONE, addDays } from '../../web/time.js';
import { ianaZoneFor, isIanaZone } from './time-zones.js';

/** A Date as node-ical returns it. */
export type IcsDate = Date & { tz?: string; dateOnly?: boolean };

export type Moment =
  | { kind: 'allDay'; date: string }
  | {
      kind: 'time';
      /** Local date and HH:MM in Stockholm. */
      date: string;
      time: string;
      epochMs: number;
      /** The date in the zone the event was written in (RRULE weekdays count there). */
      sourceDate: string;
      sourceZone: string;
    };

const pad = (n: number) => String(n).padStart(2, '0');

/** node-ical resolved a fixed offset ("(UTC+03:00) …", "UTC+02:00", "+0530"): its instant is right, the zone is that offset. */
function offsetZone(tz: string): string | null {
  const m = /(?:^|UTC|GMT|\()\s*([+-])(\d{1,2}):?(\d{2})?/.exec(tz);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${pad(hours)}:${pad(minutes)}`;
}

/**
 * The moment of a node-ical date in Stockholm. `floatingZone` is where times without a zone are
 * read (X-WR-TIMEZONE, else Stockholm). Null for something that is not a date.
 */
export function momentOf(value: unknown, floatingZone: string): Moment | null {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return null;
  const d = value as IcsDate;
  // node-ical builds date-only values as local midnight of the process.
  if (d.dateOnly) return { kind: 'allDay', date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` };
  let instant: Temporal.Instant;
  let sourceZone: string;
  const tz = d.tz;
  const offset = tz && !isIanaZone(tz) ? offsetZone(tz) : null;
  if (tz && isIanaZone(tz)) {
    instant = Temporal.Instant.fromEpochMilliseconds(d.getTime());
    sourceZone = tz;
  } else if (offset) {
    instant = Temporal.Instant.fromEpochMilliseconds(d.getTime());
    sourceZone = offset;
  } else {
    sourceZone = tz ? ianaZoneFor(tz) : floatingZone;
    const wall = new Temporal.PlainDateTime(d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
    instant = wall.toZonedDateTime(sourceZone, { disambiguation: 'compatible' }).toInstant();
  }
  const local = instant.toZonedDateTimeISO(TIME_ZONE);
  return {
    kind: 'time',
    date: local.toPlainDate().toString(),
    time: `${pad(local.hour)}:${pad(local.minute)}`,
    epochMs: instant.epochMilliseconds,
    sourceDate: instant.toZonedDateTimeISO(sourceZone).toPlainDate().toString(),
    sourceZone,
  };
}

/** An event with no end (or one before its start) lasts this long. */
export const DEFAULT_MINUTES = 60;

export type TimeSpan = { startTime: string; endTime: string; clamped: boolean };

/**
 * Start and end time of an event on its start date. An end after midnight is kept (the schedule
 * reads an end before the start as the next day); an event of a day or more is cut at 23:59 of its
 * first day (`clamped`); no end, or an end before (or within a minute of) the start, gives an hour. Null when nothing fits.
 */
export function timeSpan(start: Extract<Moment, { kind: 'time' }>, end: Moment | null): TimeSpan | null {
  const endMs = end?.kind === 'time' ? end.epochMs : Number.NaN;
  const minutes = Number.isNaN(endMs) ? 0 : (endMs - start.epochMs) / 60_000;
  if (minutes < 1) {
    const later = Temporal.Instant.fromEpochMilliseconds(start.epochMs + DEFAULT_MINUTES * 60_000).toZonedDateTimeISO(TIME_ZONE);
    return { startTime: start.time, endTime: `${pad(later.hour)}:${pad(later.minute)}`, clamped: false };
  }
  if (minutes >= 24 * 60) {
    return start.time < '23:59' ? { startTime: start.time, endTime: '23:59', clamped: true } : null;
  }
  const endTime = (end as Extract<Moment, { kind: 'time' }>).time;
  return endTime === start.time ? null : { startTime: start.time, endTime, clamped: false };
}

/** Whole days from the date an event was written on to its Stockholm date (−1, 0 or 1). */
export function dayShift(m: Extract<Moment, { kind: 'time' }>): number {
  if (m.sourceDate === m.date) return 0;
  return addDays(m.sourceDate, 1) === m.date ? 1 : addDays(m.sourceDate, -1) === m.date ? -1 : 0;
}
