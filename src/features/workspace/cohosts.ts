/**
 * Co-hosts: naming another organisation on an activity asks it first. The activity shows under the
 * other organisation only once one of its editors (or the coordinator) accepts; until then the
 * public sees the main host alone. A co-host may later step down. Every step is audited.
 */
import { translator } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import { changeHosts, findActivity, type ActivityDetail } from '../calendar/index.js';
import { findAnyOrganisation, findOrganisationsByIds } from '../organisations/index.js';
import { link, tellEditors, type WorkflowDeps } from './notify.js';
import { insertRevision, setRevisionStatus } from './revision.commands.js';
import { listOpenRevisionsOf } from './revision.queries.js';
import type { CoHostRequest, Revision } from './revision.store.js';

export type CoHostRevision = Extract<Revision, { entity: 'cohost' }>;

/**
 * Which of the hosts a save names are stored now and which are asked first. The first (the main
 * host) is always stored; a co-host is stored when it already is one, or when the person saving
 * may act for it (an editor of both, the coordinator saving directly); every other one is asked.
 */
export function splitHosts(named: readonly number[], stored: readonly number[], mayActFor: (organisationId: number) => boolean): { hostIds: number[]; ask: number[] } {
  const [main, ...others] = named;
  if (main === undefined) return { hostIds: [], ask: [] };
  const hostIds = [main];
  const ask: number[] = [];
  for (const id of new Set(others)) {
    if (id === main) continue;
    if (stored.includes(id) || mayActFor(id)) hostIds.push(id);
    else ask.push(id);
  }
  return { hostIds, ask };
}

/** Open co-host requests of some activities (what their hosts asked and wait for). */
export async function listCoHostRequests(deps: WorkflowDeps, activityIds: number[]): Promise<CoHostRevision[]> {
  return (await listOpenRevisionsOf(deps.db, 'cohost', activityIds)) as CoHostRevision[];
}

/**
 * After an activity was saved with `hostIds` stored and `ask` still to be asked: asks each
 * organisation not asked yet (mail to its editors, audit); closes the requests to organisations
 * that are hosts now (accepted by whoever saved) and to those no longer named (withdrawn).
 */
export async function syncCoHostRequests(
  deps: WorkflowDeps,
  args: { activityId: number; title: string; hostIds: number[]; ask: number[]; actor: number | null; now: Date },
): Promise<void> {
  const { db } = deps;
  const { activityId, actor, now } = args;
  const open = await listCoHostRequests(deps, [activityId]);
  for (const r of open) {
    if (args.ask.includes(r.data.coHostId)) continue;
    const accepted = args.hostIds.includes(r.data.coHostId);
    if (!(await setRevisionStatus(db, r.id, { from: ['requested'], to: accepted ? 'approved' : 'withdrawn', decidedBy: actor }, now))) continue;
    await recordAudit(db, { actorUserId: actor, action: accepted ? 'activity.coHostAccepted' : 'activity.coHostWithdrawn', entity: 'activity', entityId: activityId, after: { organisationId: r.data.coHostId, revision: r.id } }, now);
  }
  const hostId = args.hostIds[0];
  if (hostId === undefined) return;
  const host = await findAnyOrganisation(db, { id: hostId });
  for (const coHostId of args.ask) {
    if (open.some((r) => r.data.coHostId === coHostId)) continue;
    const coHost = await findAnyOrganisation(db, { id: coHostId });
    if (!coHost) continue;
    const data: CoHostRequest = { hostId, coHostId };
    const id = await insertRevision(db, { entity: 'cohost', entityId: activityId, organisationId: coHostId, data, baseVersion: null, status: 'requested', createdBy: actor }, now);
    await recordAudit(db, { actorUserId: actor, action: 'activity.coHostRequested', entity: 'activity', entityId: activityId, after: { organisationId: coHostId, revision: id } }, now);
    const sv = translator('sv');
    const names = { organisation: host?.name ?? '', coHost: coHost.name, title: args.title };
    await tellEditors(deps, coHostId, sv('workspace.mail.coHostRequestSubject', names), sv('workspace.mail.coHostRequestBody', { ...names, link: link(deps, `/hantera/${coHost.slug}#cohost-requests`) }), 'cohost');
  }
}

export type CoHostAnswer = { kind: 'accepted' | 'declined'; activityId: number } | { kind: 'gone' };

/** The co-host (or the coordinator) answers a request: accepting makes it a host of the activity. */
export async function answerCoHostRequest(
  deps: WorkflowDeps,
  r: CoHostRevision,
  args: { accept: boolean; actor: number; now: Date; today: string },
): Promise<CoHostAnswer> {
  const { db } = deps;
  const { actor, now } = args;
  const activityId = r.entityId;
  const a = activityId === null ? undefined : await findActivity(db, activityId, { includeUnpublished: true });
  if (!a) {
    await setRevisionStatus(db, r.id, { from: ['requested'], to: 'withdrawn' }, now);
    return { kind: 'gone' };
  }
  if (!(await setRevisionStatus(db, r.id, { from: ['requested'], to: args.accept ? 'approved' : 'declined', decidedBy: actor }, now))) return { kind: 'gone' };
  const before = a.hosts.map((h) => h.id);
  const joins = args.accept && !before.includes(r.data.coHostId);
  const after = joins ? [...before, r.data.coHostId] : before;
  const note = { action: args.accept ? 'activity.coHostAccepted' : 'activity.coHostDeclined', before: { hosts: before }, after: { hosts: after, revision: r.id } };
  if (joins) await changeHosts(db, a, after, { actor, now, today: args.today }, note);
  else await recordAudit(db, { actorUserId: actor, entity: 'activity', entityId: a.id, ...note }, now);
  await tellMainHost(deps, a, r.data.coHostId, args.accept ? 'coHostAccepted' : 'coHostDeclined');
  return { kind: args.accept ? 'accepted' : 'declined', activityId: a.id };
}

/** A co-host steps down: the activity no longer shows under it. Never the main host. */
export async function leaveAsCoHost(deps: WorkflowDeps, a: ActivityDetail, organisationId: number, args: { actor: number; now: Date; today: string }): Promise<boolean> {
  const before = a.hosts.map((h) => h.id);
  if (before[0] === organisationId || !before.includes(organisationId)) return false;
  const after = before.filter((id) => id !== organisationId);
  await changeHosts(deps.db, a, after, { actor: args.actor, now: args.now, today: args.today }, { action: 'activity.coHostLeft', before: { hosts: before }, after: { hosts: after } });
  await tellMainHost(deps, a, organisationId, 'coHostLeft');
  return true;
}

/** Tells the main host's editors what a co-host did (accepted, declined, stepped down). */
async function tellMainHost(deps: WorkflowDeps, a: ActivityDetail, coHostId: number, what: 'coHostAccepted' | 'coHostDeclined' | 'coHostLeft'): Promise<void> {
  const main = a.hosts[0];
  if (!main || main.id === coHostId) return;
  const [coHost] = await findOrganisationsByIds(deps.db, [coHostId]);
  const sv = translator('sv');
  const names = { coHost: coHost?.name ?? '', title: a.title };
  await tellEditors(deps, main.id, sv(`workspace.mail.${what}Subject`, names), sv(`workspace.mail.${what}Body`, { ...names, link: link(deps, `/hantera/${main.slug}`) }), 'cohost');
}
