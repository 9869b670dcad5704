/**
 * The writes of activities, their schedules and their materialised occurrences. Each runs its several
 * statements in the transaction the caller gives (the commands in activity.commands.ts open it); none
 * opens one of its own. The reads are in activity.queries.ts.
 */
import { sql, type CompiledQuery, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { hostedBy, loadSchedules } from './activity.queries.js';
import { addDays } from '../../web/time.js';
import { cleanUserText, containsPattern, foldForSearch, slugify } from '../../web/text.js';
import type { ActivityStatus, AgeGroup, Audience, Category, Gender, Registration } from '../taxonomy/index.js';
import type {
  ActivityDetail,
  ActivityInput,
  ActivitySummary,
  Host,
  HostRef,
  OccurrenceFilters,
  OccurrenceItem,
} from './activity.js';
import { expandSchedule, parseRRule, toRRule, type OccurrenceStatus, type Schedule } from './schedule.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Occurrences are kept from this many days back … */
export const WINDOW_PAST_DAYS = 60;
/** … to this many days ahead; the API's longest range (366 days) fits inside. */
export const WINDOW_FUTURE_DAYS = 400;

export function occurrenceWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -WINDOW_PAST_DAYS), to: addDays(today, WINDOW_FUTURE_DAYS) };
}

const flag = (b: boolean) => (b ? 1 : 0);

async function chunkedInsert<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function hostNames(db: Executor, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return rows.map((r) => r.name);
}

async function placeText(db: Executor, placeId: number | null): Promise<string> {
  if (placeId === null) return '';
  const row = await db
    .selectFrom('places')
    .leftJoin('districts', 'districts.id', 'places.districtId')
    .select(['places.name', 'districts.name as districtName'])
    .where('places.id', '=', placeId)
    .executeTakeFirst();
  return row ? `${row.name} ${row.districtName ?? ''}` : '';
}

/** The activities row for an input: every column but the id and creation stamp. */
async function activityRow(trx: Executor, input: ActivityInput, stamp: string) {
  const names = await hostNames(trx, input.hostIds);
  const searchText = foldForSearch([input.title, input.description, ...names, await placeText(trx, input.placeId)].join(' '));
  return {
    slug: slugify(input.title),
    title: input.title,
    description: input.description,
    category: input.category,
    audience: input.audience,
    gender: input.gender,
    isFree: flag(input.isFree),
    costText: input.costText,
    registration: input.registration,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    placeId: input.placeId,
    status: input.status,
    searchText,
    updatedAt: stamp,
  };
}

/** Hosts, age groups, languages, schedule and occurrences of an activity, written anew. */
async function writeRelations(trx: Executor, id: number, input: ActivityInput, today: string): Promise<void> {
  if (input.hostIds.length > 0) {
    await trx
      .insertInto('activityHosts')
      .values(input.hostIds.map((organisationId, position) => ({ activityId: id, organisationId, position })))
      .execute();
  }
  if (input.ageGroups.length > 0) {
    await trx.insertInto('activityAgeGroups').values(input.ageGroups.map((ageGroup) => ({ activityId: id, ageGroup }))).execute();
  }
  if (input.languages.length > 0) {
    await trx.insertInto('activityLanguages').values(input.languages.map((language) => ({ activityId: id, language }))).execute();
  }
  await writeSchedule(trx, id, input.schedule);
  await writeOccurrences(trx, id, input.schedule, occurrenceWindow(today));
}

async function clearRelations(trx: Executor, id: number): Promise<void> {
  for (const table of ['activityHosts', 'activityAgeGroups', 'activityLanguages', 'schedules', 'schedulePauses', 'scheduleExceptions', 'occurrenceChanges'] as const) {
    await trx.deleteFrom(table).where('activityId', '=', id).execute();
  }
}

/** Stores a new activity with its schedule and generates its occurrences for the window around `today`. */
export async function insertActivity(trx: Db, raw: ActivityInput, now: Date, today: string, actorUserId: number | null = null): Promise<number> {
  const input = cleanActivityText(raw);
  const stamp = now.toISOString();
  const { id } = await trx
    .insertInto('activities')
    .values({ ...(await activityRow(trx, input, stamp)), createdAt: stamp, confirmedAt: stamp, updatedBy: actorUserId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeRelations(trx, id, input, today);
  return id;
}

/**
 * Replaces an activity with the input (row, hosts, languages, schedule and occurrences). With
 * `expectedVersion`, only when nobody saved since that version; returns false when someone did.
 * `confirm`: the organisation (or its own calendar) stands behind the saved content, so it counts as confirmed now.
 */
export async function updateActivity(
  trx: Db,
  id: number,
  raw: ActivityInput,
  now: Date,
  today: string,
  options: { actorUserId?: number | null; expectedVersion?: string; confirm?: boolean } = {},
): Promise<boolean> {
  const input = cleanActivityText(raw);
  const confirmed = options.confirm ? { confirmedAt: now.toISOString() } : {};
  let update = trx
    .updateTable('activities')
    .set({ ...(await activityRow(trx, input, now.toISOString())), ...confirmed, updatedBy: options.actorUserId ?? null })
    .where('id', '=', id);
  if (options.expectedVersion !== undefined) update = update.where('updatedAt', '=', options.expectedVersion);
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await clearRelations(trx, id);
  await writeRelations(trx, id, input, today);
  return true;
}

/**
 * Recomputes the search text of the activities at a place or run by an organisation, after the
 * place or organisation was renamed or places were merged: searching the new name finds them.
 */
export async function writeSearchText(trx: Db, of: { placeId: number } | { organisationId: number }): Promise<number> {
  const rows = await ('placeId' in of
    ? trx.selectFrom('activities as a').select(['a.id', 'a.title', 'a.description', 'a.placeId']).where('a.placeId', '=', of.placeId)
    : trx.selectFrom('activities as a').select(['a.id', 'a.title', 'a.description', 'a.placeId']).where(hostedBy(of.organisationId))
  ).execute();
  for (const a of rows) {
    const hostIds = (await trx.selectFrom('activityHosts').select('organisationId').where('activityId', '=', a.id).orderBy('position').execute()).map((h) => h.organisationId);
    const searchText = foldForSearch([a.title, a.description, ...(await hostNames(trx, hostIds)), await placeText(trx, a.placeId)].join(' '));
    await trx.updateTable('activities').set({ searchText }).where('id', '=', a.id).execute();
  }
  return rows.length;
}

/** Sets an activity's status only (publishing, withdrawing); returns false when it does not exist. */
export async function setActivityStatus(db: Db, id: number, status: ActivityStatus, now: Date, actorUserId: number | null = null): Promise<boolean> {
  const result = await db
    .updateTable('activities')
    .set({ status, updatedAt: now.toISOString(), updatedBy: actorUserId })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks published activities as confirmed at `now` (their organisation says they are still true).
 * Leaves `updated_at` alone: nothing in them changed, so open edit forms stay valid. Returns the ids confirmed.
 */
export async function markConfirmed(db: Db, ids: number[], now: Date, options: { onlyConfirmedBefore?: string } = {}): Promise<number[]> {
  if (ids.length === 0) return [];
  let update = db
    .updateTable('activities')
    .set({ confirmedAt: now.toISOString() })
    .where('id', 'in', [...new Set(ids)])
    .where('status', '=', 'published');
  if (options.onlyConfirmedBefore !== undefined) update = update.where('confirmedAt', '<', options.onlyConfirmedBefore);
  const rows = await update.returning('id').execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Deletes an activity with everything that hangs on it. */
export async function deleteActivity(trx: Db, id: number): Promise<void> {
  await clearRelations(trx, id);
  await trx.deleteFrom('occurrences').where('activityId', '=', id).execute();
  await trx.deleteFrom('translations').where('entity', '=', 'activity').where('entityId', '=', id).execute();
  await trx.deleteFrom('activities').where('id', '=', id).execute();
}

const cleanOrNull = (v: string | null) => (v === null ? null : cleanUserText(v));

/** The input with every free text cleaned of controls that could reorder the page. */
function cleanActivityText(a: ActivityInput): ActivityInput {
  return {
    ...a,
    title: cleanUserText(a.title),
    description: cleanUserText(a.description),
    costText: cleanOrNull(a.costText),
    contactName: cleanOrNull(a.contactName),
    schedule: {
      ...a.schedule,
      pauses: a.schedule.pauses.map((p) => ({ ...p, note: cleanOrNull(p.note) })),
      changes: a.schedule.changes.map((c) => ({ ...c, note: cleanOrNull(c.note) })),
    },
  };
}

async function writeSchedule(db: Executor, activityId: number, s: Schedule): Promise<void> {
  await db
    .insertInto('schedules')
    .values({
      activityId,
      rrule: toRRule(s.recurrence),
      startDate: s.startDate,
      startTime: s.startTime,
      endTime: s.endTime,
      validUntil: s.validUntil,
      runsOnHolidays: s.runsOnHolidays ? 1 : 0,
    })
    .execute();
  if (s.pauses.length > 0) {
    await db.insertInto('schedulePauses').values(s.pauses.map((p) => ({ activityId, ...p }))).execute();
  }
  if (s.exceptions.length > 0) {
    await db.insertInto('scheduleExceptions').values(s.exceptions.map((date) => ({ activityId, date }))).execute();
  }
  if (s.changes.length > 0) {
    await db.insertInto('occurrenceChanges').values(s.changes.map((c) => ({ activityId, ...c }))).execute();
  }
}

async function writeOccurrences(db: Executor, activityId: number, s: Schedule, window: { from: string; to: string }) {
  await db.deleteFrom('occurrences').where('activityId', '=', activityId).execute();
  const rows = expandSchedule(s, window.from, window.to).map((o) => ({ activityId, ...o }));
  await chunkedInsert(rows, 400, (chunk) => db.insertInto('occurrences').values(chunk).execute());
}

/**
 * Regenerates every activity's occurrences for the window around `today` when the stored window
 * has fallen a week or more behind. Returns whether it did.
 */
export async function writeOccurrenceWindow(trx: Db, today: string, force = false): Promise<boolean> {
  const window = occurrenceWindow(today);
  const stored = await trx.selectFrom('settings').select('value').where('key', '=', 'occurrences.window').executeTakeFirst();
  if (!force && stored && addDays(JSON.parse(stored.value).from, 7) > window.from) return false;
  const schedules = await loadSchedules(trx);
  for (const [activityId, schedule] of schedules) await writeOccurrences(trx, activityId, schedule, window);
  const value = JSON.stringify(window);
  await trx
    .insertInto('settings')
    .values({ key: 'occurrences.window', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return true;
}
