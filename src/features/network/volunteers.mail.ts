/**
 * Routing a volunteer to the organisation: the sign-up goes by e-mail to the role's contact (with the
 * volunteer's address as Reply-To), the volunteer gets a confirmation, and sign-ups that could not be
 * forwarded are tried again by a job. Personal data is erased a set time after forwarding.
 */
import type { Db } from '../../db/index.js';
import { translator } from '../../i18n/index.js';
import type { MailSender } from '../../web/server.js';
import { recordAudit } from '../audit/index.js';
import { deleteOutboxAbout } from '../mail/index.js';
import { eraseSignups } from './volunteers.commands.js';
import { listUnforwarded, markForwarded, type PendingSignup } from './volunteers.store.js';
import { organisationMail, signupSubject, SIGNUP_RETENTION_DAYS, UNFORWARDED_GIVE_UP_DAYS, volunteerMail, type Translate } from './volunteers.js';

export interface ForwardDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
}

/** Sends one sign-up to its organisation; true when the mail went out (and the sign-up is marked forwarded). */
export async function forwardSignup(deps: ForwardDeps, s: PendingSignup, now: Date): Promise<boolean> {
  if (!s.contactEmail || !s.roleTitle) {
    // The role was deleted before its sign-up could be forwarded: nobody to send it to; erasure takes it.
    await markForwarded(deps.db, s.id, null);
    return false;
  }
  const mail = organisationMail(translator('sv') as unknown as Translate, {
    roleTitle: s.roleTitle,
    name: s.name,
    email: s.email,
    phone: s.phone,
    message: s.message,
    campaign: s.campaignName,
    workspaceLink: `${deps.publicUrl}/hantera/${s.organisationSlug ?? ''}/volontarer`,
  });
  try {
    await deps.mailer.send({ to: s.contactEmail, ...mail, purpose: 'volunteer', subjectRef: signupSubject(s.id), headers: { 'Reply-To': s.email } });
  } catch {
    // The outbox row holds the reason; the job tries again.
    await markForwarded(deps.db, s.id, null);
    return false;
  }
  await markForwarded(deps.db, s.id, now);
  return true;
}

/** The confirmation to the volunteer; a failure only means they get no copy (the organisation has it). */
export async function confirmToVolunteer(deps: ForwardDeps, s: { id: number; email: string; language: string; roleTitle: string; organisation: string; contactEmail: string }): Promise<boolean> {
  const mail = volunteerMail(translator(s.language) as unknown as Translate, s);
  try {
    await deps.mailer.send({ to: s.email, ...mail, purpose: 'volunteer-confirmation', subjectRef: signupSubject(s.id) });
    return true;
  } catch {
    return false;
  }
}

/** Forwards sign-ups that could not be sent when they came in (mail was down); returns how many went. */
export async function forwardPending(deps: ForwardDeps, now: Date): Promise<number> {
  let sent = 0;
  for (const s of await listUnforwarded(deps.db, 100)) if (await forwardSignup(deps, s, now)) sent++;
  return sent;
}

/**
 * Erases the personal data of sign-ups forwarded more than SIGNUP_RETENTION_DAYS ago (and of those
 * that could not be forwarded for UNFORWARDED_GIVE_UP_DAYS), their outbox copies with them; audited
 * as the job, with a count only. Returns how many.
 */
export async function eraseOldSignups(db: Db, now: Date): Promise<number> {
  const ids = await eraseSignups(
    db,
    {
      forwardedBefore: new Date(now.getTime() - SIGNUP_RETENTION_DAYS * 864e5).toISOString(),
      createdBefore: new Date(now.getTime() - UNFORWARDED_GIVE_UP_DAYS * 864e5).toISOString(),
    },
    now,
  );
  for (const id of ids) await deleteOutboxAbout(db, signupSubject(id));
  if (ids.length > 0) {
    await recordAudit(db, { actorUserId: null, actor: { kind: 'job', job: 'volunteers.erasure' }, action: 'volunteer.erased', entity: 'volunteerSignup', entityId: null, after: { count: ids.length, retentionDays: SIGNUP_RETENTION_DAYS } }, now);
  }
  return ids.length;
}
