/**
 * Schedules and their occurrences: the recurrence rules an activity follows, expanded into dated
 * instances in Europe/Stockholm. Pure: no clock, no database.
 */
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal, TIME_ZONE, addDays, isIsoDate, isTime, localToInstant, zoned } from '../../web/time.js';
import { holidayOn } from '../holidays/index.js';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Recurrence =
  | { kind: 'once' }
  /** Every `interval` weeks on the given weekdays (1 = weekly, 2 = every other week). */
  | { kind: 'weekly'; interval: number; weekdays: Weekday[] }
  /**
   * The `nth` weekday of the month; −1 is the last. `interval` months apart, counted from the start
   * date's month (absent or 1: every month; 3: quarterly, as the coordinator's network meetings).
   */
  | { kind: 'monthly'; nth: number; weekday: Weekday; interval?: number };

/** The most months apart a monthly rule may be (once a year). */
export const MAX_MONTHLY_INTERVAL = 12;

export interface SchedulePause {
  fromDate: string;
  toDate: string;
  note: string | null;
}

export interface OccurrenceChange {
  originalDate: string;
  kind: 'cancelled' | 'moved';
  newDate: string | null;
  newStartTime: string | null;
  newEndTime: string | null;
  note: string | null;
}

export interface Schedule {
  recurrence: Recurrence;
  /** First (or only) date, YYYY-MM-DD local. */
  startDate: string;
  startTime: string;
  endTime: string;
  /** Last date the rule may produce, inclusive. */
  validUntil: string | null;
  pauses: SchedulePause[];
  /** Dates the rule skips silently (EXDATE). */
  exceptions: string[];
  changes: OccurrenceChange[];
  /** Meets on public holidays and common eves too; absent or false: no meeting on them. */
  runsOnHolidays?: boolean;
}

export type OccurrenceStatus = 'scheduled' | 'cancelled' | 'moved';
/** Why a date the rule produces does not happen. */
export type SkipReason = 'paused' | 'exception' | 'holiday';

export interface ExpandedOccurrence {
  localDate: string;
  startTime: string;
  endTime: string;
  /** UTC instants. */
  startsAt: string;
  endsAt: string;
  status: OccurrenceStatus;
  originalDate: string;
  note: string | null;
}

export interface SkippedDate {
  date: string;
  reason: SkipReason;
  /** The pause's note, or the holiday's Swedish name. */
  note: string | null;
}

export class ScheduleError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The RRULE text for a recurrence, or null for a single date. */
export function toRRule(rec: Recurrence): string | null {
  switch (rec.kind) {
    case 'once':
      return null;
    case 'weekly': {
      const interval = rec.interval > 1 ? `;INTERVAL=${rec.interval}` : '';
      return `FREQ=WEEKLY${interval};BYDAY=${rec.weekdays.join(',')}`;
    }
    case 'monthly': {
      const interval = (rec.interval ?? 1) > 1 ? `;INTERVAL=${rec.interval}` : '';
      return `FREQ=MONTHLY${interval};BYDAY=${rec.nth}${rec.weekday}`;
    }
  }
}

/** Reads the RRULE shapes Tillsammans writes; anything else is a ScheduleError. */
export function parseRRule(rrule: string | null): Recurrence {
  if (rrule === null || rrule === '') return { kind: 'once' };
  const parts = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (key && value) parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1 || interval > 52) throw new ScheduleError('schedule.badInterval');
  const freq = parts.get('FREQ');
  if (freq === 'WEEKLY') {
    const weekdays = byDay.filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
    if (weekdays.length === 0 || weekdays.length !== byDay.length) throw new ScheduleError('schedule.badWeekdays');
    return { kind: 'weekly', interval, weekdays };
  }
  if (freq === 'MONTHLY' && byDay.length === 1 && interval <= MAX_MONTHLY_INTERVAL) {
    const m = /^(-?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay[0]!);
    if (m) return { kind: 'monthly', nth: Number(m[1]), weekday: m[2] as Weekday, ...(interval > 1 ? { interval } : {}) };
  }
  throw new ScheduleError('schedule.unsupportedRule');
}

/** Checks a schedule's own consistency; returns error codes (empty when valid). */
export function validateSchedule(s: Schedule): string[] {
  const errors: string[] = [];
  if (!isIsoDate(s.startDate)) errors.push('schedule.badStartDate');
  if (!isTime(s.startTime)) errors.push('schedule.badStartTime');
  if (!isTime(s.endTime)) errors.push('schedule.badEndTime');
  if (s.startTime === s.endTime) errors.push('schedule.endEqualsStart');
  const r = s.recurrence;
  if (r.kind === 'monthly' && r.interval !== undefined && (!Number.isInteger(r.interval) || r.interval < 1 || r.interval > MAX_MONTHLY_INTERVAL)) {
    errors.push('schedule.badInterval');
  }
  if (s.validUntil !== null && (!isIsoDate(s.validUntil) || s.validUntil < s.startDate)) {
    errors.push('schedule.badValidUntil');
  }
  for (const p of s.pauses) {
    if (!isIsoDate(p.fromDate) || !isIsoDate(p.toDate) || p.toDate < p.fromDate) errors.push('schedule.badPause');
  }
  return errors;
}

/** Ends at or before the start mean the activity runs past midnight. */
function endDateFor(date: string, startTime: string, endTime: string): string {
  return endTime <= startTime ? addDays(date, 1) : date;
}

function occurrence(
  date: string,
  startTime: string,
  endTime: string,
  status: OccurrenceStatus,
  originalDate: string,
  note: string | null,
): ExpandedOccurrence {
  return {
    localDate: date,
    startTime,
    endTime,
    startsAt: localToInstant(date, startTime),
    endsAt: localToInstant(endDateFor(date, startTime, endTime), endTime),
    status,
    originalDate,
    note,
  };
}

/** The dates the rule itself produces in [from, to], before pauses, exceptions and changes (kept: not to be changed). */
export function ruleDates(s: Schedule, from: string, to: string): readonly string[] {
  const last = s.validUntil !== null && s.validUntil < to ? s.validUntil : to;
  const first = s.startDate > from ? s.startDate : from;
  if (last < first) return [];
  if (s.recurrence.kind === 'once') return s.startDate >= first && s.startDate <= last ? [s.startDate] : [];
  const rrule = toRRule(s.recurrence)!;
  const key = `${rrule}|${s.startDate}|${s.startTime}|${first}|${last}`;
  let dates = ruleDateLists.get(key);
  if (dates === undefined) {
    dates = expandRule(rrule, s, first, last);
    if (ruleDatesHeld + dates.length > RULE_DATES_MAX) {
      ruleDateLists.clear();
      ruleDatesHeld = 0;
    }
    ruleDateLists.set(key, dates);
    ruleDatesHeld += dates.length;
  }
  return dates;
}

/** Dates a rule gave, by rule, start and range: a page draws the same activities' dates over and over. */
const ruleDateLists = new Map<string, readonly string[]>();
/** At most this many dates are kept (some ten megabytes); then the lists are dropped and made again as asked for. */
const RULE_DATES_MAX = 200_000;
let ruleDatesHeld = 0;

function expandRule(rrule: string, s: Schedule, first: string, last: string): string[] {
  const rule = new RRuleTemporal({
    rruleString: rrule,
    dtstart: zoned(s.startDate, s.startTime),
    tzid: TIME_ZONE,
    temporal: Temporal,
    maxIterations: 20_000,
  });
  const after = zoned(first, '00:00');
  const before = zoned(addDays(last, 1), '00:00');
  return rule
    .between(after, before, true)
    .map((z) => z.toPlainDate().toString())
    .filter((d) => d >= first && d <= last);
}

function pauseOn(s: Schedule, date: string): SchedulePause | undefined {
  return s.pauses.find((p) => date >= p.fromDate && date <= p.toDate);
}

/** The holiday that takes this date away from the schedule, if any. */
function holidayFor(s: Schedule, date: string): string | undefined {
  return s.runsOnHolidays ? undefined : holidayOn(date)?.name;
}

/** How far a moved occurrence may travel from the date the rule gave it. */
export const MAX_MOVE_DAYS = 60;

/**
 * Every occurrence whose (possibly moved) date lies in [from, to]: scheduled, cancelled or moved.
 * Paused, excepted and holiday dates are left out; `skippedDates` says which and why. A date an
 * editor cancelled or moved keeps that change even on a holiday: it was said explicitly.
 */
export function expandSchedule(s: Schedule, from: string, to: string): ExpandedOccurrence[] {
  const changes = new Map(s.changes.map((c) => [c.originalDate, c]));
  const exceptions = new Set(s.exceptions);
  const out: ExpandedOccurrence[] = [];
  for (const date of ruleDates(s, addDays(from, -MAX_MOVE_DAYS), addDays(to, MAX_MOVE_DAYS))) {
    if (exceptions.has(date) || pauseOn(s, date)) continue;
    const change = changes.get(date);
    if (!change && holidayFor(s, date)) continue;
    // Only a moved date can leave or enter [from, to]; the instants are worked out for those kept.
    const localDate = change?.kind === 'moved' ? (change.newDate ?? date) : date;
    if (localDate < from || localDate > to) continue;
    if (change?.kind === 'cancelled') {
      out.push(occurrence(date, s.startTime, s.endTime, 'cancelled', date, change.note));
    } else if (change?.kind === 'moved') {
      out.push(occurrence(localDate, change.newStartTime ?? s.startTime, change.newEndTime ?? s.endTime, 'moved', date, change.note));
    } else {
      out.push(occurrence(date, s.startTime, s.endTime, 'scheduled', date, null));
    }
  }
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Dates in [from, to] the rule produces but that do not happen, with the reason. */
export function skippedDates(s: Schedule, from: string, to: string): SkippedDate[] {
  const exceptions = new Set(s.exceptions);
  const out: SkippedDate[] = [];
  for (const date of ruleDates(s, from, to)) {
    const pause = pauseOn(s, date);
    const holiday = holidayFor(s, date);
    if (pause) out.push({ date, reason: 'paused', note: pause.note });
    else if (exceptions.has(date)) out.push({ date, reason: 'exception', note: null });
    else if (holiday && !s.changes.some((c) => c.originalDate === date)) out.push({ date, reason: 'holiday', note: holiday });
  }
  return out;
}
