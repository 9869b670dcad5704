/**
 * The published occurrences of whole weeks held in memory for one version of the calendar: the week
 * pages, the category page, the widget and the API filter, count and cut them here instead of asking
 * the database for seven lists and their counts on every request. A week is read once per version
 * (every write to the calendar raises it in its own transaction: db/cache-triggers.ts), and every
 * question reads the current version first, so an answer is never older than the database.
 *
 * This module holds the data structure and its questions; reading a week from the database is
 * activity.queries.ts's (`loadWeek`).
 */
import { addDays, startOfIsoWeek } from '../../web/time.js';
import { MODEL_ITEM, type OccurrenceItem, type OccurrenceQuery } from './activity.js';

/** One published occurrence with what the filters ask of its activity. */
export interface WeekEntry {
  /** The occurrence's id: the last key of the list order. */
  readonly id: number;
  /** Frozen: a list hands out copies (pages set the reader's title on them). */
  readonly item: Readonly<OccurrenceItem>;
  readonly confirmedAt: string;
  readonly ageGroups: readonly string[];
  readonly languages: readonly string[];
}

/** The versions a week was read at: what activities share, and each activity's own (db/cache-scopes.ts). */
export interface WeekBasis {
  readonly shared: string;
  readonly activities: ReadonlyMap<number, string>;
}

/** The list order: start, title, occurrence id (as the database's `order by`, binary text order). */
export function inListOrder(a: WeekEntry, b: WeekEntry): number {
  if (a.item.startsAt !== b.item.startsAt) return a.item.startsAt < b.item.startsAt ? -1 : 1;
  if (a.item.title !== b.item.title) return a.item.title < b.item.title ? -1 : 1;
  return a.id - b.id;
}

/** The published occurrences of one week (Monday to Sunday), in list order: start, title, occurrence id. */
export class WeekModel {
  /** Per date, the index of its first entry and one past its last. */
  private readonly days = new Map<string, { start: number; end: number }>();

  constructor(
    readonly monday: string,
    readonly entries: readonly WeekEntry[],
    readonly basis: WeekBasis,
  ) {
    for (let i = 0; i < entries.length; i++) {
      const date = entries[i]!.item.localDate;
      const day = this.days.get(date);
      if (day) day.end = i + 1;
      else this.days.set(date, { start: i, end: i + 1 });
    }
  }

  /** Where the entries of one date are: [start, end) indexes of `entries`, empty when it has none. */
  dayRange(date: string): { start: number; end: number } {
    return this.days.get(date) ?? EMPTY_DAY;
  }

  /**
   * This week with the entries of the activities `changed` replaced by `fresh` (theirs as they are now,
   * none for an activity gone or unpublished), at `basis`.
   */
  replacing(changed: ReadonlySet<number>, fresh: readonly WeekEntry[], basis: WeekBasis): WeekModel {
    const kept = this.entries.filter((e) => !changed.has(e.item.activityId));
    const added = [...fresh].sort(inListOrder);
    const merged: WeekEntry[] = [];
    let i = 0;
    let j = 0;
    while (i < kept.length || j < added.length) {
      if (j >= added.length || (i < kept.length && inListOrder(kept[i]!, added[j]!) <= 0)) merged.push(kept[i++]!);
      else merged.push(added[j++]!);
    }
    return new WeekModel(this.monday, merged, basis);
  }
}

/** The activities whose version differs between two bases (new ones and those gone included). */
export function changedActivities(before: WeekBasis, after: WeekBasis): Set<number> {
  const changed = new Set<number>();
  for (const [id, version] of after.activities) if (before.activities.get(id) !== version) changed.add(id);
  for (const id of before.activities.keys()) if (!after.activities.has(id)) changed.add(id);
  return changed;
}

const EMPTY_DAY = { start: 0, end: 0 };

/** The Mondays of the weeks [from, to] touches. */
export function mondaysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let monday = startOfIsoWeek(from); monday <= to; monday = addDays(monday, 7)) out.push(monday);
  return out;
}

/** Whether an entry passes the query's filters (its date is the caller's to check). */
function matcher(q: OccurrenceQuery): (e: WeekEntry) => boolean {
  const { category, district, audience, ageGroup, womenOnly, free, language, organisationId, confirmedSince } = q;
  return (e) => {
    const i = e.item;
    return (
      (confirmedSince === undefined || e.confirmedAt >= confirmedSince) &&
      (!category || i.category === category) &&
      (!district || i.place?.districtSlug === district) &&
      (!audience || i.audience === audience) &&
      (!womenOnly || i.gender === 'women') &&
      (!free || i.isFree) &&
      (!ageGroup || e.ageGroups.includes(ageGroup)) &&
      (!language || e.languages.includes(language)) &&
      (organisationId === undefined || i.hosts.some((h) => h.id === organisationId))
    );
  };
}

/** The dates of [from, to] with the week each falls in. */
function* datesOf(weeks: readonly WeekModel[], from: string, to: string): Generator<{ week: WeekModel; date: string }> {
  for (const week of weeks) {
    for (let i = 0; i < 7; i++) {
      const date = addDays(week.monday, i);
      if (date >= from && date <= to) yield { week, date };
    }
  }
}

/**
 * An entry's item for one answer: a copy (a page sets the reader's title on it), marked when its
 * activity is unconfirmed since `staleBefore`, pointing to the model's item it copies. Field by field:
 * spreading the frozen item made objects in V8's slow dictionary form (about ten times the memory).
 */
function itemOf(e: WeekEntry, staleBefore: string | undefined): OccurrenceItem {
  const i = e.item;
  const item: OccurrenceItem = {
    activityId: i.activityId,
    slug: i.slug,
    title: i.title,
    category: i.category,
    audience: i.audience,
    gender: i.gender,
    isFree: i.isFree,
    localDate: i.localDate,
    startTime: i.startTime,
    endTime: i.endTime,
    startsAt: i.startsAt,
    endsAt: i.endsAt,
    status: i.status,
    originalDate: i.originalDate,
    note: i.note,
    place: i.place,
    hosts: i.hosts,
    [MODEL_ITEM]: i,
  };
  if (staleBefore !== undefined && e.confirmedAt < staleBefore) item.unconfirmedSince = e.confirmedAt;
  return item;
}

/** The matching occurrences in [q.from, q.to] in list order, `q.limit` of them from `q.offset`. */
export function listFromWeeks(weeks: readonly WeekModel[], q: OccurrenceQuery): OccurrenceItem[] {
  const matches = matcher(q);
  const out: OccurrenceItem[] = [];
  let skip = q.offset ?? 0;
  const limit = q.limit ?? Infinity;
  if (limit <= 0) return out;
  for (const { week, date } of datesOf(weeks, q.from, q.to)) {
    const { start, end } = week.dayRange(date);
    for (let k = start; k < end; k++) {
      const e = week.entries[k]!;
      if (!matches(e)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      out.push(itemOf(e, q.staleBefore));
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** How many occurrences match, per date of [q.from, q.to] (dates with none are left out). */
export function countByDateFromWeeks(weeks: readonly WeekModel[], q: OccurrenceQuery): Map<string, number> {
  return perDayFromWeeks(weeks, q, 0, q.from).totals;
}

/** The first `perDay` matching occurrences of each date in [listFrom, q.to] and the count of each date in [q.from, q.to]. */
export function perDayFromWeeks(
  weeks: readonly WeekModel[],
  q: OccurrenceQuery,
  perDay: number,
  listFrom: string,
): { items: OccurrenceItem[]; totals: Map<string, number> } {
  const matches = matcher(q);
  const items: OccurrenceItem[] = [];
  const totals = new Map<string, number>();
  for (const { week, date } of datesOf(weeks, q.from, q.to)) {
    const listed = date >= listFrom;
    let n = 0;
    const { start, end } = week.dayRange(date);
    for (let k = start; k < end; k++) {
      const e = week.entries[k]!;
      if (!matches(e)) continue;
      if (listed && n < perDay) items.push(itemOf(e, q.staleBefore));
      n++;
    }
    if (n > 0) totals.set(date, n);
  }
  return { items, totals };
}

export interface WeekModelsOptions {
  /** Reads one week from the database. */
  load: (monday: string) => Promise<WeekModel>;
  /**
   * Brings a week read at an earlier version up to date by reading again only what changed since;
   * undefined when that is not the cheaper way (what activities share changed, or many activities).
   */
  update?: (week: WeekModel) => Promise<WeekModel | undefined>;
  /** The calendar's current version. */
  version: () => Promise<string>;
  /** Weeks kept per version (the least recently asked for goes first). */
  maxWeeks?: number;
  /** A query over more weeks than this is the database's. */
  maxWeeksPerQuery?: number;
}

/**
 * The weeks read for the two newest calendar versions seen (requests on either side of a write each
 * find theirs). A week is read once however many ask for it meanwhile, and kept under a version only
 * when the version was the same after the read as before it: a write that landed during the read made
 * it newer than its version, and it serves only the requests that were waiting for it. A week asked
 * for at a new version is brought up to date from the last one kept, when `update` can.
 */
export class WeekModels {
  private readonly byVersion = new Map<string, Map<string, Promise<WeekModel>>>();
  /** The last week kept for each Monday, at whatever version: where an update starts. */
  private readonly latest = new Map<string, WeekModel>();
  /** Weeks read whole and weeks brought up to date (tests, /metrics). */
  readonly counts = { loaded: 0, updated: 0 };
  private readonly maxWeeks: number;
  private readonly maxWeeksPerQuery: number;

  constructor(private readonly options: WeekModelsOptions) {
    this.maxWeeks = options.maxWeeks ?? 12;
    this.maxWeeksPerQuery = options.maxWeeksPerQuery ?? 5;
  }

  /** The weeks [from, to] touches, current; undefined when they are more than a query takes from memory. */
  async weeks(from: string, to: string): Promise<WeekModel[] | undefined> {
    const mondays = mondaysOf(from, to);
    if (mondays.length > this.maxWeeksPerQuery) return undefined;
    const version = await this.options.version();
    let weeks = this.byVersion.get(version);
    if (!weeks) {
      this.byVersion.set(version, (weeks = new Map()));
      if (this.byVersion.size > 2) this.byVersion.delete(this.byVersion.keys().next().value!);
    }
    return Promise.all(mondays.map((monday) => this.week(version, weeks, monday)));
  }

  /** How many weeks are held (tests). */
  get held(): number {
    let n = 0;
    for (const weeks of this.byVersion.values()) n += weeks.size;
    return n;
  }

  private week(version: string, weeks: Map<string, Promise<WeekModel>>, monday: string): Promise<WeekModel> {
    const held = weeks.get(monday);
    if (held) {
      weeks.delete(monday);
      weeks.set(monday, held);
      return held;
    }
    const forget = () => {
      if (weeks.get(monday) === reading) weeks.delete(monday);
    };
    const reading = this.read(monday).then(async (model) => {
      if ((await this.options.version()) !== version) forget();
      else {
        this.latest.delete(monday);
        this.latest.set(monday, model);
        if (this.latest.size > this.maxWeeks) this.latest.delete(this.latest.keys().next().value!);
      }
      return model;
    });
    reading.catch(forget);
    weeks.set(monday, reading);
    if (weeks.size > this.maxWeeks) weeks.delete(weeks.keys().next().value!);
    return reading;
  }

  private async read(monday: string): Promise<WeekModel> {
    const last = this.latest.get(monday);
    const updated = last && this.options.update ? await this.options.update(last) : undefined;
    if (updated) {
      this.counts.updated++;
      return updated;
    }
    this.counts.loaded++;
    return this.options.load(monday);
  }
}
