/** SQL for wishes: activities people ask for that nobody offers yet. No personal data is stored with a wish. */
import type { Db } from '../../db/index.js';
import { cleanUserText } from '../../web/text.js';

export const WISH_AGE_GROUPS = ['adult', 'youth', 'child'] as const;

export interface NewWish {
  category: string | null;
  text: string | null;
  ageGroup: string;
  districtId: number | null;
  source: 'public' | 'case';
  caseId: number | null;
}

export async function insertWish(db: Db, w: NewWish, now: Date): Promise<number> {
  const row = await db
    .insertInto('wishes')
    .values({ ...w, text: w.text === null ? null : cleanUserText(w.text), createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
