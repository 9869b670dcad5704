/** All categories as big tiles, and one category's page: its regular times and this week's dates. */
import { weekdayName } from '../../i18n/index.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { isoWeekday } from '../../web/time.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';
import type { ActivitySummary, OccurrenceItem } from './activity.js';
import { categoryIcon, DayGroups, SubscribeLinks, SummaryItem } from './components.js';
import { firstWeekday } from './describe.js';

export function CategoriesPage(props: { counts: Map<string, number> }) {
  const { t, href } = usePage();
  return (
    <Layout title={t('categories.title')} section="categories" description={t('categories.lead')}>
      <header class="page-head">
        <h1>{t('categories.title')}</h1>
        <p class="lead">{t('categories.lead')}</p>
      </header>
      <ul class="tiles">
        {CATEGORY_CODES.map((c) => (
          <li key={c}>
            <a href={href(`/kategori/${c}`)} class={`tile cat-${c}`}>
              <Icon name={categoryIcon(c)} />
              <span class="tile-name">{t(`taxonomy.category.${c}`)}</span>
              <span class="tile-count">{t('categories.activityCount', { count: props.counts.get(c) ?? 0 })}</span>
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface CategoryPageProps {
  category: Category;
  activities: ActivitySummary[];
  thisWeek: OccurrenceItem[];
}

/** Regular activities grouped by weekday: what a teacher shows a class ("all language cafés"). */
function RegularTimes(props: { activities: ActivitySummary[] }) {
  const { lang } = usePage();
  const byDay = new Map<number, ActivitySummary[]>();
  for (const a of props.activities) {
    const day = firstWeekday(a.schedule, isoWeekday);
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  return (
    <div class="regular">
      {[1, 2, 3, 4, 5, 6, 7]
        .filter((d) => byDay.has(d))
        .map((d) => (
          <section key={d} aria-labelledby={`wd-${d}`}>
            <h3 id={`wd-${d}`}>{weekdayName(lang, d)}</h3>
            <ul class="regular-list">
              {byDay.get(d)!.map((a) => (
                <SummaryItem key={a.id} activity={a} />
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

export function CategoryPage(props: CategoryPageProps) {
  const { t, href } = usePage();
  const name = t(`taxonomy.category.${props.category}`);
  return (
    <Layout title={name} section="categories" description={t('categories.description', { category: name, count: props.activities.length })}>
      <header class="page-head">
        <p class="crumbs">
          <a href={href('/kategorier')}>{t('categories.title')}</a>
        </p>
        <h1 class={`with-icon cat-${props.category}`}>
          <Icon name={categoryIcon(props.category)} />
          {name}
        </h1>
        <p class="lead">{t('categories.count', { count: props.activities.length })}</p>
      </header>
      <section aria-labelledby="regular-heading">
        <h2 id="regular-heading">{t('categories.regularTimes')}</h2>
        {props.activities.length === 0 ? <p>{t('categories.none')}</p> : <RegularTimes activities={props.activities} />}
      </section>
      <section aria-labelledby="week-heading">
        <h2 id="week-heading">{t('categories.thisWeek')}</h2>
        {props.thisWeek.length === 0 ? <p>{t('week.nothingThisWeek')}</p> : <DayGroups items={props.thisWeek} />}
        <p>
          <a href={`${href('/')}?category=${props.category}`}>{t('categories.seeInCalendar')}</a>
        </p>
      </section>
      <p class="actions">
        <a class="button secondary" href={href(`/skriv-ut/kategori/${props.category}`)}>
          {t('common.print')}
        </a>
        <a class="button secondary" href={`${href('/planering')}?category=${props.category}`}>
          {t('planning.link')}
        </a>
      </p>
      <SubscribeLinks params={{ category: props.category }} />
    </Layout>
  );
}
