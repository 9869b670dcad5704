/**
 * The reads of activities and their occurrences: the week and its counts, one activity or many with
 * everything a page shows, summaries, texts for search and translation. Writes are in activity.store.ts,
 * reached through activity.commands.ts.
 */
import { sql, type CompiledQuery, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { ROWS_AS_ARRAYS, rowValues, type Database, type Db } from '../../db/index.js';
import { addDays } from '../../web/time.js';
import { containsPattern } from '../../web/text.js';
import type { ActivityStatus, AgeGroup, Audience, Category, Gender, Registration } from '../taxonomy/index.js';
import type { ActivityDetail, ActivitySummary, Host, HostRef, OccurrenceItem, OccurrenceQuery } from './activity.js';
import { parseRRule, type OccurrenceStatus, type Schedule } from './schedule.js';
import { changedActivities, countByDateFromWeeks, listFromWeeks, perDayFromWeeks, WeekModel, WeekModels, type WeekBasis, type WeekEntry } from './week-model.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** How many published activities were last confirmed before `before` (the coordinator's stale count). */
export async function countUnconfirmedActivities(db: Db, before: string): Promise<number> {
  const row = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .where('confirmedAt', '<', before)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Ids of every activity an organisation hosts, whatever its status, most recently changed first. */
export async function listActivityIdsOfOrganisation(db: Db, organisationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('activities as a')
    .select('a.id')
    .where(hostedBy(organisationId))
    .orderBy('a.updatedAt', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

/** Reads the schedules of the given activities (or all). */
export async function loadSchedules(db: Executor, activityIds?: number[]): Promise<Map<number, Schedule>> {
  if (activityIds && activityIds.length === 0) return new Map();
  const scoped = <T extends { where: (...a: any[]) => T }>(q: T) => (activityIds ? q.where('activityId', 'in', activityIds) : q);
  const [schedules, pauses, exceptions, changes] = await Promise.all([
    scoped(db.selectFrom('schedules').selectAll()).execute(),
    scoped(db.selectFrom('schedulePauses').selectAll()).orderBy('fromDate').execute(),
    scoped(db.selectFrom('scheduleExceptions').selectAll()).orderBy('date').execute(),
    scoped(db.selectFrom('occurrenceChanges').selectAll()).orderBy('originalDate').execute(),
  ]);
  const out = new Map<number, Schedule>();
  for (const s of schedules) {
    out.set(s.activityId, {
      recurrence: parseRRule(s.rrule),
      startDate: s.startDate,
      startTime: s.startTime,
      endTime: s.endTime,
      validUntil: s.validUntil,
      pauses: [],
      exceptions: [],
      changes: [],
      runsOnHolidays: s.runsOnHolidays === 1,
    });
  }
  for (const p of pauses) out.get(p.activityId)?.pauses.push({ fromDate: p.fromDate, toDate: p.toDate, note: p.note });
  for (const e of exceptions) out.get(e.activityId)?.exceptions.push(e.date);
  for (const c of changes) {
    out.get(c.activityId)?.changes.push({
      originalDate: c.originalDate,
      kind: c.kind as 'cancelled' | 'moved',
      newDate: c.newDate,
      newStartTime: c.newStartTime,
      newEndTime: c.newEndTime,
      note: c.note,
    });
  }
  return out;
}

/** Host organisations of several activities, main organiser first. */
async function hostsOf(db: Executor, activityIds: number[]): Promise<Map<number, HostRef[]>> {
  const out = new Map<number, HostRef[]>();
  if (activityIds.length === 0) return out;
  const compiled = db
    .selectFrom('activityHosts')
    .innerJoin('organisations', 'organisations.id', 'activityHosts.organisationId')
    .select(['activityHosts.activityId', 'activityHosts.position', 'organisations.id', 'organisations.slug', 'organisations.name'])
    .where('activityHosts.activityId', 'in', [...new Set(activityIds)])
    .compile();
  // Values, not objects, and ordered here: most activities have one host, so sorting each short list
  // costs less than the database sorting them all.
  const { rows } = await db.withoutPlugins().executeQuery({ ...compiled, sql: ROWS_AS_ARRAYS + compiled.sql });
  const positions = new Map<HostRef, number>();
  for (const row of rows) {
    const [activityId, position, id, slug, name] = rowValues(row) as [number, number, number, string, string];
    const host = { id: Number(id), slug, name };
    positions.set(host, Number(position));
    const list = out.get(Number(activityId));
    if (list) list.push(host);
    else out.set(Number(activityId), [host]);
  }
  for (const list of out.values()) if (list.length > 1) list.sort((a, b) => positions.get(a)! - positions.get(b)! || a.id - b.id);
  return out;
}

/** Activities (aliased `a`) one of whose hosts is the organisation. */
export function hostedBy(organisationId: number) {
  return ({ exists, selectFrom }: ExpressionBuilder<Database & { a: Database['activities'] }, 'a'>) =>
    exists(selectFrom('activityHosts as h').select('h.activityId').whereRef('h.activityId', '=', 'a.id').where('h.organisationId', '=', organisationId));
}

/**
 * Activities (aliased `a`) whose Swedish texts, organisers and place contain the folded term, or
 * whose title or description in the reader's language does.
 */
function matchesTerm(term: string, readerLanguage: string | undefined) {
  const pattern = containsPattern(term);
  return ({ or, exists, selectFrom }: ExpressionBuilder<Database & { a: Database['activities'] }, 'a'>) => {
    const own = sql<boolean>`a.search_text like ${pattern} escape '\\'`;
    if (!readerLanguage || readerLanguage === 'sv') return own;
    return or([
      own,
      exists(
        selectFrom('translations as tr')
          .select('tr.entityId')
          .whereRef('tr.entityId', '=', 'a.id')
          .where('tr.entity', '=', 'activity')
          .where('tr.language', '=', readerLanguage)
          .where(sql<boolean>`tr.search_text like ${pattern} escape '\\'`),
      ),
    ]);
  };
}

/**
 * Published occurrences in [from, to] matching the filters. Counting needs only the occurrence and
 * its activity (the district is a subquery): `withPlaces` adds the place and district to show.
 */
function publishedOccurrences(db: Executor, q: OccurrenceQuery) {
  let query = db.selectFrom('occurrences as o').innerJoin('activities as a', 'a.id', 'o.activityId').where('a.status', '=', 'published');
  if (q.confirmedSince !== undefined) query = query.where('a.confirmedAt', '>=', q.confirmedSince);
  // One day as an equality, so the planner walks that day in the index's time order.
  query = q.from === q.to ? query.where('o.localDate', '=', q.from) : query.where('o.localDate', '>=', q.from).where('o.localDate', '<=', q.to);
  if (q.category) query = query.where('a.category', '=', q.category);
  if (q.district) {
    const district = q.district;
    query = query.where('a.placeId', 'in', (eb) =>
      eb.selectFrom('places as fp').innerJoin('districts as fd', 'fd.id', 'fp.districtId').select('fp.id').where('fd.slug', '=', district),
    );
  }
  if (q.audience) query = query.where('a.audience', '=', q.audience);
  if (q.womenOnly) query = query.where('a.gender', '=', 'women');
  if (q.free) query = query.where('a.isFree', '=', 1);
  if (q.ageGroup) {
    const ageGroup = q.ageGroup;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('activityAgeGroups as g').select('g.activityId').whereRef('g.activityId', '=', 'a.id').where('g.ageGroup', '=', ageGroup)),
    );
  }
  if (q.language) {
    const language = q.language;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('activityLanguages as l').select('l.activityId').whereRef('l.activityId', '=', 'a.id').where('l.language', '=', language)),
    );
  }
  if (q.organisationId !== undefined) query = query.where(hostedBy(q.organisationId));
  for (const term of q.terms ?? []) query = query.where(matchesTerm(term, q.readerLanguage));
  return query;
}

function withPlaces(db: Executor, q: OccurrenceQuery) {
  return publishedOccurrences(db, q).leftJoin('places as p', 'p.id', 'a.placeId').leftJoin('districts as d', 'd.id', 'p.districtId');
}

/**
 * The columns of an occurrence in a list, in the order `itemFromValues` reads them: lists run with
 * ROWS_AS_ARRAYS, so a row is its values in this order (an object per row, two dozen fields, cost
 * more than the query on a full week).
 */
const OCCURRENCE_COLUMNS = [
  'o.activityId',
  'a.slug',
  'a.title',
  'a.category',
  'a.audience',
  'a.gender',
  'a.isFree',
  'o.localDate',
  'o.startTime',
  'o.endTime',
  'o.startsAt',
  'o.endsAt',
  'o.status',
  'o.originalDate',
  'o.note',
  'p.id as placeId',
  'p.name as placeName',
  'p.address as placeAddress',
  'p.latitude as placeLatitude',
  'p.longitude as placeLongitude',
  'd.slug as districtSlug',
  'd.name as districtName',
  'a.confirmedAt',
] as const;

/** One occurrence from its values in OCCURRENCE_COLUMNS order; hosts are filled in afterwards. */
function itemFromValues(v: unknown[], staleBefore: string | undefined): OccurrenceItem {
  const [activityId, slug, title, category, audience, gender, isFree, localDate, startTime, endTime, startsAt, endsAt, status, originalDate, note] = v;
  const [placeId, placeName, placeAddress, placeLatitude, placeLongitude, districtSlug, districtName, confirmedAt] = v.slice(15);
  const item: OccurrenceItem = {
    activityId: Number(activityId),
    slug: slug as string,
    title: title as string,
    category: category as Category,
    audience: audience as Audience,
    gender: gender as Gender,
    isFree: Number(isFree) === 1,
    localDate: localDate as string,
    startTime: startTime as string,
    endTime: endTime as string,
    startsAt: startsAt as string,
    endsAt: endsAt as string,
    status: status as OccurrenceStatus,
    originalDate: originalDate as string,
    note: note as string | null,
    place:
      placeId !== null
        ? {
            id: Number(placeId),
            name: placeName as string,
            address: placeAddress as string,
            latitude: placeLatitude as number | null,
            longitude: placeLongitude as number | null,
            districtSlug: districtSlug as string | null,
            districtName: districtName as string | null,
          }
        : null,
    hosts: NO_HOSTS,
  };
  if (staleBefore !== undefined && (confirmedAt as string) < staleBefore) item.unconfirmedSince = confirmedAt as string;
  return item;
}

/** Where `confirmedAt` is in a row of OCCURRENCE_COLUMNS. */
const CONFIRMED_AT = OCCURRENCE_COLUMNS.indexOf('a.confirmedAt');

const NO_HOSTS: HostRef[] = [];

/** Runs a compiled occurrence list as arrays (see ROWS_AS_ARRAYS) and makes items of it, hosts included. */
async function runOccurrenceList(db: Executor, compiled: CompiledQuery, staleBefore: string | undefined): Promise<OccurrenceItem[]> {
  const { rows } = await db.withoutPlugins().executeQuery({ ...compiled, sql: ROWS_AS_ARRAYS + compiled.sql });
  return rows.map((r) => itemFromValues(rowValues(r), staleBefore));
}

/** Sets each item's hosts, main organiser first (one query for the whole list). */
async function addHosts(db: Executor, items: OccurrenceItem[]): Promise<OccurrenceItem[]> {
  const hosts = await hostsOf(db, items.map((i) => i.activityId));
  for (const item of items) item.hosts = hosts.get(item.activityId) ?? NO_HOSTS;
  return items;
}

/** Published occurrences in [from, to] matching the filters, in time order, with hosts. */
export async function listOccurrences(db: Db, q: OccurrenceQuery): Promise<OccurrenceItem[]> {
  const weeks = await weeksInMemory(db, q);
  return weeks ? listFromWeeks(weeks, q) : listOccurrencesFromDatabase(db, q);
}

/** `listOccurrences` asking the database (search terms, a transaction, a long range; and tests comparing the two). */
export async function listOccurrencesFromDatabase(db: Executor, q: OccurrenceQuery): Promise<OccurrenceItem[]> {
  let query = withPlaces(db, q).select(OCCURRENCE_COLUMNS).orderBy('o.startsAt').orderBy('a.title').orderBy('o.id');
  if (q.limit !== undefined) query = query.limit(q.limit).offset(q.offset ?? 0);
  return addHosts(db, await runOccurrenceList(db, query.compile(), q.staleBefore));
}

/** The calendar's version: raised by every write to what the week shows, in the writing transaction. */
async function calendarVersion(db: Db): Promise<string> {
  const row = await db.selectFrom('cacheVersions').select('version').where('scope', '=', 'calendar').executeTakeFirst();
  return String(row?.version ?? 0);
}

/** What activities share and each activity's version, as the week model keeps them (one read of the versions table). */
async function readBasis(db: Db): Promise<WeekBasis> {
  const rows = await db.selectFrom('cacheVersions').select(['scope', 'version']).execute();
  let shared = '0';
  const activities = new Map<number, string>();
  for (const { scope, version } of rows) {
    if (scope === 'calendar:shared') shared = String(version);
    else if (scope.startsWith('activity:')) activities.set(Number(scope.slice('activity:'.length)), String(version));
  }
  return { shared, activities };
}

/**
 * The published occurrences of a week (of some activities only, when given) with their activities'
 * filter values, in list order (start, title, occurrence id), for the week model.
 */
async function readWeekEntries(db: Db, monday: string, activityIds?: number[]): Promise<WeekEntry[]> {
  const from = monday;
  const to = addDays(monday, 6);
  let inWeek = db.selectFrom('occurrences as wo').select('wo.activityId').where('wo.localDate', '>=', from).where('wo.localDate', '<=', to);
  let list = withPlaces(db, { from, to });
  if (activityIds) {
    inWeek = inWeek.where('wo.activityId', 'in', activityIds);
    list = list.where('o.activityId', 'in', activityIds);
  }
  const compiled = list.select([...OCCURRENCE_COLUMNS, 'o.id']).orderBy('o.startsAt').orderBy('a.title').orderBy('o.id').compile();
  const [{ rows }, ageGroups, languages] = await Promise.all([
    db.withoutPlugins().executeQuery({ ...compiled, sql: ROWS_AS_ARRAYS + compiled.sql }),
    db.selectFrom('activityAgeGroups').select(['activityId', 'ageGroup']).where('activityId', 'in', inWeek).execute(),
    db.selectFrom('activityLanguages').select(['activityId', 'language']).where('activityId', 'in', inWeek).execute(),
  ]);
  const values = rows.map(rowValues);
  const hosts = await hostsOf(db, values.map((v) => Number(v[0])));
  const groupsOf = valuesByActivity(ageGroups.map((g) => [g.activityId, g.ageGroup]));
  const languagesOf = valuesByActivity(languages.map((l) => [l.activityId, l.language]));
  return values.map((v): WeekEntry => {
    const item = itemFromValues(v, undefined);
    item.hosts = Object.freeze(hosts.get(item.activityId) ?? NO_HOSTS) as HostRef[];
    if (item.place) Object.freeze(item.place);
    return {
      id: Number(v[OCCURRENCE_COLUMNS.length]),
      item: Object.freeze(item),
      confirmedAt: v[CONFIRMED_AT] as string,
      ageGroups: groupsOf.get(item.activityId) ?? [],
      languages: languagesOf.get(item.activityId) ?? [],
    };
  });
}

async function loadWeek(db: Db, monday: string): Promise<WeekModel> {
  const basis = await readBasis(db);
  return new WeekModel(monday, await readWeekEntries(db, monday), basis);
}

/** Past this many changed activities a week is read whole. */
const MAX_UPDATED_ACTIVITIES = 50;

/** A week brought up to date by reading again the activities whose version moved; undefined when what they share moved. */
async function updateWeek(db: Db, week: WeekModel): Promise<WeekModel | undefined> {
  const basis = await readBasis(db);
  if (basis.shared !== week.basis.shared) return undefined;
  const changed = changedActivities(week.basis, basis);
  if (changed.size > MAX_UPDATED_ACTIVITIES) return undefined;
  const fresh = changed.size === 0 ? [] : await readWeekEntries(db, week.monday, [...changed]);
  return week.replacing(changed, fresh, basis);
}

function valuesByActivity(pairs: [number, string][]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [id, value] of pairs) {
    const list = out.get(Number(id));
    if (list) list.push(value);
    else out.set(Number(id), [value]);
  }
  return out;
}

/** The week models of each database (a test's databases each have their own). */
const weekModels = new WeakMap<Db, WeekModels>();

/**
 * The weeks of [q.from, q.to] from memory, current to the database's calendar version; undefined when
 * the query is the database's: free-text terms, a transaction (it must see its own writes), or more
 * weeks than a list of the week pages and the API spans.
 */
async function weeksInMemory(db: Db, q: OccurrenceQuery): Promise<WeekModel[] | undefined> {
  if (q.terms?.length || db.isTransaction) return undefined;
  let models = weekModels.get(db);
  if (!models) {
    const options = { load: (monday: string) => loadWeek(db, monday), update: (week: WeekModel) => updateWeek(db, week), version: () => calendarVersion(db) };
    weekModels.set(db, (models = new WeekModels(options)));
  }
  return models.weeks(q.from, q.to);
}

/** How many weeks the model read whole and brought up to date on this database (tests, /metrics). */
export function weekModelCounts(db: Db): { loaded: number; updated: number } {
  return { ...(weekModels.get(db)?.counts ?? { loaded: 0, updated: 0 }) };
}

/**
 * The first `perDay` published occurrences of each date in [listFrom, to], in list order, and how many
 * there are on each date of [from, to] (the days before `listFrom` are only counted).
 */
export async function listOccurrencesPerDay(
  db: Db,
  q: OccurrenceQuery,
  perDay: number,
  listFrom: string = q.from,
): Promise<{ items: OccurrenceItem[]; totals: Map<string, number> }> {
  const weeks = await weeksInMemory(db, q);
  return weeks ? perDayFromWeeks(weeks, q, perDay, listFrom) : listOccurrencesPerDayFromDatabase(db, q, perDay, listFrom);
}

/**
 * `listOccurrencesPerDay` asking the database (search terms, a transaction; and tests comparing the
 * two): one small query per day, stopping at `perDay`.
 */
export async function listOccurrencesPerDayFromDatabase(
  db: Executor,
  q: OccurrenceQuery,
  perDay: number,
  listFrom: string = q.from,
): Promise<{ items: OccurrenceItem[]; totals: Map<string, number> }> {
  const days: string[] = [];
  for (let d = listFrom > q.from ? listFrom : q.from; d <= q.to; d = addDays(d, 1)) days.push(d);
  const dayList = (day: string) =>
    withPlaces(db, { ...q, from: day, to: day }).select(OCCURRENCE_COLUMNS).orderBy('o.startsAt').orderBy('a.title').orderBy('o.id').limit(perDay).compile();
  const [totals, ...dayLists] = await Promise.all([
    countOccurrencesByDateFromDatabase(db, q),
    ...days.map((day) => runOccurrenceList(db, dayList(day), q.staleBefore)),
  ]);
  return { items: await addHosts(db, dayLists.flat()), totals };
}

/** How many published occurrences match, per local date (dates with none are left out). */
export async function countOccurrencesByDate(db: Db, q: OccurrenceQuery): Promise<Map<string, number>> {
  const weeks = await weeksInMemory(db, q);
  return weeks ? countByDateFromWeeks(weeks, q) : countOccurrencesByDateFromDatabase(db, q);
}

export async function countOccurrencesByDateFromDatabase(db: Executor, q: OccurrenceQuery): Promise<Map<string, number>> {
  const rows = await publishedOccurrences(db, q)
    .select(['o.localDate', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('o.localDate')
    .execute();
  const counts = new Map<string, number>();
  for (const { localDate, n } of rows) if (Number(n) > 0) counts.set(localDate, Number(n));
  return counts;
}

export async function countOccurrences(db: Db, q: OccurrenceQuery): Promise<number> {
  const weeks = await weeksInMemory(db, q);
  if (weeks) {
    let n = 0;
    for (const count of countByDateFromWeeks(weeks, q).values()) n += count;
    return n;
  }
  return countOccurrencesFromDatabase(db, q);
}

export async function countOccurrencesFromDatabase(db: Executor, q: OccurrenceQuery): Promise<number> {
  const row = await publishedOccurrences(db, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One activity with everything its page shows, or undefined. Only published ones unless asked. */
export async function findActivity(db: Db, id: number, options: { includeUnpublished?: boolean } = {}): Promise<ActivityDetail | undefined> {
  return (await findActivities(db, [id], options)).get(id);
}

/** Several activities with everything a page or feed shows, by id. Only published ones unless asked. */
export async function findActivities(
  db: Db,
  ids: number[],
  options: { includeUnpublished?: boolean } = {},
): Promise<Map<number, ActivityDetail>> {
  const out = new Map<number, ActivityDetail>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  let query = db
    .selectFrom('activities as a')
    .leftJoin('places as p', 'p.id', 'a.placeId')
    .leftJoin('districts as d', 'd.id', 'p.districtId')
    .selectAll('a')
    .select([
      'p.id as pId',
      'p.name as pName',
      'p.address as pAddress',
      'p.postalCode as pPostalCode',
      'p.city as pCity',
      'p.latitude as pLatitude',
      'p.longitude as pLongitude',
      'p.accessibility as pAccessibility',
      'p.stepFree as pStepFree',
      'p.directions as pDirections',
      'd.slug as dSlug',
      'd.name as dName',
    ])
    .where('a.id', 'in', unique);
  if (!options.includeUnpublished) query = query.where('a.status', 'in', ['published', 'cancelled']);
  const rows = await query.execute();
  if (rows.length === 0) return out;
  const found = rows.map((r) => r.id);
  const [hosts, ageGroups, languages, schedules] = await Promise.all([
    db
      .selectFrom('activityHosts as h')
      .innerJoin('organisations as o', 'o.id', 'h.organisationId')
      .select(['h.activityId', 'o.id', 'o.slug', 'o.name', 'o.phone', 'o.email', 'o.website'])
      .where('h.activityId', 'in', found)
      .orderBy('h.activityId')
      .orderBy('h.position')
      .execute(),
    db.selectFrom('activityAgeGroups').select(['activityId', 'ageGroup']).where('activityId', 'in', found).execute(),
    db.selectFrom('activityLanguages').select(['activityId', 'language']).where('activityId', 'in', found).execute(),
    loadSchedules(db, found),
  ]);
  for (const a of rows) {
    const schedule = schedules.get(a.id);
    if (!schedule) continue;
    out.set(a.id, {
      id: a.id,
      slug: a.slug,
      title: a.title,
      description: a.description,
      category: a.category as Category,
      audience: a.audience as Audience,
      ageGroups: ageGroups.filter((g) => g.activityId === a.id).map((g) => g.ageGroup as AgeGroup),
      gender: a.gender as Gender,
      isFree: a.isFree === 1,
      costText: a.costText,
      registration: a.registration as Registration,
      contactName: a.contactName,
      contactPhone: a.contactPhone,
      contactEmail: a.contactEmail,
      status: a.status as ActivityStatus,
      updatedAt: a.updatedAt,
      confirmedAt: a.confirmedAt,
      place:
        a.pId !== null
          ? {
              id: a.pId,
              name: a.pName!,
              address: a.pAddress!,
              postalCode: a.pPostalCode,
              city: a.pCity!,
              district: a.dSlug !== null ? { slug: a.dSlug, name: a.dName! } : null,
              latitude: a.pLatitude,
              longitude: a.pLongitude,
              accessibility: a.pAccessibility,
              stepFree: a.pStepFree === 1,
              directions: a.pDirections,
            }
          : null,
      hosts: hosts.filter((h) => h.activityId === a.id).map(({ activityId: _, ...h }) => h as Host),
      languages: languages.filter((l) => l.activityId === a.id).map((l) => l.language),
      schedule,
    });
  }
  return out;
}

/** Ids of published activities with an occurrence in [from, to] matching the filters. */
export async function listMatchingActivityIds(db: Db, q: OccurrenceQuery): Promise<number[]> {
  const rows = await publishedOccurrences(db, q).select('o.activityId').distinct().orderBy('o.activityId').execute();
  return rows.map((r) => r.activityId);
}

/**
 * Published activities with their regular times, optionally of one category or organisation,
 * that still have an occurrence on or after `from`.
 */
export async function listActivitySummaries(
  db: Db,
  filter: {
    category?: Category;
    organisationId?: number;
    from: string;
    terms?: string[];
    readerLanguage?: string;
    limit?: number;
    /** As in OccurrenceQuery: leave out activities confirmed before, mark those confirmed before. */
    confirmedSince?: string;
    staleBefore?: string;
  },
): Promise<ActivitySummary[]> {
  let query = db
    .selectFrom('activities as a')
    .innerJoin('schedules as s', 's.activityId', 'a.id')
    .leftJoin('places as p', 'p.id', 'a.placeId')
    .leftJoin('districts as d', 'd.id', 'p.districtId')
    .select(['a.id', 'a.slug', 'a.title', 'a.category', 'a.audience', 'a.gender', 'a.isFree', 'a.confirmedAt', 'p.name as placeName', 'd.name as districtName'])
    .where('a.status', '=', 'published')
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('occurrences as o').select('o.id').whereRef('o.activityId', '=', 'a.id').where('o.localDate', '>=', filter.from)),
    )
    .orderBy('s.startTime')
    .orderBy('a.title');
  if (filter.category) query = query.where('a.category', '=', filter.category);
  if (filter.organisationId !== undefined) query = query.where(hostedBy(filter.organisationId));
  if (filter.confirmedSince !== undefined) query = query.where('a.confirmedAt', '>=', filter.confirmedSince);
  for (const term of filter.terms ?? []) query = query.where(matchesTerm(term, filter.readerLanguage));
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);
  const [hosts, schedules] = await Promise.all([hostsOf(db, ids), loadSchedules(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    category: r.category as Category,
    audience: r.audience as Audience,
    gender: r.gender as Gender,
    isFree: r.isFree === 1,
    place: r.placeName !== null ? { name: r.placeName, districtName: r.districtName } : null,
    hosts: hosts.get(r.id) ?? [],
    schedule: schedules.get(r.id)!,
    ...(filter.staleBefore !== undefined && r.confirmedAt < filter.staleBefore ? { unconfirmedSince: r.confirmedAt } : {}),
  }));
}

/** Number of published activities per category that have something ahead of `from`. */
export async function countActivitiesByCategory(db: Db, from: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('activities as a')
    .select(['a.category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.status', '=', 'published')
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('occurrences as o').select('o.id').whereRef('o.activityId', '=', 'a.id').where('o.localDate', '>=', from)),
    )
    .groupBy('a.category')
    .execute();
  return new Map(rows.map((r) => [r.category, Number(r.n)]));
}

/** The Swedish texts of every published activity, or of the given ones (for the translators). */
export async function listActivityTexts(db: Db, ids?: number[]): Promise<{ id: number; slug: string; title: string; description: string }[]> {
  const q = db.selectFrom('activities').select(['id', 'slug', 'title', 'description']).where('status', '=', 'published').orderBy('id');
  return (ids ? q.where('id', 'in', ids.length > 0 ? ids : [0]) : q).execute();
}
