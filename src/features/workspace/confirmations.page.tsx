/** The workspace's freshness: each activity's last confirmation with "still true", "everything is correct", and existing clashes. */
import { formatDate } from '../../i18n/index.js';
import { CsrfField } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { usePage } from '../../web/page.js';
import { activityPath, confirmedDate, UnconfirmedNote, type ActivityDetail } from '../calendar/index.js';
import type { OrganisationClash } from './confirmations.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** What the organisation's page needs to show freshness: the 90-day line (ISO instant) and the clashes. */
export interface WorkspaceFreshness {
  staleBefore: string;
  clashes: OrganisationClash[];
}

/** "Last confirmed 3 March 2026 [Still true]" under a published activity; the button is a POST form. */
export function ConfirmLine(props: { activity: ActivityDetail; base: string; staleBefore: string; csrf: string }) {
  const { lang, href } = usePage();
  const t = useT();
  const a = props.activity;
  if (a.status !== 'published') return null;
  const date = confirmedDate(a.confirmedAt);
  const stale = a.confirmedAt < props.staleBefore;
  const titleId = `confirm-title-${a.id}`;
  return (
    <div class="confirm-line">
      {stale ? (
        <UnconfirmedNote since={a.confirmedAt} />
      ) : (
        <span class="hint">{date ? t('freshness.workspace.confirmed', { date: formatDate(lang, date, 'dayMonthYear') }) : t('freshness.workspace.neverConfirmed')}</span>
      )}
      <form method="post" action={href(`${props.base}/aktivitet/${a.id}/bekrafta`)}>
        <CsrfField token={props.csrf} />
        <span id={titleId} class="visually-hidden">
          {a.title}
        </span>
        <button type="submit" class="button secondary" aria-describedby={titleId}>
          <Icon name="check" />
          {t('freshness.workspace.confirmOne')}
        </button>
      </form>
    </div>
  );
}

/** Above the activity list: how many wait for a confirmation, "everything is correct", and clashes with others. */
export function FreshnessPanel(props: { activities: ActivityDetail[]; base: string; freshness: WorkspaceFreshness; csrf: string }) {
  const { lang, href } = usePage();
  const t = useT();
  const published = props.activities.filter((a) => a.status === 'published');
  const stale = published.filter((a) => a.confirmedAt < props.freshness.staleBefore).length;
  const clashes = props.freshness.clashes;
  return (
    <>
      {published.length > 0 ? (
        <section class="panel" id="freshness" aria-labelledby="freshness-heading">
          <h2 id="freshness-heading">{t('freshness.workspace.heading')}</h2>
          <p>{t('freshness.workspace.lead')}</p>
          {stale > 0 ? <p class="notice notice-warning">{t('freshness.workspace.unconfirmedCount', { count: stale })}</p> : null}
          <form method="post" action={href(`${props.base}/bekrafta`)} class="form-actions">
            <CsrfField token={props.csrf} />
            <button type="submit" class="button">
              <Icon name="check" />
              {t('freshness.workspace.confirmAll')}
            </button>
          </form>
        </section>
      ) : null}
      {published.length > 0 ? (
        <section class="panel" id="clashes" aria-labelledby="clashes-heading">
          <h2 id="clashes-heading">{t('freshness.clashes.heading')}</h2>
          {clashes.length === 0 ? (
            <p>{t('freshness.clashes.none')}</p>
          ) : (
            <>
              <p>{t('freshness.clashes.lead')}</p>
              <ul>
                {clashes.map((c) => (
                  <li key={`${c.own.id}-${c.other.id}`}>
                    <a href={href(activityPath(c.other))}>{c.other.title}</a>
                    {c.other.hosts.length > 0 ? <> (<bdi>{c.other.hosts.join(', ')}</bdi>)</> : null}
                    {c.other.place ? <>, <bdi>{c.other.place}</bdi></> : null}
                    {' — '}
                    {t('workspace.clash.dates', { count: c.dates, date: formatDate(lang, c.firstDate, 'weekdayDayMonth') })}
                    <div class="hint">{t('freshness.clashes.yours', { title: c.own.title })}</div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
