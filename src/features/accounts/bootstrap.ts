/** First start: without a coordinator nobody can sign in, so one is created and handed a one-time link. */
import type { Db } from '../../db/index.js';
import { countAdmins, findUserForLogin, insertAuthToken, insertUser } from './accounts.store.js';
import { recordAudit } from '../audit/index.js';
import { newSecret } from './secrets.js';

/** How long the first sign-in link printed to the log works. */
const FIRST_LINK_HOURS = 24;

/**
 * Makes sure an active admin exists. When one had to be created (or an existing account promoted),
 * returns a sign-in link to print; otherwise null.
 */
export async function ensureFirstAdmin(db: Db, options: { email: string; publicUrl: string; now: Date }): Promise<string | null> {
  if ((await countAdmins(db)) > 0) return null;
  const existing = await findUserForLogin(db, options.email);
  let userId: number;
  if (existing) {
    userId = existing.user.id;
    await db.updateTable('users').set({ isAdmin: 1, active: 1, updatedAt: options.now.toISOString() }).where('id', '=', userId).execute();
  } else {
    userId = await insertUser(
      db,
      { email: options.email, name: 'Samordnare', passwordHash: null, isAdmin: true, isGuide: false, isTranslator: false, organisationIds: [] },
      options.now,
    );
  }
  await recordAudit(db, { actorUserId: null, action: 'user.firstAdmin', entity: 'user', entityId: userId, after: { email: options.email } }, options.now);
  const { secret, hash } = newSecret();
  await insertAuthToken(
    db,
    { tokenHash: hash, purpose: 'signin', userId, data: JSON.stringify({ next: '/konto' }), expiresAt: new Date(options.now.getTime() + FIRST_LINK_HOURS * 3600_000).toISOString() },
    options.now,
  );
  return `${options.publicUrl}/logga-in/lank/${secret}`;
}
