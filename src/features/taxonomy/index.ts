/**
 * The shared vocabulary of the calendar: categories, audiences, age groups, organisation kinds.
 * Each value is a stable code; its name in every language lives in the catalogues under `taxonomy.*`.
 */

/** Categories with the icon (from the Lucide set) each is drawn with. Order is display order. */
export const CATEGORIES = {
  sprakcafe: { icon: 'coffee' },
  laxhjalp: { icon: 'book-open' },
  kurs: { icon: 'graduation-cap' },
  idrott: { icon: 'volleyball' },
  natur: { icon: 'trees' },
  kultur: { icon: 'eighth-notes' },
  skapande: { icon: 'palette' },
  kompis: { icon: 'handshake' },
  motesplats: { icon: 'users' },
  stod: { icon: 'life-buoy' },
  arbete: { icon: 'briefcase' },
  volontar: { icon: 'hand-heart' },
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as Category[];

/** Who an activity is for. */
export const AUDIENCES = ['newcomers', 'everyone', 'volunteers'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AGE_GROUPS = ['children', 'youth', 'adults', 'families'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** 'women' and 'men' are activities only for them; 'all' is everyone. */
export const GENDERS = ['all', 'women', 'men'] as const;
export type Gender = (typeof GENDERS)[number];

export const REGISTRATIONS = ['none', 'contact', 'signup'] as const;
export type Registration = (typeof REGISTRATIONS)[number];

export const ORGANISATION_KINDS = [
  'association',
  'study_association',
  'faith_community',
  'sports_club',
  'public_body',
  'network',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ACTIVITY_STATUSES = ['draft', 'pending', 'proposal', 'published', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * Languages an activity can be held in, besides Swedish: the newcomer languages first,
 * then other common ones. Codes are BCP 47; names come from Intl.DisplayNames, except Swedish
 * Sign Language (swl), which Intl does not name and the catalogues do.
 */
export const SPOKEN_LANGUAGES = [
  'en', 'ar', 'fa', 'prs', 'ti', 'so', 'uk', 'ckb', 'kmr', 'ps', 'am', 'ru', 'bs', 'fr', 'es', 'de', 'tr', 'pl', 'swl',
] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && Object.hasOwn(CATEGORIES, value);
}
