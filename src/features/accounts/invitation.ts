/**
 * Invitations: an address gets an account (or the one it has gets more roles) and a single-use
 * sign-in link, stored only as its hash. Through `db` (a transaction) it happens together with the
 * caller's change; the caller mails the link and records the audit entry.
 */
import { languagePrefix } from '../../i18n/index.js';
import { findUserForLogin, grantRoles, insertAuthToken, insertUser } from './accounts.store.js';
import { newSecret } from './secrets.js';
import type { Db } from '../../db/index.js';

/** An invitation link works a week, once. */
export const INVITE_DAYS = 7;

export interface InvitationInput {
  /** A normalised address (normaliseEmail) the caller has checked. */
  email: string;
  name: string;
  roles: { isAdmin: boolean; isGuide: boolean; isTranslator: boolean; organisationIds: number[] };
  /** Where the link leads once it has signed the person in, e.g. '/hantera/orebro-simsallskap'. */
  next: string;
  /** How long the link works. */
  days: number;
}

export interface Invitation {
  userId: number;
  /** The address had an account already (it got the roles added). */
  existing: boolean;
  /** The sign-in link's path in the given language, with the secret (only in the mail). */
  linkPath: (lang: string) => string;
}

/** Makes or extends the account and its single-use sign-in link. */
export async function createInvitation(db: Db, input: InvitationInput, now: Date): Promise<Invitation> {
  const existing = await findUserForLogin(db, input.email);
  let userId: number;
  if (existing) {
    userId = existing.user.id;
    await grantRoles(db, userId, input.roles, now);
  } else {
    userId = await insertUser(db, { email: input.email, name: input.name, passwordHash: null, ...input.roles }, now);
  }
  const { secret, hash } = newSecret();
  await insertAuthToken(
    db,
    { tokenHash: hash, purpose: 'signin', userId, data: JSON.stringify({ next: input.next }), expiresAt: new Date(now.getTime() + input.days * 864e5).toISOString() },
    now,
  );
  return { userId, existing: existing !== undefined, linkPath: (lang) => `${languagePrefix(lang)}/logga-in/lank/${secret}` };
}
