/**
 * The editing workflow: who publishes directly, what waits for review, proposals to organisations,
 * approving and sending back. Every step is audited; people involved are told by e-mail.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/index.js';
import { translator } from '../../i18n/index.js';
import { canEditOrganisation, hashSecret, newSecret, type Viewer } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { changeActivityStatus, createActivity, findActivity, replaceActivity, type ActivityDetail, type ActivityInput } from '../calendar/index.js';
import { changeProfile, findAnyOrganisation, type Organisation, type OrganisationProfile } from '../organisations/index.js';
import type { OrganisationKind } from '../taxonomy/index.js';
import { createSuggestedHost } from './suggested-host.js';
import { insertPlace, listDistricts } from '../places/index.js';
import { answerCoHostRequest, splitHosts, syncCoHostRequests } from './cohosts.js';
import { approveDateNote } from './date-notes.js';
import { activityFacts, profileFacts } from './facts.js';
import { atomically, link, tellCoordinator, tellEditors, type WorkflowDeps } from './notify.js';
import { insertRevision, setRevisionStatus, supersedeRevisions, updateRevision } from './revision.commands.js';
import { findOpenRevision } from './revision.queries.js';
import type { ActivityChange, Revision } from './revision.store.js';

/** A proposal link works this long. */
export const PROPOSAL_DAYS = 14;
/** A suggestion's confirmation link works this long; unconfirmed suggestions are then deleted. */
export const CONFIRM_DAYS = 2;

export type { WorkflowDeps };

/** How a save is handled: published at once, sent for review, or sent to the organisation as a proposal. */
export type SaveMode = 'direct' | 'review' | 'proposal';

/** The coordinator and trusted organisations publish directly; everyone else's changes wait for review. */
export function saveModeFor(viewer: NonNullable<Viewer>, organisation: Pick<Organisation, 'trusted'>, asProposal: boolean): SaveMode {
  if (viewer.isAdmin) return asProposal ? 'proposal' : 'direct';
  return organisation.trusted ? 'direct' : 'review';
}

/**
 * The version an edit form carries: a fingerprint of what is saved (the waiting change's, when one
 * is shown instead). Someone else saving different content changes it; clocks play no part.
 */
export function versionOf(facts: Record<string, unknown> | undefined, open: Revision | undefined): string {
  if (open) return `r${open.id}-${fingerprint(open.data)}`;
  return facts ? fingerprint(facts) : '';
}

function fingerprint(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

const activityVersion = (a: ActivityDetail | undefined, open: Revision | undefined) => versionOf(a ? { ...activityFacts(a), status: a.status } : undefined, open);
const profileVersion = (o: Organisation, open: Revision | undefined) => versionOf(profileFacts(o), open);
export { activityVersion, profileVersion };

/** The input with a new place created first (the change then points at it). */
async function withPlace(db: Db, change: ActivityChange, now: Date): Promise<ActivityInput> {
  if (!change.newPlace) return change.input;
  const placeId = await insertPlace(db, change.newPlace, now);
  return { ...change.input, placeId };
}

/** Pauses, skipped dates and per-date changes are managed beside the form; a change never undoes them. */
function keepDateChanges(input: ActivityInput, current: ActivityDetail | undefined): ActivityInput {
  if (!current) return input;
  const { pauses, exceptions, changes } = current.schedule;
  return { ...input, schedule: { ...input.schedule, pauses, exceptions, changes } };
}

export type ActivitySaveResult =
  | { kind: 'published' | 'submitted' | 'proposed'; id: number }
  | { kind: 'conflict'; current: ActivityInput | ActivityDetail; version: string };

/**
 * Saves an activity from the workspace form. `activityId` null creates one. `version` is what the
 * form was opened on; when the stored one differs, nothing is saved and the caller shows both.
 */
async function saveActivityIn(
  deps: WorkflowDeps,
  args: {
    viewer: NonNullable<Viewer>;
    organisation: Organisation;
    activityId: number | null;
    change: ActivityChange;
    version: string;
    mode: SaveMode;
    message?: string | null;
    now: Date;
    today: string;
  },
): Promise<ActivitySaveResult> {
  const { db } = deps;
  const { viewer, organisation, activityId, mode, now, today } = args;
  const actor = viewer.id;
  const current = activityId === null ? undefined : await findActivity(db, activityId, { includeUnpublished: true });
  const open = activityId === null ? undefined : await findOpenRevision(db, 'activity', activityId);
  if (activityId !== null) {
    if (!current) throw new Error('activity vanished');
    const stored = activityVersion(current, open);
    if (args.version !== stored) return { kind: 'conflict', current: open?.entity === 'activity' ? open.data.input : current, version: stored };
  }
  const input = keepDateChanges(await withPlace(db, args.change, now), current);
  const published = current?.status === 'published';

  const storedHosts = current?.hosts.map((h) => h.id) ?? [];
  if (mode === 'direct') {
    const { hostIds, ask } = splitHosts(input.hostIds, storedHosts, (id) => canEditOrganisation(viewer, id));
    const next = { ...input, hostIds, status: 'published' as const };
    let id: number;
    if (current) {
      // Saving through the workspace is the organisation standing behind the activity: it counts as confirmed.
      const ctx = { actor, now, today };
      const updated = { action: 'activity.updated', before: activityFacts(current), after: activityFacts(next) };
      if (!(await replaceActivity(db, current.id, next, ctx, updated, { expectedVersion: current.updatedAt, confirm: true }))) {
        return { kind: 'conflict', current: (await findActivity(db, current.id, { includeUnpublished: true }))!, version: '' };
      }
      id = current.id;
      // New times or a new rule move or take away dates people signed up for: they are told now.
      await deps.signups?.tell(deps, { before: current, after: next.schedule, actorUserId: actor, now });
      await supersedeRevisions(db, 'activity', id, now);
      if (current.status !== 'published') {
        await recordAudit(db, { actorUserId: actor, action: 'activity.statusChanged', entity: 'activity', entityId: id, before: { status: current.status }, after: { status: 'published' } }, now);
      }
    } else {
      id = await createActivity(db, next, { actor, now, today }, { action: 'activity.created', after: activityFacts(next) });
    }
    await syncCoHostRequests(deps, { activityId: id, title: next.title, hostIds, ask, actor, now });
    return { kind: 'published', id };
  }

  // Review or proposal: the published version stays as it is while the change waits. The change
  // keeps the co-hosts it names; they are asked once it is approved, and until then only
  // organisations that host it already are stored with the waiting activity.
  const waiting: 'proposal' | 'pending' = mode === 'proposal' ? 'proposal' : 'pending';
  const unpublished = { ...input, hostIds: splitHosts(input.hostIds, storedHosts, () => false).hostIds, status: waiting };
  let id: number;
  if (current) {
    id = current.id;
    if (!published) {
      // Audited below with its revision.
      await replaceActivity(db, id, unpublished, { actor, now, today }, null, { confirm: true });
    }
  } else {
    id = await createActivity(db, unpublished, { actor, now, today }, { action: 'activity.created', after: { ...activityFacts(unpublished), status: waiting } });
  }
  const data: ActivityChange = { input, newPlace: null };
  const token = mode === 'proposal' ? newSecret() : null;
  const tokenFields = token ? { tokenHash: token.hash, tokenExpiresAt: new Date(now.getTime() + PROPOSAL_DAYS * 864e5).toISOString() } : { tokenHash: null, tokenExpiresAt: null };
  let revisionId: number;
  if (open) {
    revisionId = open.id;
    await updateRevision(db, open.id, { data, status: waiting, createdBy: actor, baseVersion: current?.updatedAt ?? null, message: args.message ?? null, ...tokenFields }, now);
  } else {
    revisionId = await insertRevision(
      db,
      { entity: 'activity', entityId: id, organisationId: organisation.id, data, baseVersion: current?.updatedAt ?? null, status: waiting, message: args.message ?? null, createdBy: actor, ...tokenFields },
      now,
    );
  }
  await recordAudit(
    db,
    {
      actorUserId: actor,
      action: mode === 'proposal' ? 'activity.proposed' : 'activity.submitted',
      entity: 'activity',
      entityId: id,
      before: current ? activityFacts(current) : undefined,
      after: { ...activityFacts(input), revision: revisionId },
    },
    now,
  );
  if (mode === 'proposal') {
    await sendProposal(deps, { organisation, title: input.title, secret: token!.secret, message: args.message ?? null, proposer: viewer.name || viewer.email });
    return { kind: 'proposed', id };
  }
  await tellCoordinator(deps, { organisation: organisation.name, title: input.title, revisionId });
  return { kind: 'submitted', id };
}

async function sendProposal(
  deps: WorkflowDeps,
  p: { organisation: Organisation; title: string; secret: string; message: string | null; proposer: string },
): Promise<void> {
  const to = p.organisation.email;
  if (!to) return;
  const sv = translator('sv');
  await deps.mailer.send({
    to,
    subject: sv('workspace.mail.proposalSubject', { organisation: p.organisation.name }),
    text: sv('workspace.mail.proposalBody', {
      organisation: p.organisation.name,
      title: p.title,
      proposer: p.proposer,
      message: p.message ?? '',
      link: link(deps, `/forslag/${p.secret}`),
      days: String(PROPOSAL_DAYS),
    }),
    purpose: 'proposal',
  });
}

export type ProfileSaveResult = { kind: 'published' | 'submitted' | 'proposed' } | { kind: 'conflict'; current: OrganisationProfile | Organisation; version: string };

/** Saves an organisation's profile: directly, for review, or as a proposal (like activities). */
async function saveProfileIn(
  deps: WorkflowDeps,
  args: { viewer: NonNullable<Viewer>; organisation: Organisation; profile: OrganisationProfile; version: string; mode: SaveMode; message?: string | null; now: Date },
): Promise<ProfileSaveResult> {
  const { db } = deps;
  const { viewer, organisation: o, profile, mode, now } = args;
  const open = await findOpenRevision(db, 'organisation', o.id);
  const stored = profileVersion(o, open);
  if (args.version !== stored) return { kind: 'conflict', current: open?.entity === 'organisation' ? open.data : o, version: stored };
  if (mode === 'direct') {
    const updated = { action: 'organisation.updated', before: profileFacts(o), after: profileFacts(profile, await listDistricts(db)) };
    if (!(await changeProfile(db, o, profile, { actor: viewer.id, now }, updated, { expectedVersion: o.updatedAt }))) {
      return { kind: 'conflict', current: (await findAnyOrganisation(db, { id: o.id }))!, version: '' };
    }
    await supersedeRevisions(db, 'organisation', o.id, now);
    return { kind: 'published' };
  }
  const waiting = mode === 'proposal' ? 'proposal' : 'pending';
  const token = mode === 'proposal' ? newSecret() : null;
  const tokenFields = token ? { tokenHash: token.hash, tokenExpiresAt: new Date(now.getTime() + PROPOSAL_DAYS * 864e5).toISOString() } : { tokenHash: null, tokenExpiresAt: null };
  let revisionId: number;
  if (open) {
    revisionId = open.id;
    await updateRevision(db, open.id, { data: profile, status: waiting, createdBy: viewer.id, baseVersion: o.updatedAt, message: args.message ?? null, ...tokenFields }, now);
  } else {
    revisionId = await insertRevision(db, { entity: 'organisation', entityId: o.id, organisationId: o.id, data: profile, baseVersion: o.updatedAt, status: waiting, message: args.message ?? null, createdBy: viewer.id, ...tokenFields }, now);
  }
  await recordAudit(
    db,
    {
      actorUserId: viewer.id,
      action: mode === 'proposal' ? 'organisation.proposed' : 'organisation.submitted',
      entity: 'organisation',
      entityId: o.id,
      before: profileFacts(o),
      after: { ...profileFacts(profile, await listDistricts(db)), revision: revisionId },
    },
    now,
  );
  if (mode === 'proposal') {
    await sendProposal(deps, { organisation: o, title: translator('sv')('workspace.profileTitle'), secret: token!.secret, message: args.message ?? null, proposer: viewer.name || viewer.email });
    return { kind: 'proposed' };
  }
  await tellCoordinator(deps, { organisation: o.name, title: translator('sv')('workspace.profileTitle'), revisionId });
  return { kind: 'submitted' };
}

export type ApproveResult = { kind: 'approved'; entityId: number } | { kind: 'gone' } | { kind: 'needsOrganisation' };

/**
 * Applies a waiting change: the coordinator approving a review, or an organisation approving a
 * proposal (`actor` null: someone with the link). `data` replaces the revision's data when the
 * approver edited it first; `organisationId` gives a suggestion its host.
 */
async function approveRevisionIn(
  deps: WorkflowDeps,
  revision: Revision,
  args: {
    actor: number | null;
    now: Date;
    today: string;
    data?: ActivityChange | OrganisationProfile;
    organisationId?: number;
    /** A tip's host that is not in Tillsammans yet: created (shown, not trusted) in the same transaction. */
    newOrganisation?: { name: string; kind: OrganisationKind };
    via: 'review' | 'proposal';
  },
): Promise<ApproveResult> {
  const { db } = deps;
  const { actor, now, today } = args;
  const from = args.via === 'review' ? (['pending'] as const) : (['proposal'] as const);
  if (revision.entity === 'cohost') {
    // Only the coordinator approves a co-host request here; the co-host's editors answer in their workspace.
    if (args.via !== 'review' || actor === null) return { kind: 'gone' };
    const answer = await answerCoHostRequest(deps, revision, { accept: true, actor, now, today });
    return answer.kind === 'gone' ? answer : { kind: 'approved', entityId: answer.activityId };
  }
  if (revision.entity === 'note') {
    if (args.via !== 'review') return { kind: 'gone' };
    const result = await approveDateNote(deps, revision, { actor, now, today });
    if (result.kind === 'gone') return result;
    const o = revision.organisationId === null ? undefined : await findAnyOrganisation(db, { id: revision.organisationId });
    if (o) await tellApproved(deps, o.id, o.name, result.activity.title, `/hantera/${o.slug}`);
    return { kind: 'approved', entityId: result.activity.id };
  }
  if (revision.entity === 'organisation') {
    const profile = (args.data as OrganisationProfile | undefined) ?? revision.data;
    const o = await findAnyOrganisation(db, { id: revision.entityId! });
    if (!o) return { kind: 'gone' };
    if (!(await setRevisionStatus(db, revision.id, { from, to: 'approved', decidedBy: actor }, now))) return { kind: 'gone' };
    await changeProfile(db, o, profile, { actor, now }, { action: args.via === 'review' ? 'organisation.approved' : 'organisation.proposalApproved', before: profileFacts(o), after: profileFacts(profile, await listDistricts(db)) });
    if (args.via === 'review') await tellApproved(deps, o.id, o.name, translator('sv')('workspace.profileTitle'), `/hantera/${o.slug}`);
    return { kind: 'approved', entityId: o.id };
  }

  const change = (args.data as ActivityChange | undefined) ?? revision.data;
  let hostId = revision.organisationId ?? args.organisationId;
  if ((hostId === undefined || hostId === null) && !args.newOrganisation) return { kind: 'needsOrganisation' };
  if (!(await setRevisionStatus(db, revision.id, { from, to: 'approved', decidedBy: actor }, now))) return { kind: 'gone' };
  hostId ??= await createSuggestedHost(db, args.newOrganisation!, { actor, revisionId: revision.id }, now);
  const current = revision.entityId === null ? undefined : await findActivity(db, revision.entityId, { includeUnpublished: true });
  // Approving the change is not the co-host's consent: organisations it names are asked now.
  const named = change.input.hostIds.length > 0 ? change.input.hostIds : [hostId];
  const { hostIds, ask } = splitHosts(named, current?.hosts.map((h) => h.id) ?? [], () => false);
  const input = await withPlace(db, { ...change, input: { ...change.input, hostIds, status: 'published' } }, now);
  const approved = {
    action: args.via === 'review' ? 'activity.approved' : 'activity.proposalApproved',
    before: current ? activityFacts(current) : undefined,
    after: { ...activityFacts(input), revision: revision.id },
  };
  let id: number;
  if (current) {
    id = current.id;
    const approvedInput = keepDateChanges(input, current);
    await replaceActivity(db, id, approvedInput, { actor, now, today }, approved, { confirm: true });
    if (current.status === 'published') await deps.signups?.tell(deps, { before: current, after: approvedInput.schedule, actorUserId: actor, now });
  } else {
    id = await createActivity(db, input, { actor, now, today }, approved);
    await db.updateTable('revisions').set({ entityId: id, organisationId: hostId }).where('id', '=', revision.id).execute();
  }
  await syncCoHostRequests(deps, { activityId: id, title: input.title, hostIds, ask, actor, now });
  const o = await findAnyOrganisation(db, { id: hostId });
  if (args.via === 'review' && o) await tellApproved(deps, o.id, o.name, input.title, `/hantera/${o.slug}`);
  return { kind: 'approved', entityId: id };
}

async function tellApproved(deps: WorkflowDeps, organisationId: number, organisation: string, title: string, path: string): Promise<void> {
  const sv = translator('sv');
  await tellEditors(deps, organisationId, sv('workspace.mail.approvedSubject', { title }), sv('workspace.mail.approvedBody', { title, organisation, link: link(deps, path) }), 'approved');
}

/** Sends a waiting change back to the organisation with the coordinator's message. */
async function returnRevisionIn(deps: WorkflowDeps, revision: Revision, args: { actor: number; message: string; now: Date }): Promise<boolean> {
  const { db } = deps;
  const { now } = args;
  // A co-host request is declined, not sent back: there is nothing for the host to fix.
  if (revision.entity === 'cohost') return false;
  if (!(await setRevisionStatus(db, revision.id, { from: ['pending'], to: 'returned', message: args.message, decidedBy: args.actor }, now))) return false;
  const activity = revision.entity !== 'organisation' && revision.entityId !== null ? await findActivity(db, revision.entityId, { includeUnpublished: true }) : undefined;
  const title = revision.entity === 'activity' ? revision.data.input.title : revision.entity === 'note' ? (activity?.title ?? '') : translator('sv')('workspace.profileTitle');
  // A note's history is its activity's.
  const [entity, action] = revision.entity === 'note' ? ['activity', 'activity.noteReturned'] : [revision.entity, `${revision.entity}.returned`];
  const returned = { action, after: { revision: revision.id, message: args.message } };
  // A new activity that waited goes back to draft: never shown until it is sent again.
  if (revision.entity === 'activity' && activity?.status === 'pending') await changeActivityStatus(db, activity.id, 'draft', { actor: args.actor, now }, returned);
  else await recordAudit(db, { actorUserId: args.actor, entity, entityId: revision.entityId, ...returned }, now);
  if (revision.organisationId !== null) {
    const o = await findAnyOrganisation(db, { id: revision.organisationId });
    if (o) {
      const sv = translator('sv');
      await tellEditors(
        deps,
        o.id,
        sv('workspace.mail.returnedSubject', { title }),
        sv('workspace.mail.returnedBody', { title, organisation: o.name, message: args.message, link: link(deps, `/hantera/${o.slug}`) }),
        'returned',
      );
    }
  } else if (revision.submitterEmail) {
    const sv = translator('sv');
    await deps.mailer.send({ to: revision.submitterEmail, subject: sv('workspace.mail.returnedSubject', { title }), text: sv('workspace.mail.suggestionReturnedBody', { title, message: args.message }), purpose: 'returned' });
  }
  return true;
}

/** The hash a link's secret is stored as (for looking a proposal or confirmation up). */
export { hashSecret };

/** Saves an activity from the form (published, sent for review or proposed), in one transaction. */
export const saveActivity = (deps: WorkflowDeps, args: Parameters<typeof saveActivityIn>[1]): Promise<ActivitySaveResult> => atomically(deps, (d) => saveActivityIn(d, args));
/** Saves an organisation's profile, in one transaction. */
export const saveProfile = (deps: WorkflowDeps, args: Parameters<typeof saveProfileIn>[1]): Promise<ProfileSaveResult> => atomically(deps, (d) => saveProfileIn(d, args));
/** Approves a waiting change (review or proposal), in one transaction. */
export const approveRevision = (deps: WorkflowDeps, revision: Revision, args: Parameters<typeof approveRevisionIn>[2]): Promise<ApproveResult> =>
  atomically(deps, (d) => approveRevisionIn(d, revision, args));
/** Sends a waiting change back with the coordinator's message, in one transaction. */
export const returnRevision = (deps: WorkflowDeps, revision: Revision, args: Parameters<typeof returnRevisionIn>[2]): Promise<boolean> =>
  atomically(deps, (d) => returnRevisionIn(d, revision, args));
