/**
 * The "still true?" reminders: which organisations get one, the Swedish mail with its single-use
 * link, and confirming everything a link listed. Each change runs in one transaction with its audit
 * entries and its mail (queued in the outbox, sent after the commit).
 */
import type { Db } from '../../db/index.js';
import { languagePrefix, translator, formatDate, findLanguage, type TFunction } from '../../i18n/index.js';
import { withQueuedMail, type MailSender } from '../../web/server.js';
import { localToInstant, localToday } from '../../web/time.js';
import { hashSecret, listOrganisationEditors, newSecret } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { confirmActivities, confirmedDate, countUnconfirmedActivities, freshnessCutoffs } from '../calendar/index.js';
import { findAnyOrganisation, type Organisation } from '../organisations/index.js';
import {
  findReminderByHash,
  insertReminder,
  listDueActivities,
  listOrganisationsWithDue,
  listPublishedByIds,
  remindedSince,
  useReminder,
  type DueActivity,
  type Reminder,
} from './freshness.store.js';

/** A reminder's link works this long. */
export const LINK_DAYS = 30;
export const JOB_NAME = 'freshness.reminders';

export interface ReminderDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
}

/** The month a reminder is sent in ('YYYY-MM', Stockholm), and the instant it began. */
export function monthOf(now: Date): { month: string; since: string } {
  const month = localToday(now).slice(0, 7);
  return { month, since: localToInstant(`${month}-01`, '00:00') };
}

/** The reminder mail: every listed activity with its last confirmation and a link to change it. */
export function reminderMail(
  t: TFunction,
  p: { organisation: string; activities: DueActivity[]; link: string; workspace: string; editLink: (id: number) => string },
): { subject: string; text: string } {
  const sv = findLanguage('sv')!;
  const list = p.activities
    .map((a) => {
      const date = confirmedDate(a.confirmedAt);
      return t('freshness.mail.line', { title: a.title, date: date ? formatDate(sv, date, 'dayMonthYear') : t('freshness.mail.never'), edit: p.editLink(a.id) });
    })
    .join('\n');
  return {
    subject: t('freshness.mail.subject'),
    text: t('freshness.mail.body', { organisation: p.organisation, list, link: p.link, workspace: p.workspace, days: String(LINK_DAYS) }),
  };
}

/** Runs `fn` in one transaction with mail queued inside it, then sends what was queued. */
const atomically = <T>(deps: ReminderDeps, fn: (deps: ReminderDeps) => Promise<T>): Promise<T> => withQueuedMail(deps, fn);

export type RemindResult = 'sent' | 'noAddress' | 'nothingDue' | 'alreadyThisMonth';

/**
 * Mails the organisation's editors (or, with none, the organisation's own address) the list of its
 * activities not confirmed for 30 days. `month` for the monthly job (at most one per month), or
 * `sentBy` for the coordinator's "send a reminder now".
 */
export async function sendReminder(
  deps: ReminderDeps,
  organisation: Pick<Organisation, 'id' | 'slug' | 'name' | 'email'>,
  by: { month: string } | { sentBy: number },
  now: Date,
): Promise<RemindResult> {
  return atomically(deps, async ({ db, mailer, publicUrl }) => {
    const activities = await listDueActivities(db, organisation.id, freshnessCutoffs(now).remindBefore);
    if (activities.length === 0) return 'nothingDue';
    const editors = await listOrganisationEditors(db, organisation.id);
    const recipients = editors.length > 0 ? editors.map((e) => e.email) : organisation.email ? [organisation.email] : [];
    if (recipients.length === 0) return 'noAddress';
    const token = newSecret();
    const id = await insertReminder(
      db,
      {
        organisationId: organisation.id,
        month: 'month' in by ? by.month : null,
        activityIds: activities.map((a) => a.id),
        tokenHash: token.hash,
        expiresAt: new Date(now.getTime() + LINK_DAYS * 86_400_000).toISOString(),
        sentBy: 'sentBy' in by ? by.sentBy : null,
      },
      now,
    );
    if (id === null) return 'alreadyThisMonth';
    const url = (path: string) => `${publicUrl}${languagePrefix('sv')}${path}`;
    const mail = reminderMail(translator('sv'), {
      organisation: organisation.name,
      activities,
      link: url(`/bekrafta/${token.secret}`),
      workspace: url(`/hantera/${organisation.slug}`),
      editLink: (activityId) => url(`/hantera/aktivitet/${activityId}`),
    });
    for (const to of recipients) await mailer.send({ to, ...mail, purpose: 'freshness' });
    await recordAudit(
      db,
      {
        actorUserId: 'sentBy' in by ? by.sentBy : null,
        ...('month' in by ? { actor: { kind: 'job' as const, job: JOB_NAME } } : {}),
        action: 'organisation.reminderSent',
        entity: 'organisation',
        entityId: organisation.id,
        after: { reminder: id, activities: activities.length, recipients: recipients.length, ...('month' in by ? { month: by.month } : {}) },
      },
      now,
    );
    return 'sent';
  });
}

/**
 * The monthly job: every organisation with a published activity not confirmed for 30 days, and no
 * reminder yet this month (from the job or the coordinator), gets one. Safe to run often: the
 * month's row is unique per organisation.
 */
export async function sendMonthlyReminders(deps: ReminderDeps, now: Date): Promise<string> {
  const { month, since } = monthOf(now);
  let sent = 0;
  let unreachable = 0;
  for (const organisationId of await listOrganisationsWithDue(deps.db, freshnessCutoffs(now).remindBefore)) {
    if (await remindedSince(deps.db, organisationId, since)) continue;
    const organisation = await findAnyOrganisation(deps.db, { id: organisationId });
    if (!organisation) continue;
    const result = await sendReminder(deps, organisation, { month }, now);
    if (result === 'sent') sent++;
    if (result === 'noAddress') unreachable++;
  }
  return `${sent} reminded, ${unreachable} without address`;
}

/** What a reminder link leads to. */
export type LinkState =
  | { kind: 'unknown' }
  | { kind: 'expired' | 'used'; reminder: Reminder }
  | { kind: 'open'; reminder: Reminder; organisation: Organisation; activities: DueActivity[] };

function stateOf(reminder: Reminder | undefined, now: Date): 'unknown' | 'expired' | 'used' | 'open' {
  if (!reminder) return 'unknown';
  if (reminder.usedAt !== null) return 'used';
  return reminder.expiresAt <= now.toISOString() ? 'expired' : 'open';
}

/** Reads a link without changing anything (opening it, as a mail scanner does, confirms nothing). */
export async function readLink(db: Db, secret: string, now: Date): Promise<LinkState> {
  const reminder = await findReminderByHash(db, hashSecret(secret));
  const state = stateOf(reminder, now);
  if (state === 'unknown') return { kind: 'unknown' };
  if (state !== 'open') return { kind: state, reminder: reminder! };
  const organisation = await findAnyOrganisation(db, { id: reminder!.organisationId });
  if (!organisation) return { kind: 'unknown' };
  return { kind: 'open', reminder: reminder!, organisation, activities: await listPublishedByIds(db, reminder!.activityIds) };
}

/** "Allt stämmer": confirms every activity the link listed (still published), once. */
export async function confirmByLink(deps: ReminderDeps, secret: string, now: Date): Promise<{ kind: 'confirmed'; count: number } | { kind: 'unknown' | 'expired' | 'used' }> {
  return atomically(deps, async ({ db }) => {
    const reminder = await findReminderByHash(db, hashSecret(secret));
    const state = stateOf(reminder, now);
    if (state !== 'open') return { kind: state };
    // Two clicks at once: the one that marks the link used confirms.
    if (!(await useReminder(db, reminder!.id, now))) return { kind: 'used' };
    const confirmed = await confirmActivities(db, reminder!.activityIds, now);
    for (const id of confirmed) {
      await recordAudit(db, { actorUserId: null, action: 'activity.confirmed', entity: 'activity', entityId: id, after: { via: 'link', reminder: reminder!.id } }, now);
    }
    return { kind: 'confirmed', count: confirmed.length };
  });
}

/** Published activities nobody confirmed for 90 days (the coordinator's dashboard count). */
export async function countStaleActivities(db: Db, now: Date): Promise<number> {
  return countUnconfirmedActivities(db, freshnessCutoffs(now).staleBefore);
}
