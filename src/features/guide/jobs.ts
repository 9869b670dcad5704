/** The guide's scheduled work: follow-up reminders by e-mail, and erasing personal data after the retention period. */
import type { Db } from '../../db/index.js';
import { translator } from '../../i18n/index.js';
import type { MailSender } from '../../web/server.js';
import { localToday } from '../../web/time.js';
import { findUserById } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { caseSubject } from '../mail/index.js';
import { eraseExpiredCases, eraseIdleCases } from './case.commands.js';
import { listDueFollowUps, markReminded } from './case.store.js';

/** Tells each guide about their cases whose follow-up date has come (once a day per case); returns how many. */
export async function sendFollowUpReminders(deps: { db: Db; mailer: MailSender; publicUrl: string }, now: Date): Promise<number> {
  const today = localToday(now);
  const sv = translator('sv');
  let sent = 0;
  for (const due of await listDueFollowUps(deps.db, today)) {
    const guide = await findUserById(deps.db, due.assignedTo);
    if (guide?.active) {
      // The reminder names the case by its reference only: nothing personal leaves the system by e-mail.
      await deps.mailer.send({
        to: guide.email,
        subject: sv('guide.mail.reminderSubject', { reference: due.reference }),
        text: sv('guide.mail.reminderBody', { reference: due.reference, link: `${deps.publicUrl}/lots/arende/${due.id}` }),
        purpose: 'guide-reminder',
        subjectRef: caseSubject(due.id),
      });
      sent++;
    }
    await markReminded(deps.db, due.id, today);
  }
  return sent;
}

/**
 * Erases the personal data of cases closed longer ago than the retention period, and closes and
 * erases open cases nobody has worked on for as long; audited as the system, each case in its own
 * history and the run as a whole. Returns how many cases were erased.
 */
export async function eraseExpired(db: Db, now: Date, retentionMonths: number): Promise<number> {
  const closed = await eraseExpiredCases(db, now, retentionMonths);
  const idle = await eraseIdleCases(db, now, retentionMonths);
  for (const [ids, action] of [[closed, 'case.retentionErased'], [idle, 'case.idleErased']] as const) {
    for (const id of ids) await recordAudit(db, { actorUserId: null, action, entity: 'case', entityId: id, after: { retentionMonths } }, now);
  }
  const n = closed.length + idle.length;
  if (n > 0) await recordAudit(db, { actorUserId: null, actor: { kind: 'job', job: 'guide.erasure' }, action: 'case.retentionErased', entity: 'case', entityId: null, after: { count: n, idle: idle.length, retentionMonths } }, now);
  return n;
}
