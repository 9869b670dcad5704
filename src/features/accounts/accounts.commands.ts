/**
 * Every write to users, sessions, one-time tokens and rate limits, for this feature's routes and
 * for other features: a change of several rows runs in the caller's transaction or one of its own.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import {
  addUserOrganisation,
  addUserRoles,
  deleteRateLimit,
  deleteRateLimitsBefore,
  deleteSession,
  deleteUserSessions,
  insertAuthTokenRow,
  insertSession,
  insertUserOrganisations,
  insertUserRow,
  markAuthTokenUsed,
  peekAuthToken,
  setEmail,
  setLastLogin,
  setPasswordHash,
  touchSession,
  updateUserActive,
  upsertRateLimitHit,
  type NewUser,
} from './accounts.store.js';

// --- users ------------------------------------------------------------------------------------

/** Creates an active user, editor of the organisations given; returns its id. */
export async function insertUser(db: Db, u: NewUser, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const id = await insertUserRow(trx, u, now);
    await insertUserOrganisations(trx, id, u.organisationIds);
    return id;
  });
}

/** Adds roles and organisations to an existing user (an invitation to someone who already has an account). */
export async function grantRoles(
  db: Db,
  userId: number,
  roles: { isAdmin: boolean; isGuide: boolean; isTranslator: boolean; organisationIds: number[] },
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await addUserRoles(trx, userId, roles, now);
    for (const organisationId of roles.organisationIds) await addUserOrganisation(trx, userId, organisationId);
  });
}

/** Deactivates or reactivates a user; a deactivated user's sessions end at once. */
export async function setUserActive(db: Db, userId: number, active: boolean, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await updateUserActive(trx, userId, active, now);
    if (!active) await deleteUserSessions(trx, userId);
  });
}

/** A new password; every session of the user ends (whoever knew the old one is out). Audited. */
export async function changePassword(db: Db, userId: number, passwordHash: string, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await setPasswordHash(trx, userId, passwordHash, now);
    await deleteUserSessions(trx, userId);
    await recordAudit(trx, { actorUserId: userId, action: 'user.passwordChanged', entity: 'user', entityId: userId }, now);
  });
}

/** A new e-mail address the user confirmed through its link. Audited with the old and the new address. */
export async function changeEmail(db: Db, userId: number, change: { from: string; to: string }, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await setEmail(trx, userId, change.to, now);
    await recordAudit(trx, { actorUserId: userId, action: 'user.emailChanged', entity: 'user', entityId: userId, before: { email: change.from }, after: { email: change.to } }, now);
  });
}

// --- sessions ---------------------------------------------------------------------------------

/** Starts a session for a user signing in, ending the one the browser had (if any), and notes when the user last signed in. */
export async function startSession(
  db: Db,
  s: { replaces: string | null; idHash: string; userId: number; expiresAt: string; userAgent: string | null },
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (s.replaces) await deleteSession(trx, s.replaces);
    await insertSession(trx, { idHash: s.idHash, userId: s.userId, expiresAt: s.expiresAt, userAgent: s.userAgent }, now);
    await setLastLogin(trx, s.userId, now);
  });
}

/** Ends one session (signing out). */
export function endSession(db: Db, idHash: string): Promise<void> {
  return deleteSession(db, idHash);
}

/** Notes a visit on a session and moves its expiry. */
export function extendSession(db: Db, idHash: string, expiresAt: string, now: Date): Promise<void> {
  return touchSession(db, idHash, expiresAt, now);
}

/** Signs a user out everywhere. Audited. */
export async function signOutEverywhere(db: Db, userId: number, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteUserSessions(trx, userId);
    await recordAudit(trx, { actorUserId: userId, action: 'logout.everywhere', entity: 'user', entityId: userId }, now);
  });
}

// --- one-time tokens --------------------------------------------------------------------------

/** Stores a single-use token (only its hash) for signing in or confirming an address. */
export function insertAuthToken(
  db: Db,
  t: { tokenHash: string; purpose: string; userId: number; data: string | null; expiresAt: string },
  now: Date,
): Promise<void> {
  return insertAuthTokenRow(db, t, now);
}

/**
 * Uses a token once: the update only succeeds for an unused, unexpired token, so two clicks
 * racing each other cannot both sign in.
 */
export async function consumeAuthToken(db: Db, tokenHash: string, purpose: string, now: Date): Promise<{ userId: number; data: string | null } | undefined> {
  const found = await peekAuthToken(db, tokenHash, purpose, now);
  if (!found) return undefined;
  return (await markAuthTokenUsed(db, tokenHash, now)) ? { userId: found.userId, data: found.data } : undefined;
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
  const row = await upsertRateLimitHit(db, key, now, windowMs);
  const windowStart = new Date(row.windowStart);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { count: row.count, allowed: row.count <= max, retryAfterSeconds, windowStart };
}

/** Forgets the counter under `key` (a right password forgives the owner's own mistypes). */
export function clearRateLimit(db: Db, key: string): Promise<void> {
  return deleteRateLimit(db, key);
}

/** Forgets rate-limit windows that ended long ago (one row per client would otherwise pile up). */
export function pruneRateLimits(db: Db, olderThan: Date): Promise<number> {
  return deleteRateLimitsBefore(db, olderThan);
}
