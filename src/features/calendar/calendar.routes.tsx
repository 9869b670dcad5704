/** Public calendar pages: the week, categories, an activity and its calendar file. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { activityVersionKeys, type VersionKey } from '../../db/cache-scopes.js';
import type { Db } from '../../db/index.js';
import { badParameter, notFound } from '../../web/errors.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { addDays, isIsoDate, mondayOfIsoWeek, startOfIsoWeek } from '../../web/time.js';
import { listDistricts } from '../places/index.js';
import { recordView } from '../stats/index.js';
import { isCategory } from '../taxonomy/index.js';
import { activityPath, type ActivityDetail } from './activity.js';
import { ActivityPage } from './activity.page.js';
import {
  countActivitiesByCategory,
  findActivity,
  listActivitySummaries,
  listOccurrences,
  listOccurrencesPerDay,
} from './activity.queries.js';
import { CategoriesPage, CategoryPage } from './category.page.js';
import { DATE_PATTERN, filterProperties, toFilters, type FilterQuery } from './filters.js';
import { icsActivity, sendCalendar } from './calendar-file.js';
import { localiseActivity, localiseTitles } from './localise.js';
import { isUnconfirmed, publicListCutoffs } from './freshness.js';
import { expandSchedule, skippedDates, type ExpandedOccurrence, type Schedule, type SkippedDate } from './schedule.js';
import { WeekPage, type DayGroup } from './week.page.js';

/** Rows a day shows on the plain week before "show all"; keeps the start page small on a phone. */
export const DAY_LIMIT = 25;
/** Rows one day shows when asked for on its own. */
const SINGLE_DAY_LIMIT = 500;

interface WeekQuery extends FilterQuery {
  week?: string;
  day?: string;
}

const weekQuerySchema = {
  type: 'object',
  properties: {
    ...filterProperties,
    week: { type: 'string', pattern: '^\\d{4}-W\\d{2}$' },
    day: { type: 'string', pattern: DATE_PATTERN },
  },
} as const;

/** The Monday of the week a request asks for. */
function requestedMonday(q: WeekQuery, today: string): string {
  if (q.day !== undefined) {
    if (!isIsoDate(q.day)) throw badParameter('day');
    return startOfIsoWeek(q.day);
  }
  if (q.week !== undefined) {
    const [year, week] = q.week.split('-W').map(Number);
    const monday = mondayOfIsoWeek(year!, week!);
    if (!monday) throw badParameter('week');
    return monday;
  }
  return startOfIsoWeek(today);
}

/** An activity id from '42' or '42-sprakcafe-i-vivalla'. */
export function parseActivityParam(param: string): number | null {
  const m = /^(\d{1,9})(?:-[a-z0-9-]*)?$/.exec(param);
  return m ? Number(m[1]) : null;
}

/**
 * What a page of one activity (`:id` in its path) is drawn from: that activity and what activities
 * share, so a cached copy stays while other activities are saved (an id that does not parse: the whole
 * calendar). The `cacheScope` of its routes.
 */
export function activityCacheScope(request: FastifyRequest): VersionKey[] {
  const id = parseActivityParam((request.params as { id: string }).id);
  return id === null ? ['calendar'] : activityVersionKeys(id);
}

const activityPageConfig = { access: 'public', cacheScope: activityCacheScope } as const;

/** The next ten dates an activity page lists, and the dates skipped among them (holidays, exceptions). */
export function activityDates(schedule: Schedule, today: string): { upcoming: ExpandedOccurrence[]; skipped: SkippedDate[] } {
  const horizon = addDays(today, 7 * 12);
  const upcoming = expandSchedule(schedule, today, horizon).slice(0, 10);
  const lastShown = upcoming.at(-1)?.localDate ?? horizon;
  return { upcoming, skipped: skippedDates(schedule, today, lastShown) };
}

/**
 * What another feature draws on an activity's page under its dates, from the activity and the dates
 * shown (the sign-up per date of the network feature). app.ts hands it in, so calendar imports no
 * feature that imports calendar.
 */
export type ActivitySlot = (db: Db, activity: ActivityDetail, upcoming: ExpandedOccurrence[], now: Date) => Promise<VNode | null>;

export interface CalendarRoutesOptions {
  activitySlot?: ActivitySlot;
}

export async function calendarRoutes(app: FastifyInstance, options: CalendarRoutesOptions = {}): Promise<void> {
  const { db } = app.deps;

  app.get<{ Querystring: WeekQuery }>(
    '/',
    { config: { access: 'public' }, schema: { querystring: weekQuerySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const q = request.query;
      const filters = toFilters(q);
      // Activities unconfirmed for 180 days leave the week; those unconfirmed for 90 say so.
      const cutoffs = publicListCutoffs(app.deps.now());
      const districts = await listDistricts(db);
      if (filters.district && !districts.some((d) => d.slug === filters.district)) throw badParameter('district');
      const monday = requestedMonday(q, page.today);
      const sunday = addDays(monday, 6);
      let days: DayGroup[];
      const byActivity = (o: { activityId: number }) => o.activityId;
      if (q.day !== undefined) {
        const listed = await listOccurrences(db, { ...filters, ...cutoffs, from: q.day, to: q.day, limit: SINGLE_DAY_LIMIT });
        const items = await localiseTitles(db, listed, page.lang.code, byActivity);
        days = [{ date: q.day, items, total: items.length }];
      } else {
        const range = { ...filters, ...cutoffs, from: monday, to: sunday };
        // In the current week, the days already past are only counted: the page links to each of them.
        const listFrom = page.today > monday && page.today <= sunday ? page.today : monday;
        const { items: listed, totals: counts } = await listOccurrencesPerDay(db, range, DAY_LIMIT, listFrom);
        const items = await localiseTitles(db, listed, page.lang.code, byActivity);
        days = Array.from({ length: 7 }, (_, i) => {
          const date = addDays(monday, i);
          return { date, items: items.filter((o) => o.localDate === date), total: counts.get(date) ?? 0 };
        });
      }
      return sendPage(reply, page, <WeekPage monday={monday} filters={filters} districts={districts} day={q.day} days={days} />);
    },
  );

  app.get('/kategorier', { config: { access: 'public' } }, async (request, reply) => {
    const page = pageContext(request);
    const counts = await countActivitiesByCategory(db, page.today);
    return sendPage(reply, page, <CategoriesPage counts={counts} />);
  });

  app.get<{ Params: { category: string } }>(
    '/kategori/:category',
    { config: { access: 'public' }, schema: { params: { type: 'object', properties: { category: { type: 'string', maxLength: 40 } } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const { category } = request.params;
      if (!isCategory(category)) throw notFound();
      const monday = startOfIsoWeek(page.today);
      const cutoffs = publicListCutoffs(app.deps.now());
      const [summaries, occurrences] = await Promise.all([
        listActivitySummaries(db, { category, from: page.today, ...cutoffs }),
        listOccurrences(db, { category, from: page.today, to: addDays(monday, 6), ...cutoffs }),
      ]);
      const [activities, thisWeek] = await Promise.all([
        localiseTitles(db, summaries, page.lang.code, (a) => a.id),
        localiseTitles(db, occurrences, page.lang.code, (o) => o.activityId),
      ]);
      return sendPage(reply, page, <CategoryPage category={category} activities={activities} thisWeek={thisWeek} />);
    },
  );

  const activityParams = { type: 'object', properties: { id: { type: 'string', maxLength: 120 } } } as const;

  /** The published activity a path parameter ('42' or '42-slug') names, or a 404. */
  const activityOr404 = async (param: string) => {
    const id = parseActivityParam(param);
    const activity = id === null ? undefined : await findActivity(db, id);
    if (!activity) throw notFound();
    return activity;
  };

  app.get<{ Params: { id: string } }>(
    '/aktivitet/:id',
    { config: activityPageConfig, schema: { params: activityParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const activity = await activityOr404(request.params.id);
      const canonical = activityPath(activity).split('/').pop();
      if (request.params.id !== canonical) {
        return reply.redirect(page.href(activityPath(activity)) + page.search, 301);
      }
      const { upcoming, skipped } = activityDates(activity.schedule, page.today);
      const [texts, slot] = await Promise.all([
        localiseActivity(db, activity, page.lang.code),
        options.activitySlot ? options.activitySlot(db, activity, upcoming, app.deps.now()) : null,
        recordView(db, 'activity', activity.id),
      ]);
      const unconfirmedSince = isUnconfirmed(activity.confirmedAt, app.deps.now()) ? activity.confirmedAt : undefined;
      return sendPage(reply, page, <ActivityPage activity={activity} texts={texts} upcoming={upcoming} skipped={skipped} slot={slot} unconfirmedSince={unconfirmedSince} />);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/aktivitet/:id/kalender.ics',
    { config: activityPageConfig, schema: { params: activityParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const activity = await activityOr404(request.params.id);
      const texts = await localiseActivity(db, activity, page.lang.code);
      return sendCalendar(reply, page, [icsActivity(page, activity, texts)], {
        name: texts.title.text,
        filename: `${activity.slug}.ics`,
        download: true,
        now: app.deps.now(),
      });
    },
  );
}

