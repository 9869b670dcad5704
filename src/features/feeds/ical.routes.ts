/**
 * Subscribable iCalendar feeds: everything, or any filtered view (the start page's parameters, plus
 * an organisation), in the page's language or `?lang=`. Recurring activities keep their RRULE.
 */
import type { FastifyInstance } from 'fastify';
import { findLanguage, translator } from '../../i18n/index.js';
import { badParameter, notFound } from '../../web/errors.js';
import { makePageContext } from '../../web/page.js';
import { pageContext } from '../../web/server.js';
import { addDays } from '../../web/time.js';
import {
  filterProperties,
  findActivities,
  icsActivity,
  listMatchingActivityIds,
  localiseActivities,
  sendCalendar,
  toFilters,
  type FilterQuery,
} from '../calendar/index.js';
import { findOrganisationBySlug } from '../organisations/index.js';
import { districtExists } from '../places/index.js';

interface FeedQuery extends FilterQuery {
  organisation?: string;
  lang?: string;
}

/** A feed holds every activity with a date from a month back to a year ahead. */
const PAST_DAYS = 30;
const FUTURE_DAYS = 365;

export async function icalFeedRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  app.get<{ Querystring: FeedQuery }>(
    '/kalender.ics',
    {
      config: { access: 'public' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            ...filterProperties,
            organisation: { type: 'string', pattern: '^[a-z0-9-]{1,100}$' },
            lang: { type: 'string', pattern: '^[a-z]{2,3}$' },
          },
        },
      },
    },
    async (request, reply) => {
      let page = pageContext(request);
      const q = request.query;
      if (q.lang !== undefined) {
        const lang = findLanguage(q.lang);
        if (!lang) throw badParameter('lang');
        page = makePageContext({ ...page, lang, t: translator(lang.code) });
      }
      const filters = toFilters(q);
      if (filters.district && !(await districtExists(db, filters.district))) throw badParameter('district');
      let name = page.t('layout.siteName');
      if (q.organisation !== undefined) {
        const org = await findOrganisationBySlug(db, q.organisation);
        if (!org) throw notFound();
        filters.organisationId = org.id;
        name = `${org.name} – ${name}`;
      } else if (filters.category) {
        name = `${page.t(`taxonomy.category.${filters.category}`)} – ${name}`;
      }
      const ids = await listMatchingActivityIds(db, { ...filters, from: addDays(page.today, -PAST_DAYS), to: addDays(page.today, FUTURE_DAYS) });
      const activities = [...(await findActivities(db, ids)).values()];
      const texts = await localiseActivities(db, activities, page.lang.code);
      const list = activities.map((a) => icsActivity(page, a, texts.get(a.id)!));
      return sendCalendar(reply, page, list, { name, filename: 'tillsammans.ics', download: false, now: app.deps.now() });
    },
  );
}
