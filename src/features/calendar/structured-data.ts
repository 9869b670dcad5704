/** schema.org Event data for an activity page, so search engines and assistants can read it. */
import { addDays } from '../../web/time.js';
import type { ActivityDetail } from './activity.js';
import { WEEKDAYS, expandSchedule } from './schedule.js';

const DAY_URLS: Record<(typeof WEEKDAYS)[number], string> = {
  MO: 'https://schema.org/Monday',
  TU: 'https://schema.org/Tuesday',
  WE: 'https://schema.org/Wednesday',
  TH: 'https://schema.org/Thursday',
  FR: 'https://schema.org/Friday',
  SA: 'https://schema.org/Saturday',
  SU: 'https://schema.org/Sunday',
};

export interface EventTexts {
  name: string;
  description: string;
  url: string;
  /** Language of name and description. */
  language: string;
  today: string;
}

/** The Event object; recurring activities carry an eventSchedule, one-offs a start and end. */
export function activityEvent(a: ActivityDetail, texts: EventTexts): Record<string, unknown> {
  const s = a.schedule;
  const next = expandSchedule(s, texts.today, addDays(texts.today, 400)).find((o) => o.status !== 'cancelled');
  const first = next ?? expandSchedule(s, s.startDate, addDays(s.startDate, 400))[0];
  const event: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: texts.name,
    description: texts.description,
    url: texts.url,
    inLanguage: [texts.language, ...a.languages.filter((l) => l !== texts.language)],
    isAccessibleForFree: a.isFree,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: a.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    organizer: a.hosts.map((h) => ({
      '@type': 'Organization',
      name: h.name,
      ...(h.website ? { url: h.website } : {}),
      ...(h.email ? { email: h.email } : {}),
      ...(h.phone ? { telephone: h.phone } : {}),
    })),
  };
  if (first) {
    event.startDate = first.startsAt;
    event.endDate = first.endsAt;
  }
  if (!a.isFree && a.costText) event.offers = { '@type': 'Offer', description: a.costText };
  if (a.place) {
    event.location = {
      '@type': 'Place',
      name: a.place.name,
      address: {
        '@type': 'PostalAddress',
        streetAddress: a.place.address,
        ...(a.place.postalCode ? { postalCode: a.place.postalCode } : {}),
        addressLocality: a.place.city,
        addressCountry: 'SE',
      },
      ...(a.place.latitude !== null && a.place.longitude !== null
        ? { geo: { '@type': 'GeoCoordinates', latitude: a.place.latitude, longitude: a.place.longitude } }
        : {}),
    };
  }
  const r = s.recurrence;
  if (r.kind !== 'once') {
    const schedule: Record<string, unknown> = {
      '@type': 'Schedule',
      startDate: s.startDate,
      startTime: `${s.startTime}:00`,
      endTime: `${s.endTime}:00`,
      scheduleTimezone: 'Europe/Stockholm',
    };
    if (s.validUntil) schedule.endDate = s.validUntil;
    if (r.kind === 'weekly') {
      schedule.repeatFrequency = `P${r.interval}W`;
      schedule.byDay = r.weekdays.map((d) => DAY_URLS[d]);
    } else {
      schedule.repeatFrequency = 'P1M';
      schedule.byDay = DAY_URLS[r.weekday];
      schedule.byMonthWeek = r.nth;
    }
    if (s.exceptions.length > 0) schedule.exceptDate = s.exceptions;
    event.eventSchedule = schedule;
  }
  return event;
}
