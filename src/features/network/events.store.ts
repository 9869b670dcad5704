/**
 * Events with sign-up, the queries: settings per dated occurrence, sign-ups with their waiting list
 * and single-use cancel links, check-in, reminders and erasure. The only place that talks SQL about
 * sign-ups. Taking a place and freeing one (with the promotion it brings) each run in one
 * transaction that first locks the date's settings row, so two people never get the last place.
 */
import { sharedSecret } from '../../db/settings.js';
import { PostgresAdapter, type Selectable } from 'kysely';
import { inTransaction, type Database, type Db } from '../../db/index.js';
import { hashSecret, newSecret } from '../accounts/index.js';
import { placeFor, promotions, type Question, type QuestionMode, type SignupCounts, type SignupInput, type SignupSettings, type SignupStatus } from './signup.js';

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

function settingsOf(r: SettingsRow): SignupSettings {
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

function signupOf(r: SignupRow): Signup {
  const { localDate, ...rest } = r;
  return { ...rest, id: Number(r.id), activityId: Number(r.activityId), date: localDate, status: r.status as SignupStatus };
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

// --- settings ------------------------------------------------------------------------------------

export async function findSettings(db: Db, activityId: number, date: string): Promise<SignupSettings | undefined> {
  const row = await db.selectFrom('eventSettings').selectAll().where('activityId', '=', activityId).where('localDate', '=', date).executeTakeFirst();
  return row ? settingsOf(row) : undefined;
}

/** Every date of an activity with sign-up on, from `from` on when given, by date. */
export async function listSettings(db: Db, activityId: number, from?: string): Promise<SignupSettings[]> {
  let q = db.selectFrom('eventSettings').selectAll().where('activityId', '=', activityId).orderBy('localDate');
  if (from !== undefined) q = q.where('localDate', '>=', from);
  return (await q.execute()).map(settingsOf);
}

/**
 * Saves a date's settings (insert or update) and, since a larger capacity frees places, moves people
 * up from the waiting list in the same transaction. Returns those promoted, for their mails.
 */
export async function saveSettings(db: Db, s: SignupSettings, now: Date): Promise<Signup[]> {
  const at = now.toISOString();
  const values = {
    capacity: s.capacity,
    deadlineDate: s.deadlineDate,
    deadlineTime: s.deadlineTime,
    askOrganisation: s.questions.organisation,
    askDiet: s.questions.diet,
    askAccessibility: s.questions.accessibility,
    note: s.note,
    updatedAt: at,
  };
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto('eventSettings')
      .values({ activityId: s.activityId, localDate: s.date, createdAt: at, ...values })
      .onConflict((oc) => oc.columns(['activityId', 'localDate']).doUpdateSet(values))
      .execute();
    return promoteWaiting(trx, s.activityId, s.date, s.capacity, now);
  });
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

export type SignUpResult =
  | { kind: 'created'; signup: Signup; token: string; position: number }
  /** The address is already on this date's list (confirmed or waiting): nothing new is stored. */
  | { kind: 'duplicate'; signup: Signup; token: string; position: number }
  /** Sign-up was turned off between the form and the sending. */
  | { kind: 'closed' };

/** Locks the date's settings row until the transaction ends (PostgreSQL; an SQLite write transaction is alone anyway). */
async function lockedSettings(trx: Db, activityId: number, date: string): Promise<SignupSettings | undefined> {
  let q = trx.selectFrom('eventSettings').selectAll().where('activityId', '=', activityId).where('localDate', '=', date);
  if (isPostgres(trx)) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? settingsOf(row) : undefined;
}

/** Where a waiting sign-up stands in the queue (1 = next to move up); 0 for one with a place. */
async function queuePosition(trx: Db, s: Signup): Promise<number> {
  if (s.status !== 'waiting') return 0;
  const row = await trx
    .selectFrom('eventSignups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activityId', '=', s.activityId)
    .where('localDate', '=', s.date)
    .where('status', '=', 'waiting')
    .where('id', '<=', s.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function insertToken(trx: Db, signupId: number, now: Date): Promise<string> {
  const { secret, hash } = newSecret();
  await trx.insertInto('eventCancelTokens').values({ tokenHash: hash, signupId, createdAt: now.toISOString() }).execute();
  return secret;
}

/** A fresh single-use cancel link for a sign-up (every mail that offers cancelling carries its own). */
export function newCancelToken(db: Db, signupId: number, now: Date): Promise<string> {
  return insertToken(db, signupId, now);
}

/**
 * Signs someone up for a date: a place while there is one, else the waiting list; the same address
 * twice gets the sign-up it already has. The checks of the deadline and the date are the caller's
 * (they need the schedule); capacity is counted here under the lock.
 */
export async function signUp(
  db: Db,
  p: { activityId: number; date: string; input: SignupInput; language: string; attendeeKey: string },
  now: Date,
): Promise<SignUpResult> {
  return inTransaction(db, async (trx) => {
    const settings = await lockedSettings(trx, p.activityId, p.date);
    if (!settings) return { kind: 'closed' as const };
    const existing = await trx
      .selectFrom('eventSignups')
      .selectAll()
      .where('activityId', '=', p.activityId)
      .where('localDate', '=', p.date)
      .where('email', '=', p.input.email)
      .where('status', 'in', ['confirmed', 'waiting'])
      .executeTakeFirst();
    if (existing) {
      const signup = signupOf(existing);
      return { kind: 'duplicate' as const, signup, token: await insertToken(trx, signup.id, now), position: await queuePosition(trx, signup) };
    }
    const taken = await trx
      .selectFrom('eventSignups')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activityId', '=', p.activityId)
      .where('localDate', '=', p.date)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const status = placeFor(settings.capacity, Number(taken.n));
    const row = await trx
      .insertInto('eventSignups')
      .values({
        activityId: p.activityId,
        localDate: p.date,
        status,
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
    const signup = signupOf(row);
    return { kind: 'created' as const, signup, token: await insertToken(trx, signup.id, now), position: await queuePosition(trx, signup) };
  });
}

/**
 * Moves people up from the waiting list while there are free places, in the order they signed up.
 * Runs inside the caller's transaction (after a cancellation, or a larger capacity).
 */
async function promoteWaiting(trx: Db, activityId: number, date: string, capacity: number | null, now: Date): Promise<Signup[]> {
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

/**
 * Cancels the sign-up of a link: the link and every other link of the sign-up stop working, and when
 * a place was freed the first on the waiting list gets it, all in one transaction. Undefined when the
 * link is used, unknown or its sign-up already cancelled.
 */
export async function cancelByToken(db: Db, token: string, now: Date): Promise<{ cancelled: Signup; promoted: Signup[] } | undefined> {
  const tokenHash = hashSecret(token);
  return inTransaction(db, async (trx) => {
    const link = await trx.selectFrom('eventCancelTokens').select('signupId').where('tokenHash', '=', tokenHash).executeTakeFirst();
    if (!link) return undefined;
    const before = await trx.selectFrom('eventSignups').select(['activityId', 'localDate']).where('id', '=', link.signupId).executeTakeFirstOrThrow();
    const settings = await lockedSettings(trx, before.activityId, before.localDate);
    // Deleting the links first makes a second, simultaneous use find none.
    const used = await trx.deleteFrom('eventCancelTokens').where('signupId', '=', link.signupId).executeTakeFirst();
    if (Number(used.numDeletedRows) === 0) return undefined;
    const row = await trx.selectFrom('eventSignups').selectAll().where('id', '=', link.signupId).executeTakeFirstOrThrow();
    const signup = signupOf(row);
    if (signup.status === 'cancelled') return undefined;
    await trx.updateTable('eventSignups').set({ status: 'cancelled', cancelledAt: now.toISOString() }).where('id', '=', signup.id).execute();
    const cancelled = { ...signup, status: 'cancelled' as const, cancelledAt: now.toISOString() };
    // Sign-up turned off for the date: nobody new gets in, not even from the waiting list.
    const promoted = signup.status === 'confirmed' && settings ? await promoteWaiting(trx, signup.activityId, signup.date, settings.capacity, now) : [];
    return { cancelled, promoted };
  });
}

// --- the organiser's list ------------------------------------------------------------------------

/** Every sign-up of a date, in the order they came (the waiting list's order too). */
export async function listSignups(db: Db, activityId: number, date: string): Promise<Signup[]> {
  const rows = await db
    .selectFrom('eventSignups')
    .selectAll()
    .where('activityId', '=', activityId)
    .where('localDate', '=', date)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(signupOf);
}

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

/**
 * Empties the personal fields of every sign-up of dates up to `lastDate` and deletes their cancel
 * links; status, check-in, language and the keyed hash stay for the statistics. Returns the ids.
 */
export async function eraseSignupsUpTo(db: Db, lastDate: string, now: Date): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const rows = await trx.selectFrom('eventSignups').select('id').where('localDate', '<=', lastDate).where('erasedAt', 'is', null).execute();
    const ids = rows.map((r) => Number(r.id));
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await trx
        .updateTable('eventSignups')
        .set({ name: null, email: null, phone: null, organisation: null, diet: null, accessibility: null, erasedAt: now.toISOString() })
        .where('id', 'in', chunk)
        .execute();
      await trx.deleteFrom('eventCancelTokens').where('signupId', 'in', chunk).execute();
    }
    return ids;
  });
}

// --- the key of attendee hashes ------------------------------------------------------------------

/** The secret the attendee hashes are keyed with, made on first use and kept in settings. */
export async function attendeeSecret(db: Db): Promise<string> {
  return sharedSecret(db, 'events.attendeeKey');
}

export type { Question };
