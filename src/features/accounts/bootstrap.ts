/** First start: without a coordinator nobody can sign in, so one is created and handed a one-time link. */
import { inTransaction, type Db } from '../../db/index.js';
import { insertAuthToken, insertUser } from './accounts.commands.js';
import { findUserForLogin } from './accounts.queries.js';
import { countAdmins, makeActiveAdmin } from './accounts.store.js';
import { recordAudit } from '../audit/index.js';
import { newSecret } from './secrets.js';

/** How long the first sign-in link printed to the log works. */
const FIRST_LINK_HOURS = 24;

/**
 * Makes sure an active admin exists. When one had to be created (or an existing account promoted),
 * returns a sign-in link to print; otherwise null. The admin, its audit entry and its link are
 * written together, so a start that fails half-way leaves no admin without a link.
 */
export async function ensureFirstAdmin(db: Db, options: { email: string; publicUrl: string; now: Date }): Promise<string | null> {
  return inTransaction(db, async (trx) => {
    if ((await countAdmins(trx)) > 0) return null;
    const existing = await findUserForLogin(trx, options.email);
    let userId: number;
    if (existing) {
      userId = existing.user.id;
      await makeActiveAdmin(trx, userId, options.now);
    } else {
      userId = await insertUser(
        trx,
        { email: options.email, name: 'Samordnare', passwordHash: null, isAdmin: true, isGuide: false, isTranslator: false, organisationIds: [] },
        options.now,
      );
    }
    await recordAudit(trx, { actorUserId: null, action: 'user.firstAdmin', entity: 'user', entityId: userId, after: { email: options.email } }, options.now);
    const { secret, hash } = newSecret();
    await insertAuthToken(
      trx,
      { tokenHash: hash, purpose: 'signin', userId, data: JSON.stringify({ next: '/konto' }), expiresAt: new Date(options.now.getTime() + FIRST_LINK_HOURS * 3600_000).toISOString() },
      options.now,
    );
    return `${options.publicUrl}/logga-in/lank/${secret}`;
  });
}
