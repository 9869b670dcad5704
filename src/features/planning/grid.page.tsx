/** The week grid: a heat map of when activities run (SVG), the same figures as a table, and the gaps. */
import { formatDate, formatList, weekdayName } from '../../i18n/index.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { FilterForm, SummaryList, filterParams as filterParamsOf, withQuery, type ActivitySummary, type OccurrenceFilters } from '../calendar/index.js';
import type { District } from '../places/index.js';
import type { GridGaps, WeekGrid } from './grid.js';

/** Hours shown: from the first to the last hour anything runs, at least 08–21. */
export function shownHours(grid: WeekGrid): number[] {
  let first = 8;
  let last = 21;
  grid.forEach((hours) =>
    hours.forEach((n, h) => {
      if (n > 0) {
        first = Math.min(first, h);
        last = Math.max(last, h);
      }
    }),
  );
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export interface GridPageProps {
  grid: WeekGrid;
  gaps: GridGaps;
  filters: OccurrenceFilters;
  from: string;
  to: string;
  weeks: number;
  districts: District[];
  /** Query parameters that reproduce this view (for cell links). */
  params: Record<string, string>;
}

const CELL_W = 44;
const CELL_H = 26;
const LABEL_W = 52;
const HEAD_H = 28;
const SHADES = ['#f3f6f8', '#cfe8ec', '#8ccbd6', '#3f9fb1', '#005f73'];

function shade(n: number, max: number): string {
  if (n === 0 || max === 0) return SHADES[0]!;
  return SHADES[Math.min(4, 1 + Math.floor(((n - 1) / Math.max(1, max)) * 4))]!;
}

/** The heat map. Decorative for assistive technology: the table below carries the same figures and links. */
function HeatMap(props: { grid: WeekGrid; hours: number[]; slotHref: (weekday: number, hour: number) => string }) {
  const { lang } = usePage();
  const rtl = lang.dir === 'rtl';
  const width = LABEL_W + 7 * CELL_W;
  const height = HEAD_H + props.hours.length * CELL_H;
  const max = Math.max(0, ...props.grid.flat());
  const x = (d: number) => (rtl ? width - LABEL_W - (d + 1) * CELL_W : LABEL_W + d * CELL_W);
  return (
    <svg class="heatmap" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {Array.from({ length: 7 }, (_, d) => (
        <text key={`d${d}`} x={x(d) + CELL_W / 2} y={18} text-anchor="middle" class="hm-day">
          {weekdayName(lang, d + 1, 'short')}
        </text>
      ))}
      {props.hours.map((h, row) => (
        <g key={h}>
          <text x={rtl ? width - 6 : 6} y={HEAD_H + row * CELL_H + 17} text-anchor={rtl ? 'end' : 'start'} class="hm-hour">
            {hh(h)}
          </text>
          {props.grid.map((hours, d) => {
            const n = hours[h] ?? 0;
            return (
              <a key={d} href={props.slotHref(d + 1, h)} tabIndex={-1}>
                <rect x={x(d) + 1} y={HEAD_H + row * CELL_H + 1} width={CELL_W - 2} height={CELL_H - 2} rx={3} fill={shade(n, max)} />
                {n > 0 ? (
                  <text x={x(d) + CELL_W / 2} y={HEAD_H + row * CELL_H + 17} text-anchor="middle" class={n * 2 > max ? 'hm-n hm-light' : 'hm-n'}>
                    {n}
                  </text>
                ) : null}
              </a>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

export function GridPage(props: GridPageProps) {
  const page = usePage();
  const { t, lang, href } = page;
  const hours = shownHours(props.grid);
  const subject = props.filters.category ? t(`taxonomy.category.${props.filters.category}`) : t('planning.everything');
  const day = (d: number) => weekdayName(lang, d);
  const districtName = (slug: string) => props.districts.find((d) => d.slug === slug)?.name ?? slug;
  const { emptyWeekdays, emptyEvenings, emptyDistricts } = props.gaps;
  const slotHref = (weekday: number, hour: number) =>
    withQuery(href('/planering/tid'), { ...props.params, weekday: String(weekday), hour: String(hour) });
  return (
    <Layout title={t('planning.title')} description={t('planning.lead')}>
      <header class="page-head">
        <h1>{t('planning.title')}</h1>
        <p class="lead">{t('planning.lead')}</p>
        <p>
          <strong>{subject}</strong> · {formatDate(lang, props.from, 'dayMonth')} – {formatDate(lang, props.to, 'dayMonthYear')}
        </p>
      </header>
      <p class="actions">
        <a class="button secondary" href={withQuery(href('/planering/sommar'), { category: props.filters.category ?? 'sprakcafe' })}>
          {t('planning.summer.link')}
        </a>
        {page.signedIn?.isAdmin ? (
          <a class="button secondary" href={withQuery(href('/planering/krockar'), filterParamsOf(props.filters))}>
            {t('planning.clashes.link')}
          </a>
        ) : null}
      </p>
      <FilterForm action={href('/planering')} filters={props.filters} districts={props.districts} hidden={{ weeks: String(props.weeks) }} open={false} />
      <section aria-labelledby="gaps-heading" class="panel">
        <h2 id="gaps-heading">{t('planning.gapsHeading', { subject })}</h2>
        <ul>
          {emptyWeekdays.length > 0 ? <li>{t('planning.emptyWeekdays', { days: formatList(lang, emptyWeekdays.map(day)) })}</li> : null}
          {emptyEvenings.length > 0 ? <li>{t('planning.emptyEvenings', { days: formatList(lang, emptyEvenings.map(day)) })}</li> : null}
          {emptyDistricts.length > 0 ? <li>{t('planning.emptyDistricts', { districts: formatList(lang, emptyDistricts.map(districtName)) })}</li> : null}
          {emptyWeekdays.length + emptyEvenings.length + emptyDistricts.length === 0 ? <li>{t('planning.noGaps')}</li> : null}
        </ul>
      </section>
      <div class="heatmap-wrap">
        <HeatMap grid={props.grid} hours={hours} slotHref={slotHref} />
      </div>
      <div class="table-wrap">
        <table class="grid-table">
          <caption>{t('planning.tableCaption', { weeks: props.weeks })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.hour')}</th>
              {Array.from({ length: 7 }, (_, d) => (
                <th key={d} scope="col">
                  {weekdayName(lang, d + 1, 'short')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h}>
                <th scope="row">
                  <bdi dir="ltr">{hh(h)}</bdi>
                </th>
                {props.grid.map((row, d) => {
                  const n = row[h] ?? 0;
                  return (
                    <td key={d}>
                      {n > 0 ? (
                        <a
                          href={slotHref(d + 1, h)}
                          aria-label={t('planning.cellLabel', { count: n, day: day(d + 1), hour: hh(h) })}
                        >
                          {n}
                        </a>
                      ) : (
                        <span class="zero">0</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function SlotPage(props: { weekday: number; hour: number; activities: ActivitySummary[]; back: string }) {
  const { t, lang } = usePage();
  const title = t('planning.slotTitle', { day: weekdayName(lang, props.weekday), hour: hh(props.hour) });
  return (
    <Layout title={title}>
      <header class="page-head">
        <p class="crumbs">
          <a href={props.back}>{t('planning.title')}</a>
        </p>
        <h1>{title}</h1>
        <p class="lead">{t('planning.slotLead', { count: props.activities.length })}</p>
      </header>
      <SummaryList activities={props.activities} />
    </Layout>
  );
}
