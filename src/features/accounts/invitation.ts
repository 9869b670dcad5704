/**
 * Invitations: an address gets an account (or the one it has gets more roles) and a single-use
 * sign-in link, stored only as its hash. It joins the caller's transaction when `db` is one, so it
 * happens together with the caller's change; the caller mails the link and records the audit entry.
 */
import { languagePrefix } from '../../i18n/index.js';
import { inTransaction, type Db } from '../../db/index.js';
import { grantRoles, insertAuthToken, insertUser } from './accounts.commands.js';
import { findUserForLogin } from './accounts.queries.js';
import { newSecret } from './secrets.js';

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

/** Makes or extends the account and its single-use sign-in link, all or nothing. */
export async function createInvitation(db: Db, input: InvitationInput, now: Date): Promise<Invitation> {
  return inTransaction(db, async (trx) => {
    const existing = await findUserForLogin(trx, input.email);
    let userId: number;
    if (existing) {
      userId = existing.user.id;
      await grantRoles(trx, userId, input.roles, now);
    } else {
      userId = await insertUser(trx, { email: input.email, name: input.name, passwordHash: null, ...input.roles }, now);
    }
    const { secret, hash } = newSecret();
    await insertAuthToken(
      trx,
      { tokenHash: hash, purpose: 'signin', userId, data: JSON.stringify({ next: input.next }), expiresAt: new Date(now.getTime() + input.days * 864e5).toISOString() },
      now,
    );
    return { userId, existing: existing !== undefined, linkPath: (lang: string) => `${languagePrefix(lang)}/logga-in/lank/${secret}` };
  });
}
