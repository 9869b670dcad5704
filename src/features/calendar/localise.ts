/** Puts activity titles (and one activity's texts) into the reader's language where translations exist. */
import type { Db } from '../../db/index.js';
import { findTranslations, localText, type LocalText } from '../translation/index.js';
import type { ActivityDetail } from './activity.js';

/**
 * Sets `localTitle` on each item and returns the same items; `idOf` says which activity an item
 * belongs to. The items are changed, not copied: lists of hundreds of rows are drawn on every page.
 */
export async function localiseTitles<T extends { title: string }>(
  db: Db,
  items: T[],
  lang: string,
  idOf: (item: T) => number,
): Promise<(T & { localTitle: LocalText })[]> {
  const translations = await findTranslations(db, 'activity', items.map(idOf), lang);
  const localised = items as (T & { localTitle: LocalText })[];
  for (const item of localised) item.localTitle = localText(item.title, lang, translations.get(`${idOf(item)}:title`));
  return localised;
}

export interface ActivityTexts {
  title: LocalText;
  description: LocalText;
  directions: LocalText | null;
}

export async function localiseActivity(db: Db, a: ActivityDetail, lang: string): Promise<ActivityTexts> {
  const [own, place] = await Promise.all([
    findTranslations(db, 'activity', [a.id], lang),
    a.place?.directions ? findTranslations(db, 'place', [a.place.id], lang) : Promise.resolve(new Map()),
  ]);
  return {
    title: localText(a.title, lang, own.get(`${a.id}:title`)),
    description: localText(a.description, lang, own.get(`${a.id}:description`)),
    directions: a.place?.directions ? localText(a.place.directions, lang, place.get(`${a.place.id}:directions`)) : null,
  };
}

/** The texts of many activities at once (two queries, whatever the number). */
export async function localiseActivities(db: Db, list: ActivityDetail[], lang: string): Promise<Map<number, ActivityTexts>> {
  const placeIds = list.flatMap((a) => (a.place?.directions ? [a.place.id] : []));
  const [own, places] = await Promise.all([
    findTranslations(db, 'activity', list.map((a) => a.id), lang),
    findTranslations(db, 'place', placeIds, lang),
  ]);
  return new Map(
    list.map((a) => [
      a.id,
      {
        title: localText(a.title, lang, own.get(`${a.id}:title`)),
        description: localText(a.description, lang, own.get(`${a.id}:description`)),
        directions: a.place?.directions ? localText(a.place.directions, lang, places.get(`${a.place.id}:directions`)) : null,
      },
    ]),
  );
}
