/** The freshness pages: the confirmation page a reminder links to, and the coordinator's stale list. */
import { formatDate } from '../../i18n/index.js';
import { CsrfField, Notice, Pager } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { AdminNav } from '../admin/index.js';
import { activityPath, confirmedDate, withQuery } from '../calendar/index.js';
import type { DueActivity, StaleActivity } from './freshness.store.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** "12 augusti 2026", or "never" for an activity that was never confirmed. */
function ConfirmedOn(props: { at: string }) {
  const { lang } = usePage();
  const t = useT();
  const date = confirmedDate(props.at);
  return <>{date ? formatDate(lang, date, 'dayMonthYear') : t('freshness.workspace.neverConfirmed')}</>;
}

/** The page of a reminder's link: the activities it listed, "Allt stämmer" (a POST), and where to change each. */
export function ConfirmPage(props: { organisation: string; activities: DueActivity[]; csrf: string }) {
  const page = usePage();
  const t = useT();
  return (
    <Layout title={t('freshness.confirm.title')}>
      <header class="page-head">
        <p class="eyebrow">{props.organisation}</p>
        <h1>{t('freshness.confirm.title')}</h1>
      </header>
      {props.activities.length === 0 ? (
        <p>{t('freshness.confirm.nothing')}</p>
      ) : (
        <>
          <p>{t('freshness.confirm.lead', { organisation: props.organisation })}</p>
          <ul class="plain confirm-list">
            {props.activities.map((a) => (
              <li key={a.id} class="panel">
                <h2 id={`confirm-${a.id}`}>
                  <a href={page.href(activityPath(a))}>{a.title}</a>
                </h2>
                <p class="hint">
                  {t('freshness.admin.lastConfirmed')}: <ConfirmedOn at={a.confirmedAt} />
                </p>
                <p>
                  <a href={page.href(`/hantera/aktivitet/${a.id}`)} aria-describedby={`confirm-${a.id}`}>
                    <Icon name="pencil" />
                    {t('freshness.confirm.edit')}
                  </a>
                </p>
              </li>
            ))}
          </ul>
          <form method="post" action={page.href(page.path)} class="form-actions">
            <CsrfField token={props.csrf} />
            <button type="submit" class="button">
              <Icon name="check" />
              {t('freshness.confirm.button')}
            </button>
          </form>
          <p class="hint">{t('freshness.confirm.editHint')}</p>
        </>
      )}
    </Layout>
  );
}

/** After "Allt stämmer", or a link that was used, expired or never existed. */
export function ConfirmResultPage(props: { result: { kind: 'confirmed'; count: number } | { kind: 'used' | 'expired' | 'unknown' } }) {
  const { href } = usePage();
  const t = useT();
  const r = props.result;
  const [title, text] =
    r.kind === 'confirmed'
      ? [t('freshness.confirm.doneTitle'), t('freshness.confirm.done', { count: r.count })]
      : r.kind === 'used'
        ? [t('freshness.confirm.usedTitle'), t('freshness.confirm.used')]
        : [t('freshness.confirm.expiredTitle'), t('freshness.confirm.expired')];
  return (
    <Layout title={title}>
      <header class="page-head">
        <h1>{title}</h1>
      </header>
      {r.kind === 'confirmed' ? <Notice>{text}</Notice> : <p>{text}</p>}
      <p>
        <a class="button secondary" href={href('/hantera')}>
          {t('freshness.workspace.heading')}
        </a>
      </p>
    </Layout>
  );
}

export interface StaleListProps {
  rows: StaleActivity[];
  total: number;
  page: number;
  pages: number;
  /** Editors of each organisation on the page (active accounts). */
  editors: Map<number, { name: string; email: string }[]>;
  lastReminders: Map<number, string>;
  hiddenBefore: string;
  csrf: string;
  /** What the last "send a reminder now" did, and for whom. */
  done?: { result: string; organisation: string };
}

/** The coordinator's list of activities nobody confirmed for 90 days, oldest first. */
export function StaleListPage(props: StaleListProps) {
  const { href, lang } = usePage();
  const t = useT();
  const firstOfOrg = new Set<number>();
  return (
    <Layout title={t('freshness.admin.title')}>
      <h1>{t('freshness.admin.title')}</h1>
      <AdminNav />
      <p>{t('freshness.admin.lead')}</p>
      {props.done ? (
        <Notice kind={props.done.result === 'sent' ? 'info' : 'warning'}>
          {t(`freshness.admin.${props.done.result === 'sent' ? 'reminded' : props.done.result}`, { organisation: props.done.organisation })}
        </Notice>
      ) : null}
      {props.rows.length === 0 ? (
        <p>{t('freshness.admin.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table admin-table">
            <thead>
              <tr>
                <th scope="col">{t('freshness.admin.activity')}</th>
                <th scope="col">{t('freshness.admin.organisation')}</th>
                <th scope="col">{t('freshness.admin.lastConfirmed')}</th>
                <th scope="col">{t('freshness.admin.contact')}</th>
                <th scope="col">{t('freshness.admin.action')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((a) => {
                const o = a.organisation;
                const first = !firstOfOrg.has(o.id);
                firstOfOrg.add(o.id);
                const editors = props.editors.get(o.id) ?? [];
                const last = props.lastReminders.get(o.id);
                return (
                  <tr key={a.id}>
                    <td>
                      <a href={href(activityPath(a))}>{a.title}</a>
                      {a.confirmedAt < props.hiddenBefore ? (
                        <>
                          {' '}
                          <span class="badge badge-unconfirmed">{t('freshness.admin.hidden')}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <a href={href(`/hantera/${o.slug}`)}>{o.name}</a>
                    </td>
                    <td>
                      <ConfirmedOn at={a.confirmedAt} />
                    </td>
                    <td>
                      {editors.length > 0 ? (
                        <ul class="plain">
                          {editors.map((e) => (
                            <li key={e.email}>
                              {e.name ? <>{e.name}, </> : null}
                              <a href={`mailto:${e.email}`}>{e.email}</a>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <>
                          <span class="sub">{t('freshness.admin.noEditors')}</span>
                          {o.email ? (
                            <>
                              {' · '}
                              {t('freshness.admin.orgEmail')}: <a href={`mailto:${o.email}`}>{o.email}</a>
                            </>
                          ) : null}
                        </>
                      )}
                    </td>
                    <td>
                      {last ? (
                        <p class="hint">{t('freshness.admin.lastReminder', { date: formatDate(lang, confirmedDate(last)!, 'dayMonthYear') })}</p>
                      ) : null}
                      {first ? (
                        <form method="post" action={href(`/admin/inaktuella/${o.id}/paminn`)}>
                          <CsrfField token={props.csrf} />
                          <button type="submit" class="button secondary">
                            <Icon name="mail" />
                            {t('freshness.admin.remind')}
                            <span class="visually-hidden">: {o.name}</span>
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={props.page} pages={props.pages} hrefFor={(n) => withQuery(href('/admin/inaktuella'), { sida: String(n) })} />
    </Layout>
  );
}
