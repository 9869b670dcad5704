/** Public co-planning pages: the week grid with its gaps, and the activities in one weekday-and-hour slot. */
import type { FastifyInstance } from 'fastify';
import { badParameter } from '../../web/errors.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { addDays, isIsoDate, startOfIsoWeek } from '../../web/time.js';
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
import { countByDistrict, gaps, weekGrid, type GridOccurrence } from './grid.js';
import { GridPage, SlotPage } from './grid.page.js';

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
}
