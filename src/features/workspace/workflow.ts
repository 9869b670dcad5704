/**
 * The editing workflow: who publishes directly, what waits for review, proposals to organisations,
 * approving and sending back. Every step is audited; people involved are told by e-mail.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/index.js';
import { languagePrefix, translator } from '../../i18n/index.js';
import type { MailSender } from '../../web/server.js';
import { hashSecret, listOrganisationEditors, newSecret, recordAudit, type Viewer } from '../accounts/index.js';
import { findActivity, inputOf, insertActivity, refreshSearchText, setActivityStatus, toRRule, updateActivity, type ActivityDetail, type ActivityInput } from '../calendar/index.js';
import { findAnyOrganisation, updateOrganisationProfile, type Organisation, type OrganisationProfile } from '../organisations/index.js';
import { insertPlace } from '../places/index.js';
import {
  findOpenRevision,
  insertRevision,
  setRevisionStatus,
  supersedeRevisions,
  updateRevision,
  type ActivityChange,
  type Revision,
} from './revision.store.js';

/** A proposal link works this long. */
export const PROPOSAL_DAYS = 14;
/** A suggestion's confirmation link works this long; unconfirmed suggestions are then deleted. */
export const CONFIRM_DAYS = 2;

export interface WorkflowDeps {
  db: Db;
  mailer: MailSender;
  publicUrl: string;
  /** Where the coordinator is told about new things to review. */
  adminEmail: string;
}

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

/** An activity as flat fields, for the audit log, the review's comparison and the conflict page. */
export function activityFacts(from: ActivityInput | ActivityDetail): Record<string, unknown> {
  const a = 'hostIds' in from ? from : inputOf(from);
  const s = a.schedule;
  return {
    title: a.title,
    description: a.description,
    category: a.category,
    audience: a.audience,
    ageGroups: a.ageGroups.join(', '),
    gender: a.gender,
    isFree: a.isFree,
    costText: a.costText,
    registration: a.registration,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    contactEmail: a.contactEmail,
    place: a.placeId,
    hosts: a.hostIds.join(', '),
    languages: a.languages.join(', '),
    rule: toRRule(s.recurrence) ?? 'once',
    startDate: s.startDate,
    time: `${s.startTime}–${s.endTime}`,
    validUntil: s.validUntil,
    runsOnHolidays: s.runsOnHolidays === true,
  };
}

export function profileFacts(p: OrganisationProfile | Organisation): Record<string, unknown> {
  return {
    name: p.name,
    kind: p.kind,
    description: p.description,
    website: p.website,
    email: p.email,
    phone: p.phone,
    contactName: p.contactName,
    categories: p.categories.join(', '),
    districts: 'districtIds' in p ? p.districtIds.join(', ') : p.districts.map((d) => d.slug).join(', '),
  };
}

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

const link = (deps: WorkflowDeps, path: string, lang = 'sv') => `${deps.publicUrl}${languagePrefix(lang)}${path}`;

async function tellEditors(deps: WorkflowDeps, organisationId: number, subject: string, text: string, purpose: string): Promise<void> {
  for (const editor of await listOrganisationEditors(deps.db, organisationId)) {
    await deps.mailer.send({ to: editor.email, subject, text, purpose });
  }
}

export type ActivitySaveResult =
  | { kind: 'published' | 'submitted' | 'proposed'; id: number }
  | { kind: 'conflict'; current: ActivityInput | ActivityDetail; version: string };

/**
 * Saves an activity from the workspace form. `activityId` null creates one. `version` is what the
 * form was opened on; when the stored one differs, nothing is saved and the caller shows both.
 */
export async function saveActivity(
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

  if (mode === 'direct') {
    const next = { ...input, status: 'published' as const };
    let id: number;
    if (current) {
      if (!(await updateActivity(db, current.id, next, now, today, { actorUserId: actor, expectedVersion: current.updatedAt }))) {
        return { kind: 'conflict', current: (await findActivity(db, current.id, { includeUnpublished: true }))!, version: '' };
      }
      id = current.id;
      await supersedeRevisions(db, 'activity', id, now);
      await recordAudit(db, { actorUserId: actor, action: 'activity.updated', entity: 'activity', entityId: id, before: activityFacts(current), after: activityFacts(next) }, now);
      if (current.status !== 'published') {
        await recordAudit(db, { actorUserId: actor, action: 'activity.statusChanged', entity: 'activity', entityId: id, before: { status: current.status }, after: { status: 'published' } }, now);
      }
    } else {
      id = await insertActivity(db, next, now, today, actor);
      await recordAudit(db, { actorUserId: actor, action: 'activity.created', entity: 'activity', entityId: id, after: activityFacts(next) }, now);
    }
    return { kind: 'published', id };
  }

  // Review or proposal: the published version stays as it is while the change waits.
  const waiting = mode === 'proposal' ? 'proposal' : 'pending';
  let id: number;
  if (current) {
    id = current.id;
    if (!published) {
      await updateActivity(db, id, { ...input, status: waiting }, now, today, { actorUserId: actor });
    }
  } else {
    id = await insertActivity(db, { ...input, status: waiting }, now, today, actor);
    await recordAudit(db, { actorUserId: actor, action: 'activity.created', entity: 'activity', entityId: id, after: { ...activityFacts(input), status: waiting } }, now);
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
  const sv = translator('sv');
  if (mode === 'proposal') {
    await sendProposal(deps, { organisation, title: input.title, secret: token!.secret, message: args.message ?? null, proposer: viewer.name || viewer.email });
    return { kind: 'proposed', id };
  }
  await deps.mailer.send({
    to: deps.adminEmail,
    subject: sv('workspace.mail.reviewSubject', { organisation: organisation.name }),
    text: sv('workspace.mail.reviewBody', { organisation: organisation.name, title: input.title, link: link(deps, `/admin/granska/${revisionId}`) }),
    purpose: 'review',
  });
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
export async function saveProfile(
  deps: WorkflowDeps,
  args: { viewer: NonNullable<Viewer>; organisation: Organisation; profile: OrganisationProfile; version: string; mode: SaveMode; message?: string | null; now: Date },
): Promise<ProfileSaveResult> {
  const { db } = deps;
  const { viewer, organisation: o, profile, mode, now } = args;
  const open = await findOpenRevision(db, 'organisation', o.id);
  const stored = profileVersion(o, open);
  if (args.version !== stored) return { kind: 'conflict', current: open?.entity === 'organisation' ? open.data : o, version: stored };
  if (mode === 'direct') {
    if (!(await updateOrganisationProfile(db, o.id, profile, now, o.updatedAt))) {
      return { kind: 'conflict', current: (await findAnyOrganisation(db, { id: o.id }))!, version: '' };
    }
    await supersedeRevisions(db, 'organisation', o.id, now);
    if (profile.name !== o.name) await refreshSearchText(db, { organisationId: o.id });
    await recordAudit(db, { actorUserId: viewer.id, action: 'organisation.updated', entity: 'organisation', entityId: o.id, before: profileFacts(o), after: profileFacts(profile) }, now);
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
    { actorUserId: viewer.id, action: mode === 'proposal' ? 'organisation.proposed' : 'organisation.submitted', entity: 'organisation', entityId: o.id, before: profileFacts(o), after: { ...profileFacts(profile), revision: revisionId } },
    now,
  );
  if (mode === 'proposal') {
    await sendProposal(deps, { organisation: o, title: translator('sv')('workspace.profileTitle'), secret: token!.secret, message: args.message ?? null, proposer: viewer.name || viewer.email });
    return { kind: 'proposed' };
  }
  const sv = translator('sv');
  await deps.mailer.send({
    to: deps.adminEmail,
    subject: sv('workspace.mail.reviewSubject', { organisation: o.name }),
    text: sv('workspace.mail.reviewBody', { organisation: o.name, title: sv('workspace.profileTitle'), link: link(deps, `/admin/granska/${revisionId}`) }),
    purpose: 'review',
  });
  return { kind: 'submitted' };
}

export type ApproveResult = { kind: 'approved'; entityId: number } | { kind: 'gone' } | { kind: 'needsOrganisation' };

/**
 * Applies a waiting change: the coordinator approving a review, or an organisation approving a
 * proposal (`actor` null: someone with the link). `data` replaces the revision's data when the
 * approver edited it first; `organisationId` gives a suggestion its host.
 */
export async function approveRevision(
  deps: WorkflowDeps,
  revision: Revision,
  args: { actor: number | null; now: Date; today: string; data?: ActivityChange | OrganisationProfile; organisationId?: number; via: 'review' | 'proposal' },
): Promise<ApproveResult> {
  const { db } = deps;
  const { actor, now, today } = args;
  const from = args.via === 'review' ? (['pending'] as const) : (['proposal'] as const);
  if (revision.entity === 'organisation') {
    const profile = (args.data as OrganisationProfile | undefined) ?? revision.data;
    const o = await findAnyOrganisation(db, { id: revision.entityId! });
    if (!o) return { kind: 'gone' };
    if (!(await setRevisionStatus(db, revision.id, { from, to: 'approved', decidedBy: actor }, now))) return { kind: 'gone' };
    await updateOrganisationProfile(db, o.id, profile, now);
    if (profile.name !== o.name) await refreshSearchText(db, { organisationId: o.id });
    await recordAudit(db, { actorUserId: actor, action: args.via === 'review' ? 'organisation.approved' : 'organisation.proposalApproved', entity: 'organisation', entityId: o.id, before: profileFacts(o), after: profileFacts(profile) }, now);
    if (args.via === 'review') await tellApproved(deps, o.id, o.name, translator('sv')('workspace.profileTitle'), `/hantera/${o.slug}`);
    return { kind: 'approved', entityId: o.id };
  }

  const change = (args.data as ActivityChange | undefined) ?? revision.data;
  const hostId = revision.organisationId ?? args.organisationId;
  if (hostId === undefined || hostId === null) return { kind: 'needsOrganisation' };
  if (!(await setRevisionStatus(db, revision.id, { from, to: 'approved', decidedBy: actor }, now))) return { kind: 'gone' };
  const hostIds = change.input.hostIds.length > 0 ? change.input.hostIds : [hostId];
  const input = await withPlace(db, { ...change, input: { ...change.input, hostIds, status: 'published' } }, now);
  let id: number;
  const current = revision.entityId === null ? undefined : await findActivity(db, revision.entityId, { includeUnpublished: true });
  if (current) {
    id = current.id;
    await updateActivity(db, id, keepDateChanges(input, current), now, today, { actorUserId: actor });
  } else {
    id = await insertActivity(db, input, now, today, actor);
    await db.updateTable('revisions').set({ entityId: id, organisationId: hostId }).where('id', '=', revision.id).execute();
  }
  await recordAudit(
    db,
    {
      actorUserId: actor,
      action: args.via === 'review' ? 'activity.approved' : 'activity.proposalApproved',
      entity: 'activity',
      entityId: id,
      before: current ? activityFacts(current) : undefined,
      after: { ...activityFacts(input), revision: revision.id },
    },
    now,
  );
  const o = await findAnyOrganisation(db, { id: hostId });
  if (args.via === 'review' && o) await tellApproved(deps, o.id, o.name, input.title, `/hantera/${o.slug}`);
  return { kind: 'approved', entityId: id };
}

async function tellApproved(deps: WorkflowDeps, organisationId: number, organisation: string, title: string, path: string): Promise<void> {
  const sv = translator('sv');
  await tellEditors(deps, organisationId, sv('workspace.mail.approvedSubject', { title }), sv('workspace.mail.approvedBody', { title, organisation, link: link(deps, path) }), 'approved');
}

/** Sends a waiting change back to the organisation with the coordinator's message. */
export async function returnRevision(deps: WorkflowDeps, revision: Revision, args: { actor: number; message: string; now: Date }): Promise<boolean> {
  const { db } = deps;
  const { now } = args;
  if (!(await setRevisionStatus(db, revision.id, { from: ['pending'], to: 'returned', message: args.message, decidedBy: args.actor }, now))) return false;
  const title = revision.entity === 'activity' ? revision.data.input.title : translator('sv')('workspace.profileTitle');
  if (revision.entity === 'activity' && revision.entityId !== null) {
    const current = await findActivity(db, revision.entityId, { includeUnpublished: true });
    if (current && current.status === 'pending') await setActivityStatus(db, current.id, 'draft', now, args.actor);
  }
  await recordAudit(
    db,
    { actorUserId: args.actor, action: `${revision.entity}.returned`, entity: revision.entity, entityId: revision.entityId, after: { revision: revision.id, message: args.message } },
    now,
  );
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
