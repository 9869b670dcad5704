/**
 * RRULEs as the schedule's recurrences: which rules it can express (weekly with interval and
 * weekdays, daily ones that are weekly in disguise, monthly on the nth weekday) and where a series
 * ends (UNTIL, counted in Stockholm time). Pure.
 */
import { Temporal, TIME_ZONE, addDays, isoWeekday } from '../../web/time.js';
import { WEEKDAYS, type Recurrence, type Weekday } from '../calendar/index.js';

/** The parts of an RRULE line ("FREQ=WEEKLY;BYDAY=TU") by name. */
export function ruleParts(rrule: string): Map<string, string> {
  const parts = new Map<string, string>();
  const body = rrule.split(/\r?\n/).find((l) => /^RRULE:/i.test(l)) ?? rrule;
  for (const part of body.replace(/^RRULE:/i, '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim().toUpperCase(), part.slice(eq + 1).trim().toUpperCase());
  }
  return parts;
}

/** Frequencies below a day: not something a weekly activity is. */
export const SUB_DAILY = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
/** Parts that make a rule produce several times a day. */
export const TIME_PARTS = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
const MAPPABLE = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYSETPOS', 'COUNT', 'UNTIL', 'WKST']);

function shiftWeekday(day: Weekday, shift: number): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + shift + 7) % 7]!;
}

/**
 * The schedule's recurrence for an RRULE, or null when it has none (then it is expanded). `startDate`
 * is the Stockholm date of DTSTART; `shift` how many days it lies from the date it was written on.
 */
export function recurrenceFor(parts: Map<string, string>, startDate: string, shift: number): Recurrence | null {
  if ([...parts.keys()].some((k) => !MAPPABLE.has(k))) return null;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1) return null;
  const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  const plain = byDay.every((d) => (WEEKDAYS as readonly string[]).includes(d));
  const startDay = WEEKDAYS[isoWeekday(startDate) - 1]!;
  const days = (list: string[]) => [...new Set(list.map((d) => shiftWeekday(d as Weekday, shift)))].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  switch (parts.get('FREQ')) {
    case 'WEEKLY': {
      if (!plain || interval > 52 || parts.has('BYSETPOS')) return null;
      const weekdays = byDay.length > 0 ? days(byDay) : [startDay];
      // Weeks counted from another first weekday give other dates when several days repeat every n weeks.
      if (interval > 1 && weekdays.length > 1 && (parts.get('WKST') ?? 'MO') !== 'MO') return null;
      return { kind: 'weekly', interval, weekdays };
    }
    case 'DAILY': {
      if (!plain || parts.has('BYSETPOS')) return null;
      if (byDay.length > 0) return interval === 1 ? { kind: 'weekly', interval: 1, weekdays: days(byDay) } : null;
      if (interval === 1) return { kind: 'weekly', interval: 1, weekdays: [...WEEKDAYS] };
      if (interval % 7 === 0 && interval / 7 <= 52) return { kind: 'weekly', interval: interval / 7, weekdays: [startDay] };
      return null;
    }
    case 'MONTHLY': {
      if (interval !== 1 || shift !== 0 || byDay.length !== 1) return null;
      const setPos = parts.get('BYSETPOS');
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay[0]!);
      if (!m) return null;
      const nth = Number(m[1] ?? setPos ?? 'NaN');
      if ((m[1] !== undefined && setPos !== undefined) || !Number.isInteger(nth) || nth === 0 || nth < -5 || nth > 5) return null;
      return { kind: 'monthly', nth, weekday: m[2] as Weekday };
    }
    default:
      return null;
  }
}

/** UNTIL as the last Stockholm date a series starting at `startTime` can meet on. */
export function untilDate(until: string, startTime: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(until);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return date;
  const wall = Temporal.PlainDateTime.from(`${date}T${m[4]}:${m[5]}:${m[6]}`);
  const local = m[7] === 'Z' ? wall.toZonedDateTime('UTC').withTimeZone(TIME_ZONE) : wall.toZonedDateTime(TIME_ZONE);
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  const day = local.toPlainDate().toString();
  return time >= startTime ? day : addDays(day, -1);
}
