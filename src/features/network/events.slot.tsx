/**
 * The sign-up part of an activity's public page: for each upcoming date with sign-up on, the places
 * left, "full: join the waiting list" or "sign-up closed", and the way to the date's form. The
 * calendar draws it under the dates when the activity's registration is "sign-up in Tillsammans"
 * (app.ts hands it to the calendar's routes).
 */
import type { VNode } from 'preact';
import type { Db } from '../../db/index.js';
import { formatDate, formatTimeRange } from '../../i18n/index.js';
import { Icon } from '../../web/icon.js';
import { usePage } from '../../web/page.js';
import { addDays, localToday } from '../../web/time.js';
import { MAX_MOVE_DAYS, type ActivityDetail, type ExpandedOccurrence } from '../calendar/index.js';
import { countSignups, listSettings } from './events.store.js';
import { availability, type Availability } from './signup.js';

export interface SlotRow {
  occurrence: ExpandedOccurrence;
  availability: Availability;
}

/** The path of a date's sign-up form. */
export const signupPath = (activityId: number, date: string) => `/anmalan/${activityId}/${date}`;

/** What a date offers, in words: "12 places left", "Full – join the waiting list", "Sign-up closed". */
export function AvailabilityText(props: { availability: Availability }) {
  const { t } = usePage();
  const a = props.availability;
  if (a.state === 'open') {
    return <span class="badge badge-ok">{a.placesLeft === null ? t('events.slot.open') : t('events.slot.placesLeft', { places: a.placesLeft })}</span>;
  }
  if (a.state === 'waitlist') return <span class="badge badge-moved">{t('events.slot.full')}</span>;
  return <span class="badge badge-cancelled">{t(a.reason === 'cancelled' ? 'events.slot.cancelled' : 'events.slot.closed')}</span>;
}

export function SignupDates(props: { activityId: number; rows: SlotRow[] }) {
  const { t, lang, href } = usePage();
  return (
    <section class="signup-slot" aria-labelledby="signup-heading">
      <h2 id="signup-heading">{t('events.slot.heading')}</h2>
      {props.rows.length === 0 ? (
        <p>{t('events.slot.notYet')}</p>
      ) : (
        <ul class="signup-dates">
          {props.rows.map(({ occurrence: o, availability: a }) => (
            <li key={o.originalDate}>
              <span class="date">{formatDate(lang, o.localDate, 'weekdayDayMonth')}</span>{' '}
              <bdi class="time" dir="ltr">
                {formatTimeRange(lang, o.startTime, o.endTime)}
              </bdi>{' '}
              <AvailabilityText availability={a} />
              {a.state === 'open' || a.state === 'waitlist' ? (
                <a class="button" href={href(signupPath(props.activityId, o.originalDate))}>
                  <Icon name="user-plus" />
                  {a.state === 'open' ? t('events.slot.signUp') : t('events.slot.joinWaitingList')}
                  <span class="visually-hidden">{`, ${formatDate(lang, o.localDate, 'weekdayDayMonth')}`}</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The calendar's activity slot: nothing unless the activity takes sign-ups in Tillsammans; then the
 * dates shown on the page that have sign-up on, each with what it offers now.
 */
export async function signupSlot(db: Db, activity: ActivityDetail, upcoming: ExpandedOccurrence[], now: Date): Promise<VNode | null> {
  if (activity.registration !== 'signup') return null;
  const settings = await listSettings(db, activity.id, addDays(localToday(now), -MAX_MOVE_DAYS));
  const byDate = new Map(settings.map((s) => [s.date, s]));
  const dates = upcoming.filter((o) => byDate.has(o.originalDate));
  const counts = await countSignups(db, activity.id, dates.map((o) => o.originalDate));
  const rows = dates.map((o) => ({ occurrence: o, availability: availability(byDate.get(o.originalDate)!, o, counts.get(o.originalDate)!, now) }));
  return <SignupDates activityId={activity.id} rows={rows} />;
}
