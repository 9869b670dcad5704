/**
 * Telling people signed up for a date that it changed: cancelled (with the organiser's note), moved
 * (with the new date and time), paused or gone with its activity. The workspace calls this through a
 * hook app.ts hands it (workspace cannot import network), inside the transaction of the change, so
 * the mail is queued with the change or not at all. What changed is the difference between the
 * schedule before and after: a repeated request changes nothing and mails nobody again.
 */
import type { Db } from '../../db/index.js';
import { formatDate, formatTimeRange, LANGUAGES, translator } from '../../i18n/index.js';
import type { MailSender } from '../../web/server.js';
import { addDays, localToday } from '../../web/time.js';
import { recordAudit } from '../audit/index.js';
import { MAX_MOVE_DAYS, type ActivityDetail, type ExpandedOccurrence, type Schedule } from '../calendar/index.js';
import { eventFacts, occurrenceOn } from './events.dates.js';
import { cancelUrl, signupSubject } from './events.mail.js';
import { listSignups } from './events.queries.js';
import { listSignupDates, newCancelToken, type Signup } from './events.store.js';

export type DateChange =
  | { date: string; kind: 'cancelled'; before: ExpandedOccurrence; note: string | null }
  | { date: string; kind: 'moved'; before: ExpandedOccurrence; after: ExpandedOccurrence };

/** The note of the pause covering a date, if any. */
const pauseNote = (s: Schedule, date: string) => s.pauses.find((p) => p.fromDate <= date && date <= p.toDate)?.note ?? null;

/**
 * How each (original) date changed between two versions of a schedule; `after` null means the
 * activity is gone. A date that did not happen before (already cancelled, paused or not given) has
 * nothing to tell; one that no longer happens is cancelled; one at another day or time is moved.
 */
export function signupDateChanges(before: Schedule, after: Schedule | null, dates: readonly string[]): DateChange[] {
  const out: DateChange[] = [];
  for (const date of dates) {
    const was = occurrenceOn(before, date);
    if (!was || was.status === 'cancelled') continue;
    const now = after ? occurrenceOn(after, date) : undefined;
    if (!now) out.push({ date, kind: 'cancelled', before: was, note: after ? pauseNote(after, date) : null });
    else if (now.status === 'cancelled') out.push({ date, kind: 'cancelled', before: was, note: now.note });
    else if (now.localDate !== was.localDate || now.startTime !== was.startTime || now.endTime !== was.endTime) out.push({ date, kind: 'moved', before: was, after: now });
  }
  return out;
}

/** Sign-ups that are told: confirmed or waiting, not erased. */
const toTell = (s: Signup) => (s.status === 'confirmed' || s.status === 'waiting') && s.erasedAt === null && s.email !== null && s.name !== null;

/** How many people would be told per date (confirmed and waiting), for the organiser's "3 signed up will get an e-mail". */
export async function countSignupsToTell(db: Db, activityId: number, dates: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const date of dates) {
    const n = (await listSignups(db, activityId, date)).filter(toTell).length;
    if (n > 0) out.set(date, n);
  }
  return out;
}

/** Dates of an activity from today on that have someone to tell, with how many. */
export async function upcomingSignupCounts(db: Db, activityId: number, now: Date): Promise<Map<string, number>> {
  const from = addDays(localToday(now), -MAX_MOVE_DAYS);
  return countSignupsToTell(db, activityId, (await listSignupDates(db, activityId)).filter((d) => d >= from));
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The mail about a changed date, in the person's language. */
export function dateChangeMail(
  change: DateChange,
  p: { language: string; name: string; title: string; place: string | null; organiser: string; cancelLink: string | null },
): { subject: string; text: string } {
  const code = LANGUAGES.some((l) => l.code === p.language) ? p.language : 'sv';
  const lang = LANGUAGES.find((l) => l.code === code)!;
  const t = translator(code) as unknown as Translate;
  const was = change.before;
  const oldDate = formatDate(lang, was.localDate, 'full');
  const lines = [t('events.mail.greeting', { name: p.name }), ''];
  if (change.kind === 'cancelled') {
    lines.push(t('events.change.cancelledLead', { title: p.title, date: oldDate }));
    if (change.note) lines.push('', `${t('events.change.note')}: ${change.note}`);
  } else {
    const now = change.after;
    const newDate = formatDate(lang, now.localDate, 'full');
    lines.push(
      t('events.change.movedLead', { title: p.title, date: oldDate }),
      '',
      `${t('events.change.newTime')}: ${newDate}, ${formatTimeRange(lang, now.startTime, now.endTime)}`,
      `${t('events.change.oldTime')}: ${oldDate}, ${formatTimeRange(lang, was.startTime, was.endTime)}`,
    );
    if (now.note) lines.push('', now.note);
  }
  lines.push(...(p.place ? [`${t('events.mail.where')}: ${p.place}`] : []), `${t('events.mail.organiser')}: ${p.organiser}`);
  if (p.cancelLink) lines.push('', t('events.mail.cannotCome'), p.cancelLink);
  const subject = t(change.kind === 'cancelled' ? 'events.change.cancelledSubject' : 'events.change.movedSubject', { title: p.title, date: oldDate });
  return { subject, text: lines.join('\n') };
}

export interface ChangeDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
}

/**
 * Mails the people signed up on each date of the activity that the change cancels or moves, each
 * once in the language they signed up in, with the subject reference 'signup:<id>'. Call it inside
 * the change's transaction, with the activity as it was before. Returns how many were mailed.
 */
export async function tellSignupsOfChange(deps: ChangeDeps, change: { before: ActivityDetail; after: Schedule | null; actorUserId: number | null; now: Date }): Promise<number> {
  const { db } = deps;
  const a = change.before;
  const today = localToday(change.now);
  const dates = (await listSignupDates(db, a.id)).filter((d) => d >= addDays(today, -MAX_MOVE_DAYS));
  // Only dates still to come are news; a past date's change tells nobody anything.
  const changes = signupDateChanges(a.schedule, change.after, dates).filter((c) => c.before.localDate >= today);
  let mailed = 0;
  for (const c of changes) {
    const people = (await listSignups(db, a.id, c.date)).filter(toTell);
    for (const s of people) {
      const facts = await eventFacts(db, a, c.before, undefined, s.language);
      // A moved date may not suit: the mail carries a fresh cancel link. A cancelled one needs none.
      const cancelLink = c.kind === 'moved' ? cancelUrl(deps.publicUrl, s.language, await newCancelToken(db, s.id, change.now)) : null;
      const { subject, text } = dateChangeMail(c, { language: s.language, name: s.name!, title: facts.title, place: facts.place, organiser: facts.organiser, cancelLink });
      await deps.mailer.send({ to: s.email!, subject, text, purpose: c.kind === 'cancelled' ? 'event-dateCancelled' : 'event-dateMoved', subjectRef: signupSubject(s.id) });
      mailed++;
    }
    if (people.length > 0) {
      await recordAudit(db, { actorUserId: change.actorUserId, action: 'signup.dateChangeMailed', entity: 'activity', entityId: a.id, after: { date: c.date, kind: c.kind, count: people.length } }, change.now);
    }
  }
  return mailed;
}

/** What the workspace is handed (app.ts): the counts for its confirmation pages and the mailing. */
export const signupChangeHook = {
  count: upcomingSignupCounts,
  tell: tellSignupsOfChange,
};
