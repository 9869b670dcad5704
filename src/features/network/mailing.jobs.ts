/**
 * Sending the mailing list, in batches through the mailer (SMTP or the outbox). Each delivery is
 * claimed in the database before its mail leaves and marked after, so a run that dies mid-send is
 * resumed by the next without anyone getting a message twice: a claim left unfinished is marked
 * unknown and not sent again. Addresses the server refuses are counted and paused after a few.
 * Also: unconfirmed requests expire, and old hashes of addresses that left are forgotten.
 */
import type { Db } from '../../db/index.js';
import { languagePrefix, translator } from '../../i18n/index.js';
import type { MailSender } from '../../web/server.js';
import { recordAudit } from '../audit/index.js';
import { deleteOutboxAbout } from '../mail/index.js';
import {
  claimDelivery,
  deleteExpiredRequests,
  deliveryAttempts,
  finishDelivery,
  finishMessages,
  listQueued,
  mailingKey,
  markInterrupted,
  noteFailure,
  noteSuccess,
  pruneSuppressions,
} from './mailing.store.js';
import {
  BATCH_SIZE,
  composeListMail,
  failureKind,
  listHeaders,
  MAX_ATTEMPTS,
  pausesAfter,
  requestSubject,
  segmentLabel,
  STALE_CLAIM_MINUTES,
  subscriberSubject,
  SUPPRESSION_MONTHS,
  textFor,
  unsubscribeToken,
} from './mailing.js';
import type { Translate } from './volunteers.js';

export interface SendDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
}

export interface BatchResult {
  sent: number;
  failed: number;
  /** Deliveries of addresses paused or gone since the message was queued. */
  skipped: number;
  /** Interrupted deliveries found (not sent again). */
  interrupted: number;
  /** The mail server could not be reached: the rest waits for the next run. */
  deferred: boolean;
}

/** The address of the unsubscribe page of a subscriber, in their language. */
export function unsubscribeUrl(publicUrl: string, key: string, subscriber: { id: number; language: string }): string {
  return `${publicUrl}${languagePrefix(subscriber.language)}/nyhetsbrev/avsluta/${unsubscribeToken(key, subscriber.id)}`;
}

/** Sends up to `limit` queued deliveries; see the module note for what a crash or a failure does. */
export async function sendBatch(deps: SendDeps, now: Date, limit = BATCH_SIZE): Promise<BatchResult> {
  const { db } = deps;
  const result: BatchResult = { sent: 0, failed: 0, skipped: 0, interrupted: 0, deferred: false };
  result.interrupted = await markInterrupted(db, new Date(now.getTime() - STALE_CLAIM_MINUTES * 60_000).toISOString());
  const key = await mailingKey(db);
  const host = new URL(deps.publicUrl).hostname;
  for (const d of await listQueued(db, limit)) {
    if (d.subscriberId === null || d.email === null || d.subscriberStatus !== 'active' || d.segment === null) {
      await finishDelivery(db, d.id, 'skipped', now);
      result.skipped++;
      continue;
    }
    if (!(await claimDelivery(db, d.id, now))) continue;
    const language = d.language ?? 'sv';
    const text = textFor(d.texts, language);
    // The footer (why, and how to leave) and the pages it links to are in the reader's language, whatever the text's.
    const t = translator(language) as unknown as Translate;
    const unsubscribe = unsubscribeUrl(deps.publicUrl, key, { id: d.subscriberId, language });
    const mail = composeListMail(t, {
      text,
      segment: segmentLabel(t, d.segment),
      unsubscribeUrl: unsubscribe,
      archiveUrl: d.segment.publicArchive ? `${deps.publicUrl}${languagePrefix(language)}/nyhetsbrev/arkiv/${d.messageId}` : null,
    });
    try {
      await deps.mailer.send({ to: d.email, ...mail, purpose: 'mailing', subjectRef: subscriberSubject(d.subscriberId), headers: listHeaders(unsubscribe, `<tillsammans.${host}>`) });
    } catch (error) {
      if (failureKind(error) === 'address') {
        await finishDelivery(db, d.id, 'failed', now);
        await noteFailure(db, d.subscriberId, error instanceof Error ? error.message : String(error), pausesAfter(d.failures + 1), now);
        result.failed++;
        continue;
      }
      // The server is down or busy: this one waits (or gives up after a few tries) and so does the rest.
      const gaveUp = (await deliveryAttempts(db, d.id)) >= MAX_ATTEMPTS;
      await finishDelivery(db, d.id, gaveUp ? 'failed' : 'queued', now);
      if (gaveUp) result.failed++;
      result.deferred = true;
      break;
    }
    await finishDelivery(db, d.id, 'sent', now);
    if (d.failures > 0) await noteSuccess(db, d.subscriberId);
    result.sent++;
  }
  await finishMessages(db, now);
  return result;
}

/** The sending job: one batch, summed up for the jobs page. */
export async function runMailingSend(deps: SendDeps, now: Date): Promise<string> {
  const r = await sendBatch(deps, now);
  return `${r.sent} sent, ${r.failed} failed, ${r.skipped} skipped${r.interrupted ? `, ${r.interrupted} interrupted` : ''}${r.deferred ? ', mail server unreachable' : ''}`;
}

/**
 * Deletes subscription requests nobody confirmed within their 48 hours (and their confirmation mails
 * in the outbox), and hashes of addresses that left more than SUPPRESSION_MONTHS ago; returns how many requests went.
 */
export async function expireRequests(db: Db, now: Date): Promise<number> {
  const ids = await deleteExpiredRequests(db, now);
  for (const id of ids) await deleteOutboxAbout(db, requestSubject(id));
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - SUPPRESSION_MONTHS);
  await pruneSuppressions(db, cutoff.toISOString());
  if (ids.length > 0) await recordAudit(db, { actorUserId: null, actor: { kind: 'job', job: 'mailing.expire' }, action: 'mailing.requestsExpired', entity: 'mailingRequest', entityId: null, after: { count: ids.length } }, now);
  return ids.length;
}
