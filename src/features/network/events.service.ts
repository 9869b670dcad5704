/**
 * Events with sign-up, what the routes and the jobs share: telling a person about their sign-up (each
 * mail with a fresh single-use cancel link), the reminders the day before, and erasing personal data
 * some days after the event (outbox copies included), audited without personal data.
 */
import type { Db } from '../../db/index.js';
import type { MailSender } from '../../web/server.js';
import { addDays, localToday, localToInstant } from '../../web/time.js';
import { recordAudit } from '../audit/index.js';
import { findActivity, MAX_MOVE_DAYS, type ActivityDetail, type ExpandedOccurrence } from '../calendar/index.js';
import { deleteOutboxAbout } from '../mail/index.js';
import { eventFacts, occurrenceOn } from './events.dates.js';
import { sendSignupMail, signupSubject, type SignupMailKind } from './events.mail.js';
import { eraseSignupsUpTo } from './events.commands.js';
import { findSettings } from './events.queries.js';
import { listUnreminded, markReminded, newCancelToken, type Signup } from './events.store.js';
import { lastErasableDate, reminderDue } from './signup.js';

export interface EventDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
  /** Days after the event before sign-ups are erased (SIGNUP_RETENTION_DAYS). */
  retentionDays: number;
}

/**
 * The occurrence of a sign-up's date; when the schedule no longer gives that date (changed since),
 * the date with the schedule's times, so lists and mails still say when it was.
 */
export function occurrenceOf(a: ActivityDetail, date: string): ExpandedOccurrence {
  const found = occurrenceOn(a.schedule, date);
  if (found) return found;
  const { startTime, endTime } = a.schedule;
  return {
    localDate: date,
    startTime,
    endTime,
    startsAt: localToInstant(date, startTime),
    endsAt: localToInstant(endTime <= startTime ? addDays(date, 1) : date, endTime),
    status: 'scheduled',
    originalDate: date,
    note: null,
  };
}

/** Mails a person about their sign-up in their language, with a new cancel link (or the one given). */
export async function notifySignup(
  deps: EventDeps,
  kind: SignupMailKind,
  signup: Signup,
  options: { activity?: ActivityDetail; token?: string; position?: number; now: Date },
): Promise<void> {
  const activity = options.activity ?? (await findActivity(deps.db, signup.activityId, { includeUnpublished: true }));
  if (!activity) return;
  const settings = await findSettings(deps.db, signup.activityId, signup.date);
  const facts = await eventFacts(deps.db, activity, occurrenceOf(activity, signup.date), settings, signup.language);
  const token = options.token ?? (await newCancelToken(deps.db, signup.id, options.now));
  await sendSignupMail(deps.mailer, kind, signup, { facts, token, position: options.position ?? 0, publicUrl: deps.publicUrl, retentionDays: deps.retentionDays });
}

/**
 * Sends the reminders that are due (from 09:00 the day before until the event starts), each once:
 * a sign-up is claimed before its mail goes, so two instances never both send it. Returns how many.
 */
export async function sendEventReminders(deps: EventDeps, now: Date): Promise<number> {
  const today = localToday(now);
  // Dates keyed by their original date may have been moved up to MAX_MOVE_DAYS either way.
  const candidates = await listUnreminded(deps.db, addDays(today, -MAX_MOVE_DAYS), addDays(today, MAX_MOVE_DAYS + 1));
  const activities = new Map<number, ActivityDetail | undefined>();
  let sent = 0;
  for (const s of candidates) {
    if (!activities.has(s.activityId)) activities.set(s.activityId, await findActivity(deps.db, s.activityId, { includeUnpublished: true }));
    const activity = activities.get(s.activityId);
    if (!activity || activity.status === 'cancelled') continue;
    const occurrence = occurrenceOn(activity.schedule, s.date);
    if (!occurrence || !reminderDue(s, occurrence, now)) continue;
    if (!(await markReminded(deps.db, s.id, now))) continue;
    await notifySignup(deps, 'reminder', s, { activity, now });
    sent++;
  }
  return sent;
}

/**
 * Erases the personal data of sign-ups whose date is `retentionDays` or more behind, with the mail
 * copies about them; counts, check-ins and the keyed hashes stay. One audit entry for the run.
 */
export async function eraseEventSignups(deps: Pick<EventDeps, 'db' | 'retentionDays'>, now: Date): Promise<number> {
  const ids = await eraseSignupsUpTo(deps.db, lastErasableDate(localToday(now), deps.retentionDays), now);
  for (const id of ids) await deleteOutboxAbout(deps.db, signupSubject(id));
  if (ids.length > 0) {
    await recordAudit(
      deps.db,
      { actorUserId: null, actor: { kind: 'job', job: 'events.erasure' }, action: 'signup.retentionErased', entity: 'signup', entityId: null, after: { count: ids.length, retentionDays: deps.retentionDays } },
      now,
    );
  }
  return ids.length;
}
