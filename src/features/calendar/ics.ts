/**
 * An activity as an iCalendar file (RFC 5545): one recurring VEVENT with RRULE and EXDATE, plus an
 * override VEVENT (RECURRENCE-ID) for each moved or cancelled date, and the Europe/Stockholm VTIMEZONE.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { TIME_ZONE, Temporal, addDays, zoned } from '../../web/time.js';
import { ruleDates, skippedDates, toRRule, type Schedule } from './schedule.js';

export interface IcsActivity {
  id: number;
  title: string;
  description: string;
  location: string | null;
  url: string;
  /** ORGANIZER needs an email address; without one the organiser is left out. */
  organiser: { name: string; email: string } | null;
  schedule: Schedule;
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

/** The .ics text of one activity. `host` makes UIDs stable and globally unique. */
export function activityToIcs(a: IcsActivity, options: { host: string; now: Date; horizon: string }): string {
  const s = a.schedule;
  const cal = ical({
    prodId: { company: 'Tillsammans', product: 'calendar', language: 'SV' },
    name: a.title,
    // No calendar-wide zone: with one, DTSTAMP would be written in local time without Z.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const uid = `activity-${a.id}@${options.host}`;
  const common = {
    summary: a.title,
    description: a.description,
    location: a.location,
    url: a.url,
    timezone: TIME_ZONE,
    stamp: Temporal.Instant.fromEpochMilliseconds(options.now.getTime()),
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
  cal.createEvent({
    ...common,
    id: uid,
    start: zoned(s.startDate, s.startTime),
    end: endOf(s.startDate, s),
    repeating,
  });
  const produced = new Set(rrule ? ruleDates(s, s.startDate, options.horizon) : [s.startDate]);
  for (const change of s.changes) {
    if (!produced.has(change.originalDate)) continue;
    const recurrenceId = zoned(change.originalDate, s.startTime);
    if (change.kind === 'cancelled') {
      cal.createEvent({
        ...common,
        id: uid,
        recurrenceId,
        start: recurrenceId,
        end: endOf(change.originalDate, s),
        status: ICalEventStatus.CANCELLED,
        description: change.note ? `${change.note}\n\n${a.description}` : a.description,
      });
    } else {
      const date = change.newDate ?? change.originalDate;
      const times = { startTime: change.newStartTime ?? s.startTime, endTime: change.newEndTime ?? s.endTime };
      cal.createEvent({
        ...common,
        id: uid,
        recurrenceId,
        start: zoned(date, times.startTime),
        end: endOf(date, times),
        description: change.note ? `${change.note}\n\n${a.description}` : a.description,
      });
    }
  }
  return cal.toString();
}
