/**
 * Keeping activities confirmed from the workspace: "still true" for one activity or all, and the
 * clashes the organisation's published activities have now with other organisations' activities
 * (by the save warning's own rule, `findNearbyClashes`).
 */
import { inTransaction, type Db } from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import { confirmActivities, listOccurrences, type OccurrenceItem } from '../calendar/index.js';
import { clashWindow, findNearbyClashes, plannedActivities } from '../planning/index.js';

/** Confirms the given published activities as still true, each audited; returns the ids confirmed. */
export async function confirmFromWorkspace(db: Db, ids: number[], actorUserId: number, now: Date): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const confirmed = await confirmActivities(trx, ids, now);
    for (const id of confirmed) {
      await recordAudit(trx, { actorUserId, action: 'activity.confirmed', entity: 'activity', entityId: id, after: { via: 'workspace' } }, now);
    }
    return confirmed;
  });
}

/** One of the organisation's activities meeting when and where another organisation's does. */
export interface OrganisationClash {
  own: { id: number; title: string };
  other: { id: number; slug: string; title: string; hosts: string[]; place: string | null };
  firstDate: string;
  dates: number;
}

/**
 * The clashes the organisation's published activities have in the save warning's window from
 * `today`: only with activities no host of which is this organisation. One query for its own
 * dates, one per category it runs; the rule compares them in memory.
 */
export async function organisationClashes(db: Db, organisationId: number, today: string): Promise<OrganisationClash[]> {
  const window = clashWindow(today);
  const own = await listOccurrences(db, { organisationId, from: window.from, to: window.to });
  if (own.length === 0) return [];
  const categories = [...new Set(own.map((o) => o.category))];
  const byCategory = await Promise.all(categories.map((category) => listOccurrences(db, { category, from: window.from, to: window.to })));
  const isOurs = (o: OccurrenceItem) => o.hosts.some((h) => h.id === organisationId);
  const others = plannedActivities(byCategory.flat().filter((o) => !isOurs(o)));
  const otherList = [...others.values()];
  const out: OrganisationClash[] = [];
  for (const subject of plannedActivities(own).values()) {
    for (const c of findNearbyClashes(subject, otherList)) {
      const { first } = others.get(c.activityId)!;
      out.push({
        own: { id: subject.id, title: subject.first.title },
        other: {
          id: first.activityId,
          slug: first.slug,
          title: first.title,
          hosts: first.hosts.map((h) => h.name),
          place: first.place ? `${first.place.name}${first.place.districtName ? `, ${first.place.districtName}` : ''}` : null,
        },
        firstDate: c.firstDate,
        dates: c.overlappingDates,
      });
    }
  }
  return out.sort((a, b) => (a.firstDate === b.firstDate ? a.own.id - b.own.id || a.other.id - b.other.id : a.firstDate < b.firstDate ? -1 : 1));
}
