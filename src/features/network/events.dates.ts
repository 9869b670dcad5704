/**
 * Which occurrence a sign-up date names, and what the mails and pages say about it. A sign-up belongs
 * to the date the schedule gives an occurrence (its original date when it was moved), so the link
 * /anmalan/<id>/<date> keeps working when the organiser moves the meeting.
 */
import type { Db } from '../../db/index.js';
import { addDays, isIsoDate } from '../../web/time.js';
import { expandSchedule, localiseActivity, MAX_MOVE_DAYS, type ActivityDetail, type ExpandedOccurrence, type Schedule } from '../calendar/index.js';
import type { EventFacts } from './events.mail.js';
import type { SignupSettings } from './signup.js';

/** The occurrence the schedule gives this (original) date, cancelled or moved ones included; undefined when it gives none. */
export function occurrenceOn(schedule: Schedule, date: string): ExpandedOccurrence | undefined {
  if (!isIsoDate(date)) return undefined;
  return expandSchedule(schedule, addDays(date, -MAX_MOVE_DAYS), addDays(date, MAX_MOVE_DAYS)).find((o) => o.originalDate === date);
}

/** The occurrences from `from` to `to` (by their dates), for the organiser's list of dates. */
export function occurrencesBetween(schedule: Schedule, from: string, to: string): ExpandedOccurrence[] {
  return expandSchedule(schedule, from, to);
}

/** "Föreningarnas Hus, Olaigatan 4, 703 61 Örebro". */
export function placeLine(a: ActivityDetail): string | null {
  if (!a.place) return null;
  return [a.place.name, a.place.address, [a.place.postalCode, a.place.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** What the mails say about the event, with the title in `language` where it is translated. */
export async function eventFacts(db: Db, a: ActivityDetail, occurrence: ExpandedOccurrence, settings: SignupSettings | undefined, language: string): Promise<EventFacts> {
  const texts = await localiseActivity(db, a, language);
  return {
    title: texts.title.text,
    localDate: occurrence.localDate,
    startTime: occurrence.startTime,
    endTime: occurrence.endTime,
    place: placeLine(a),
    note: settings?.note ?? null,
    organiser: a.hosts.map((h) => h.name).join(', '),
  };
}
