/**
 * Demo mailing list: three segments (language cafés, network members, volunteers), confirmed
 * subscribers in two of them (fictional addresses, confirmed through the real double opt-in path),
 * and one message to the network, sent (through a mailer that sends nothing) so the archive shows it.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/index.js';
import { hashSecret } from '../accounts/index.js';
import { sendBatch } from './mailing.jobs.js';
import { confirmRequest, insertMessage, insertRequest, insertSegment, queueMessage } from './mailing.commands.js';
import { mailingKey } from './mailing.store.js';
import { addressHash, type SegmentInput } from './mailing.js';

const SEGMENTS: SegmentInput[] = [
  { audience: 'language_cafes', organisationKind: null, name: 'Språkcaféer', description: 'För er som håller i språkcaféer: tips, material och träffar.', publicArchive: true, openSignup: true },
  { audience: 'network', organisationKind: null, name: 'Nätverksmedlemmar', description: 'Kallelser och minnesanteckningar från nätverksträffarna varje kvartal.', publicArchive: true, openSignup: true },
  { audience: 'volunteers', organisationKind: null, name: 'Volontärer', description: 'Nya uppdrag och utbildningar för volontärer.', publicArchive: true, openSignup: true },
];

/** [address, name, language, segment indexes] */
const SUBSCRIBERS: [string, string | null, string, number[]][] = [
  ['sprakcafe.vivalla@example.org', 'Språkcaféet i Vivalla', 'sv', [0, 1]],
  ['kontakt@kompisbyran.example.org', null, 'sv', [1]],
  ['natverk@abf.example.org', 'Karin på ABF', 'sv', [1]],
  ['cafe@traffpunkt-oxhagen.example.org', null, 'en', [0]],
];

export async function seedMailingDemo(db: Db, now: Date): Promise<void> {
  const ids: number[] = [];
  for (const s of SEGMENTS) ids.push(await insertSegment(db, s, now));
  const key = await mailingKey(db);
  for (const [email, name, language, segments] of SUBSCRIBERS) {
    const secret = crypto.randomBytes(32).toString('base64url');
    await insertRequest(db, { email, name, language, segmentIds: segments.map((i) => ids[i]!), source: 'form', tokenHash: hashSecret(secret), expiresAt: new Date(now.getTime() + 3600_000).toISOString() }, now);
    await confirmRequest(db, hashSecret(secret), (e) => addressHash(key, e), now);
  }
  const earlier = new Date(now.getTime() - 14 * 864e5);
  const messageId = await insertMessage(
    db,
    {
      segmentId: ids[1]!,
      createdBy: null,
      texts: {
        sv: {
          subject: 'Välkommen till nätverksträffen i februari',
          body: 'Hej alla föreningar!\n\nNästa nätverksträff är tisdag den 9 februari kl. 18–20 på Trängen. Vi pratar om vårens kompisvecka och hur vi tar emot de 80 nya volontärerna.\n\nVälkomna!\nSamordnaren på föreningsrådet',
        },
        en: {
          subject: 'Welcome to the network meeting in February',
          body: 'Hello all organisations!\n\nThe next network meeting is on Tuesday 9 February, 18–20, at Trängen. We will talk about the spring buddy week and how we welcome the 80 new volunteers.\n\nWelcome!\nThe coordinator at the association council',
        },
      },
    },
    earlier,
  );
  await queueMessage(db, messageId, earlier);
  await sendBatch({ db, mailer: { send: async () => ({}) }, publicUrl: 'http://localhost' }, earlier);
}
