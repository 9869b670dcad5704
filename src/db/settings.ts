/** Values kept in the settings table that every instance shares. */
import crypto from 'node:crypto';
import type { Db } from './index.js';

/**
 * A random secret stored under `key`, made on first use and the same for every instance. Read first:
 * callers ask often, and a write (even one that inserts nothing) is needless work for the database.
 */
export async function sharedSecret(db: Db, key: string): Promise<string> {
  const found = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (found) return found.value;
  await db.insertInto('settings').values({ key, value: crypto.randomBytes(32).toString('base64url') }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
}
