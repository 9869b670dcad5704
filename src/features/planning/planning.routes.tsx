/** Public co-planning pages: the week grid with its gaps, and the activities in one weekday-and-hour slot. */
import type { FastifyInstance } from 'fastify';
import { translator } from '../../i18n/index.js';
import { HttpError, badParameter, notFound } from '../../web/errors.js';
import { canEditOrganisation } from '../accounts/index.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { addDays, isIsoDate, startOfIsoWeek } from '../../web/time.js';
import { changeSchedule, findActivity, listActivitySummaries } from '../calendar/index.js';
import {
  DATE_PATTERN,
  filterParams,
  filterProperties,
  findActivities,
  listOccurrences,
  localiseTitles,
  toFilters,
  type ActivitySummary,
  type FilterQuery,
  type OccurrenceItem,
} from '../calendar/index.js';
import { listDistricts } from '../places/index.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';
import { clashWindow, findClashes, plannedActivities } from './clashes.js';
import { ClashesPage, type ClashActivity, type ClashRow } from './clashes.page.js';
import { countByDistrict, gaps, weekGrid, type GridOccurrence } from './grid.js';
import { GridPage, SlotPage } from './grid.page.js';
import { defaultSummerYear, setWeekOpen, summerWeeks } from './season.js';
import { SummerPage } from './season.page.js';

interface GridQuery extends FilterQuery {
  from?: string;
  weeks?: number;
  weekday?: number;
  hour?: number;
}

const DEFAULT_WEEKS = 12;

const gridQuery = {
  type: 'object',
  properties: {
    ...filterProperties,
    from: { type: 'string', pattern: DATE_PATTERN },
    weeks: { type: 'integer', minimum: 1, maximum: 26 },
  },
} as const;

/** Occurrences that happen (not cancelled), as the grid counts them. */
function gridOccurrences(items: OccurrenceItem[]): GridOccurrence[] {
  return items.filter((o) => o.status !== 'cancelled').map((o) => ({ localDate: o.localDate, startTime: o.startTime, endTime: o.endTime, activityId: o.activityId }));
}

export async function planningRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  /** The period and the occurrences a grid request covers. */
  async function selection(q: GridQuery, today: string) {
    if (q.from !== undefined && !isIsoDate(q.from)) throw badParameter('from');
    const filters = toFilters(q);
    const districts = await listDistricts(db);
    if (filters.district && !districts.some((d) => d.slug === filters.district)) throw badParameter('district');
    const weeks = q.weeks ?? DEFAULT_WEEKS;
    const from = q.from ?? startOfIsoWeek(today);
    const to = addDays(from, weeks * 7 - 1);
    const items = await listOccurrences(db, { ...filters, from, to });
    const params: Record<string, string> = { ...filterParams(filters), weeks: String(weeks), ...(q.from ? { from: q.from } : {}) };
    return { filters, districts, weeks, from, to, items, params };
  }

  app.get<{ Querystring: GridQuery }>('/planering', { config: { access: 'public' }, schema: { querystring: gridQuery } }, async (request, reply) => {
    const page = pageContext(request);
    const s = await selection(request.query, page.today);
    const grid = weekGrid(gridOccurrences(s.items), s.from, s.to);
    const activities = new Map(s.items.map((o) => [o.activityId, { districtSlug: o.place?.districtSlug ?? null }]));
    const gapSummary = gaps(grid, {
      byDistrict: s.filters.district ? undefined : countByDistrict(s.districts.map((d) => d.slug), [...activities.values()]),
    });
    return sendPage(
      reply,
      page,
      <GridPage grid={grid} gaps={gapSummary} filters={s.filters} from={s.from} to={s.to} weeks={s.weeks} districts={s.districts} params={s.params} />,
    );
  });

  app.get<{ Querystring: GridQuery }>(
    '/planering/tid',
    {
      config: { access: 'public' },
      schema: {
        querystring: {
          ...gridQuery,
          required: ['weekday', 'hour'],
          properties: { ...gridQuery.properties, weekday: { type: 'integer', minimum: 1, maximum: 7 }, hour: { type: 'integer', minimum: 0, maximum: 23 } },
        },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const q = request.query;
      const s = await selection(q, page.today);
      // An activity is in the slot when the grid rule counts one of its occurrences there.
      const ids = [
        ...new Set(
          gridOccurrences(s.items)
            .filter((o) => weekGrid([o], s.from, s.to)[q.weekday! - 1]![q.hour!]! > 0)
            .map((o) => o.activityId),
        ),
      ];
      const details = [...(await findActivities(db, ids)).values()];
      const summaries: ActivitySummary[] = details.map((a) => ({
        id: a.id,
        slug: a.slug,
        title: a.title,
        category: a.category,
        audience: a.audience,
        gender: a.gender,
        isFree: a.isFree,
        place: a.place ? { name: a.place.name, districtName: a.place.district?.name ?? null } : null,
        hosts: a.hosts.map((h) => ({ id: h.id, slug: h.slug, name: h.name })),
        schedule: a.schedule,
      }));
      const activities = await localiseTitles(db, summaries, page.lang.code, (a) => a.id);
      const { weekday: _w, hour: _h, ...rest } = s.params;
      return sendPage(
        reply,
        page,
        <SlotPage weekday={q.weekday!} hour={q.hour!} activities={activities} back={`${page.href('/planering')}?${new URLSearchParams(rest).toString()}`} />,
      );
    },
  );

  app.get<{ Querystring: { category?: Category; year?: number } }>(
    '/planering/sommar',
    {
      config: { access: 'public' },
      schema: {
        querystring: {
          type: 'object',
          properties: { category: { type: 'string', enum: CATEGORY_CODES }, year: { type: 'integer', minimum: 2000, maximum: 2100 } },
        },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const category = request.query.category ?? 'sprakcafe';
      const year = request.query.year ?? defaultSummerYear(page.today);
      const weeks = summerWeeks(year);
      const from = weeks[0]!.monday;
      const to = addDays(weeks.at(-1)!.monday, 6);
      const [summaries, items] = await Promise.all([
        listActivitySummaries(db, { category, from: page.today < from ? page.today : from }),
        listOccurrences(db, { category, from, to }),
      ]);
      const open = new Map<number, Set<string>>();
      for (const o of items) {
        if (o.status === 'cancelled') continue;
        const set = open.get(o.activityId) ?? new Set<string>();
        set.add(startOfIsoWeek(o.localDate));
        open.set(o.activityId, set);
      }
      const recurring = summaries.filter((a) => a.schedule.recurrence.kind !== 'once');
      const activities = await localiseTitles(db, recurring, page.lang.code, (a) => a.id);
      const rows = activities.map((activity) => ({
        activity,
        openWeeks: open.get(activity.id) ?? new Set<string>(),
        editable: activity.hosts.some((h) => canEditOrganisation(request.viewer, h.id)),
      }));
      const csrf = rows.some((r) => r.editable) ? reply.generateCsrf() : undefined;
      return sendPage(reply, page, <SummerPage year={year} category={category} weeks={weeks} rows={rows} csrf={csrf} />);
    },
  );

  // An organisation marks a summer week open or closed right on the summer page.
  app.post<{ Body: { activityId: number; monday: string; open: 'true' | 'false'; category: Category; year: number } }>(
    '/planering/sommar/vecka',
    {
      config: { access: 'editor' },
      schema: {
        body: {
          type: 'object',
          required: ['activityId', 'monday', 'open', 'category', 'year'],
          properties: {
            activityId: { type: 'integer', minimum: 1, maximum: 999999999 },
            monday: { type: 'string', pattern: DATE_PATTERN },
            open: { type: 'string', enum: ['true', 'false'] },
            category: { type: 'string', enum: CATEGORY_CODES },
            year: { type: 'integer', minimum: 2000, maximum: 2100 },
          },
        },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const b = request.body;
      if (!isIsoDate(b.monday) || startOfIsoWeek(b.monday) !== b.monday) throw badParameter('monday');
      const activity = await findActivity(db, b.activityId, { includeUnpublished: true });
      if (!activity) throw notFound();
      if (!activity.hosts.some((h) => canEditOrganisation(request.viewer, h.id))) throw new HttpError(403, 'errors.forbidden');
      const open = b.open === 'true';
      // Pause notes are Swedish user text, whatever language the editor reads.
      const pauses = setWeekOpen(activity.schedule.pauses, b.monday, open, translator('sv')('planning.summer.closedNote'));
      const at = app.deps.now();
      await changeSchedule(
        db,
        activity,
        { ...activity.schedule, pauses },
        { actor: request.viewer!.id, now: at, today: page.today },
        { action: open ? 'activity.weekOpened' : 'activity.weekClosed', before: { pauses: activity.schedule.pauses }, after: { pauses } },
      );
      return reply.redirect(`${page.href('/planering/sommar')}?category=${b.category}&year=${b.year}#activity-${activity.id}`, 303);
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/planering/krockar',
    { config: { access: 'admin' }, schema: { querystring: { type: 'object', properties: filterProperties } } },
    async (request, reply) => {
      const page = pageContext(request);
      const filters = toFilters(request.query);
      const districts = await listDistricts(db);
      if (filters.district && !districts.some((d) => d.slug === filters.district)) throw badParameter('district');
      const window = clashWindow(page.today);
      // Clashes are within a category; the district filter picks the subjects, their rivals may be anywhere.
      const items = await listOccurrences(db, { ...filters, district: undefined, from: window.from, to: window.to });
      const all = [...plannedActivities(items).values()];
      const subjects = filters.district ? all.filter((a) => a.districtSlug === filters.district) : all;
      const details = await findActivities(db, all.map((a) => a.id));
      const describe = (id: number): ClashActivity => {
        const a = details.get(id)!;
        const host = a.hosts[0];
        return {
          id,
          slug: a.slug,
          title: a.title,
          place: a.place ? `${a.place.name}${a.place.district ? `, ${a.place.district.name}` : ''}` : null,
          organiser: host ? { name: host.name, email: a.contactEmail ?? host.email, phone: a.contactPhone ?? host.phone } : null,
        };
      };
      const seen = new Set<string>();
      const rows: ClashRow[] = [];
      for (const subject of subjects) {
        for (const c of findClashes(subject, all)) {
          const key = [subject.id, c.activityId].sort((x, y) => x - y).join('-');
          if (seen.has(key) || !details.has(subject.id) || !details.has(c.activityId)) continue;
          seen.add(key);
          rows.push({ a: describe(subject.id), b: describe(c.activityId), ...c });
        }
      }
      rows.sort((x, y) => Number(y.sameDistrict) - Number(x.sameDistrict) || y.overlappingDates - x.overlappingDates || x.firstDate.localeCompare(y.firstDate));
      return sendPage(reply, page, <ClashesPage rows={rows} filters={filters} districts={districts} />);
    },
  );
}
