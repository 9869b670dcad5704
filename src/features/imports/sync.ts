/**
 * Syncing connected calendars into activities. Each event is matched by its UID (and, for dates of
 * a series kept apart, its date), so nothing is imported twice. New events become activities of the
 * organisation, published or waiting for review by the workspace's rule; changed ones are updated
 * (the calendar owns title, description, place and dates; everything else stays as edited here);
 * events gone from the feed are cancelled (status 'cancelled', so the public sees it will not happen;
 * an activity never published goes back to draft instead). A feed that fails or cannot be read
 * changes nothing already imported. Every change is audited with no actor.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { translator } from '../../i18n/index.js';
import { mailIn, type MailSender } from '../../web/server.js';
import { localToday } from '../../web/time.js';
import { listOrganisationEditors, type User } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { changeActivityStatus, confirmActivities, createActivity, findActivity, inputOf, replaceActivity, type ActivityDetail, type ActivityInput, type Schedule } from '../calendar/index.js';
import { findAnyOrganisation, type Organisation } from '../organisations/index.js';
import { listPlaceNames } from '../places/index.js';
import { activityFacts, findOpenRevision, type SignupChanges, insertRevision, saveModeFor, supersedeRevisions, updateRevision, type ActivityChange } from '../workspace/index.js';
import type { FeedFetcher } from './feed-fetcher.js';
import { ImportError } from './ics-split.js';
import {
  findFeed,
  insertImportedEvent,
  listActiveFeedIds,
  listImportedEvents,
  lockFeed,
  recordFailure,
  recordSuccess,
  setFailureMailed,
  touchImportedEvents,
  unlockFeed,
  updateImportedEvent,
  type CalendarFeed,
  type FeedError,
  type FeedReport,
} from './import.store.js';
import { mapCalendar, type FeedEvent, type ImportedFields, type MappedCalendar, type ReportLine } from './mapping.js';

/** How long one feed's sync may hold it before another may start (a crashed sync frees it then). */
const LOCK_MINUTES = 10;
/** While a feed keeps failing, people are told again after this long. */
export const FAILURE_MAIL_HOURS = 24;
/** Report lines kept per sync; the rest are counted. */
const REPORT_LINES_MAX = 50;
/** The hash of an event that left the feed (its activity was cancelled). */
const REMOVED = 'removed';

interface Log {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface ImportDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
  /** The coordinator, told about feeds that fail and imports to review. */
  adminEmail: string;
  fetchFeed: FeedFetcher;
  log?: Log;
  /** Mails people signed up for a date the organisation's calendar cancels or moves (absent: nobody is told). */
  signups?: SignupChanges | undefined;
}

/**
 * One event's change in one transaction: its rows, audit entries and mail (queued in the outbox inside
 * it, sent once the whole feed is read).
 */
function inEventTransaction<T>(deps: ImportDeps, fn: (deps: ImportDeps) => Promise<T>): Promise<T> {
  return inTransaction(deps.db, (trx) => fn({ ...deps, db: trx, mailer: mailIn(deps.mailer, trx) }));
}

export type SyncOutcome =
  | { kind: 'gone' }
  | { kind: 'busy' }
  | { kind: 'notModified' }
  | { kind: 'synced'; report: FeedReport }
  | { kind: 'failed'; error: FeedError };

type T = (key: string, options?: Record<string, unknown>) => string;
const sv = () => translator('sv') as unknown as T;
const line = (code: string, params: Record<string, string> = {}): ReportLine => ({ code: `imports.report.${code}`, params });
const keyOf = (uid: string, recurrenceId: string) => `${uid}\u0000${recurrenceId}`;

/**
 * The importer saves as an editor of the organisation would, never as the coordinator: the
 * workspace's rule then says trusted organisations publish and others wait for review.
 */
const IMPORTER: User = { id: 0, email: '', name: '', hasPassword: false, isAdmin: false, isGuide: false, isTranslator: false, active: true, organisationIds: [], lastLoginAt: null };
export const publishesDirectly = (o: Organisation) => saveModeFor(IMPORTER, o, false) === 'direct';

/** The defaults of what a calendar does not say; editors change them in the workspace. */
function newInput(o: Organisation, feed: CalendarFeed, f: ImportedFields): ActivityInput {
  return {
    title: f.title,
    description: f.description,
    category: feed.category,
    audience: 'everyone',
    ageGroups: [],
    gender: 'all',
    // A calendar does not say what it costs: the page then asks people to ask the organiser.
    isFree: false,
    costText: null,
    registration: 'none',
    contactName: null,
    contactPhone: null,
    contactEmail: null,
    placeId: f.placeId,
    status: 'published',
    hostIds: [o.id],
    languages: [],
    schedule: f.schedule,
  };
}

/** The activity with what the calendar says now; the pauses set here stay (a calendar has none). */
function withFeedFields(current: ActivityDetail, f: ImportedFields): ActivityInput {
  const schedule: Schedule = { ...f.schedule, pauses: current.schedule.pauses };
  return { ...inputOf(current), title: f.title, description: f.description, placeId: f.placeId, schedule };
}

async function waitForReview(deps: ImportDeps, o: Organisation, activityId: number, input: ActivityInput, base: string | null, now: Date): Promise<number> {
  const data: ActivityChange = { input: { ...input, status: 'published' }, newPlace: null };
  const message = sv()('imports.reviewNote');
  const open = await findOpenRevision(deps.db, 'activity', activityId);
  if (open) {
    await updateRevision(deps.db, open.id, { data, status: 'pending', createdBy: null, baseVersion: base, message }, now);
    return open.id;
  }
  return insertRevision(deps.db, { entity: 'activity', entityId: activityId, organisationId: o.id, data, baseVersion: base, status: 'pending', message, createdBy: null }, now);
}

/** The import of one feed, as the audit log names who changed an activity. */
const importer = (feed: CalendarFeed) => ({ kind: 'importer' as const, feedId: feed.id });

/** A new activity from an event; true when it waits for review. */
async function create(deps: ImportDeps, o: Organisation, feed: CalendarFeed, f: ImportedFields, now: Date, today: string): Promise<{ id: number; waiting: boolean }> {
  const direct = publishesDirectly(o);
  const input = { ...newInput(o, feed, f), status: direct ? ('published' as const) : ('pending' as const) };
  const id = await createActivity(deps.db, input, { actor: importer(feed), now, today }, { action: 'import.created', after: { ...activityFacts(input), status: input.status, feed: feed.id } });
  if (!direct) await waitForReview(deps, o, id, input, null, now);
  return { id, waiting: !direct };
}

/** An activity updated from its changed event; true when the change waits for review. */
async function update(deps: ImportDeps, o: Organisation, feed: CalendarFeed, current: ActivityDetail, f: ImportedFields, now: Date, today: string): Promise<boolean> {
  const next = withFeedFields(current, f);
  const direct = publishesDirectly(o);
  const ctx = { actor: importer(feed), now, today };
  const note = { action: 'import.updated', before: activityFacts(current), after: { ...activityFacts(next), feed: feed.id, waiting: !direct } };
  if (direct) {
    // The organisation's own calendar says it still holds: an import counts as a confirmation.
    await replaceActivity(deps.db, current.id, { ...next, status: 'published' }, ctx, note, { confirm: true });
    if (current.status === 'published') await deps.signups?.tell(deps, { before: current, after: next.schedule, actorUserId: null, now });
    await supersedeRevisions(deps.db, 'activity', current.id, now);
  } else {
    // As in the workspace: a published activity stays as it is while the change waits.
    if (current.status !== 'published') await replaceActivity(deps.db, current.id, { ...next, status: 'pending' }, ctx, note, { confirm: true });
    else await recordAudit(deps.db, { actorUserId: null, actor: ctx.actor, entity: 'activity', entityId: current.id, ...note }, now);
    await waitForReview(deps, o, current.id, next, current.updatedAt, now);
  }
  return !direct;
}

/** Cancels an activity whose event was cancelled or left the feed; one never published goes back to draft (never shown). */
async function cancel(deps: ImportDeps, feed: CalendarFeed, current: ActivityDetail, reason: 'cancelled' | 'removed', now: Date): Promise<boolean> {
  if (current.status === 'cancelled' || current.status === 'draft') {
    await supersedeRevisions(deps.db, 'activity', current.id, now);
    return false;
  }
  const status = current.status === 'published' ? 'cancelled' : 'draft';
  await changeActivityStatus(deps.db, current.id, status, { actor: importer(feed), now }, { action: 'import.cancelled', before: { status: current.status }, after: { status, reason, feed: feed.id } });
  // Every date of a cancelled activity is off: those signed up are told.
  if (current.status === 'published') await deps.signups?.tell(deps, { before: current, after: null, actorUserId: null, now });
  await supersedeRevisions(deps.db, 'activity', current.id, now);
  return true;
}

/** The last date an activity meets; null when it goes on. */
function lastDate(s: Schedule): string | null {
  if (s.recurrence.kind === 'once') return [s.startDate, ...s.changes.map((c) => c.newDate ?? c.originalDate)].sort().at(-1)!;
  return s.validUntil;
}

/** Applies a read feed to its activities; returns the report and how many changes wait for review. */
async function apply(deps: ImportDeps, o: Organisation, feed: CalendarFeed, mapped: MappedCalendar, now: Date, today: string): Promise<{ report: FeedReport; waiting: number }> {
  const { db } = deps;
  const existing = await listImportedEvents(db, feed.id);
  const byKey = new Map(existing.map((r) => [keyOf(r.uid, r.recurrenceId), r]));
  const produced = new Set<string>();
  const report: FeedReport = { created: 0, updated: 0, cancelled: 0, unchanged: 0, past: 0, lines: [...mapped.report] };
  const seen: number[] = [];
  let waiting = 0;

  // Each event in one transaction: its activity, revision, audit entry and the record of its UID are
  // written together, so a crash in between never imports the event twice.
  const one = async (d: ImportDeps, ev: FeedEvent) => {
    const db = d.db;
    const row = byKey.get(keyOf(ev.uid, ev.recurrenceId));
    if (!row) {
      if (ev.fields.cancelled) return;
      if (ev.lastDate !== null && ev.lastDate < today) {
        report.past++;
        return;
      }
      const created = await create(d, o, feed, ev.fields, now, today);
      await insertImportedEvent(db, { feedId: feed.id, uid: ev.uid, recurrenceId: ev.recurrenceId, activityId: created.id, lastHash: ev.hash }, now);
      report.created++;
      if (created.waiting) waiting++;
      return;
    }
    // Deleted here: the organisation did not want it, so it is not brought back.
    if (row.activityId === null || row.lastHash === ev.hash) {
      seen.push(row.id);
      if (row.activityId !== null) report.unchanged++;
      return;
    }
    const current = await findActivity(db, row.activityId, { includeUnpublished: true });
    if (current) {
      if (ev.fields.cancelled) {
        if (await cancel(d, feed, current, 'cancelled', now)) report.cancelled++;
      } else {
        if (await update(d, o, feed, current, ev.fields, now, today)) waiting++;
        report.updated++;
      }
    }
    await updateImportedEvent(db, row.id, { lastHash: ev.hash, seen: now });
  };

  for (const ev of mapped.events) {
    const key = keyOf(ev.uid, ev.recurrenceId);
    if (produced.has(key)) continue;
    produced.add(key);
    try {
      await inEventTransaction(deps, (d) => one(d, ev));
    } catch (err) {
      deps.log?.error({ err, feedId: feed.id }, 'importing one calendar event failed');
      report.lines.push(line('failed', { title: ev.fields.title }));
    }
  }
  await touchImportedEvents(db, seen, now);
  // Still in the organisation's own calendar: confirmed (at most once a day, so an hourly sync rewrites nothing).
  const stillThere = existing.filter((r) => seen.includes(r.id) && r.activityId !== null).map((r) => r.activityId!);
  await confirmActivities(db, stillThere, now, { onlyConfirmedBefore: new Date(now.getTime() - 86_400_000).toISOString() });

  for (const row of existing) {
    if (produced.has(keyOf(row.uid, row.recurrenceId)) || mapped.keepUids.has(row.uid) || row.activityId === null || row.lastHash === REMOVED) continue;
    // One date of a series kept apart that is now over simply dropped out of the window read.
    if (row.recurrenceId !== '' && row.recurrenceId < today) continue;
    try {
      const current = await findActivity(db, row.activityId, { includeUnpublished: true });
      if (!current) continue;
      const last = lastDate(current.schedule);
      // Over already: what happened stays as it was.
      if (last !== null && last < today) continue;
      const cancelled = await inEventTransaction(deps, async (d) => {
        const done = await cancel(d, feed, current, 'removed', now);
        await updateImportedEvent(d.db, row.id, { lastHash: REMOVED });
        return done;
      });
      if (cancelled) report.cancelled++;
    } catch (err) {
      deps.log?.error({ err, feedId: feed.id }, 'cancelling a removed calendar event failed');
    }
  }
  // Mail queued by the events' transactions; what fails now is tried again by the 'mail.deliver' job.
  await deps.mailer.deliverQueued?.().catch(() => 0);
  if (report.lines.length > REPORT_LINES_MAX) {
    const more = report.lines.length - REPORT_LINES_MAX;
    report.lines = [...report.lines.slice(0, REPORT_LINES_MAX), line('more', { count: String(more) })];
  }
  return { report, waiting };
}

/** The host of a feed's address: enough to recognise it, without a path that may hold a secret. */
export function feedHost(url: string): string {
  return URL.canParse(url) ? new URL(url).host : '—';
}

async function tellFailure(deps: ImportDeps, o: Organisation, feed: CalendarFeed, error: FeedError): Promise<void> {
  const t = sv();
  const recipients = new Set([...(await listOrganisationEditors(deps.db, o.id)).map((e) => e.email.toLowerCase()), deps.adminEmail.toLowerCase()]);
  const subject = t('imports.mail.failedSubject', { organisation: o.name });
  const text = t('imports.mail.failedBody', {
    organisation: o.name,
    host: feedHost(feed.url),
    reason: t(error.code, error.params),
    count: feed.consecutiveFailures,
    link: `${deps.publicUrl}/hantera/${o.slug}/kalender`,
  });
  for (const to of recipients) await deps.mailer.send({ to, subject, text, purpose: 'import-failed' });
}

async function failed(deps: ImportDeps, o: Organisation, feed: CalendarFeed, error: FeedError, now: Date): Promise<void> {
  const after = (await recordFailure(deps.db, feed.id, error, now)) ?? feed;
  const mailedAt = after.failureMailedAt ? new Date(after.failureMailedAt).getTime() : null;
  if (mailedAt !== null && now.getTime() - mailedAt < FAILURE_MAIL_HOURS * 3600_000) return;
  try {
    await tellFailure(deps, o, after, error);
    await setFailureMailed(deps.db, feed.id, now);
  } catch (err) {
    deps.log?.error({ err, feedId: feed.id }, 'telling about a failing calendar feed failed');
  }
}

async function syncHeld(deps: ImportDeps, feed: CalendarFeed, now: Date): Promise<SyncOutcome> {
  const { db } = deps;
  const o = await findAnyOrganisation(db, { id: feed.organisationId });
  if (!o) return { kind: 'gone' };
  const today = localToday(now);
  let mapped: MappedCalendar;
  let validators: { etag: string | null; lastModified: string | null };
  try {
    // The first sync of a day reads the whole feed even when it has not changed: the dates of
    // series kept apart and what counts as over move with the days.
    const conditional = feed.lastSuccessAt !== null && localToday(new Date(feed.lastSuccessAt)) === today;
    const fetched = await deps.fetchFeed(feed.url, conditional ? { etag: feed.etag, lastModified: feed.lastModified } : { etag: null, lastModified: null });
    if (fetched.kind === 'notModified') {
      await recordSuccess(db, feed.id, { now });
      return { kind: 'notModified' };
    }
    validators = { etag: fetched.etag, lastModified: fetched.lastModified };
    mapped = mapCalendar(fetched.text, { today, places: await listPlaceNames(db), locationLabel: sv()('imports.locationLabel') });
    // A calendar that held events and now holds none is far more often a broken export or a wrong
    // address than every event ending at once: nothing is cancelled until a person looks.
    if (mapped.events.length === 0 && mapped.keepUids.size === 0 && (await listImportedEvents(db, feed.id)).some((r) => r.activityId !== null && r.lastHash !== REMOVED)) {
      throw new ImportError('imports.errors.emptyFeed');
    }
  } catch (err) {
    const error: FeedError = err instanceof ImportError ? { code: err.code, params: err.params } : { code: 'imports.errors.unreadable', params: {} };
    if (!(err instanceof ImportError)) deps.log?.error({ err, feedId: feed.id }, 'reading a calendar feed failed');
    await failed(deps, o, feed, error, now);
    return { kind: 'failed', error };
  }
  const { report, waiting } = await apply(deps, o, feed, mapped, now, today);
  await recordSuccess(db, feed.id, { now, ...validators, report });
  if (waiting > 0) {
    const t = sv();
    await deps.mailer.send({
      to: deps.adminEmail,
      subject: t('imports.mail.reviewSubject', { organisation: o.name, count: waiting }),
      text: t('imports.mail.reviewBody', { organisation: o.name, count: waiting, link: `${deps.publicUrl}/admin/granska` }),
      purpose: 'review',
    });
  }
  return { kind: 'synced', report };
}

/** Syncs one feed now (the job, or "sync now"); a feed another sync holds is left alone ('busy'). */
export async function syncFeed(deps: ImportDeps, feedId: number, now: Date): Promise<SyncOutcome> {
  const feed = await findFeed(deps.db, feedId);
  if (!feed || !feed.active) return { kind: 'gone' };
  if (!(await lockFeed(deps.db, feed.id, now, new Date(now.getTime() + LOCK_MINUTES * 60_000)))) return { kind: 'busy' };
  try {
    return await syncHeld(deps, feed, now);
  } finally {
    await unlockFeed(deps.db, feed.id);
  }
}

export interface RunSummary {
  feeds: number;
  failed: number;
}

/**
 * Syncs every connected feed, one after another (the scheduler runs this once an hour across all
 * instances). A feed that fails or throws never stops the others.
 */
export async function runImports(deps: ImportDeps, now: Date): Promise<RunSummary> {
  const summary: RunSummary = { feeds: 0, failed: 0 };
  for (const id of await listActiveFeedIds(deps.db)) {
    summary.feeds++;
    try {
      const outcome = await syncFeed(deps, id, now);
      if (outcome.kind === 'failed') summary.failed++;
    } catch (err) {
      summary.failed++;
      deps.log?.error({ err, feedId: id }, 'calendar import of one feed failed');
    }
  }
  deps.log?.info({ feeds: summary.feeds, failed: summary.failed }, 'calendar import done');
  return summary;
}
