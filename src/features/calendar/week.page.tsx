/** The start page: this week, day by day, today first. */
import { formatDate, formatDateRange } from '../../i18n/index.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { addDays, isoWeek } from '../../web/time.js';
import type { District } from '../places/index.js';
import type { OccurrenceFilters, OccurrenceItem } from './activity.js';
import { CategoryChips, FilterForm, OccurrenceList, SubscribeLinks, WeekNav } from './components.js';
import { filterParams, hasFilters, withQuery } from './filters.js';

export interface DayGroup {
  date: string;
  items: OccurrenceItem[];
  /** All that match that day; more than items.length when the list was cut. */
  total: number;
}

export interface WeekPageProps {
  monday: string;
  filters: OccurrenceFilters;
  districts: District[];
  /** The single day asked for, if any. */
  day: string | undefined;
  days: DayGroup[];
}

function DaySection(props: { group: DayGroup; filters: OccurrenceFilters }) {
  const { t, lang, today, href } = usePage();
  const g = props.group;
  const isToday = g.date === today;
  const headingId = `day-${g.date}`;
  return (
    <section class={isToday ? 'day is-today' : 'day'} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {isToday ? <span class="today-mark">{t('week.today')}</span> : null}
        <span class="day-name">{formatDate(lang, g.date, 'weekdayDayMonth')}</span>
      </h2>
      {g.items.length === 0 ? (
        <p class="empty-day">{t('week.nothingThisDay')}</p>
      ) : (
        <OccurrenceList items={g.items} />
      )}
      {g.total > g.items.length ? (
        <p class="more">
          <a href={withQuery(href('/'), { ...filterParams(props.filters), day: g.date })}>
            {t('week.showAllOnDay', { count: g.total, day: formatDate(lang, g.date, 'weekday') })}
            <Icon name="arrow-right" class="flip-rtl" />
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function WeekPage(props: WeekPageProps) {
  const { t, lang, today, href } = usePage();
  const sunday = addDays(props.monday, 6);
  const isCurrent = today >= props.monday && today <= sunday;
  const { week } = isoWeek(props.monday);
  const filtered = hasFilters(props.filters) || props.day !== undefined;
  // A filtered view lists only the days that have something; the plain week shows every day.
  const shown = filtered ? props.days.filter((d) => d.total > 0) : props.days;
  // Days of this week already past: a link each to its full list, not their rows (rarely wanted, and
  // on a Sunday they were most of the page). A day asked for on its own is shown, past or not.
  const splitPast = isCurrent && props.day === undefined;
  const upcoming = shown.filter((d) => !splitPast || d.date >= today);
  const earlier = splitPast ? shown.filter((d) => d.date < today) : [];
  const total = props.days.reduce((n, d) => n + d.total, 0);
  const dayOptions = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(props.monday, i);
    return { value: date, label: formatDate(lang, date, 'weekdayDayMonth') };
  });
  return (
    <Layout title={t('week.title', { week })} section="week" description={t('week.description')}>
      <header class="page-head">
        <h1>
          {t('week.heading')} <span class="week-label">{t('week.weekNumber', { week })}</span>
        </h1>
        <p class="lead">{formatDateRange(lang, props.monday, sunday)}</p>
      </header>
      <WeekNav monday={props.monday} basePath="/" filters={props.filters} isCurrent={isCurrent} />
      <CategoryChips basePath="/" filters={props.filters} extra={isCurrent ? {} : { week: `${isoWeek(props.monday).year}-W${String(week).padStart(2, '0')}` }} />
      <FilterForm
        action={href('/')}
        filters={props.filters}
        districts={props.districts}
        days={dayOptions}
        day={props.day}
        open={false}
      />
      {filtered ? (
        <p class="result-count" role="status">
          {t('week.resultCount', { count: total })}{' '}
          <a href={href('/')}>{t('filters.clear')}</a>
        </p>
      ) : null}
      {total === 0 ? (
        <div class="empty">
          <p>{filtered ? t('week.nothingFiltered') : t('week.nothingThisWeek')}</p>
        </div>
      ) : null}
      {upcoming.map((g) => (
        <DaySection key={g.date} group={g} filters={props.filters} />
      ))}
      {earlier.some((g) => g.total > 0) ? (
        <details class="earlier">
          <summary>{t('week.earlierThisWeek')}</summary>
          <ul class="earlier-days">
            {earlier
              .filter((g) => g.total > 0)
              .map((g) => (
                <li key={g.date}>
                  <a href={withQuery(href('/'), { ...filterParams(props.filters), day: g.date })}>
                    {t('week.showAllOnDay', { count: g.total, day: formatDate(lang, g.date, 'weekdayDayMonth') })}
                  </a>
                </li>
              ))}
          </ul>
        </details>
      ) : null}
      <p class="actions">
        <a class="button secondary" href={withQuery(href('/skriv-ut/vecka'), { ...filterParams(props.filters), week: `${isoWeek(props.monday).year}-W${String(week).padStart(2, '0')}` })}>
          {t('common.printWeek')}
        </a>
      </p>
      <SubscribeLinks params={filterParams(props.filters)} />
      <aside class="help-box" aria-labelledby="help-heading">
        <h2 id="help-heading">
          <Icon name="handshake" />
          {t('week.help.heading')}
        </h2>
        <p>{t('week.help.text')}</p>
        <p class="actions">
          <a class="button" href={href('/hitta-forening')}>
            {t('week.help.button')}
          </a>
          <a href={href('/efterfragas')}>{t('week.help.wish')}</a>
        </p>
      </aside>
    </Layout>
  );
}
