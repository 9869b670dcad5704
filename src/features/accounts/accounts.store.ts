/** SQL that writes users, sessions, one-time tokens and rate limits, and the reads only this feature makes. */
import type { Db } from '../../db/index.js';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string | null;
  isAdmin: boolean;
  isGuide: boolean;
  isTranslator: boolean;
  organisationIds: number[];
}

export async function insertUserRow(db: Db, u: NewUser, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const { id } = await db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name,
      passwordHash: u.passwordHash,
      isAdmin: u.isAdmin ? 1 : 0,
      isGuide: u.isGuide ? 1 : 0,
      isTranslator: u.isTranslator ? 1 : 0,
      active: 1,
      createdAt: stamp,
      updatedAt: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Makes a new user an editor of these organisations. */
export async function insertUserOrganisations(db: Db, userId: number, organisationIds: number[]): Promise<void> {
  if (organisationIds.length === 0) return;
  await db.insertInto('userOrganisations').values(organisationIds.map((organisationId) => ({ userId, organisationId }))).execute();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('isAdmin', '=', 1)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Makes an existing user an active admin. */
export async function makeActiveAdmin(db: Db, userId: number, now: Date): Promise<void> {
  await db.updateTable('users').set({ isAdmin: 1, active: 1, updatedAt: now.toISOString() }).where('id', '=', userId).execute();
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ passwordHash, updatedAt: now.toISOString() }).where('id', '=', userId).execute();
}

export async function setEmail(db: Db, userId: number, email: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ email, updatedAt: now.toISOString() }).where('id', '=', userId).execute();
}

export async function setLastLogin(db: Db, userId: number, now: Date): Promise<void> {
  await db.updateTable('users').set({ lastLoginAt: now.toISOString() }).where('id', '=', userId).execute();
}

// --- sessions ---------------------------------------------------------------------------------

export async function insertSession(db: Db, s: { idHash: string; userId: number; expiresAt: string; userAgent: string | null }, now: Date) {
  const stamp = now.toISOString();
  await db.insertInto('sessions').values({ ...s, createdAt: stamp, lastSeenAt: stamp }).execute();
}

/** The session's user id when the session exists and has not expired. */
export async function findSession(db: Db, idHash: string, now: Date): Promise<{ userId: number; lastSeenAt: string } | undefined> {
  return db
    .selectFrom('sessions')
    .select(['userId', 'lastSeenAt'])
    .where('idHash', '=', idHash)
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, expiresAt: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: now.toISOString(), expiresAt }).where('idHash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
}

/** Signs a user out everywhere; returns how many sessions ended. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// --- one-time tokens --------------------------------------------------------------------------

export async function insertAuthTokenRow(
  db: Db,
  t: { tokenHash: string; purpose: string; userId: number; data: string | null; expiresAt: string },
  now: Date,
): Promise<void> {
  await db.insertInto('authTokens').values({ ...t, createdAt: now.toISOString(), usedAt: null }).execute();
}

/** A token that exists, is unused and unexpired, without using it. */
export async function peekAuthToken(db: Db, tokenHash: string, purpose: string, now: Date) {
  return db
    .selectFrom('authTokens')
    .select(['userId', 'data', 'expiresAt'])
    .where('tokenHash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
}

/** Marks an unused token used; false when it was used already (the update decides, so of two racing uses one wins). */
export async function markAuthTokenUsed(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('authTokens')
    .set({ usedAt: now.toISOString() })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// --- rate limits ------------------------------------------------------------------------------

/**
 * Counts one attempt under `key` in a fixed window of `windowMs` and returns the count in the current
 * window and when that window began. One upsert that returns the new count: parallel attempts on any
 * number of instances (and PostgreSQL's read committed) each get a distinct count.
 */
export async function upsertRateLimitHit(db: Db, key: string, now: Date, windowMs: number): Promise<{ count: number; windowStart: string }> {
  const stamp = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('rateLimits')
    .values({ key, windowStart: stamp, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb.case().when('rateLimits.windowStart', '<=', cutoff).then(1).else(eb('rateLimits.count', '+', 1)).end(),
        windowStart: eb.case().when('rateLimits.windowStart', '<=', cutoff).then(stamp).else(eb.ref('rateLimits.windowStart')).end(),
      })),
    )
    .returning(['count', 'windowStart'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: row.windowStart };
}

/** Deletes rate-limit windows that began before `olderThan`; returns how many. */
export async function deleteRateLimitsBefore(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('rateLimits').where('windowStart', '<', olderThan.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rateLimits').where('key', '=', key).execute();
}

// --- administration ---------------------------------------------------------------------------

export async function updateUserActive(db: Db, userId: number, active: boolean, now: Date): Promise<void> {
  await db.updateTable('users').set({ active: active ? 1 : 0, updatedAt: now.toISOString() }).where('id', '=', userId).execute();
}

/** Sets the given roles on a user (never takes one away) and makes the user active. */
export async function addUserRoles(db: Db, userId: number, roles: { isAdmin: boolean; isGuide: boolean; isTranslator: boolean }, now: Date): Promise<void> {
  const set: Partial<{ isAdmin: number; isGuide: number; isTranslator: number; updatedAt: string; active: number }> = { updatedAt: now.toISOString(), active: 1 };
  if (roles.isAdmin) set.isAdmin = 1;
  if (roles.isGuide) set.isGuide = 1;
  if (roles.isTranslator) set.isTranslator = 1;
  await db.updateTable('users').set(set).where('id', '=', userId).execute();
}

/** Makes a user an editor of an organisation, if not already. */
export async function addUserOrganisation(db: Db, userId: number, organisationId: number): Promise<void> {
  await db
    .insertInto('userOrganisations')
    .values({ userId, organisationId })
    .onConflict((oc) => oc.columns(['userId', 'organisationId']).doNothing())
    .execute();
}
