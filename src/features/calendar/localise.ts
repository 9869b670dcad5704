/** Puts activity titles (and one activity's texts) into the reader's language where translations exist. */
import type { Db } from '../../db/index.js';
import { findTranslations, localText, type LocalText } from '../translation/index.js';
import type { ActivityDetail } from './activity.js';

/** Adds `localTitle` to each item; `idOf` says which activity an item belongs to. */
export async function localiseTitles<T extends { title: string }>(
  db: Db,
  items: T[],
  lang: string,
  idOf: (item: T) => number,
): Promise<(T & { localTitle: LocalText })[]> {
  const translations = await findTranslations(db, 'activity', items.map(idOf), lang);
  return items.map((item) => ({ ...item, localTitle: localText(item.title, lang, translations.get(`${idOf(item)}:title`)) }));
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
