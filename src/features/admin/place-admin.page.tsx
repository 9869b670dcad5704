/** The coordinator's places: list with search, the place form (new and edit), and merging two places into one. */
import { CsrfField, Notice, Pager } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { withQuery } from '../calendar/index.js';
import { PlaceFields, type District, type PlaceForm, type PlaceListItem, type StoredPlace } from '../places/index.js';
import { AdminNav, Hidden, ListSearch } from './admin.components.js';

export interface PlacesAdminProps {
  places: PlaceListItem[];
  total: number;
  q: string;
  page: number;
  pageSize: number;
  message?: string | undefined;
}

export function PlacesAdminPage(props: PlacesAdminProps) {
  const { t, href } = usePage();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Layout title={t('admin.places.title')}>
      <h1>{t('admin.places.title')}</h1>
      <AdminNav />
      {props.message ? <Notice>{props.message}</Notice> : null}
      <p>
        <a class="button" href={href('/admin/platser/ny')}>
          {t('admin.places.new')}
        </a>
      </p>
      <ListSearch action={href('/admin/platser')} id="place-q" label={t('admin.places.search')} q={props.q} count={t('admin.places.count', { count: props.total })} />
      <div class="table-wrap">
        <table class="data-table admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.places.place')}</th>
              <th scope="col">{t('admin.places.district')}</th>
              <th scope="col">{t('admin.places.activities')}</th>
            </tr>
          </thead>
          <tbody>
            {props.places.map((p) => (
              <tr key={p.id}>
                <td>
                  <strong>{p.name}</strong>
                  <div class="sub">{p.postalCode ? `${p.address}, ${p.postalCode} ${p.city}` : `${p.address}, ${p.city}`}</div>
                  <ul class="link-list">
                    <li>
                      <a href={href(`/admin/platser/${p.id}`)}>
                        {t('admin.places.edit')} <Hidden>{p.name}</Hidden>
                      </a>
                    </li>
                    <li>
                      <a href={href(`/admin/platser/${p.id}/sla-ihop`)}>
                        {t('admin.places.merge')} <Hidden>{p.name}</Hidden>
                      </a>
                    </li>
                    <li>
                      <a href={href(`/admin/historik/place/${p.id}`)}>
                        {t('admin.history.link')} <Hidden>{p.name}</Hidden>
                      </a>
                    </li>
                  </ul>
                </td>
                <td>{p.district ? p.district.name : <span class="sub">{t('admin.places.noDistrict')}</span>}</td>
                <td>{p.activityCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={props.page} pages={pages} hrefFor={(n) => withQuery(href('/admin/platser'), { q: props.q || undefined, page: String(n) })} />
    </Layout>
  );
}

export interface PlaceEditProps {
  /** Null for a new place. */
  place: StoredPlace | null;
  form: PlaceForm;
  errors: Record<string, string>;
  districts: District[];
  csrf: string;
  message?: string | undefined;
}

export function PlaceEditPage(props: PlaceEditProps) {
  const { t, href } = usePage();
  const title = props.place ? t('admin.places.editTitle', { name: props.place.name }) : t('admin.places.new');
  const action = props.place ? href(`/admin/platser/${props.place.id}`) : href('/admin/platser/ny');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <AdminNav />
      {props.message ? <Notice>{props.message}</Notice> : null}
      <form method="post" action={action} class="panel place-form" novalidate>
        <CsrfField token={props.csrf} />
        <PlaceFields form={props.form} errors={props.errors} districts={props.districts} />
        <button type="submit" class="button">
          {t('admin.places.save')}
        </button>
      </form>
      <ul class="link-list">
        {props.place ? (
          <>
            <li>
              <a href={href(`/admin/platser/${props.place.id}/sla-ihop`)}>{t('admin.places.merge')}</a>
            </li>
            <li>
              <a href={href(`/admin/historik/place/${props.place.id}`)}>{t('admin.history.link')}</a>
            </li>
          </>
        ) : null}
        <li>
          <a href={href('/admin/platser')}>{t('admin.places.backToList')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export interface PlaceMergeProps {
  place: StoredPlace;
  activityCount: number;
  /** Every other place. */
  others: { id: number; name: string; address: string }[];
  intoId: string;
  error?: string | undefined;
  csrf: string;
}

export function PlaceMergePage(props: PlaceMergeProps) {
  const { t, href } = usePage();
  const tr = t as unknown as (k: string) => string;
  const title = t('admin.places.mergeTitle', { name: props.place.name });
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <AdminNav />
      <p>{t('admin.places.mergeLead', { name: props.place.name })}</p>
      <p>
        <strong>{t('admin.places.mergeCount', { count: props.activityCount })}</strong>
      </p>
      {props.others.length === 0 ? (
        <p>{t('admin.places.noOtherPlace')}</p>
      ) : (
        <form method="post" action={href(`/admin/platser/${props.place.id}/sla-ihop`)} class="panel" novalidate>
          <CsrfField token={props.csrf} />
          <div class={props.error ? 'field has-error' : 'field'}>
            <label for="merge-into">{t('admin.places.mergeInto')}</label>
            <select
              id="merge-into"
              name="intoId"
              required
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? 'merge-into-error' : undefined}
            >
              <option value="">{t('admin.places.choosePlace')}</option>
              {props.others.map((o) => (
                <option key={o.id} value={String(o.id)} selected={props.intoId === String(o.id)}>
                  {`${o.name} (${o.address})`}
                </option>
              ))}
            </select>
            {props.error ? (
              <p class="field-error" id="merge-into-error">
                {tr(props.error)}
              </p>
            ) : null}
          </div>
          <button type="submit" class="button">
            {t('admin.places.mergeSubmit')}
          </button>
        </form>
      )}
      <ul class="link-list">
        <li>
          <a href={href(`/admin/platser/${props.place.id}`)}>
            {t('admin.places.edit')} <Hidden>{props.place.name}</Hidden>
          </a>
        </li>
        <li>
          <a href={href('/admin/platser')}>{t('admin.places.backToList')}</a>
        </li>
      </ul>
    </Layout>
  );
}
