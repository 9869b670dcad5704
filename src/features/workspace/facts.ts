/**
 * An activity or profile as flat facts (for the audit log, the review's comparison and the conflict
 * page), and each fact told as the public page tells it, in the reader's language. Pure.
 */
import { formatDate, formatDateRange, formatList, formatTimeRange, type Language } from '../../i18n/index.js';
import type { PageContext } from '../../web/page.js';
import { describeRecurrence, inputOf, parseRRule, spokenLanguageName, toRRule, type ActivityDetail, type ActivityInput, type Schedule } from '../calendar/index.js';
import type { Organisation, OrganisationProfile } from '../organisations/index.js';
import type { District } from '../places/index.js';
import { AGE_GROUPS, CATEGORY_CODES, SPOKEN_LANGUAGES } from '../taxonomy/index.js';
import { normaliseWebsite } from './profile-form.js';
import type { NoteChange } from './revision.store.js';

/** Codes of a set in the vocabulary's own order: the same choices always compare equal. */
const inOrder = (order: readonly string[], codes: readonly string[]) => order.filter((c) => codes.includes(c));

/** An activity as flat fields. Sets (age groups, languages) in a fixed order, so only real changes differ. */
export function activityFacts(from: ActivityInput | ActivityDetail): Record<string, unknown> {
  const a = 'hostIds' in from ? from : inputOf(from);
  const s = a.schedule;
  return {
    title: a.title,
    description: a.description,
    category: a.category,
    audience: a.audience,
    ageGroups: inOrder(AGE_GROUPS, a.ageGroups),
    gender: a.gender,
    isFree: a.isFree,
    costText: a.costText,
    registration: a.registration,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    contactEmail: a.contactEmail,
    place: a.placeId,
    hosts: a.hostIds,
    languages: inOrder(SPOKEN_LANGUAGES, a.languages),
    rule: toRRule(s.recurrence) ?? 'once',
    startDate: s.startDate,
    time: `${s.startTime}–${s.endTime}`,
    validUntil: s.validUntil,
    runsOnHolidays: s.runsOnHolidays === true,
  };
}

/**
 * A profile or a stored organisation as flat fields. Districts by slug (a stored organisation knows
 * its districts' slugs, a profile only their ids: `districts` names those), web addresses as the
 * form would save them.
 */
export function profileFacts(p: OrganisationProfile | Organisation, districts: readonly Pick<District, 'id' | 'slug'>[] = []): Record<string, unknown> {
  const slugs = 'districtIds' in p ? p.districtIds.map((id) => districts.find((d) => d.id === id)?.slug ?? `#${id}`) : p.districts.map((d) => d.slug);
  return {
    name: p.name,
    kind: p.kind,
    description: p.description,
    website: p.website === null ? null : (normaliseWebsite(p.website) ?? p.website),
    email: p.email,
    phone: p.phone,
    contactName: p.contactName,
    categories: inOrder(CATEGORY_CODES, p.categories),
    districts: [...slugs].sort(),
  };
}

/** Bookkeeping a fact object may carry that is not a field of the entity. */
const NOT_FIELDS = new Set(['revision']);

/** The fields whose values differ between two fact objects, in the order they are recorded. */
export function changedFacts(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !NOT_FIELDS.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}

/** Names for the ids and slugs facts hold (places, organisations, districts); what is missing shows as its id. */
export interface FactNames {
  places: Record<string, string>;
  organisations: Record<string, string>;
  districts: Record<string, string>;
}

/** The place ids, organisation ids and district slugs some facts mention, to look their names up. */
export function referencesOf(...facts: Record<string, unknown>[]): { places: number[]; organisations: number[]; districts: string[] } {
  const all = (key: string) => facts.flatMap((f) => (Array.isArray(f[key]) ? (f[key] as unknown[]) : f[key] === null || f[key] === undefined ? [] : [f[key]]));
  return {
    places: [...new Set(all('place').filter((v): v is number => typeof v === 'number'))],
    organisations: [...new Set(all('hosts').filter((v): v is number => typeof v === 'number'))],
    districts: [...new Set(all('districts').filter((v): v is string => typeof v === 'string'))],
  };
}

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * One fact's value as the public page would show it: labels for codes, dates and times in the
 * reader's language, names for ids. '' for nothing (the page shows a dash).
 */
export function factText(page: PageContext, key: string, value: unknown, names: FactNames): string {
  const t = page.t as unknown as T;
  const { lang } = page;
  if (value === null || value === undefined || value === '') return '';
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : [String(v)]);
  const labels = (prefix: string) => formatList(lang, list(value).map((c) => t(`${prefix}.${c}`)));
  switch (key) {
    case 'category':
    case 'categories':
      return labels('taxonomy.category');
    case 'audience':
      return t(`taxonomy.audience.${String(value)}`);
    case 'ageGroups':
      return labels('taxonomy.ageGroup');
    case 'gender':
      return t(`taxonomy.gender.${String(value)}`);
    case 'registration':
      return t(`taxonomy.registration.${String(value)}`);
    case 'kind':
      return t(`taxonomy.kind.${String(value)}`);
    case 'languages': {
      const codes = list(value);
      return codes.length === 0 ? t('activity.swedishOnly') : formatList(lang, codes.map((c) => spokenLanguageName(page, c)));
    }
    case 'place':
      return names.places[String(value)] ?? String(value);
    case 'hosts':
      return formatList(lang, list(value).map((id) => names.organisations[id] ?? id));
    case 'districts':
      return formatList(lang, list(value).map((slug) => names.districts[slug] ?? slug));
    case 'rule': {
      if (value === 'once') return t('workspace.repeat.once');
      // A repeating rule is told without its dates (the first and last date are facts of their own).
      const schedule: Schedule = { recurrence: parseRRule(String(value)), startDate: '', startTime: '', endTime: '', validUntil: null, pauses: [], exceptions: [], changes: [] };
      return describeRecurrence(page.t, lang, schedule);
    }
    case 'startDate':
    case 'validUntil':
      return /^\d{4}-\d\d-\d\d$/.test(String(value)) ? formatDate(lang, String(value), 'dayMonthYear') : String(value);
    case 'time': {
      const m = /^(\d\d:\d\d)–(\d\d:\d\d)$/.exec(String(value));
      return m ? formatTimeRange(lang, m[1]!, m[2]!) : String(value);
    }
  }
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return formatList(lang, value.map(String));
  return String(value);
}

/** The date a note is about, as the public page writes it: the cancelled day, or the pause's first and last day. */
export function noteDates(lang: Language, n: Pick<NoteChange, 'kind' | 'date' | 'toDate'>): string {
  return n.kind === 'pause' && n.toDate ? formatDateRange(lang, n.date, n.toDate) : formatDate(lang, n.date, n.kind === 'pause' ? 'dayMonthYear' : 'weekdayDayMonth');
}
