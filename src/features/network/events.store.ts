/**
 * Events with sign-up, the SQL: settings per dated occurrence, sign-ups with their waiting list and
 * single-use cancel links, check-in, reminders and erasure. With events.queries.ts the only place
 * that talks SQL about sign-ups. Taking a place and freeing one are put together from these
 * statements in events.commands.ts, in one transaction that first locks the date's settings row.
 */
import { PostgresAdapter, type Selectable } from 'kysely';
import type { Database, Db } from '../../db/index.js';
import { hashSecret, newSecret } from '../accounts/index.js';
import { promotions, type Question, type QuestionMode, type SignupCounts, type SignupInput, type SignupSettings, type SignupStatus } from './signup.js';

/** One sign-up as the organiser's list and the mails see it (personal fields null once erased). */
export interface Signup {
  id: number;
  activityId: number;
  date: string;
  status: SignupStatus;
  name: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  diet: string | null;
  accessibility: string | null;
  language: string;
  attendeeKey: string;
  createdAt: string;
  promotedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  remindedAt: string | null;
  erasedAt: string | null;
}

type SettingsRow = {
  activityId: number;
  localDate: string;
  capacity: number | null;
  deadlineDate: string | null;
  deadlineTime: string | null;
  askOrganisation: string;
  askDiet: string;
  askAccessibility: string;
  note: string | null;
};

export function settingsOf(r: SettingsRow): SignupSettings {
  return {
    activityId: r.activityId,
    date: r.localDate,
    capacity: r.capacity === null ? null : Number(r.capacity),
    deadlineDate: r.deadlineDate,
    deadlineTime: r.deadlineTime,
    questions: { organisation: r.askOrganisation as QuestionMode, diet: r.askDiet as QuestionMode, accessibility: r.askAccessibility as QuestionMode },
    note: r.note,
  };
}

type SignupRow = Selectable<Database['eventSignups']>;

export function signupOf(r: SignupRow): Signup {
  const { localDate, ...rest } = r;
  return { ...rest, id: Number(r.id), activityId: Number(r.activityId), date: localDate, status: r.status as SignupStatus };
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

// --- settings ------------------------------------------------------------------------------------

/** Every date of an activity with sign-up on, from `from` on when given, by date. */
export async function listSettings(db: Db, activityId: number, from?: string): Promise<SignupSettings[]> {
  let q = db.selectFrom('eventSettings').selectAll().where('activityId', '=', activityId).orderBy('localDate');
  if (from !== undefined) q = q.where('localDate', '>=', from);
  return (await q.execute()).map(settingsOf);
}

/** Saves a date's settings, inserting or updating them (events.commands.ts moves people up after). */
export async function upsertSettings(db: Db, s: SignupSettings, now: Date): Promise<void> {
  const values = {
    capacity: s.capacity,
    deadlineDate: s.deadlineDate,
    deadlineTime: s.deadlineTime,
    askOrganisation: s.questions.organisation,
    askDiet: s.questions.diet,
    askAccessibility: s.questions.accessibility,
    note: s.note,
    updatedAt: now.toISOString(),
  };
  await db
    .insertInto('eventSettings')
    .values({ activityId: s.activityId, localDate: s.date, createdAt: now.toISOString(), ...values })
    .onConflict((oc) => oc.columns(['activityId', 'localDate']).doUpdateSet(values))
    .execute();
}

/** Turns sign-up off for a date: the form closes; who signed up stays on the organiser's list. */
export async function deleteSettings(db: Db, activityId: number, date: string): Promise<void> {
  await db.deleteFrom('eventSettings').where('activityId', '=', activityId).where('localDate', '=', date).execute();
}

// --- counts --------------------------------------------------------------------------------------

/** Places taken and people waiting per date of one activity. */
export async function countSignups(db: Db, activityId: number, dates: readonly string[]): Promise<Map<string, SignupCounts>> {
  const out = new Map<string, SignupCounts>(dates.map((d) => [d, { confirmed: 0, waiting: 0 }]));
  if (dates.length === 0) return out;
  const rows = await db
    .selectFrom('eventSignups')
    .select(['localDate', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('activityId', '=', activityId)
    .where('localDate', 'in', [...dates])
    .where('status', 'in', ['confirmed', 'waiting'])
    .groupBy(['localDate', 'status'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.localDate) ?? { confirmed: 0, waiting: 0 };
    if (r.status === 'confirmed') c.confirmed = Number(r.n);
    else c.waiting = Number(r.n);
    out.set(r.localDate, c);
  }
  return out;
}

// --- signing up ----------------------------------------------------------------------------------

/** Locks the date's settings row until the transaction ends (PostgreSQL; an SQLite write transaction is alone anyway). */
export async function lockedSettings(trx: Db, activityId: number, date: string): Promise<SignupSettings | undefined> {
  let q = trx.selectFrom('eventSettings').selectAll().where('activityId', '=', activityId).where('localDate', '=', date);
  if (isPostgres(trx)) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? settingsOf(row) : undefined;
}

/** The sign-up (confirmed or waiting) of an address on a date's list, if it is on it. */
export async function findActiveSignup(db: Db, activityId: number, date: string, email: string): Promise<Signup | undefined> {
  const row = await db
    .selectFrom('eventSignups')
    .selectAll()
    .where('activityId', '=', activityId)
    .where('localDate', '=', date)
    .where('email', '=', email)
    .where('status', 'in', ['confirmed', 'waiting'])
    .executeTakeFirst();
  return row ? signupOf(row) : undefined;
}

/** Places taken on a date. */
export async function countConfirmed(db: Db, activityId: number, date: string): Promise<number> {
  const row = await db
    .selectFrom('eventSignups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activityId', '=', activityId)
    .where('localDate', '=', date)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Where a waiting sign-up stands in the queue (1 = next to move up); 0 for one with a place. */
export async function queuePosition(db: Db, s: Signup): Promise<number> {
  if (s.status !== 'waiting') return 0;
  const row = await db
    .selectFrom('eventSignups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activityId', '=', s.activityId)
    .where('localDate', '=', s.date)
    .where('status', '=', 'waiting')
    .where('id', '<=', s.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores a sign-up with the status its caller decided (a place or the waiting list). */
export async function insertSignup(
  db: Db,
  p: { activityId: number; date: string; status: 'confirmed' | 'waiting'; input: SignupInput; language: string; attendeeKey: string },
  now: Date,
): Promise<Signup> {
  const row = await db
    .insertInto('eventSignups')
    .values({
      activityId: p.activityId,
      localDate: p.date,
      status: p.status,
      ...p.input,
      language: p.language,
      attendeeKey: p.attendeeKey,
      createdAt: now.toISOString(),
      promotedAt: null,
      cancelledAt: null,
      checkedInAt: null,
      remindedAt: null,
      erasedAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return signupOf(row);
}

/** A fresh single-use cancel link for a sign-up (every mail that offers cancelling carries its own). */
export async function newCancelToken(db: Db, signupId: number, now: Date): Promise<string> {
  const { secret, hash } = newSecret();
  await db.insertInto('eventCancelTokens').values({ tokenHash: hash, signupId, createdAt: now.toISOString() }).execute();
  return secret;
}

/**
 * Moves people up from the waiting list while there are free places, in the order they signed up.
 * Runs inside the caller's transaction (after a cancellation, or a larger capacity).
 */
export async function promoteWaiting(trx: Db, activityId: number, date: string, capacity: number | null, now: Date): Promise<Signup[]> {
  const rows = await trx
    .selectFrom('eventSignups')
    .select(['id', 'status'])
    .where('activityId', '=', activityId)
    .where('localDate', '=', date)
    .where('status', 'in', ['confirmed', 'waiting'])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const confirmed = rows.filter((r) => r.status === 'confirmed').length;
  const ids = promotions(capacity, confirmed, rows.filter((r) => r.status === 'waiting').map((r) => Number(r.id)));
  if (ids.length === 0) return [];
  await trx.updateTable('eventSignups').set({ status: 'confirmed', promotedAt: now.toISOString() }).where('id', 'in', ids).where('status', '=', 'waiting').execute();
  const promoted = await trx.selectFrom('eventSignups').selectAll().where('id', 'in', ids).orderBy('createdAt').orderBy('id').execute();
  return promoted.map(signupOf);
}

// --- cancelling ----------------------------------------------------------------------------------

/** The sign-up a cancel link belongs to, when the link is still good. */
export async function findByToken(db: Db, token: string): Promise<Signup | undefined> {
  const row = await db
    .selectFrom('eventCancelTokens as t')
    .innerJoin('eventSignups as s', 's.id', 't.signupId')
    .selectAll('s')
    .where('t.tokenHash', '=', hashSecret(token))
    .where('s.status', 'in', ['confirmed', 'waiting'])
    .executeTakeFirst();
  return row ? signupOf(row) : undefined;
}

/** The sign-up a cancel link (by its hash) was made for, whatever its state, with its activity and date. */
export async function findTokenSignup(db: Db, tokenHash: string): Promise<{ signupId: number; activityId: number; date: string } | undefined> {
  const link = await db.selectFrom('eventCancelTokens').select('signupId').where('tokenHash', '=', tokenHash).executeTakeFirst();
  if (!link) return undefined;
  const s = await db.selectFrom('eventSignups').select(['activityId', 'localDate']).where('id', '=', link.signupId).executeTakeFirstOrThrow();
  return { signupId: link.signupId, activityId: s.activityId, date: s.localDate };
}

/** Deletes every cancel link of a sign-up; false when there was none left (used meanwhile). */
export async function deleteCancelTokens(db: Db, signupId: number): Promise<boolean> {
  const used = await db.deleteFrom('eventCancelTokens').where('signupId', '=', signupId).executeTakeFirst();
  return Number(used.numDeletedRows) > 0;
}

export async function findSignup(db: Db, id: number): Promise<Signup | undefined> {
  const row = await db.selectFrom('eventSignups').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? signupOf(row) : undefined;
}

export async function markCancelled(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('eventSignups').set({ status: 'cancelled', cancelledAt: now.toISOString() }).where('id', '=', id).execute();
}

// --- the organiser's list ------------------------------------------------------------------------

/** Marks a confirmed sign-up of this date as arrived (or not); false when there is no such sign-up. */
export async function setCheckedIn(db: Db, p: { activityId: number; date: string; signupId: number; arrived: boolean }, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('eventSignups')
    .set({ checkedInAt: p.arrived ? now.toISOString() : null })
    .where('id', '=', p.signupId)
    .where('activityId', '=', p.activityId)
    .where('localDate', '=', p.date)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What the attendance statistics are made of: no names, no addresses. */
export async function listAttendance(db: Db, activityId: number): Promise<{ date: string; status: SignupStatus; checkedIn: boolean; attendeeKey: string }[]> {
  const rows = await db
    .selectFrom('eventSignups')
    .select(['localDate', 'status', 'checkedInAt', 'attendeeKey'])
    .where('activityId', '=', activityId)
    .orderBy('localDate')
    .execute();
  return rows.map((r) => ({ date: r.localDate, status: r.status as SignupStatus, checkedIn: r.checkedInAt !== null, attendeeKey: r.attendeeKey }));
}

/** Dates of an activity that have sign-ups, with how many (for the organiser's overview). */
export async function listSignupDates(db: Db, activityId: number): Promise<string[]> {
  const rows = await db.selectFrom('eventSignups').select('localDate').distinct().where('activityId', '=', activityId).orderBy('localDate').execute();
  return rows.map((r) => r.localDate);
}

// --- reminders -----------------------------------------------------------------------------------

/** Confirmed sign-ups of dates in [from, to] not yet reminded (the rules decide which are due). */
export async function listUnreminded(db: Db, from: string, to: string): Promise<Signup[]> {
  const rows = await db
    .selectFrom('eventSignups')
    .selectAll()
    .where('localDate', '>=', from)
    .where('localDate', '<=', to)
    .where('status', '=', 'confirmed')
    .where('remindedAt', 'is', null)
    .where('erasedAt', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(signupOf);
}

/** Claims a sign-up's reminder: true for the one caller that set it, so each reminder goes once. */
export async function markReminded(db: Db, signupId: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('eventSignups').set({ remindedAt: now.toISOString() }).where('id', '=', signupId).where('remindedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// --- erasure -------------------------------------------------------------------------------------

/** Sign-ups of dates up to `lastDate` whose personal fields are still there. */
export async function listUnerasedUpTo(db: Db, lastDate: string): Promise<number[]> {
  const rows = await db.selectFrom('eventSignups').select('id').where('localDate', '<=', lastDate).where('erasedAt', 'is', null).execute();
  return rows.map((r) => Number(r.id));
}

/** Empties the personal fields of these sign-ups; status, check-in, language and the keyed hash stay for the statistics. */
export async function emptyPersonalFields(db: Db, ids: readonly number[], now: Date): Promise<void> {
  await db
    .updateTable('eventSignups')
    .set({ name: null, email: null, phone: null, organisation: null, diet: null, accessibility: null, erasedAt: now.toISOString() })
    .where('id', 'in', [...ids])
    .execute();
}

/** Deletes every cancel link of these sign-ups. */
export async function deleteCancelTokensOf(db: Db, ids: readonly number[]): Promise<void> {
  await db.deleteFrom('eventCancelTokens').where('signupId', 'in', [...ids]).execute();
}

export type { Question };
