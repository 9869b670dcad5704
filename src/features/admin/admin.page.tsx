/** The coordinator's screens: users (invite, deactivate) and the mail outbox. */
import { CsrfField, Field, Notice, Pager } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { withQuery } from '../calendar/index.js';
import { rolesOf, type User } from '../accounts/index.js';
import type { OutboxEntry } from '../mail/index.js';
import { AdminNav, Hidden, ListSearch } from './admin.components.js';

type Errors = Record<string, string>;

export interface InviteForm {
  email: string;
  name: string;
  organisationId: string;
  admin: boolean;
  guide: boolean;
  translator: boolean;
}

export interface UsersPageProps {
  users: User[];
  total: number;
  q: string;
  page: number;
  pageSize: number;
  organisations: { id: number; name: string }[];
  csrf: string;
  form: InviteForm;
  errors: Errors;
  message?: string;
}

export function UsersPage(props: UsersPageProps) {
  const { t, href } = usePage();
  const tr = t as unknown as (k: string) => string;
  const orgName = (id: number) => props.organisations.find((o) => o.id === id)?.name ?? String(id);
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Layout title={t('admin.users.title')}>
      <h1>{t('admin.users.title')}</h1>
      <AdminNav />
      {props.message ? (
        <Notice>
          {props.message}
        </Notice>
      ) : null}
      <section class="panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('admin.users.inviteHeading')}</h2>
        <form method="post" action={href('/admin/anvandare/bjud-in')} novalidate>
          <CsrfField token={props.csrf} />
          <Field name="email" label={t('accounts.fields.email')} type="email" value={props.form.email} error={props.errors.email} />
          <Field name="name" label={t('admin.users.name')} value={props.form.name} maxLength={200} />
          <div class={props.errors.roles ? 'field has-error' : 'field'}>
            <label for="inv-org">{t('admin.users.editorOf')}</label>
            <select id="inv-org" name="organisationId" aria-describedby={props.errors.roles ? 'inv-roles-error' : undefined}>
              <option value="">{t('admin.users.noOrganisation')}</option>
              {props.organisations.map((o) => (
                <option key={o.id} value={String(o.id)} selected={props.form.organisationId === String(o.id)}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="checks">
            <legend>{t('admin.users.otherRoles')}</legend>
            <label>
              <input type="checkbox" name="admin" value="true" checked={props.form.admin} /> {t('accounts.roles.admin')}
            </label>
            <label>
              <input type="checkbox" name="guide" value="true" checked={props.form.guide} /> {t('accounts.roles.guide')}
            </label>
            <label>
              <input type="checkbox" name="translator" value="true" checked={props.form.translator} /> {t('accounts.roles.translator')}
            </label>
          </fieldset>
          {props.errors.roles ? (
            <p class="field-error" id="inv-roles-error">
              {tr(props.errors.roles)}
            </p>
          ) : null}
          <button type="submit" class="button">
            {t('admin.users.invite')}
          </button>
        </form>
      </section>
      <ListSearch action={href('/admin/anvandare')} id="user-q" label={t('admin.users.search')} q={props.q} count={t('admin.users.count', { count: props.total })} />
      <div class="table-wrap">
        <table class="data-table admin-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.fields.email')}</th>
              <th scope="col">{t('admin.users.roles')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr key={u.id}>
                <td>
                  <bdi>{u.email}</bdi>
                  {u.name ? <div class="sub">{u.name}</div> : null}
                </td>
                <td>
                  {rolesOf(u)
                    .map((r) => tr(`accounts.roles.${r}`))
                    .join(', ')}
                  {u.organisationIds.length > 0 ? <div class="sub">{u.organisationIds.map(orgName).join(', ')}</div> : null}
                </td>
                <td>{u.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
                <td>
                  <p>
                    <a href={href(`/admin/historik/user/${u.id}`)}>
                      {t('admin.history.link')} <Hidden>{u.email}</Hidden>
                    </a>
                  </p>
                  <form method="post" action={href(`/admin/anvandare/${u.id}/${u.active ? 'inaktivera' : 'aktivera'}`)}>
                    <CsrfField token={props.csrf} />
                    <button type="submit" class="button secondary">
                      {u.active ? t('admin.users.deactivate') : t('admin.users.activate')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={props.page} pages={pages} hrefFor={(n) => withQuery(href('/admin/anvandare'), { q: props.q || undefined, page: String(n) })} />
    </Layout>
  );
}

export function OutboxPage(props: { entries: OutboxEntry[]; total: number; page: number; pageSize: number }) {
  const { t, href, lang } = usePage();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const time = (iso: string) => new Date(iso).toLocaleString(lang.intl, { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short', calendar: 'gregory', numberingSystem: 'latn' } as Intl.DateTimeFormatOptions);
  return (
    <Layout title={t('admin.outbox.title')}>
      <h1>{t('admin.outbox.title')}</h1>
      <AdminNav />
      <p class="lead">{t('admin.outbox.lead')}</p>
      <p class="result-count">{t('admin.outbox.count', { count: props.total })}</p>
      <ul class="cards">
        {props.entries.map((e) => (
          <li key={e.id} class="card">
            <h2>{e.subject}</h2>
            <p class="sub">
              <bdi>{e.to}</bdi> · <bdi dir="ltr">{time(e.createdAt)}</bdi> · {e.transport === 'queued' || e.transport === 'sending' ? t('admin.outbox.queued') : e.error ? t('admin.outbox.failed') : e.sentAt ? t('admin.outbox.sent') : t('admin.outbox.stored')}
            </p>
            {e.error ? <p class="field-error">{e.error}</p> : null}
            <details>
              <summary>{t('admin.outbox.show')}</summary>
              <pre class="mail-text">{e.text}</pre>
            </details>
          </li>
        ))}
      </ul>
      <Pager page={props.page} pages={pages} hrefFor={(n) => withQuery(href('/admin/utkorg'), { page: String(n) })} />
    </Layout>
  );
}
