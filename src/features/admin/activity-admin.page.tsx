/** The coordinator's list of every activity, whatever its status, with search and filters. */
import { Pager } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { activityPath, withQuery } from '../calendar/index.js';
import { ACTIVITY_STATUSES } from '../taxonomy/index.js';
import { AdminNav, DateTime, Hidden } from './admin.components.js';
import type { AdminActivityItem } from './admin.store.js';

export interface ActivitiesAdminProps {
  activities: AdminActivityItem[];
  organisations: { id: number; name: string }[];
  total: number;
  q: string;
  status: string;
  organisationId: number | undefined;
  page: number;
  pageSize: number;
}

/** Statuses whose activity has a public page. */
const PUBLIC_STATUSES = new Set(['published', 'cancelled']);

export function ActivitiesAdminPage(props: ActivitiesAdminProps) {
  const { t, href } = usePage();
  const tr = t as unknown as (k: string) => string;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const query = { q: props.q || undefined, status: props.status || undefined, organisation: props.organisationId?.toString() };
  return (
    <Layout title={t('admin.activities.title')}>
      <h1>{t('admin.activities.title')}</h1>
      <AdminNav />
      <form method="get" action={href('/admin/aktiviteter')} role="search" class="inline-filters">
        <div class="field">
          <label for="act-q">{t('admin.activities.search')}</label>
          <input id="act-q" name="q" type="search" value={props.q} maxLength={100} />
        </div>
        <div class="field">
          <label for="act-status">{t('admin.activities.status')}</label>
          <select id="act-status" name="status">
            <option value="">{t('admin.activities.allStatuses')}</option>
            {ACTIVITY_STATUSES.map((s) => (
              <option key={s} value={s} selected={props.status === s}>
                {tr(`admin.activities.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="act-org">{t('admin.activities.organisation')}</label>
          <select id="act-org" name="organisation">
            <option value="">{t('admin.activities.allOrganisations')}</option>
            {props.organisations.map((o) => (
              <option key={o.id} value={String(o.id)} selected={props.organisationId === o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('admin.activities.filter')}
        </button>
      </form>
      <p class="result-count" role="status">
        {t('admin.activities.count', { count: props.total })}
      </p>
      <div class="table-wrap">
        <table class="data-table admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.activities.activity')}</th>
              <th scope="col">{t('admin.activities.hosts')}</th>
              <th scope="col">{t('admin.activities.status')}</th>
              <th scope="col">{t('admin.activities.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {props.activities.map((a) => (
              <tr key={a.id}>
                <td>
                  <strong>{a.title}</strong>
                  <ul class="link-list">
                    {PUBLIC_STATUSES.has(a.status) ? (
                      <li>
                        <a href={href(activityPath(a))}>
                          {t('admin.activities.publicPage')} <Hidden>{a.title}</Hidden>
                        </a>
                      </li>
                    ) : null}
                    <li>
                      <a href={href(`/admin/historik/activity/${a.id}`)}>
                        {t('admin.history.link')} <Hidden>{a.title}</Hidden>
                      </a>
                    </li>
                    <li>
                      <a href={href(`/hantera/aktivitet/${a.id}`)}>
                        {t('admin.activities.edit')} <Hidden>{a.title}</Hidden>
                      </a>
                    </li>
                  </ul>
                </td>
                <td>{a.hosts.length === 0 ? <span class="sub">{t('admin.activities.noHosts')}</span> : a.hosts.map((h) => h.name).join(', ')}</td>
                <td>
                  <span class={`status status-${a.status}`}>{tr(`admin.activities.statuses.${a.status}`)}</span>
                </td>
                <td>
                  <DateTime iso={a.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={props.page} pages={pages} hrefFor={(n) => withQuery(href('/admin/aktiviteter'), { ...query, page: String(n) })} />
    </Layout>
  );
}
