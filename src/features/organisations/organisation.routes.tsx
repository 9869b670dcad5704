/** Public organisation directory and profile pages. */
import type { FastifyInstance } from 'fastify';
import { recordView } from '../stats/index.js';
import { badParameter, notFound } from '../../web/errors.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { freshnessCutoffs, listActivitySummaries, localiseTitles } from '../calendar/index.js';
import { findTranslations, localText } from '../translation/index.js';
import { listDistricts } from '../places/index.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';
import { DirectoryPage, OrganisationPage, PAGE_SIZE } from './organisation.page.js';
import { countOrganisations, findOrganisationBySlug, listOrganisations } from './organisation.queries.js';

interface DirectoryQuery {
  category?: Category;
  district?: string;
  page?: number;
}

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get<{ Querystring: DirectoryQuery }>(
    '/organisationer',
    {
      config: { access: 'public' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            category: { type: 'string', enum: CATEGORY_CODES },
            district: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' },
            page: { type: 'integer', minimum: 1, maximum: 10000 },
          },
        },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const { category, district } = request.query;
      const pageNo = request.query.page ?? 1;
      const districts = await listDistricts(db);
      if (district && !districts.some((d) => d.slug === district)) throw badParameter('district');
      const filter = { category, district };
      const [organisations, total] = await Promise.all([
        listOrganisations(db, { ...filter, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
        countOrganisations(db, filter),
      ]);
      return sendPage(
        reply,
        page,
        <DirectoryPage
          organisations={organisations}
          total={total}
          page={pageNo}
          category={category}
          district={district}
          districts={districts}
        />,
      );
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/organisationer/:slug',
    { config: { access: 'public' }, schema: { params: { type: 'object', properties: { slug: { type: 'string', maxLength: 100 } } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const org = await findOrganisationBySlug(db, request.params.slug);
      if (!org) throw notFound();
      await recordView(db, 'organisation', org.id);
      const [summaries, translations] = await Promise.all([
        // Its own page keeps activities unconfirmed for long, saying so.
        listActivitySummaries(db, { organisationId: org.id, from: page.today, staleBefore: freshnessCutoffs(app.deps.now()).staleBefore }),
        findTranslations(db, 'organisation', [org.id], page.lang.code),
      ]);
      const activities = await localiseTitles(db, summaries, page.lang.code, (a) => a.id);
      const description = localText(org.description, page.lang.code, translations.get(`${org.id}:description`));
      return sendPage(reply, page, <OrganisationPage org={org} description={description} activities={activities} />);
    },
  );
}
