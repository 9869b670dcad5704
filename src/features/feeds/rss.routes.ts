/** The Atom feed of newly published activities (/nytt.atom, per language): titles and texts translated where we can. */
import type { FastifyInstance } from 'fastify';
import { pageContext } from '../../web/server.js';
import { activityPath } from '../calendar/index.js';
import { findTranslations, localText } from '../translation/index.js';
import { renderAtom, tagUri, type AtomEntry } from './atom.js';
import { listRecentlyPublishedActivities } from './feed.store.js';

/** How many activities the feed carries. */
export const FEED_SIZE = 50;

export async function rssRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get('/nytt.atom', { config: { access: 'public' } }, async (request, reply) => {
    const page = pageContext(request);
    const { t, lang } = page;
    const host = new URL(page.publicUrl).hostname;
    const url = (path: string) => page.publicUrl + page.href(path);
    const activities = await listRecentlyPublishedActivities(db, FEED_SIZE);
    const translations = await findTranslations(db, 'activity', activities.map((a) => a.id), lang.code);
    const entries: AtomEntry[] = activities.map((a) => {
      const title = localText(a.title, lang.code, translations.get(`${a.id}:title`));
      const summary = localText(a.description, lang.code, translations.get(`${a.id}:description`));
      return {
        id: tagUri(host, `activity-${a.id}/${lang.code}`),
        title: { text: title.text, lang: title.lang },
        url: url(activityPath(a)),
        summary: { text: summary.text, lang: summary.lang },
        published: a.createdAt,
        updated: a.updatedAt,
        authors: a.hosts.map((h) => ({ name: h.name, uri: url(`/organisationer/${h.slug}`) })),
        categories: [{ term: a.category, label: t(`taxonomy.category.${a.category}`) }],
      };
    });
    const updated = entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), entries[0]?.updated ?? app.deps.now().toISOString());
    const xml = renderAtom({
      id: tagUri(host, `nytt/${lang.code}`),
      lang: lang.code,
      title: t('feeds.atom.title'),
      subtitle: t('feeds.atom.subtitle'),
      selfUrl: url('/nytt.atom'),
      siteUrl: url('/'),
      updated,
      author: { name: t('layout.siteName'), uri: url('/') },
      entries,
    });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=900').send(xml);
  });
}
