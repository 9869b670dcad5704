/** Summer week by week: which activities of a category are open, so language cafés can agree who stays open. */
import { CsrfField } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { activityPath, type ActivitySummary } from '../calendar/index.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';
import type { SummerWeek } from './season.js';

export interface SummerRow {
  activity: ActivitySummary;
  /** Mondays of the weeks it meets at least once. */
  openWeeks: Set<string>;
  /** The viewer runs it: each week is a button that opens or closes it. */
  editable?: boolean;
}

/** One week of one activity: a label, or for its organisation a button that turns it the other way. */
function WeekCell(props: { row: SummerRow; week: SummerWeek; year: number; category: Category; csrf: string | undefined }) {
  const { t, href } = usePage();
  const open = props.row.openWeeks.has(props.week.monday);
  const label = t(open ? 'planning.summer.open' : 'planning.summer.closed');
  if (!props.row.editable || !props.csrf) return <td class={open ? 'open' : 'closed'}>{label}</td>;
  const title = props.row.activity.localTitle?.text ?? props.row.activity.title;
  return (
    <td class={open ? 'open' : 'closed'}>
      <form method="post" action={href('/planering/sommar/vecka')}>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="activityId" value={String(props.row.activity.id)} />
        <input type="hidden" name="monday" value={props.week.monday} />
        <input type="hidden" name="open" value={open ? 'false' : 'true'} />
        <input type="hidden" name="category" value={props.category} />
        <input type="hidden" name="year" value={String(props.year)} />
        <button type="submit" class="week-toggle" aria-pressed={open ? 'true' : 'false'}>
          {label}
          <span class="visually-hidden">
            {' – '}
            {t(open ? 'planning.summer.closeWeek' : 'planning.summer.openWeek', { week: props.week.week, title })}
          </span>
        </button>
      </form>
    </td>
  );
}

export function SummerPage(props: { year: number; category: Category; weeks: SummerWeek[]; rows: SummerRow[]; csrf?: string | undefined }) {
  const { t, href } = usePage();
  const name = t(`taxonomy.category.${props.category}`);
  return (
    <Layout title={t('planning.summer.title', { year: props.year })}>
      <header class="page-head">
        <h1>{t('planning.summer.title', { year: props.year })}</h1>
        <p class="lead">{t('planning.summer.lead')}</p>
        {props.rows.some((r) => r.editable) ? <p>{t('planning.summer.editHint')}</p> : null}
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
                <tr key={r.activity.id} id={`activity-${r.activity.id}`}>
                  <th scope="row" class="activity-cell">
                    <a href={href(activityPath(r.activity))}>
                      <bdi>{r.activity.localTitle?.text ?? r.activity.title}</bdi>
                    </a>
                  </th>
                  {props.weeks.map((w) => (
                    <WeekCell key={w.monday} row={r} week={w} year={props.year} category={props.category} csrf={props.csrf} />
                  ))}
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
