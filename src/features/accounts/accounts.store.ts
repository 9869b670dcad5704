/** SQL for users, sessions, one-time tokens and rate limits. */
import { inTransaction, type Db } from '../../db/index.js';
import type { User } from './user.js';

type UserRow = {
  id: number;
  email: string;
  name: string;
  passwordHash: string | null;
  isAdmin: number;
  isGuide: number;
  isTranslator: number;
  active: number;
  lastLoginAt: string | null;
};

async function withOrganisations(db: Db, rows: UserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('userOrganisations')
    .select(['userId', 'organisationId'])
    .where('userId', 'in', rows.map((r) => r.id))
    .orderBy('organisationId')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    hasPassword: r.passwordHash !== null,
    isAdmin: r.isAdmin === 1,
    isGuide: r.isGuide === 1,
    isTranslator: r.isTranslator === 1,
    active: r.active === 1,
    organisationIds: links.filter((l) => l.userId === r.id).map((l) => l.organisationId),
    lastLoginAt: r.lastLoginAt,
  }));
}

const USER_COLUMNS = ['id', 'email', 'name', 'passwordHash', 'isAdmin', 'isGuide', 'isTranslator', 'active', 'lastLoginAt'] as const;

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).execute();
  return (await withOrganisations(db, rows))[0];
}

/** A user and the stored password hash (for signing in), by normalised e-mail. */
export async function findUserForLogin(db: Db, email: string): Promise<{ user: User; passwordHash: string | null } | undefined> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email).execute();
  const [user] = await withOrganisations(db, rows);
  return user ? { user, passwordHash: rows[0]!.passwordHash } : undefined;
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string | null;
  isAdmin: boolean;
  isGuide: boolean;
  isTranslator: boolean;
  organisationIds: number[];
}

export async function insertUser(db: Db, u: NewUser, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const stamp = now.toISOString();
    const { id } = await trx
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
    if (u.organisationIds.length > 0) {
      await trx.insertInto('userOrganisations').values(u.organisationIds.map((organisationId) => ({ userId: id, organisationId }))).execute();
    }
    return id;
  });
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

export async function insertAuthToken(
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

/**
 * Uses a token once: the update only succeeds for an unused, unexpired token, so two clicks
 * racing each other cannot both sign in.
 */
export async function consumeAuthToken(db: Db, tokenHash: string, purpose: string, now: Date): Promise<{ userId: number; data: string | null } | undefined> {
  const found = await peekAuthToken(db, tokenHash, purpose, now);
  if (!found) return undefined;
  const result = await db
    .updateTable('authTokens')
    .set({ usedAt: now.toISOString() })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { userId: found.userId, data: found.data } : undefined;
}

// --- rate limits ------------------------------------------------------------------------------

/** One counted attempt: the count in the current window, whether it is within the limit, and the wait until the window ends. */
export interface RateLimitHit {
  count: number;
  allowed: boolean;
  /** Whole seconds until the window ends (at least 1): the Retry-After of a refused attempt. */
  retryAfterSeconds: number;
  windowStart: Date;
}

/**
 * Counts one attempt under `key` in a fixed window of `windowSeconds` and tells whether it is within
 * `max`. One upsert that returns the new count: parallel attempts on any number of instances (and
 * PostgreSQL's read committed) each get a distinct count, so exactly `max` of them are allowed.
 */
export async function hitRateLimit(db: Db, key: string, now: Date, windowSeconds: number, max: number): Promise<RateLimitHit> {
  const windowMs = windowSeconds * 1000;
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
  const count = Number(row.count);
  const windowStart = new Date(row.windowStart);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { count, allowed: count <= max, retryAfterSeconds, windowStart };
}

/** Forgets rate-limit windows that ended long ago (one row per client would otherwise pile up). */
export async function pruneRateLimits(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('rateLimits').where('windowStart', '<', olderThan.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rateLimits').where('key', '=', key).execute();
}

// --- administration ---------------------------------------------------------------------------

/** Users whose e-mail or name contains `q`, by e-mail. */
export async function listUsers(db: Db, filter: { q?: string; limit: number; offset: number }): Promise<User[]> {
  let query = db.selectFrom('users').select(USER_COLUMNS).orderBy('email').limit(filter.limit).offset(filter.offset);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  }
  return withOrganisations(db, await query.execute());
}

export async function countUsers(db: Db, q?: string): Promise<number> {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'));
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
  }
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

/** Deactivates or reactivates a user; a deactivated user's sessions end at once. */
export async function setUserActive(db: Db, userId: number, active: boolean, now: Date): Promise<void> {
  await db.updateTable('users').set({ active: active ? 1 : 0, updatedAt: now.toISOString() }).where('id', '=', userId).execute();
  if (!active) await deleteUserSessions(db, userId);
}

/** Adds roles and organisations to an existing user (an invitation to someone who already has an account). */
export async function grantRoles(
  db: Db,
  userId: number,
  roles: { isAdmin: boolean; isGuide: boolean; isTranslator: boolean; organisationIds: number[] },
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const set: Partial<{ isAdmin: number; isGuide: number; isTranslator: number; updatedAt: string; active: number }> = { updatedAt: now.toISOString(), active: 1 };
    if (roles.isAdmin) set.isAdmin = 1;
    if (roles.isGuide) set.isGuide = 1;
    if (roles.isTranslator) set.isTranslator = 1;
    await trx.updateTable('users').set(set).where('id', '=', userId).execute();
    for (const organisationId of roles.organisationIds) {
      await trx
        .insertInto('userOrganisations')
        .values({ userId, organisationId })
        .onConflict((oc) => oc.columns(['userId', 'organisationId']).doNothing())
        .execute();
    }
  });
}

/** The editors of each of these organisations (active or not), by e-mail. */
export async function listEditorsOf(db: Db, organisationIds: number[]): Promise<Map<number, { id: number; name: string; email: string; active: boolean }[]>> {
  const out = new Map<number, { id: number; name: string; email: string; active: boolean }[]>();
  if (organisationIds.length === 0) return out;
  const rows = await db
    .selectFrom('userOrganisations as uo')
    .innerJoin('users as u', 'u.id', 'uo.userId')
    .select(['uo.organisationId', 'u.id', 'u.name', 'u.email', 'u.active'])
    .where('uo.organisationId', 'in', organisationIds)
    .orderBy('u.email')
    .execute();
  for (const r of rows) {
    const list = out.get(r.organisationId) ?? [];
    list.push({ id: r.id, name: r.name, email: r.email, active: r.active === 1 });
    out.set(r.organisationId, list);
  }
  return out;
}

/** The active editors of an organisation (for telling them about their changes). */
export async function listOrganisationEditors(db: Db, organisationId: number): Promise<{ id: number; email: string; name: string }[]> {
  return db
    .selectFrom('userOrganisations as uo')
    .innerJoin('users as u', 'u.id', 'uo.userId')
    .select(['u.id', 'u.email', 'u.name'])
    .where('uo.organisationId', '=', organisationId)
    .where('u.active', '=', 1)
    .orderBy('u.id')
    .execute();
}
