/**
 * Demo freshness: one language café last confirmed 100 days ago (the public sees "not confirmed
 * since …") and one monthly activity 200 days ago (it has left the week, its own page still works).
 * Both are on the coordinator's stale list, and the monthly job reminds their organisations.
 */
import type { Db } from '../../db/index.js';
import { setConfirmedAtByTitle } from './freshness.store.js';

const DAY_MS = 86_400_000;

export const DEMO_STALE = { title: 'Språkcafé i Hovsta', days: 100 } as const;
export const DEMO_HIDDEN = { title: 'Kulturkompis – upptäck Örebro tillsammans', days: 200 } as const;

export async function seedFreshnessDemo(db: Db, now: Date): Promise<void> {
  for (const d of [DEMO_STALE, DEMO_HIDDEN]) {
    await setConfirmedAtByTitle(db, d.title, new Date(now.getTime() - d.days * DAY_MS).toISOString());
  }
}
