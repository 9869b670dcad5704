/** The coordinator's list of current clashes: activities of the same category at the same time. */
import { formatDate } from '../../i18n/index.js';
import { telHref } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { activityPath, FilterForm, type OccurrenceFilters } from '../calendar/index.js';
import type { District } from '../places/index.js';

export interface ClashActivity {
  id: number;
  slug: string;
  title: string;
  place: string | null;
  organiser: { name: string; email: string | null; phone: string | null } | null;
}

export interface ClashRow {
  a: ClashActivity;
  b: ClashActivity;
  overlappingDates: number;
  firstDate: string;
  sameDistrict: boolean;
  distanceMeters: number | null;
}

function Side(props: { activity: ClashActivity }) {
  const { href } = usePage();
  const a = props.activity;
  return (
    <div class="clash-side">
      <a href={href(activityPath(a))}>
        <bdi>{a.title}</bdi>
      </a>
      {a.place ? (
        <div class="sub">
          <bdi>{a.place}</bdi>
        </div>
      ) : null}
      {a.organiser ? (
        <div class="sub">
          <bdi>{a.organiser.name}</bdi>
          {a.organiser.email ? (
            <>
              {' · '}
              <a href={`mailto:${a.organiser.email}`}>
                <bdi>{a.organiser.email}</bdi>
              </a>
            </>
          ) : null}
          {a.organiser.phone ? (
            <>
              {' · '}
              <a href={telHref(a.organiser.phone)}>
                <bdi dir="ltr">{a.organiser.phone}</bdi>
              </a>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function ClashesPage(props: { rows: ClashRow[]; filters: OccurrenceFilters; districts: District[] }) {
  const { t, lang, href } = usePage();
  return (
    <Layout title={t('planning.clashes.title')}>
      <header class="page-head">
        <h1>{t('planning.clashes.title')}</h1>
        <p class="lead">{t('planning.clashes.lead')}</p>
      </header>
      <FilterForm action={href('/planering/krockar')} filters={props.filters} districts={props.districts} open={true} />
      <p class="result-count" role="status">
        {t('planning.clashes.count', { count: props.rows.length })}
      </p>
      <ul class="cards">
        {props.rows.map((r) => (
          <li key={`${r.a.id}-${r.b.id}`} class="card clash">
            <Side activity={r.a} />
            <Side activity={r.b} />
            <p class="clash-facts">
              {t('planning.clashes.dates', { count: r.overlappingDates, date: formatDate(lang, r.firstDate, 'weekdayDayMonth') })}
              {r.sameDistrict ? ` · ${t('planning.clashes.sameDistrict')}` : ''}
              {r.distanceMeters !== null ? ` · ${t('planning.clashes.distance', { km: (r.distanceMeters / 1000).toLocaleString(lang.intl, { maximumFractionDigits: 1 }) })}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
