/** What the workflow needs to tell people: the database, the mailer, absolute links; mail to editors and the coordinator. */
import type { Db } from '../../db/index.js';
import { languagePrefix, translator } from '../../i18n/index.js';
import { withQueuedMail, type MailSender } from '../../web/server.js';
import { listOrganisationEditors } from '../accounts/index.js';
import type { ActivityDetail, Schedule } from '../calendar/index.js';

/**
 * Telling people signed up for an activity's dates (events, in network) that a date changed. app.ts
 * hands it in, since network already depends on the workspace through admin.
 */
export interface SignupChanges {
  /** How many would be told per (original) date from today on, for the organiser's confirmation. */
  count(db: Db, activityId: number, now: Date): Promise<Map<string, number>>;
  /** Inside the change's transaction: mails those whose date the change cancels or moves; how many. */
  tell(deps: WorkflowDeps, change: { before: ActivityDetail; after: Schedule | null; actorUserId: number | null; now: Date }): Promise<number>;
}

export interface WorkflowDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
  /** Where the coordinator is told about new things to review. */
  adminEmail: string;
  /** Mails people signed up for a date that changed (absent: nobody is told). */
  signups?: SignupChanges | undefined;
}

/**
 * Runs one change of the workflow in one transaction: its rows, revision, audit entries and mail
 * all happen or none does. Mail is put in the outbox queue inside the transaction and sent once it
 * commits (and later again, by the 'mail.deliver' job, if the server fails).
 */
export async function atomically<T>(deps: WorkflowDeps, fn: (deps: WorkflowDeps) => Promise<T>): Promise<T> {
  return deps.db.isTransaction ? fn(deps) : withQueuedMail(deps, fn);
}

/** An absolute link to a page of the site. */
export const link = (deps: WorkflowDeps, path: string, lang = 'sv') => `${deps.publicUrl}${languagePrefix(lang)}${path}`;

/** Mails every editor of an organisation (verified accounts). */
export async function tellEditors(deps: WorkflowDeps, organisationId: number, subject: string, text: string, purpose: string): Promise<void> {
  for (const editor of await listOrganisationEditors(deps.db, organisationId)) {
    await deps.mailer.send({ to: editor.email, subject, text, purpose });
  }
}

/** Tells the coordinator that something from an organisation waits in the review queue. */
export async function tellCoordinator(deps: WorkflowDeps, p: { organisation: string; title: string; revisionId: number }): Promise<void> {
  const sv = translator('sv');
  await deps.mailer.send({
    to: deps.adminEmail,
    subject: sv('workspace.mail.reviewSubject', { organisation: p.organisation }),
    text: sv('workspace.mail.reviewBody', { organisation: p.organisation, title: p.title, link: link(deps, `/admin/granska/${p.revisionId}`) }),
    purpose: 'review',
  });
}
