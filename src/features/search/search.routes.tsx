/** Search over activities (titles, descriptions, organisers, places) and organisations, blind to case and diacritics. */
import type { FastifyInstance } from 'fastify';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { searchTerms } from '../../web/text.js';
import { SummaryList, freshnessCutoffs, listActivitySummaries, localiseTitles, type ActivitySummary } from '../calendar/index.js';
import { listOrganisations, type Organisation } from '../organisations/index.js';

const MAX_ACTIVITIES = 50;
const MAX_ORGANISATIONS = 30;

function SearchPage(props: { q: string; activities: ActivitySummary[]; organisations: Organisation[]; searched: boolean }) {
  const { t, href } = usePage();
  return (
    <Layout title={props.q ? t('search.titleWithQuery', { q: props.q }) : t('search.title')} section="search" description={t('search.description')}>
      <header class="page-head">
        <h1>{t('search.title')}</h1>
      </header>
      <form method="get" action={href('/sok')} role="search" class="search-form">
        <label for="q">{t('search.label')}</label>
        <div class="search-row">
          <input id="q" name="q" type="search" value={props.q} maxLength={200} autocomplete="off" />
          <button type="submit" class="button">
            <Icon name="search" />
            {t('search.submit')}
          </button>
        </div>
        <p class="hint">{t('search.hint')}</p>
      </form>
      {props.searched ? (
        <>
          <p class="result-count" role="status">
            {t('search.resultCount', { count: props.activities.length + props.organisations.length, q: props.q })}
          </p>
          {props.activities.length > 0 ? (
            <section aria-labelledby="sa-heading">
              <h2 id="sa-heading">{t('search.activities')}</h2>
              <SummaryList activities={props.activities} />
            </section>
          ) : null}
          {props.organisations.length > 0 ? (
            <section aria-labelledby="so-heading">
              <h2 id="so-heading">{t('search.organisations')}</h2>
              <ul class="plain link-list">
                {props.organisations.map((o) => (
                  <li key={o.id}>
                    <a href={href(`/organisationer/${o.slug}`)}>{o.name}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {props.activities.length + props.organisations.length === 0 ? <p>{t('search.nothingFound')}</p> : null}
        </>
      ) : null}
    </Layout>
  );
}

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  app.get<{ Querystring: { q?: string } }>(
    '/sok',
    {
      config: { access: 'public' },
      schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 } } } },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const q = (request.query.q ?? '').trim();
      const terms = searchTerms(q);
      const searched = terms.length > 0;
      const [found, organisations] = searched
        ? await Promise.all([
            listActivitySummaries(db, { from: page.today, terms, readerLanguage: page.lang.code, limit: MAX_ACTIVITIES, staleBefore: freshnessCutoffs(app.deps.now()).staleBefore }),
            listOrganisations(db, { terms, limit: MAX_ORGANISATIONS }),
          ])
        : [[], []];
      const activities = await localiseTitles(db, found, page.lang.code, (a) => a.id);
      return sendPage(reply, page, <SearchPage q={q} activities={activities} organisations={organisations} searched={searched} />);
    },
  );
}
