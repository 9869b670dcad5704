/** The coordinator's list of every organisation: trusted or not, shown in the directory or not, who edits it. */
import { CsrfField, Notice, Pager } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { withQuery } from '../calendar/index.js';
import type { OrganisationAdminItem } from '../organisations/index.js';
import { AdminNav, Hidden, ListSearch } from './admin.components.js';

export interface OrganisationsAdminProps {
  organisations: OrganisationAdminItem[];
  editors: Record<number, { id: number; name: string; email: string; active: boolean }[]>;
  total: number;
  q: string;
  page: number;
  pageSize: number;
  csrf: string;
  message?: string | undefined;
}

/** A one-button form that sets a flag and brings the coordinator back to the same search and page. */
function FlagForm(props: { action: string; field: string; value: boolean; label: string; name: string; csrf: string; q: string; page: number }) {
  return (
    <form method="post" action={props.action} class="flag-form">
      <CsrfField token={props.csrf} />
      <input type="hidden" name={props.field} value={String(props.value)} />
      {props.q ? <input type="hidden" name="q" value={props.q} /> : null}
      <input type="hidden" name="page" value={String(props.page)} />
      <button type="submit" class="button secondary">
        {props.label} <Hidden>{props.name}</Hidden>
      </button>
    </form>
  );
}

export function OrganisationsAdminPage(props: OrganisationsAdminProps) {
  const { t, href } = usePage();
  const tr = t as unknown as (k: string) => string;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Layout title={t('admin.organisations.title')}>
      <h1>{t('admin.organisations.title')}</h1>
      <AdminNav />
      {props.message ? <Notice>{props.message}</Notice> : null}
      <p class="lead">{t('admin.organisations.lead')}</p>
      <ul class="link-list">
        <li>
          <a href={href('/admin/organisationer/ny')}>{t('joining.create.link')}</a>
        </li>
        <li>
          <a href={href('/admin/nya-foreningar')}>{t('joining.admin.title')}</a>
        </li>
      </ul>
      <ListSearch action={href('/admin/organisationer')} id="org-q" label={t('admin.organisations.search')} q={props.q} count={t('admin.organisations.count', { count: props.total })} />
      <div class="table-wrap">
        <table class="data-table admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.organisations.name')}</th>
              <th scope="col">{t('admin.organisations.status')}</th>
              <th scope="col">{t('admin.organisations.activities')}</th>
              <th scope="col">{t('admin.organisations.editors')}</th>
            </tr>
          </thead>
          <tbody>
            {props.organisations.map((o) => {
              const editors = props.editors[o.id] ?? [];
              const flagPath = (flag: string) => href(`/admin/organisationer/${o.id}/${flag}`);
              return (
                <tr key={o.id}>
                  <td>
                    <strong>{o.name}</strong>
                    <div class="sub">{tr(`taxonomy.kind.${o.kind}`)}</div>
                    <ul class="link-list">
                      {o.published ? (
                        <li>
                          <a href={href(`/organisationer/${o.slug}`)}>
                            {t('admin.organisations.publicPage')} <Hidden>{o.name}</Hidden>
                          </a>
                        </li>
                      ) : null}
                      <li>
                        <a href={href(`/admin/historik/organisation/${o.id}`)}>
                          {t('admin.history.link')} <Hidden>{o.name}</Hidden>
                        </a>
                      </li>
                      <li>
                        <a href={href(`/hantera/${o.slug}`)}>
                          {t('admin.organisations.manage')} <Hidden>{o.name}</Hidden>
                        </a>
                      </li>
                      <li>
                        <a href={href(`/lots/foreningar/${o.slug}`)}>
                          {t('admin.organisations.guideKnowledge')} <Hidden>{o.name}</Hidden>
                        </a>
                      </li>
                    </ul>
                  </td>
                  <td>
                    <p>{o.trusted ? t('admin.organisations.trusted') : t('admin.organisations.notTrusted')}</p>
                    <FlagForm
                      action={flagPath('betrodd')}
                      field="trusted"
                      value={!o.trusted}
                      label={o.trusted ? t('admin.organisations.markNotTrusted') : t('admin.organisations.markTrusted')}
                      name={o.name}
                      csrf={props.csrf}
                      q={props.q}
                      page={props.page}
                    />
                    <p>{o.published ? t('admin.organisations.published') : t('admin.organisations.hidden')}</p>
                    <FlagForm
                      action={flagPath('publicerad')}
                      field="published"
                      value={!o.published}
                      label={o.published ? t('admin.organisations.hide') : t('admin.organisations.publish')}
                      name={o.name}
                      csrf={props.csrf}
                      q={props.q}
                      page={props.page}
                    />
                  </td>
                  <td>
                    <a href={withQuery(href('/admin/aktiviteter'), { organisation: String(o.id) })}>
                      {o.activityCount} <Hidden>{`${t('admin.organisations.activities')}: ${o.name}`}</Hidden>
                    </a>
                  </td>
                  <td>
                    {editors.length === 0 ? (
                      <span class="sub">{t('admin.organisations.noEditors')}</span>
                    ) : (
                      <ul class="link-list">
                        {editors.map((e) => (
                          <li key={e.id}>
                            <bdi>{e.name || e.email}</bdi>
                            {e.name ? (
                              <div class="sub">
                                <bdi>{e.email}</bdi>
                              </div>
                            ) : null}
                            {e.active ? null : <div class="sub">{t('admin.organisations.inactiveEditor')}</div>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={props.page} pages={pages} hrefFor={(n) => withQuery(href('/admin/organisationer'), { q: props.q || undefined, page: String(n) })} />
    </Layout>
  );
}
