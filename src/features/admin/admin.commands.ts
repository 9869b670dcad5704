/**
 * The coordinator's changes, each in one transaction with its audit entries: places, users and their
 * invitations (mail queued inside, sent by the caller after the commit), a new organisation.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { mailIn, type MailSender } from '../../web/server.js';
import { createInvitation, INVITE_DAYS, setUserActive, type Invitation, type InvitationInput, type User } from '../accounts/index.js';
import { recordAudit, type AuditNote } from '../audit/index.js';
import { refreshSearchText } from '../calendar/index.js';
import { createOrganisation } from '../organisations/index.js';
import { findPlace, insertPlace, mergePlaces, updatePlace, type PlaceInput, type StoredPlace } from '../places/index.js';

/** Who acts (the signed-in coordinator) and when. */
export interface AdminContext {
  actorUserId: number;
  now: Date;
}

type Message = Parameters<MailSender['send']>[0];

/** What the audit log keeps of a place: every field as the coordinator sees it (the district by name). */
function placeSnapshot(p: StoredPlace) {
  return {
    name: p.name,
    address: p.address,
    postalCode: p.postalCode,
    city: p.city,
    district: p.district?.name ?? null,
    latitude: p.latitude,
    longitude: p.longitude,
    accessibility: p.accessibility,
    stepFree: p.stepFree,
    directions: p.directions,
  };
}

/** Creates a place; returns it as stored. */
export async function createPlace(db: Db, input: PlaceInput, ctx: AdminContext): Promise<StoredPlace> {
  return inTransaction(db, async (trx) => {
    const id = await insertPlace(trx, input, ctx.now);
    const created = (await findPlace(trx, id))!;
    await recordAudit(trx, { actorUserId: ctx.actorUserId, action: 'place.created', entity: 'place', entityId: id, after: placeSnapshot(created) }, ctx.now);
    return created;
  });
}

/** Replaces a place's fields and refreshes the search text of its activities; audited when anything changed. Returns it as stored. */
export async function changePlace(db: Db, before: StoredPlace, input: PlaceInput, ctx: AdminContext): Promise<StoredPlace> {
  return inTransaction(db, async (trx) => {
    await updatePlace(trx, before.id, input, ctx.now);
    await refreshSearchText(trx, { placeId: before.id });
    const updated = (await findPlace(trx, before.id))!;
    const [b, a] = [placeSnapshot(before), placeSnapshot(updated)];
    if (JSON.stringify(b) !== JSON.stringify(a)) {
      await recordAudit(trx, { actorUserId: ctx.actorUserId, action: 'place.updated', entity: 'place', entityId: updated.id, before: b, after: a }, ctx.now);
    }
    return updated;
  });
}

/** Merges a duplicate place into another: its activities move, it goes, both are audited. Returns how many activities moved. */
export async function mergePlace(db: Db, from: StoredPlace, into: StoredPlace, ctx: AdminContext): Promise<number> {
  return inTransaction(db, async (trx) => {
    const count = await mergePlaces(trx, from.id, into.id, ctx.now);
    await refreshSearchText(trx, { placeId: into.id });
    await recordAudit(
      trx,
      { actorUserId: ctx.actorUserId, action: 'place.merged', entity: 'place', entityId: from.id, before: placeSnapshot(from), after: { mergedInto: `${into.name} (${into.id})`, activitiesMoved: count } },
      ctx.now,
    );
    await recordAudit(trx, { actorUserId: ctx.actorUserId, action: 'place.merged', entity: 'place', entityId: into.id, after: { mergedFrom: `${from.name} (${from.id})`, activitiesMoved: count } }, ctx.now);
    return count;
  });
}

/** The invitation, its mail (queued in `trx`) and its audit entry with `after`. */
async function invite(trx: Db, mailer: MailSender, input: InvitationInput, mail: (invitation: Invitation) => Message, after: Record<string, unknown>, ctx: AdminContext): Promise<Invitation> {
  const invitation = await createInvitation(trx, input, ctx.now);
  await mailIn(mailer, trx).send(mail(invitation));
  await recordAudit(trx, { actorUserId: ctx.actorUserId, action: invitation.existing ? 'user.rolesGranted' : 'user.invited', entity: 'user', entityId: invitation.userId, after }, ctx.now);
  return invitation;
}

/** Invites an address with the given roles (or adds them to its account) and mails it the link `mail` writes. */
export async function inviteUser(deps: { db: Db; mailer: MailSender }, input: InvitationInput, mail: (invitation: Invitation) => Message, ctx: AdminContext): Promise<Invitation> {
  return inTransaction(deps.db, (trx) => invite(trx, deps.mailer, input, mail, { email: input.email, ...input.roles }, ctx));
}

/** Activates or deactivates a user (a deactivated user's sessions end); audited with the state before. */
export async function changeUserActive(db: Db, user: Pick<User, 'id' | 'active'>, active: boolean, ctx: AdminContext): Promise<void> {
  await inTransaction(db, async (trx) => {
    await setUserActive(trx, user.id, active, ctx.now);
    await recordAudit(trx, { actorUserId: ctx.actorUserId, action: active ? 'user.activated' : 'user.deactivated', entity: 'user', entityId: user.id, before: { active: user.active }, after: { active } }, ctx.now);
  });
}

/** The first editor the coordinator invites with a new organisation: the link leads to the organisation's workspace (`next`). */
export interface FirstEditor {
  email: string;
  name: string;
  next: (organisation: { id: number; slug: string }) => string;
  mail: (invitation: Invitation) => Message;
}

/** Creates an organisation and, when one is named, invites its first editor; returns the organisation's id and slug. */
export async function createOrganisationWithEditor(
  deps: { db: Db; mailer: MailSender },
  organisation: Parameters<typeof createOrganisation>[1],
  note: AuditNote,
  editor: FirstEditor | null,
  ctx: AdminContext,
): Promise<{ id: number; slug: string }> {
  return inTransaction(deps.db, async (trx) => {
    const created = await createOrganisation(trx, organisation, { actor: ctx.actorUserId, now: ctx.now }, note);
    if (editor) {
      const roles = { isAdmin: false, isGuide: false, isTranslator: false, organisationIds: [created.id] };
      await invite(trx, deps.mailer, { email: editor.email, name: editor.name, roles, next: editor.next(created), days: INVITE_DAYS }, editor.mail, { organisationIds: [created.id] }, ctx);
    }
    return created;
  });
}
