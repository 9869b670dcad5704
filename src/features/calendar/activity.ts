/** The domain types of activities and their listed occurrences. */
import type { Place } from '../places/index.js';
import type { LocalText } from '../translation/index.js';
import type { ActivityStatus, AgeGroup, Audience, Category, Gender, Registration } from '../taxonomy/index.js';
import type { OccurrenceStatus, Schedule } from './schedule.js';

export interface HostRef {
  id: number;
  slug: string;
  name: string;
}

export interface Host extends HostRef {
  phone: string | null;
  email: string | null;
  website: string | null;
}

export interface ActivityInput {
  title: string;
  description: string;
  category: Category;
  audience: Audience;
  ageGroups: AgeGroup[];
  gender: Gender;
  isFree: boolean;
  costText: string | null;
  registration: Registration;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  placeId: number | null;
  status: ActivityStatus;
  /** Organisation ids, main organiser first. */
  hostIds: number[];
  /** Languages spoken besides Swedish. */
  languages: string[];
  schedule: Schedule;
}

export interface ActivityDetail {
  id: number;
  slug: string;
  title: string;
  description: string;
  category: Category;
  audience: Audience;
  ageGroups: AgeGroup[];
  gender: Gender;
  isFree: boolean;
  costText: string | null;
  registration: Registration;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  status: ActivityStatus;
  updatedAt: string;
  /** When its organisation last said it is still true (ISO instant; '' when never). */
  confirmedAt: string;
  place: Place | null;
  hosts: Host[];
  languages: string[];
  schedule: Schedule;
}

/** An activity with its regular times, for category pages and organisation pages. */
export interface ActivitySummary {
  id: number;
  slug: string;
  title: string;
  category: Category;
  audience: Audience;
  gender: Gender;
  isFree: boolean;
  place: { name: string; districtName: string | null } | null;
  hosts: HostRef[];
  schedule: Schedule;
  /** The title in the reader's language, when the page looked it up. */
  localTitle?: LocalText;
  /** Its last confirmation, when the list marks those not confirmed for 90 days. */
  unconfirmedSince?: string;
}

/**
 * On an item the week model hands out (week-model.ts): the model's own frozen item it is a copy of.
 * Its content never changes, so a row drawn from it can be kept with it.
 */
export const MODEL_ITEM: unique symbol = Symbol('week model item');

/** One row of the week view and the API. */
export interface OccurrenceItem {
  activityId: number;
  slug: string;
  title: string;
  category: Category;
  audience: Audience;
  gender: Gender;
  isFree: boolean;
  localDate: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  status: OccurrenceStatus;
  originalDate: string;
  note: string | null;
  place: {
    id: number;
    name: string;
    address: string;
    latitude: number | null;
    longitude: number | null;
    districtSlug: string | null;
    districtName: string | null;
  } | null;
  hosts: HostRef[];
  /** The title in the reader's language, when the page looked it up. */
  localTitle?: LocalText;
  /** Its activity's last confirmation, when the list marks those not confirmed for 90 days. */
  unconfirmedSince?: string;
  [MODEL_ITEM]?: Readonly<OccurrenceItem>;
}

/** The filters of the week view, the category page and the API; every field optional. */
export interface OccurrenceFilters {
  category?: Category;
  district?: string;
  audience?: Audience;
  ageGroup?: AgeGroup;
  womenOnly?: boolean;
  free?: boolean;
  language?: string;
  organisationId?: number;
}

/** A question about published occurrences: the filters, the dates and how much of the list. */
export interface OccurrenceQuery extends OccurrenceFilters {
  from: string;
  to: string;
  /** Free-text search terms, already folded. */
  terms?: string[];
  /** Terms also match titles and descriptions translated into this language. */
  readerLanguage?: string;
  limit?: number;
  offset?: number;
  /** Only activities confirmed at or after this instant (the public lists leave out those unconfirmed for 180 days). */
  confirmedSince?: string;
  /** Items of activities confirmed before this instant carry `unconfirmedSince`. */
  staleBefore?: string;
}

/** The path of an activity's page: /aktivitet/42-sprakcafe-i-vivalla. */
export function activityPath(a: { id: number; slug: string }): string {
  return `/aktivitet/${a.id}-${a.slug}`;
}

/** The input that stores an activity as it is: for saving it with one thing changed (its schedule, its pauses). */
export function inputOf(a: ActivityDetail): ActivityInput {
  const { id: _id, slug: _slug, updatedAt: _u, confirmedAt: _c, place, hosts, ...rest } = a;
  return { ...rest, placeId: place?.id ?? null, hostIds: hosts.map((h) => h.id) };
}
