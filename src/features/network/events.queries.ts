/** Reads of events with sign-up other features use: a date's settings, its list of sign-ups, and the key of attendee hashes. */
import { sharedSecret } from '../../db/settings.js';
import type { Db } from '../../db/index.js';
import { settingsOf, signupOf, type Signup } from './events.store.js';
import type { SignupSettings } from './signup.js';

export async function findSettings(db: Db, activityId: number, date: string): Promise<SignupSettings | undefined> {
  const row = await db.selectFrom('eventSettings').selectAll().where('activityId', '=', activityId).where('localDate', '=', date).executeTakeFirst();
  return row ? settingsOf(row) : undefined;
}

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

/** The secret the attendee hashes are keyed with, made on first use and kept in settings. */
export async function attendeeSecret(db: Db): Promise<string> {
  return sharedSecret(db, 'events.attendeeKey');
}
