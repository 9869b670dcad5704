/**
 * Joining the network, step by step: a request and its confirmation mail; the confirmation that puts
 * it before the coordinator; approval (the organisation, its description, the contact's editor
 * invitation, the mail and the audit entries in one transaction) or a decline with a message. Deciding
 * deletes the request, so the contact's data is kept only while it waits. Mail is queued inside the
 * transaction and sent after the commit (the 'mail.deliver' job tries again if the server fails).
 */
import { inTransaction, type Db } from '../../db/index.js';
import { languagePrefix, translator } from '../../i18n/index.js';
import { withQueuedMail, type MailSender } from '../../web/server.js';
import { createInvitation, INVITE_DAYS, newSecret } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { deleteOutboxAbout } from '../mail/index.js';
import { createOrganisation, isSlugTaken } from '../organisations/index.js';
import { listDistricts } from '../places/index.js';
import type { OrganisationKind } from '../taxonomy/index.js';
import { approvedMail, confirmationMail, coordinatorMail, declinedMail, JOIN_CONFIRM_HOURS, joinSubject, type JoinInput } from './joining.js';
import {
  confirmJoinRequest,
  deleteDecidedJoinRequest,
  deleteExpiredJoinRequests,
  findConfirmedJoinRequest,
  insertJoinRequest,
} from './joining.store.js';
import type { Translate } from './volunteers.js';

export interface JoiningDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
  /** Where the coordinator hears of a confirmed request. */
  adminEmail: string;
}

type Message = Parameters<MailSender['send']>[0];

/** Runs `fn` in one transaction with a mail queue bound to it, then sends what it queued. */
function withMail<T>(deps: JoiningDeps, fn: (trx: Db, queue: (message: Message) => Promise<unknown>) => Promise<T>): Promise<T> {
  return withQueuedMail(deps, (d) => fn(d.db, (message) => d.mailer.send(message)));
}

const t = (lang: string) => translator(lang) as unknown as Translate;

/** Stores a request and mails its single-use confirmation link, in the language of the form. */
export async function submitJoinRequest(deps: JoiningDeps, input: JoinInput, p: { language: string; actor: number | null }, now: Date): Promise<number> {
  return withMail(deps, async (trx, queue) => {
    const { secret, hash } = newSecret();
    const id = await insertJoinRequest(trx, { ...input, language: p.language, tokenHash: hash, expiresAt: new Date(now.getTime() + JOIN_CONFIRM_HOURS * 3600_000).toISOString() }, now);
    const mail = confirmationMail(t(p.language), { link: `${deps.publicUrl}${languagePrefix(p.language)}/var-med/bekrafta/${secret}` });
    await queue({ to: input.email, ...mail, purpose: 'join-confirm', subjectRef: joinSubject(id) });
    await recordAudit(trx, { actorUserId: p.actor, action: 'joining.requested', entity: 'joinRequest', entityId: id, after: { kind: input.kind } }, now);
    return id;
  });
}

/** Confirms a request by its link and tells the coordinator; false for an unknown, used or expired link. */
export async function confirmJoin(deps: JoiningDeps, tokenHash: string, actor: number | null, now: Date): Promise<boolean> {
  return withMail(deps, async (trx, queue) => {
    const request = await confirmJoinRequest(trx, tokenHash, now);
    if (!request) return false;
    // The confirmation mail's copy holds a link that no longer works, and the address: it goes.
    await deleteOutboxAbout(trx, joinSubject(request.id));
    await queue({ to: deps.adminEmail, ...coordinatorMail(t('sv'), { organisation: request.name, link: `${deps.publicUrl}/admin/nya-foreningar/${request.id}` }), purpose: 'review' });
    await recordAudit(trx, { actorUserId: actor, action: 'joining.confirmed', entity: 'joinRequest', entityId: request.id }, now);
    return true;
  });
}

export type ApproveJoinResult = { kind: 'approved'; organisationId: number; slug: string } | { kind: 'gone' } | { kind: 'slugTaken' };

/**
 * Approves a confirmed request, in one transaction: the organisation is created (not trusted; shown
 * in the directory when the request said so) with the description and contact details sent, its
 * contact gets an editor invitation (a new account, or the roles added to the one they have) by mail,
 * and the request is deleted. A request decided already gives 'gone' and changes nothing.
 */
export async function approveJoin(deps: JoiningDeps, id: number, p: { actor: number; name: string; kind: OrganisationKind; slug: string | null }, now: Date): Promise<ApproveJoinResult> {
  return withMail(deps, async (trx, queue): Promise<ApproveJoinResult> => {
    const request = await findConfirmedJoinRequest(trx, id);
    if (!request) return { kind: 'gone' };
    if (p.slug !== null && (await isSlugTaken(trx, p.slug))) return { kind: 'slugTaken' };
    if (!(await deleteDecidedJoinRequest(trx, id))) return { kind: 'gone' };
    const known = new Set((await listDistricts(trx)).map((d) => d.id));
    const organisation = await createOrganisation(
      trx,
      {
        ...(p.slug === null ? {} : { slug: p.slug }),
        name: p.name,
        kind: p.kind,
        description: request.description,
        website: request.website,
        email: request.email,
        phone: request.phone,
        contactName: request.contactName,
        trusted: false,
        published: request.showInDirectory,
        categories: [],
        districtIds: request.districtIds.filter((d) => known.has(d)),
      },
      { actor: p.actor, now },
      { action: 'organisation.created', after: { kind: p.kind, published: request.showInDirectory, joinRequest: id } },
    );
    const lang = request.language;
    const invitation = await createInvitation(
      trx,
      {
        email: request.email,
        name: request.contactName,
        roles: { isAdmin: false, isGuide: false, isTranslator: false, organisationIds: [organisation.id] },
        next: `${languagePrefix(lang)}/hantera/${organisation.slug}`,
        days: INVITE_DAYS,
      },
      now,
    );
    await recordAudit(
      trx,
      { actorUserId: p.actor, action: invitation.existing ? 'user.rolesGranted' : 'user.invited', entity: 'user', entityId: invitation.userId, after: { organisationIds: [organisation.id] } },
      now,
    );
    await deleteOutboxAbout(trx, joinSubject(id));
    const mail = approvedMail(t(lang), { organisation: p.name, link: `${deps.publicUrl}${invitation.linkPath(lang)}`, days: INVITE_DAYS, shown: request.showInDirectory });
    await queue({ to: request.email, ...mail, purpose: 'invite' });
    await recordAudit(trx, { actorUserId: p.actor, action: 'joining.approved', entity: 'joinRequest', entityId: id, after: { organisationId: organisation.id, userId: invitation.userId } }, now);
    return { kind: 'approved', organisationId: organisation.id, slug: organisation.slug };
  });
}

/** Declines a confirmed request with the coordinator's message (mailed to the contact) and deletes it; false when decided already. */
export async function declineJoin(deps: JoiningDeps, id: number, p: { actor: number; message: string }, now: Date): Promise<boolean> {
  return withMail(deps, async (trx, queue) => {
    const request = await findConfirmedJoinRequest(trx, id);
    if (!request || !(await deleteDecidedJoinRequest(trx, id))) return false;
    await deleteOutboxAbout(trx, joinSubject(id));
    await queue({ to: request.email, ...declinedMail(t(request.language), { organisation: request.name, message: p.message }), purpose: 'join-declined' });
    await recordAudit(trx, { actorUserId: p.actor, action: 'joining.declined', entity: 'joinRequest', entityId: id }, now);
    return true;
  });
}

/** Deletes requests nobody confirmed within JOIN_CONFIRM_HOURS, with their confirmation mails (job 'joining.expire'). */
export async function expireJoinRequests(db: Db, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const ids = await deleteExpiredJoinRequests(trx, now);
    for (const id of ids) await deleteOutboxAbout(trx, joinSubject(id));
    if (ids.length > 0) await recordAudit(trx, { actorUserId: null, actor: { kind: 'job', job: 'joining.expire' }, action: 'joining.expired', entity: 'joinRequest', entityId: null, after: { count: ids.length } }, now);
    return ids.length;
  });
}
