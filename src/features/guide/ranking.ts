/**
 * Which activities and organisations fit a föreningslots case, best first, each with the reasons a
 * guide reads. Pure: the caller passes the candidates, today and the districts' centres.
 */
import { isoWeekday } from '../../web/time.js';
import { foldForSearch } from '../../web/text.js';
import { WEEKDAYS, type Weekday } from '../calendar/index.js';
import { distanceMeters, type Coordinates } from '../planning/index.js';
import type { AgeGroup, Audience, Category, Gender } from '../taxonomy/index.js';
import type { FlagValues } from './association.js';
import type { CaseAgeGroup, GuideCase } from './case.js';

/** What ranking reads of a case: nothing that names or reaches the person. */
export type CaseNeeds = Pick<GuideCase, 'interests' | 'interestText' | 'ageGroup' | 'districtId' | 'freeDays' | 'freeTimes' | 'contactLanguage'>;

/** A published activity with what ranking and referring need. */
export interface Candidate {
  id: number;
  slug: string;
  title: string;
  category: Category;
  audience: Audience;
  ageGroups: AgeGroup[];
  gender: Gender;
  isFree: boolean;
  /** Languages spoken besides Swedish. */
  languages: string[];
  place: { districtId: number | null; districtName: string | null; latitude: number | null; longitude: number | null } | null;
  /** Main organiser first. */
  hosts: { id: number; slug?: string; name: string; email: string | null }[];
  /** The coming occurrences (local date and start time), in any order. */
  occurrences: { date: string; startTime: string }[];
  /** What the guides know of the main organiser's needs (absent: nothing known). */
  flags?: Partial<FlagValues>;
}

/** A reason is a catalogue key; params hold codes (category, day, language, ageGroup) the page names in the reader's language. */
export interface Reason {
  key: string;
  params?: Record<string, string>;
  /** Something the guide should check before referring ("no room right now"). */
  warning?: true;
}

export interface Suggestion {
  activity: Candidate;
  score: number;
  reasons: Reason[];
  /** From the centre of the person's district to the place, when both are known. */
  distanceKm: number | null;
}

export interface OrganisationCandidate {
  id: number;
  slug: string;
  name: string;
  categories: Category[];
  districts: { id: number; name: string }[];
  flags?: Partial<FlagValues>;
}

export interface OrganisationSuggestion {
  organisation: OrganisationCandidate;
  score: number;
  reasons: Reason[];
}

export interface RankOptions {
  /** Local date: occurrences before it are past. */
  today: string;
  districtCentres: Map<number, Coordinates>;
}

/**
 * Points per criterion. The order is the guide's: what the person wants to do first, then where,
 * when, in which language, and for whom. A criterion met always adds points, so an activity that
 * fits on more counts never ranks below one that fits on fewer.
 */
export const WEIGHTS = {
  category: 30,
  words: 12,
  sameDistrict: 20,
  /** At the centre of the district; falls with the distance, never to zero, never above sameDistrict. */
  nearby: 15,
  time: 15,
  language: 10,
  ageExplicit: 8,
  ageOpen: 4,
  free: 3,
  newcomers: 2,
  /** What the guides know of the organiser: it welcomes newcomers now, it has room. */
  welcomesNewcomers: 6,
  hasRoom: 6,
} as const;

/**
 * What the guides' knowledge of an organisation adds: points when it welcomes newcomers now and when
 * it has room, a note when it needs participants, and a warning (never points taken away) when it
 * has no room or does not take newcomers now, so the guide asks before referring.
 */
export function flagScore(flags: Partial<FlagValues> | undefined, weights: { welcomesNewcomers: number; hasRoom: number }): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let score = 0;
  if (!flags) return { score, reasons };
  if (flags.welcomesNewcomers === 'yes') {
    score += weights.welcomesNewcomers;
    reasons.push({ key: 'guide.reasons.welcomesNewcomers' });
  }
  if (flags.hasRoom === 'yes') {
    score += weights.hasRoom;
    reasons.push({ key: 'guide.reasons.hasRoom' });
  }
  if (flags.needsParticipants === 'yes') reasons.push({ key: 'guide.reasons.needsParticipants' });
  if (flags.hasRoom === 'no') reasons.push({ key: 'guide.reasons.noRoom', warning: true });
  if (flags.welcomesNewcomers === 'no') reasons.push({ key: 'guide.reasons.notWelcomingNow', warning: true });
  return { score, reasons };
}

/** Starting at or after this is the evening; before it is daytime. */
export const EVENING_FROM = '17:00';

/** Which of an activity's age groups a person of the case's age group may join. */
const AGE_FITS: Record<CaseAgeGroup, readonly AgeGroup[]> = {
  adult: ['adults', 'families'],
  youth: ['youth'],
  child: ['children', 'families'],
};

/** Words of a wish that say nothing about what it is ("jag vill gärna träffa…"), folded. */
const STOP_WORDS = new Set(
  [
    'och', 'att', 'jag', 'vill', 'gärna', 'kunna', 'kan', 'med', 'för', 'som', 'det', 'den', 'har', 'till', 'från', 'inte', 'bara',
    'någon', 'något', 'några', 'eller', 'också', 'andra', 'mycket', 'lite', 'mer', 'vara', 'göra', 'min', 'mina', 'mitt', 'mig',
    'man', 'hur', 'var', 'när', 'där', 'här', 'på', 'av', 'en', 'ett', 'om', 'så', 'nya', 'nytt', 'ny', 'lära', 'träffa', 'prata',
    'the', 'and', 'want', 'would', 'like', 'with', 'for',
  ].map(foldForSearch),
);

function words(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
}

/** A word of the wish that a word of the title starts with ("fotboll" finds "Fotbollsträning"); the title's word. */
function titleWordMatch(interestText: string | null, title: string): string | null {
  if (!interestText) return null;
  const wanted = words(interestText);
  if (wanted.length === 0) return null;
  const titleWords = title.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const original of titleWords) {
    const w = foldForSearch(original);
    if (w.length >= 3 && !STOP_WORDS.has(w) && wanted.some((x) => w.startsWith(x) || (x.length >= 5 && x.startsWith(w)))) return original;
  }
  return null;
}

const weekdayOf = (date: string): Weekday => WEEKDAYS[isoWeekday(date) - 1]!;

/** The first coming occurrence on a day and at a time the person is free, if the case says when they are free. */
function fittingOccurrence(c: CaseNeeds, a: Candidate, today: string): { day: Weekday; time: string } | null | undefined {
  if (c.freeDays.length === 0 && c.freeTimes.length === 0) return undefined;
  const coming = a.occurrences.filter((o) => o.date >= today).sort((x, y) => x.date.localeCompare(y.date) || x.startTime.localeCompare(y.startTime));
  for (const o of coming) {
    const day = weekdayOf(o.date);
    const time = o.startTime >= EVENING_FROM ? 'evening' : 'daytime';
    if ((c.freeDays.length === 0 || c.freeDays.includes(day)) && (c.freeTimes.length === 0 || c.freeTimes.includes(time))) return { day, time: o.startTime };
  }
  return null;
}

function distanceKm(c: CaseNeeds, a: Candidate, centres: Map<number, Coordinates>): number | null {
  const centre = c.districtId === null ? undefined : centres.get(c.districtId);
  if (!centre || !a.place || a.place.latitude === null || a.place.longitude === null) return null;
  return distanceMeters(centre, { latitude: a.place.latitude, longitude: a.place.longitude }) / 1000;
}

/** One activity's score and reasons, or null when it does not fit at all. */
function scoreActivity(c: CaseNeeds, a: Candidate, options: RankOptions): Suggestion | null {
  if (a.audience === 'volunteers') return null;
  if (!a.occurrences.some((o) => o.date >= options.today)) return null;
  const fitsAge = a.ageGroups.find((g) => AGE_FITS[c.ageGroup].includes(g));
  if (a.ageGroups.length > 0 && !fitsAge) return null;

  const reasons: Reason[] = [];
  let score = 0;

  const categoryMatch = c.interests.includes(a.category);
  const word = titleWordMatch(c.interestText, a.title);
  const statesInterest = c.interests.length > 0 || words(c.interestText ?? '').length > 0;
  if (statesInterest && !categoryMatch && word === null) return null;
  if (categoryMatch) {
    score += WEIGHTS.category;
    reasons.push({ key: 'guide.reasons.interest', params: { category: a.category } });
  }
  if (word !== null) {
    score += WEIGHTS.words;
    reasons.push({ key: 'guide.reasons.words', params: { word } });
  }

  const km = distanceKm(c, a, options.districtCentres);
  if (c.districtId !== null && a.place?.districtId === c.districtId) {
    score += WEIGHTS.sameDistrict;
    reasons.push({ key: 'guide.reasons.sameDistrict', params: { district: a.place.districtName ?? '' } });
  } else if (km !== null) {
    score += WEIGHTS.nearby / (1 + km / 2);
    reasons.push({ key: 'guide.reasons.distance', params: { km: km.toFixed(1) } });
  }

  const fit = fittingOccurrence(c, a, options.today);
  if (fit) {
    score += WEIGHTS.time;
    reasons.push({ key: 'guide.reasons.day', params: { day: fit.day, time: fit.time } });
  }

  if (c.contactLanguage !== 'sv' && a.languages.includes(c.contactLanguage)) {
    score += WEIGHTS.language;
    reasons.push({ key: 'guide.reasons.language', params: { language: c.contactLanguage } });
  }

  if (fitsAge) {
    score += WEIGHTS.ageExplicit;
    reasons.push({ key: 'guide.reasons.age', params: { ageGroup: fitsAge } });
  } else {
    score += WEIGHTS.ageOpen;
  }

  if (a.isFree) {
    score += WEIGHTS.free;
    reasons.push({ key: 'guide.reasons.free' });
  }
  if (a.audience === 'newcomers') {
    score += WEIGHTS.newcomers;
    reasons.push({ key: 'guide.reasons.newcomers' });
  }
  // The case does not record gender: the guide decides, told why.
  if (a.gender === 'women') reasons.push({ key: 'guide.reasons.womenOnly' });
  if (a.gender === 'men') reasons.push({ key: 'guide.reasons.menOnly' });
  const known = flagScore(a.flags, WEIGHTS);
  score += known.score;
  reasons.push(...known.reasons);

  return { activity: a, score: Math.round(score * 100) / 100, reasons, distanceKm: km };
}

const byTitle = new Intl.Collator('sv');

/**
 * The activities that fit a case, best first. Left out: activities for volunteers, for another age
 * group, with nothing coming, and (when the case names interests) those matching none of them.
 * Ties go to the nearer place, then by title.
 */
export function rankSuggestions(c: CaseNeeds, candidates: readonly Candidate[], options: RankOptions): Suggestion[] {
  return candidates
    .map((a) => scoreActivity(c, a, options))
    .filter((s): s is Suggestion => s !== null)
    .sort(
      (x, y) =>
        y.score - x.score ||
        (x.distanceKm ?? Infinity) - (y.distanceKm ?? Infinity) ||
        byTitle.compare(x.activity.title, y.activity.title) ||
        x.activity.id - y.activity.id,
    );
}

/** Points per shared category, for working in the person's district, and for what the guides know (welcomes newcomers now, has room). */
export const ORGANISATION_WEIGHTS = { category: 10, district: 5, welcomesNewcomers: 3, hasRoom: 3 } as const;

/**
 * Organisations working with what the person wants, in their district first. When the case names
 * interests, an organisation must share one; otherwise working in the district is enough.
 */
export function rankOrganisations(c: Pick<CaseNeeds, 'interests' | 'districtId'>, organisations: readonly OrganisationCandidate[]): OrganisationSuggestion[] {
  const out: OrganisationSuggestion[] = [];
  for (const o of organisations) {
    const shared = o.categories.filter((cat) => c.interests.includes(cat));
    const district = c.districtId === null ? undefined : o.districts.find((d) => d.id === c.districtId);
    if (c.interests.length > 0 ? shared.length === 0 : !district) continue;
    const reasons: Reason[] = shared.map((category) => ({ key: 'guide.reasons.interest', params: { category } }));
    if (district) reasons.push({ key: 'guide.reasons.sameDistrict', params: { district: district.name } });
    const known = flagScore(o.flags, ORGANISATION_WEIGHTS);
    reasons.push(...known.reasons);
    out.push({ organisation: o, score: shared.length * ORGANISATION_WEIGHTS.category + (district ? ORGANISATION_WEIGHTS.district : 0) + known.score, reasons });
  }
  return out.sort((x, y) => y.score - x.score || byTitle.compare(x.organisation.name, y.organisation.name) || x.organisation.id - y.organisation.id);
}
