/** The read-only JSON API, versioned under /api/v1. Parameters are validated by schema; errors are JSON. */
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Db } from '../../db/index.js';
import { hitRateLimit } from '../accounts/index.js';
import { HttpError, badParameter, notFound } from '../../web/errors.js';
import { pageContext } from '../../web/server.js';
import { addDays, daysBetween, isIsoDate } from '../../web/time.js';
import {
  DATE_PATTERN,
  activityPath,
  countOccurrences,
  expandSchedule,
  filterProperties,
  findActivity,
  listOccurrences,
  activityCacheScope,
  parseActivityParam,
  toFilters,
  toRRule,
  type ActivityDetail,
  type FilterQuery,
  type OccurrenceItem,
} from '../calendar/index.js';
import { countOrganisations, findOrganisationById, findOrganisationBySlug, listOrganisations, type Organisation } from '../organisations/index.js';
import { districtExists } from '../places/index.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';

/** The longest date range one request may ask for. */
export const MAX_RANGE_DAYS = 366;
const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 2000;

interface OccurrencesQuery extends FilterQuery {
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const paging = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
} as const;

function occurrenceJson(o: OccurrenceItem, publicUrl: string) {
  return {
    date: o.localDate,
    startTime: o.startTime,
    endTime: o.endTime,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    status: o.status,
    originalDate: o.originalDate,
    note: o.note,
    activity: {
      id: o.activityId,
      title: o.title,
      category: o.category,
      audience: o.audience,
      gender: o.gender,
      isFree: o.isFree,
      url: publicUrl + activityPath({ id: o.activityId, slug: o.slug }),
    },
    place: o.place,
    organisations: o.hosts,
  };
}

function activityJson(a: ActivityDetail, publicUrl: string, today: string) {
  const { schedule } = a;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    category: a.category,
    audience: a.audience,
    ageGroups: a.ageGroups,
    gender: a.gender,
    isFree: a.isFree,
    cost: a.costText,
    registration: a.registration,
    languages: a.languages,
    contact: { name: a.contactName, phone: a.contactPhone, email: a.contactEmail },
    status: a.status,
    updatedAt: a.updatedAt,
    url: publicUrl + activityPath(a),
    place: a.place,
    organisations: a.hosts,
    schedule: {
      rrule: toRRule(schedule.recurrence),
      startDate: schedule.startDate,
      startTime: schedule.startTime,
      endTime: schedule.endTime,
      validUntil: schedule.validUntil,
      timeZone: 'Europe/Stockholm',
      pauses: schedule.pauses,
      exceptions: schedule.exceptions,
      changes: schedule.changes,
    },
    nextOccurrences: expandSchedule(schedule, today, addDays(today, 90)).slice(0, 20),
  };
}

function organisationJson(o: Organisation, publicUrl: string) {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    kind: o.kind,
    description: o.description,
    website: o.website,
    email: o.email,
    phone: o.phone,
    contactName: o.contactName,
    categories: o.categories,
    districts: o.districts,
    url: `${publicUrl}/organisationer/${o.slug}`,
  };
}

type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** A @fastify/rate-limit store over the rate_limits table: the count is the same on every instance. */
export function databaseRateLimitStore(db: Db, now: () => Date) {
  return class DatabaseRateLimitStore {
    incr(key: string, callback: StoreCallback, timeWindow: number, max: number): void {
      const at = now();
      hitRateLimit(db, `api:${key}`, at, timeWindow / 1000, max).then(
        (r) => callback(null, { current: r.count, ttl: Math.max(0, r.windowStart.getTime() + timeWindow - at.getTime()) }),
        (error: Error) => callback(error),
      );
    }

    child(): DatabaseRateLimitStore {
      return this;
    }
  };
}

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const publicUrl = app.deps.config.publicUrl;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  // Per client address, counted in the database so every instance behind a proxy shares the count;
  // generous for apps, a brake for scrapers gone wrong. A database hiccup lets the request through.
  await app.register(rateLimit, {
    max: app.deps.config.apiRateLimitPerMinute,
    timeWindow: '1 minute',
    store: databaseRateLimitStore(db, app.deps.now),
    skipOnError: true,
  });

  app.get<{ Querystring: OccurrencesQuery }>(
    '/api/v1/activities',
    {
      config: { access: 'public' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', pattern: DATE_PATTERN },
            to: { type: 'string', pattern: DATE_PATTERN },
            ...filterProperties,
            ...paging,
          },
        },
      },
    },
    async (request) => {
      const { today } = pageContext(request);
      const q = request.query;
      const from = q.from ?? today;
      if (!isIsoDate(from)) throw badParameter('from');
      const to = q.to ?? addDays(from, 6);
      if (!isIsoDate(to)) throw badParameter('to');
      if (to < from) throw new HttpError(400, 'errors.rangeReversed', { parameter: 'to' });
      if (daysBetween(from, to) > MAX_RANGE_DAYS) throw new HttpError(400, 'errors.rangeTooLong', { parameter: 'to', max: String(MAX_RANGE_DAYS) });
      const filters = toFilters(q);
      if (filters.district && !(await districtExists(db, filters.district))) throw badParameter('district');
      const limit = q.limit ?? DEFAULT_LIMIT;
      const offset = q.offset ?? 0;
      const [items, total] = await Promise.all([
        listOccurrences(db, { ...filters, from, to, limit, offset }),
        countOccurrences(db, { ...filters, from, to }),
      ]);
      return { from, to, total, limit, offset, occurrences: items.map((o) => occurrenceJson(o, publicUrl)) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/activities/:id',
    { config: { access: 'public', cacheScope: activityCacheScope }, schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 120 } } } } },
    async (request) => {
      const { today } = pageContext(request);
      const id = parseActivityParam(request.params.id);
      const activity = id === null ? undefined : await findActivity(db, id);
      if (!activity) throw notFound();
      return activityJson(activity, publicUrl, today);
    },
  );

  app.get<{ Querystring: { category?: Category; district?: string; limit?: number; offset?: number } }>(
    '/api/v1/organisations',
    {
      config: { access: 'public' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            category: { type: 'string', enum: CATEGORY_CODES },
            district: filterProperties.district,
            ...paging,
          },
        },
      },
    },
    async (request) => {
      const { category, district } = request.query;
      const limit = request.query.limit ?? DEFAULT_LIMIT;
      const offset = request.query.offset ?? 0;
      if (district && !(await districtExists(db, district))) throw badParameter('district');
      const [list, total] = await Promise.all([
        listOrganisations(db, { category, district, limit, offset }),
        countOrganisations(db, { category, district }),
      ]);
      return { total, limit, offset, organisations: list.map((o) => organisationJson(o, publicUrl)) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/organisations/:id',
    { config: { access: 'public' }, schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } } } } },
    async (request) => {
      const param = request.params.id;
      const org = /^\d{1,9}$/.test(param) ? await findOrganisationById(db, Number(param)) : await findOrganisationBySlug(db, param);
      if (!org) throw notFound();
      return organisationJson(org, publicUrl);
    },
  );
}
