/**
 * Activities as iCalendar (RFC 5545): per activity one recurring VEVENT with RRULE and EXDATE, plus an
 * override VEVENT (RECURRENCE-ID) for each moved or cancelled date, and the Europe/Stockholm VTIMEZONE.
 * Pure: the caller passes texts already in the reader's language and the clock.
 */
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { TIME_ZONE, Temporal, addDays, zoned } from '../../web/time.js';
import { ruleDates, skippedDates, toRRule, type Schedule } from './schedule.js';

export interface IcsActivity {
  id: number;
  title: string;
  description: string;
  location: string | null;
  url: string;
  /** Category name in the feed's language. */
  category?: string;
  /** ORGANIZER needs an email address; without one the organiser is left out. */
  organiser: { name: string; email: string } | null;
  schedule: Schedule;
}

export interface IcsOptions {
  /** Makes UIDs stable and globally unique: activity-42@host. */
  host: string;
  now: Date;
  /** Last date that EXDATEs and overrides are written for. */
  horizon: string;
  /** Calendar name shown by subscribing apps. */
  name: string;
  /** Feed language, written as the calendar's LANGUAGE in PRODID. */
  language?: string;
}

/** Compact local date-time as EXDATE and RECURRENCE-ID want it: 20261124T180000. */
function icsLocal(date: string, time: string): string {
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

/** UNTIL in UTC, as RFC 5545 requires when DTSTART has a time zone: the last second of validUntil. */
function icsUntil(date: string): string {
  return zoned(date, '23:59').add({ seconds: 59 }).toInstant().toString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

function endOf(date: string, s: { startTime: string; endTime: string }) {
  return zoned(s.endTime <= s.startTime ? addDays(date, 1) : date, s.endTime);
}

function newCalendar(options: IcsOptions): ICalCalendar {
  return ical({
    prodId: { company: 'Tillsammans', product: 'calendar', language: (options.language ?? 'sv').toUpperCase() },
    name: options.name,
    // No calendar-wide zone: with one, DTSTAMP would be written in local time without Z.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
}

function addActivity(cal: ICalCalendar, a: IcsActivity, options: IcsOptions): void {
  const s = a.schedule;
  const uid = `activity-${a.id}@${options.host}`;
  const common = {
    summary: a.title,
    description: a.description,
    location: a.location,
    url: a.url,
    timezone: TIME_ZONE,
    stamp: Temporal.Instant.fromEpochMilliseconds(options.now.getTime()),
    ...(a.category ? { categories: [{ name: a.category }] } : {}),
    ...(a.organiser ? { organizer: a.organiser } : {}),
  };
  const rrule = toRRule(s.recurrence);
  let repeating: string | null = null;
  if (rrule) {
    const until = s.validUntil ? `;UNTIL=${icsUntil(s.validUntil)}` : '';
    const excluded = skippedDates(s, s.startDate, options.horizon).map((d) => icsLocal(d.date, s.startTime));
    repeating = `RRULE:${rrule}${until}`;
    if (excluded.length > 0) repeating += `\r\nEXDATE;TZID=${TIME_ZONE}:${excluded.join(',')}`;
  }
  cal.createEvent({ ...common, id: uid, start: zoned(s.startDate, s.startTime), end: endOf(s.startDate, s), repeating });
  const produced = new Set(rrule ? ruleDates(s, s.startDate, options.horizon) : [s.startDate]);
  for (const change of s.changes) {
    if (!produced.has(change.originalDate)) continue;
    const recurrenceId = zoned(change.originalDate, s.startTime);
    const description = change.note ? `${change.note}\n\n${a.description}` : a.description;
    if (change.kind === 'cancelled') {
      cal.createEvent({
        ...common,
        id: uid,
        recurrenceId,
        start: recurrenceId,
        end: endOf(change.originalDate, s),
        status: ICalEventStatus.CANCELLED,
        description,
      });
    } else {
      const date = change.newDate ?? change.originalDate;
      const times = { startTime: change.newStartTime ?? s.startTime, endTime: change.newEndTime ?? s.endTime };
      cal.createEvent({ ...common, id: uid, recurrenceId, start: zoned(date, times.startTime), end: endOf(date, times), description });
    }
  }
}

/** The .ics text of one activity. */
export function activityToIcs(a: IcsActivity, options: IcsOptions): string {
  return activitiesToIcs([a], options);
}

/** The .ics text of many activities: a subscribable feed. */
export function activitiesToIcs(list: IcsActivity[], options: IcsOptions): string {
  const cal = newCalendar(options);
  for (const a of list) addActivity(cal, a, options);
  return cal.toString();
}
