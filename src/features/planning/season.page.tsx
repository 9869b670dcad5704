/** Summer week by week: which activities of a category are open, so language cafés can agree who stays open. */
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { activityPath, type ActivitySummary } from '../calendar/index.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';
import type { SummerWeek } from './season.js';

export interface SummerRow {
  activity: ActivitySummary;
  /** Mondays of the weeks it meets at least once. */
  openWeeks: Set<string>;
}

export function SummerPage(props: { year: number; category: Category; weeks: SummerWeek[]; rows: SummerRow[] }) {
  const { t, href } = usePage();
  const name = t(`taxonomy.category.${props.category}`);
  return (
    <Layout title={t('planning.summer.title', { year: props.year })}>
      <header class="page-head">
        <h1>{t('planning.summer.title', { year: props.year })}</h1>
        <p class="lead">{t('planning.summer.lead')}</p>
      </header>
      <form method="get" action={href('/planering/sommar')} class="inline-filters">
        <div class="field">
          <label for="s-category">{t('filters.category')}</label>
          <select id="s-category" name="category">
            {CATEGORY_CODES.map((c) => (
              <option key={c} value={c} selected={c === props.category}>
                {t(`taxonomy.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="year" value={String(props.year)} />
        <button type="submit" class="button">
          {t('filters.apply')}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p>{t('categories.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="grid-table summer-table">
            <caption>{t('planning.summer.caption', { category: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{name}</th>
                {props.weeks.map((w) => (
                  <th key={w.monday} scope="col">
                    {t('week.weekNumber', { week: w.week })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.activity.id}>
                  <th scope="row" class="activity-cell">
                    <a href={href(activityPath(r.activity))}>
                      <bdi>{r.activity.localTitle?.text ?? r.activity.title}</bdi>
                    </a>
                  </th>
                  {props.weeks.map((w) =>
                    r.openWeeks.has(w.monday) ? (
                      <td key={w.monday} class="open">
                        {t('planning.summer.open')}
                      </td>
                    ) : (
                      <td key={w.monday} class="closed">
                        {t('planning.summer.closed')}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('planning.summer.openCount')}</th>
                {props.weeks.map((w) => (
                  <td key={w.monday}>{props.rows.filter((r) => r.openWeeks.has(w.monday)).length}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Layout>
  );
}
