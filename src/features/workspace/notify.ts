/** What the workflow needs to tell people: the database, the mailer, absolute links; mail to editors and the coordinator. */
import type { Db } from '../../db/index.js';
import { languagePrefix, translator } from '../../i18n/index.js';
import type { MailSender } from '../../web/server.js';
import { listOrganisationEditors } from '../accounts/index.js';

export interface WorkflowDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
  /** Where the coordinator is told about new things to review. */
  adminEmail: string;
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
