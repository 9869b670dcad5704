/** SQL for the guide's statistics: case rows with no personal field, erased cases included. */
import type { Db } from '../../db/index.js';
import type { CaseOutcomeRow } from './outcomes.js';

/**
 * Cases that came in from `since` on (a UTC ISO instant), with only what statistics need. A case a
 * guide merged into another is counted there (as one more request of the same person), not on its own.
 */
export async function listCaseOutcomeRows(db: Db, since: string): Promise<CaseOutcomeRow[]> {
  const rows = await db
    .selectFrom('guideCases')
    .select(['id', 'status', 'createdAt', 'firstContactAt', 'closedAt', 'outcome', 'interests', 'districtId', 'ageGroup', 'requests'])
    .where('createdAt', '>=', since)
    .where('mergedInto', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, interests: parseCodes(r.interests), requests: Number(r.requests) }));
}

function parseCodes(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
