/**
 * The mapping survey's reminders to editors, in one transaction with their audit entry (the mail
 * queued in the outbox and sent after the commit), and the data of the reports, public (consented
 * answers only) or the coordinator's. Changes to rounds and responses are in survey.commands.ts.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { translator } from '../../i18n/index.js';
import { mailIn, type MailSender } from '../../web/server.js';
import { listOrganisationEditors } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { listPublicResponses, listResponses, listSurveyOrganisations, markReminded, type SurveyRound } from './survey.store.js';
import type { ReportData } from './survey.report.page.js';
import { countAnswers, reminderMail, type Translate } from './survey.js';

export interface SurveyDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
}

/**
 * Mails the editors of every organisation that has not submitted its answers to the round (a draft
 * or nothing), in Swedish, with the link to its form. Rows, audit and mail in one transaction; the
 * mail leaves after the commit. Returns how many people were mailed.
 */
export async function remindEditors(deps: SurveyDeps, round: SurveyRound, actorUserId: number, now: Date): Promise<number> {
  const sv = translator('sv') as unknown as Translate;
  const { mailer } = deps;
  const sent = await inTransaction(deps.db, async (trx) => {
    const [organisations, responses] = await Promise.all([listSurveyOrganisations(trx), listResponses(trx, round.id)]);
    const status = new Map(responses.map((r) => [r.organisationId, r.status]));
    let recipients = 0;
    let reached = 0;
    for (const o of organisations) {
      if (status.get(o.id) === 'submitted') continue;
      const editors = await listOrganisationEditors(trx, o.id);
      if (editors.length > 0) reached++;
      const mail = reminderMail(sv, { round: round.title, organisation: o.name, link: `${deps.publicUrl}/hantera/${o.slug}/kartlaggning`, draft: status.get(o.id) === 'draft' });
      for (const editor of editors) {
        const message = { to: editor.email, ...mail, purpose: 'survey-reminder' };
        await mailIn(mailer, trx).send(message);
        recipients++;
      }
    }
    await markReminded(trx, round.id, now);
    await recordAudit(trx, { actorUserId, action: 'surveyRound.reminded', entity: 'surveyRound', entityId: round.id, after: { organisations: reached, recipients } }, now);
    return recipients;
  });
  // After the commit: a failure here only delays the mail (the mail job tries again).
  await mailer.deliverQueued?.().catch(() => 0);
  return sent;
}

/**
 * What a report shows. Public: submitted responses with only their consented answers (the store
 * leaves the rest in the database), counted only where consented. The coordinator's: every response.
 */
export async function reportData(db: Db, round: SurveyRound, internal: boolean): Promise<ReportData> {
  const responses = internal ? await listResponses(db, round.id) : await listPublicResponses(db, round.id);
  const counts = countAnswers(round.questions, responses, !internal);
  // That an organisation answered is no answer of its own: the public report counts every submission.
  const answered = responses.filter((r) => r.status === 'submitted').length;
  return { round, counts, answered, responses, internal };
}
