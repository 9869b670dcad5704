/**
 * Notes on paused and cancelled dates. A pause or a cancellation takes effect at once, whoever
 * saves it (nobody should come to a meeting that is off); the free-text note of an organisation
 * that is not trusted waits for the coordinator's review and is shown only once approved.
 */
import type { Viewer } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { changeSchedule, findActivity, type ActivityDetail, type Schedule } from '../calendar/index.js';
import type { Organisation } from '../organisations/index.js';
import { tellCoordinator, type WorkflowDeps } from './notify.js';
import { insertRevision, setRevisionStatus, updateRevision } from './revision.commands.js';
import { listOpenRevisionsOf } from './revision.queries.js';
import type { NoteChange, Revision } from './revision.store.js';

export type NoteRevision = Extract<Revision, { entity: 'note' }>;
export type NoteKind = NoteChange['kind'];

/** The note shown now on a pause (by its first day) or a cancelled date; undefined when there is no such pause or cancellation. */
export function shownNote(s: Schedule, kind: NoteKind, date: string): string | null | undefined {
  if (kind === 'pause') return s.pauses.find((p) => p.fromDate === date)?.note;
  return s.changes.find((c) => c.kind === 'cancelled' && c.originalDate === date)?.note;
}

/** The schedule with `note` on that pause or cancelled date; null when it is no longer there. */
export function withNote(s: Schedule, kind: NoteKind, date: string, note: string | null): Schedule | null {
  if (shownNote(s, kind, date) === undefined) return null;
  if (kind === 'pause') return { ...s, pauses: s.pauses.map((p) => (p.fromDate === date ? { ...p, note } : p)) };
  return { ...s, changes: s.changes.map((c) => (c.kind === 'cancelled' && c.originalDate === date ? { ...c, note } : c)) };
}

/**
 * The note to store with a pause or cancellation being saved now: the typed one when the saver
 * publishes directly, when it is empty, or when it is the note already shown (approved before);
 * otherwise none, and `review` says the typed one goes to the coordinator.
 */
export function noteToStore(typed: string, shown: string | null | undefined, direct: boolean): { note: string | null; review: boolean } {
  if (typed === '') return { note: null, review: false };
  if (direct || typed === shown) return { note: typed, review: false };
  return { note: null, review: true };
}

/** Open notes waiting about some activities (pending review or sent back). */
export async function listWaitingNotes(deps: WorkflowDeps, activityIds: number[]): Promise<NoteRevision[]> {
  return (await listOpenRevisionsOf(deps.db, 'note', activityIds)) as NoteRevision[];
}

const sameDate = (r: NoteRevision, kind: NoteKind, date: string) => r.data.kind === kind && r.data.date === date;

/**
 * After a pause or cancellation was saved: sends the typed note for review when `change` is given
 * (one open note per date: a new one replaces the waiting one), and closes the waiting note of that
 * date otherwise (it was removed, emptied, or published directly).
 */
export async function syncDateNote(
  deps: WorkflowDeps,
  args: { viewer: NonNullable<Viewer>; organisation: Organisation; activity: ActivityDetail; kind: NoteKind; date: string; change: NoteChange | null; now: Date },
): Promise<void> {
  const { db } = deps;
  const { activity: a, kind, date, now } = args;
  const open = (await listWaitingNotes(deps, [a.id])).filter((r) => sameDate(r, kind, date));
  const [reuse, ...rest] = args.change ? open : [];
  for (const r of args.change ? rest : open) await setRevisionStatus(db, r.id, { from: ['pending', 'returned'], to: 'superseded' }, now);
  if (!args.change) return;
  let revisionId: number;
  if (reuse) {
    revisionId = reuse.id;
    await updateRevision(db, reuse.id, { data: args.change, status: 'pending', createdBy: args.viewer.id, message: null }, now);
  } else {
    revisionId = await insertRevision(db, { entity: 'note', entityId: a.id, organisationId: args.organisation.id, data: args.change, baseVersion: null, status: 'pending', createdBy: args.viewer.id }, now);
  }
  await recordAudit(db, { actorUserId: args.viewer.id, action: 'activity.noteSubmitted', entity: 'activity', entityId: a.id, after: { ...args.change, revision: revisionId } }, now);
  await tellCoordinator(deps, { organisation: args.organisation.name, title: a.title, revisionId });
}

export type NoteApproval = { kind: 'approved'; activity: ActivityDetail } | { kind: 'gone' };

/** The coordinator approves a waiting note: it is shown on its pause or cancelled date from now on. */
export async function approveDateNote(deps: WorkflowDeps, r: NoteRevision, args: { actor: number | null; now: Date; today: string }): Promise<NoteApproval> {
  const { db } = deps;
  const { now } = args;
  const a = r.entityId === null ? undefined : await findActivity(db, r.entityId, { includeUnpublished: true });
  const schedule = a ? withNote(a.schedule, r.data.kind, r.data.date, r.data.note) : null;
  if (!a || !schedule) {
    // The pause or cancellation was undone meanwhile: nothing to show the note on.
    await setRevisionStatus(db, r.id, { from: ['pending'], to: 'superseded' }, now);
    return { kind: 'gone' };
  }
  if (!(await setRevisionStatus(db, r.id, { from: ['pending'], to: 'approved', decidedBy: args.actor }, now))) return { kind: 'gone' };
  await changeSchedule(db, a, schedule, { actor: args.actor, now, today: args.today }, { action: 'activity.noteApproved', before: { note: shownNote(a.schedule, r.data.kind, r.data.date) ?? null }, after: { ...r.data, revision: r.id } });
  return { kind: 'approved', activity: a };
}
