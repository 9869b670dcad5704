/** /sitemap.xml and /robots.txt, once for the whole site (they list every language's pages themselves). */
import type { FastifyInstance } from 'fastify';
import { LANGUAGES } from '../../i18n/index.js';
import { activityPath } from '../calendar/index.js';
import { CATEGORY_CODES } from '../taxonomy/index.js';
import { listPublishedActivityPaths, listPublishedOrganisationPaths } from './feed.store.js';
import { renderRobots, renderSitemap, type SitemapPage } from './sitemap.js';

/** The pages that are not one activity or organisation. */
const MAIN_PAGES = ['/', '/kategorier', ...CATEGORY_CODES.map((c) => `/kategori/${c}`), '/organisationer', '/om', '/integritet', '/tillganglighet'];

export async function sitemapRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;

  app.get('/sitemap.xml', { config: { access: 'public' } }, async (_request, reply) => {
    const [activities, organisations] = await Promise.all([listPublishedActivityPaths(db), listPublishedOrganisationPaths(db)]);
    const pages: SitemapPage[] = [
      ...MAIN_PAGES.map((path) => ({ path })),
      ...organisations.map((o) => ({ path: `/organisationer/${o.slug}`, lastmod: o.updatedAt })),
      ...activities.map((a) => ({ path: activityPath(a), lastmod: a.updatedAt })),
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(renderSitemap(config.publicUrl, LANGUAGES, pages));
  });

  app.get('/robots.txt', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(renderRobots(config.publicUrl, LANGUAGES)),
  );
}
