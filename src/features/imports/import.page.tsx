/** Calendar import pages: an organisation's connected calendars with the form to connect one, and the coordinator's list of all. */
import { BackLink, CsrfField, DateTime, ErrorSummary, Field, Notice, SelectField } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { AdminNav } from '../admin/index.js';
import type { Organisation } from '../organisations/index.js';
import { CATEGORY_CODES } from '../taxonomy/index.js';
import { MAX_FEEDS, URL_MAX, type FeedForm } from './feed-form.js';
import type { FeedListItem } from './import.store.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** How a feed's address is shown: host and file, not the path between (Google's private addresses keep a secret there). */
export function shortUrl(url: string): string {
  if (!URL.canParse(url)) return url;
  const u = new URL(url);
  const segments = u.pathname.split('/').filter(Boolean);
  if (segments.length === 0) return u.host;
  return segments.length === 1 ? `${u.host}/${segments[0]}` : `${u.host}/…/${segments.at(-1)}`;
}



function StatusBadge(props: { feed: FeedListItem }) {
  const t = useT();
  const f = props.feed;
  if (!f.active) return <span class="badge">{t('imports.feed.disconnected')}</span>;
  if (f.consecutiveFailures > 0) return <span class="badge badge-cancelled">{t('imports.feed.failing')}</span>;
  if (!f.lastSuccessAt) return <span class="badge">{t('imports.feed.waiting')}</span>;
  return <span class="badge badge-ok">{t('imports.feed.ok')}</span>;
}

/** One connected calendar: how it is doing, what the last sync did, and its two buttons. */
function FeedPanel(props: { feed: FeedListItem; base: string; csrf: string }) {
  const t = useT();
  const { href } = usePage();
  const f = props.feed;
  const name = shortUrl(f.url);
  const report = f.lastReport;
  return (
    <li class="panel">
      <h3 id={`feed-${f.id}`}>
        <bdi dir="ltr">{name}</bdi>
      </h3>
      <dl class="facts-inline">
        <dt>{t('imports.feed.status')}</dt>
        <dd>
          <StatusBadge feed={f} />
          {f.consecutiveFailures > 0 ? <> {t('imports.feed.failures', { count: f.consecutiveFailures })}</> : null}
        </dd>
        {f.lastError ? (
          <>
            <dt>{t('imports.feed.error')}</dt>
            <dd>{t(f.lastError.code, f.lastError.params)}</dd>
          </>
        ) : null}
        <dt>{t('imports.feed.lastSync')}</dt>
        <dd>{f.lastSyncAt ? <DateTime iso={f.lastSyncAt} /> : t('imports.feed.never')}</dd>
        <dt>{t('imports.feed.category')}</dt>
        <dd>{t(`taxonomy.category.${f.category}`)}</dd>
      </dl>
      <p>{t('imports.feed.imported', { count: f.importedCount })}</p>
      {report ? (
        <details>
          <summary>{t('imports.feed.report')}</summary>
          <p>{t('imports.feed.summary', { created: report.created, updated: report.updated, cancelled: report.cancelled, unchanged: report.unchanged })}</p>
          {report.past > 0 ? <p>{t('imports.feed.past', { count: report.past })}</p> : null}
          {report.lines.length > 0 ? (
            <ul>
              {report.lines.map((l, i) => (
                <li key={i} class="user-text">
                  {t(l.code, l.params)}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
      <div class="actions">
        <form method="post" action={href(`${props.base}/${f.id}/hamta`)}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="button secondary" aria-describedby={`feed-${f.id}`}>
            {t('imports.feed.syncNow')}
          </button>
        </form>
        <form method="post" action={href(`${props.base}/${f.id}/koppla-bort`)}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="button secondary" aria-describedby={`feed-${f.id} feed-${f.id}-hint`}>
            {t('imports.feed.disconnect')}
          </button>
        </form>
      </div>
      <p class="hint" id={`feed-${f.id}-hint`}>
        {t('imports.feed.disconnectHint')}
      </p>
    </li>
  );
}

export interface CalendarImportProps {
  organisation: Organisation;
  feeds: FeedListItem[];
  form: FeedForm;
  errors: Record<string, string>;
  csrf: string;
  /** Trusted: what the calendar brings is published at once. */
  direct: boolean;
  saved?: string | undefined;
}

const FAILED_OUTCOMES = new Set(['failed', 'busy']);

export function CalendarImportPage(props: CalendarImportProps) {
  const t = useT();
  const { href } = usePage();
  const o = props.organisation;
  const base = `/hantera/${o.slug}/kalender`;
  const full = props.feeds.length >= MAX_FEEDS;
  return (
    <Layout title={t('imports.page.title')}>
      <BackLink href={href(`/hantera/${o.slug}`)}>{t('imports.page.back', { organisation: o.name })}</BackLink>
      <header class="page-head">
        <p class="eyebrow">{o.name}</p>
        <h1>{t('imports.page.title')}</h1>
      </header>
      {props.saved ? <Notice kind={FAILED_OUTCOMES.has(props.saved) ? 'error' : 'info'}>{t(`imports.saved.${props.saved}`)}</Notice> : null}
      <p class="lead">{t('imports.page.lead')}</p>
      <p>{t(props.direct ? 'imports.page.trusted' : 'imports.page.reviewed')}</p>
      <p>{t('imports.page.changes')}</p>

      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('imports.page.feedsHeading')}</h2>
        {props.feeds.length === 0 ? (
          <p>{t('imports.page.noFeeds')}</p>
        ) : (
          <ul class="plain">
            {props.feeds.map((f) => (
              <FeedPanel key={f.id} feed={f} base={base} csrf={props.csrf} />
            ))}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="connect-heading">
        <h2 id="connect-heading">{t('imports.page.connectHeading')}</h2>
        {full ? (
          <p>{t('imports.errors.tooManyFeeds', { count: MAX_FEEDS })}</p>
        ) : (
          <>
            <ErrorSummary errors={props.errors} labels={{ url: t('imports.page.url'), category: t('imports.page.category') }} />
            {/* The server's messages, in the reader's language, beside each field: not the browser's. */}
            <form method="post" action={href(base)} novalidate>
              <CsrfField token={props.csrf} />
              <Field name="url" type="url" label={t('imports.page.url')} hint={t('imports.page.urlHint')} value={props.form.url} error={props.errors.url} autocomplete="off" maxLength={URL_MAX} required />
              <SelectField
                name="category"
                label={t('imports.page.category')}
                hint={t('imports.page.categoryHint')}
                value={props.form.category}
                error={props.errors.category}
                options={[{ value: '', label: t('workspace.choose') }, ...CATEGORY_CODES.map((c) => ({ value: c, label: t(`taxonomy.category.${c}`) }))]}
                required
              />
              <button type="submit" class="button">
                {t('imports.page.connect')}
              </button>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
}

/** The coordinator's list of every connected calendar, failing ones first. */
export function CalendarFeedsAdminPage(props: { feeds: FeedListItem[] }) {
  const t = useT();
  const { href } = usePage();
  return (
    <Layout title={t('imports.admin.title')}>
      <h1>{t('imports.admin.title')}</h1>
      <AdminNav />
      <p class="lead">{t('imports.admin.lead')}</p>
      {props.feeds.length === 0 ? (
        <p>{t('imports.admin.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table admin-table">
            <caption>{t('imports.admin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.admin.organisation')}</th>
                <th scope="col">{t('imports.admin.feed')}</th>
                <th scope="col">{t('imports.feed.status')}</th>
                <th scope="col">{t('imports.feed.lastSync')}</th>
                <th scope="col">{t('imports.admin.lastSuccess')}</th>
              </tr>
            </thead>
            <tbody>
              {props.feeds.map((f) => (
                <tr key={f.id}>
                  <td>
                    <a href={href(`/hantera/${f.organisationSlug}/kalender`)}>
                      <bdi>{f.organisationName}</bdi>
                    </a>
                  </td>
                  <td>
                    <bdi dir="ltr">{shortUrl(f.url)}</bdi>
                    <div class="sub">{t('imports.feed.imported', { count: f.importedCount })}</div>
                  </td>
                  <td>
                    <StatusBadge feed={f} />
                    {f.consecutiveFailures > 0 ? <div class="sub">{t('imports.feed.failures', { count: f.consecutiveFailures })}</div> : null}
                    {f.lastError ? <div>{t(f.lastError.code, f.lastError.params)}</div> : null}
                  </td>
                  <td>{f.lastSyncAt ? <DateTime iso={f.lastSyncAt} /> : t('imports.feed.never')}</td>
                  <td>{f.lastSuccessAt ? <DateTime iso={f.lastSuccessAt} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
