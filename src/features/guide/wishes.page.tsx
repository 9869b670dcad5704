/**
 * Wish pages: the public "Efterfrågas" list with its "Jag skulle vilja …" form, and the coordinator's
 * list and wish page (merge, split off, mark as offered, delete). Nothing about who asked is shown.
 */
import { formatDate, formatList } from '../../i18n/index.js';
import { BackLink, CsrfField, ErrorSummary, Field, HoneypotField, Notice, Pager, SelectField } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage, type PageContext } from '../../web/page.js';
import { AdminNav } from '../admin/index.js';
import { CategoryLabel, categoryIcon } from '../calendar/index.js';
import type { District } from '../places/index.js';
import { CATEGORY_CODES, isCategory } from '../taxonomy/index.js';
import { TranslatedText, type LocalText } from '../translation/index.js';
import { CASE_AGE_GROUPS, type CaseAgeGroup } from './case.js';
import { formatNumber } from './outcomes.page.js';
import type { StoredWish, WishStatus } from './wish.store.js';
import { HONEYPOT_FIELD, WISH_TEXT_MAX, type WishForm, type WishGroup } from './wishes.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** Age groups of a wish by the calendar's own (translated) names. */
const AGE_LABEL: Record<CaseAgeGroup, string> = { adult: 'taxonomy.ageGroup.adults', youth: 'taxonomy.ageGroup.youth', child: 'taxonomy.ageGroup.children' };

/** An activity that now offers what a group asked for. */
export interface OfferedActivity {
  path: string;
  title: LocalText;
}

/** A wish's label as plain text (for options, hidden labels and the audit log). */
export function wishLabelText(t: PageContext['t'], g: Pick<WishGroup, 'category' | 'text'>): string {
  if (g.text !== null) return g.text;
  return g.category !== null && isCategory(g.category) ? t(`taxonomy.category.${g.category}`) : (g.category ?? '');
}

/** A category with its icon in the reader's language, or the free text as written (in Swedish or any language). */
export function WishLabel(props: { group: Pick<WishGroup, 'category' | 'text'> }) {
  const { group } = props;
  if (group.text === null && group.category !== null && isCategory(group.category)) return <CategoryLabel category={group.category} />;
  return (
    <bdi lang="sv" dir="auto">
      {group.text ?? group.category}
    </bdi>
  );
}

/** "Vuxna 3, Barn 1" and "Vivalla 2 och inget område 1": the counts of one group. */
function GroupFacts(props: { group: WishGroup; districts: District[] }) {
  const { lang } = usePage();
  const t = useT();
  const n = (x: number) => formatNumber(lang, x);
  const ages = CASE_AGE_GROUPS.filter((a) => props.group.ageGroups[a] > 0).map((a) => `${t(AGE_LABEL[a])} ${n(props.group.ageGroups[a])}`);
  const places = props.group.districts.map((d) => `${d.districtId === null ? t('guide.wishes.noDistrict') : (props.districts.find((x) => x.id === d.districtId)?.name ?? '?')} ${n(d.count)}`);
  return (
    <dl class="facts-inline">
      <dt>{t('guide.wishes.who')}</dt>
      <dd>{formatList(lang, ages)}</dd>
      <dt>{t('guide.wishes.where')}</dt>
      <dd>{formatList(lang, places)}</dd>
    </dl>
  );
}

export interface WishesPageProps {
  /** Groups nobody offers yet, biggest first. */
  open: WishGroup[];
  /** Groups an activity now offers. */
  offered: { group: WishGroup; activity: OfferedActivity }[];
  districts: District[];
  form: WishForm;
  errors: Record<string, string>;
  csrf: string;
  thanks: boolean;
}

export function WishesPage(props: WishesPageProps) {
  const { href } = usePage();
  const t = useT();
  const { form, errors } = props;
  const labels: Record<string, string> = {
    category: t('guide.wishes.form.category'),
    text: t('guide.wishes.form.text'),
    ageGroup: t('guide.wishes.form.ageGroup'),
    districtId: t('guide.wishes.form.district'),
  };
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k in labels));
  return (
    <Layout title={t('guide.wishes.title')} description={t('guide.wishes.lead')}>
      <header class="page-head">
        <h1>{t('guide.wishes.title')}</h1>
        <p class="lead">{t('guide.wishes.lead')}</p>
        <p>
          <a href="#wish-form">{t('guide.wishes.form.heading')}</a>
        </p>
      </header>
      {props.thanks ? (
        <Notice>
          {t('guide.wishes.thanks')}
        </Notice>
      ) : null}

      <section aria-labelledby="wishes-open">
        <h2 id="wishes-open">{t('guide.wishes.listHeading')}</h2>
        {props.open.length === 0 ? (
          <p>{t('guide.wishes.empty')}</p>
        ) : (
          <ul class="card-list">
            {props.open.map((g) => (
              <li key={g.id} class="panel">
                <h3>
                  <WishLabel group={g} />
                </h3>
                <p>
                  <strong>{t('guide.wishes.count', { count: g.total })}</strong>
                </p>
                <GroupFacts group={g} districts={props.districts} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {props.offered.length > 0 ? (
        <section aria-labelledby="wishes-offered">
          <h2 id="wishes-offered">{t('guide.wishes.servedHeading')}</h2>
          <ul class="card-list">
            {props.offered.map(({ group, activity }) => (
              <li key={group.id} class="panel">
                <h3>
                  <WishLabel group={group} />
                </h3>
                <p>
                  {t('guide.wishes.nowAvailable')}{' '}
                  <a href={href(activity.path)}>
                    <TranslatedText value={activity.title} />
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="wish-form-heading" id="wish-form" class="panel">
        <h2 id="wish-form-heading">{t('guide.wishes.form.heading')}</h2>
        <p>{t('guide.wishes.form.lead')}</p>
        {errors.form ? (
          <p class="notice notice-warning" role="alert">
            {t(errors.form)}
          </p>
        ) : null}
        <form method="post" action={href('/efterfragas')} novalidate>
          <CsrfField token={props.csrf} />
          <ErrorSummary errors={fieldErrors} labels={labels} />
          <HoneypotField name={HONEYPOT_FIELD} label={t('guide.wishes.form.honeypot')} value={form.honeypot} />
          <fieldset class={errors.category ? 'wish-tiles has-error' : 'wish-tiles'} id="field-category" aria-describedby={errors.category ? 'field-category-error' : undefined}>
            <legend>{labels.category}</legend>
            <div class="wish-tile-grid">
              {CATEGORY_CODES.map((c) => (
                <label key={c} class="wish-tile">
                  <input type="radio" name="category" value={c} checked={form.category === c} />
                  <Icon name={categoryIcon(c)} />
                  <span>{t(`taxonomy.category.${c}`)}</span>
                </label>
              ))}
            </div>
            {errors.category ? (
              <p class="field-error" id="field-category-error">
                {t(errors.category)}
              </p>
            ) : null}
          </fieldset>
          <Field name="text" label={labels.text!} hint={t('guide.wishes.form.textHint')} value={form.text} error={errors.text} maxLength={WISH_TEXT_MAX} />
          <fieldset class={errors.ageGroup ? 'checks has-error' : 'checks'} id="field-ageGroup" aria-describedby={errors.ageGroup ? 'field-ageGroup-error' : undefined}>
            <legend>{labels.ageGroup}</legend>
            {CASE_AGE_GROUPS.map((a) => (
              <label key={a}>
                <input type="radio" name="ageGroup" value={a} checked={form.ageGroup === a} /> {t(AGE_LABEL[a])}
              </label>
            ))}
            {errors.ageGroup ? (
              <p class="field-error" id="field-ageGroup-error">
                {t(errors.ageGroup)}
              </p>
            ) : null}
          </fieldset>
          <SelectField
            name="districtId"
            label={labels.districtId!}
            value={form.districtId}
            error={errors.districtId}
            options={[{ value: '', label: t('guide.wishes.form.districtNone') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
          />
          <button type="submit" class="button">
            {t('guide.wishes.form.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

// --- the coordinator's screens --------------------------------------------------------------------

/** Waiting ('vantar') or hidden ('dolda') wishes, one page of them. */
export interface WishQueue {
  name: 'vantar' | 'dolda';
  wishes: StoredWish[];
  page: number;
  pages: number;
}

export interface WishesAdminProps {
  /** Every shown group (for "merge with"), biggest first. */
  groups: WishGroup[];
  /** The groups on this page. */
  shown: WishGroup[];
  page: number;
  pages: number;
  counts: Record<WishStatus, number>;
  queue: WishQueue;
  districts: District[];
  /** Titles of the activities groups are marked as offered by. */
  activityTitles: Map<number, string>;
  csrf: string;
  message?: string | undefined;
  error?: string | undefined;
  /** Ticked and chosen values kept after an error. */
  chosen?: { merge: string[]; into: string };
}


export function WishesAdminPage(props: WishesAdminProps) {
  const page = usePage();
  const { href } = page;
  const t = useT();
  const title = t('guide.wishes.admin.title');
  const label = (g: WishGroup) => wishLabelText(page.t, g);
  const n = (x: number) => formatNumber(page.lang, x);
  const listHref = (params: Record<string, string>) => {
    const query = new URLSearchParams(params).toString();
    return query ? `${href('/admin/onskemal')}?${query}` : href('/admin/onskemal');
  };
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <AdminNav />
      <p>{t('guide.wishes.admin.lead')}</p>
      <p>
        <a href={href('/efterfragas')}>{t('guide.wishes.admin.publicLink')}</a>
      </p>
      {props.message ? <Notice>{props.message}</Notice> : null}
      {props.error && !props.chosen ? <Notice kind="error">{t(props.error)}</Notice> : null}
      <dl class="facts-inline" id="wish-counts">
        <dt>{t('guide.wishes.admin.countPending')}</dt>
        <dd>{n(props.counts.pending)}</dd>
        <dt>{t('guide.wishes.admin.countApproved')}</dt>
        <dd>{n(props.counts.approved)}</dd>
        <dt>{t('guide.wishes.admin.countHidden')}</dt>
        <dd>{n(props.counts.hidden)}</dd>
      </dl>

      <WishQueueSection queue={props.queue} counts={props.counts} districts={props.districts} csrf={props.csrf} listHref={listHref} />

      <h2 id="wish-groups">{t('guide.wishes.admin.groupsHeading')}</h2>
      {props.groups.length === 0 ? (
        <p>{t('guide.wishes.admin.empty')}</p>
      ) : (
        <form method="post" action={href('/admin/onskemal/sla-ihop')} novalidate>
          <CsrfField token={props.csrf} />
          <div class="table-wrap">
            <table class="data-table admin-table">
              <caption class="visually-hidden">{t('guide.wishes.admin.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('guide.wishes.admin.choose')}</th>
                  <th scope="col">{t('guide.wishes.admin.label')}</th>
                  <th scope="col">{t('guide.wishes.admin.count')}</th>
                  <th scope="col">{t('guide.wishes.admin.status')}</th>
                </tr>
              </thead>
              <tbody>
                {props.shown.map((g) => (
                  <tr key={g.id}>
                    <td>
                      <label class="check-cell">
                        <input type="checkbox" name="merge" value={String(g.id)} checked={props.chosen?.merge.includes(String(g.id))} />
                        <span class="visually-hidden">{t('guide.wishes.admin.chooseLabel', { label: label(g) })}</span>
                      </label>
                    </td>
                    <td>
                      <strong>
                        <WishLabel group={g} />
                      </strong>
                      {g.merged.length > 0 ? (
                        <div class="sub">
                          {t('guide.wishes.admin.mergedFrom', { labels: formatList(page.lang, g.merged.map((m) => wishLabelText(page.t, m))) })}
                        </div>
                      ) : null}
                      <ul class="link-list">
                        <li>
                          <a href={href(`/admin/onskemal/${g.id}`)}>
                            {t('guide.wishes.admin.edit')} <span class="visually-hidden">{label(g)}</span>
                          </a>
                        </li>
                      </ul>
                    </td>
                    <td>{formatNumber(page.lang, g.total)}</td>
                    <td>{g.servedByActivityId !== null ? <bdi lang="sv">{props.activityTitles.get(g.servedByActivityId) ?? `#${g.servedByActivityId}`}</bdi> : t('guide.wishes.admin.notYet')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={props.page} pages={props.pages} hrefFor={(p) => listHref({ sida: String(p) })} />
          <fieldset class="form-section">
            <legend>{t('guide.wishes.admin.mergeLegend')}</legend>
            <div class={props.error ? 'field has-error' : 'field'}>
              <label for="merge-into">{t('guide.wishes.admin.mergeInto')}</label>
              <select id="merge-into" name="into" aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? 'merge-into-error' : undefined}>
                <option value="">{t('guide.wishes.admin.chooseTarget')}</option>
                {props.groups.map((g) => (
                  <option key={g.id} value={String(g.id)} selected={props.chosen?.into === String(g.id)}>
                    {`${label(g)} (${formatNumber(page.lang, g.total)})`}
                  </option>
                ))}
              </select>
              {props.error ? (
                <p class="field-error" id="merge-into-error">
                  {t(props.error)}
                </p>
              ) : null}
            </div>
            <div>
              <button type="submit" class="button">
                {t('guide.wishes.admin.mergeSubmit')}
              </button>
            </div>
          </fieldset>
        </form>
      )}
    </Layout>
  );
}

/** Wishes from the public form that wait for the coordinator (or were hidden), each shown or hidden by one button. */
function WishQueueSection(props: { queue: WishQueue; counts: Record<WishStatus, number>; districts: District[]; csrf: string; listHref: (params: Record<string, string>) => string }) {
  const page = usePage();
  const { href, lang } = page;
  const t = useT();
  const q = props.queue;
  const waiting = q.name === 'vantar';
  const district = (id: number | null) => (id === null ? t('guide.wishes.noDistrict') : (props.districts.find((d) => d.id === id)?.name ?? '?'));
  return (
    <section aria-labelledby="wish-queue" class="panel">
      <h2 id="wish-queue">{t('guide.wishes.admin.queueHeading')}</h2>
      <p>{t('guide.wishes.admin.queueLead')}</p>
      <nav class="chips" aria-label={t('guide.wishes.admin.queueHeading')}>
        <ul>
          <li>
            <a class="chip" href={props.listHref({})} aria-current={waiting ? 'page' : undefined}>
              {t('guide.wishes.admin.queuePending', { n: props.counts.pending })}
            </a>
          </li>
          <li>
            <a class="chip" href={props.listHref({ lista: 'dolda' })} aria-current={waiting ? undefined : 'page'}>
              {t('guide.wishes.admin.queueHidden', { n: props.counts.hidden })}
            </a>
          </li>
        </ul>
      </nav>
      {q.wishes.length === 0 ? (
        <p>{t(waiting ? 'guide.wishes.admin.queueEmpty' : 'guide.wishes.admin.hiddenEmpty')}</p>
      ) : (
        <form method="post" action={href('/admin/onskemal/granska')} novalidate>
          <CsrfField token={props.csrf} />
          <div class="table-wrap">
            <table class="data-table admin-table">
              <caption class="visually-hidden">{t(waiting ? 'guide.wishes.admin.queueCaption' : 'guide.wishes.admin.hiddenCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('guide.wishes.admin.choose')}</th>
                  <th scope="col">{t('guide.wishes.admin.label')}</th>
                </tr>
              </thead>
              <tbody>
                {q.wishes.map((w) => {
                  const name = wishLabelText(page.t, w);
                  return (
                    <tr key={w.id}>
                      <td>
                        <label class="check-cell">
                          <input type="checkbox" name="ids" value={String(w.id)} />
                          <span class="visually-hidden">{t('guide.wishes.admin.chooseLabel', { label: name })}</span>
                        </label>
                      </td>
                      <td>
                        <strong>
                          <WishLabel group={w} />
                        </strong>
                        <div class="sub">
                          {[
                            (CASE_AGE_GROUPS as readonly string[]).includes(w.ageGroup) ? t(AGE_LABEL[w.ageGroup as CaseAgeGroup]) : '—',
                            district(w.districtId),
                            `${t('guide.wishes.admin.received')} ${formatDate(lang, w.createdAt.slice(0, 10), 'dayMonth')}`,
                          ].join(' · ')}
                        </div>
                        <div class="form-actions">
                          <button type="submit" name="approve" value={String(w.id)} class="button secondary">
                            {t('guide.wishes.admin.approve')} <span class="visually-hidden">{name}</span>
                          </button>
                          {waiting ? (
                            <button type="submit" name="hide" value={String(w.id)} class="button secondary">
                              {t('guide.wishes.admin.hide')} <span class="visually-hidden">{name}</span>
                            </button>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager page={q.page} pages={q.pages} hrefFor={(p) => props.listHref({ ...(waiting ? {} : { lista: 'dolda' }), lsida: String(p) })} />
          <div class="form-actions">
            <button type="submit" name="decision" value="approve" class="button">
              {t('guide.wishes.admin.approveChosen')}
            </button>
            {waiting ? (
              <button type="submit" name="decision" value="hide" class="button secondary">
                {t('guide.wishes.admin.hideChosen')}
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}

export interface WishAdminProps {
  group: WishGroup;
  districts: District[];
  /** Published activities, Swedish titles, for the "offered by" choice. */
  activities: { id: number; title: string }[];
  /** The activity it is marked as offered by, with its title even when no longer published. */
  offeredBy: { id: number; title: string } | null;
  activityValue: string;
  csrf: string;
  message?: string | undefined;
  error?: string | undefined;
}

export function WishAdminPage(props: WishAdminProps) {
  const page = usePage();
  const { href } = page;
  const t = useT();
  const g = props.group;
  const name = wishLabelText(page.t, g);
  const title = t('guide.wishes.admin.detailTitle', { label: name });
  const base = `/admin/onskemal/${g.id}`;
  return (
    <Layout title={title}>
      <BackLink href={href('/admin/onskemal')}>{t('guide.wishes.admin.backToList')}</BackLink>
      <h1>
        {t('guide.wishes.admin.label')}: <WishLabel group={g} />
      </h1>
      <AdminNav />
      {props.message ? <Notice>{props.message}</Notice> : null}
      <p>
        <strong>{t('guide.wishes.count', { count: g.total })}</strong>
      </p>
      <GroupFacts group={g} districts={props.districts} />

      <section aria-labelledby="wish-merged" class="panel">
        <h2 id="wish-merged">{t('guide.wishes.admin.mergedHeading')}</h2>
        {g.merged.length === 0 ? (
          <p>{t('guide.wishes.admin.noneMerged')}</p>
        ) : (
          <ul class="card-list">
            {g.merged.map((m) => (
              <li key={m.key}>
                <form method="post" action={href(`${base}/dela`)} class="flag-form">
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="key" value={m.key} />
                  <WishLabel group={m} /> ({formatNumber(page.lang, m.count)}){' '}
                  <button type="submit" class="button secondary">
                    {t('guide.wishes.admin.unmerge')} <span class="visually-hidden">{wishLabelText(page.t, m)}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="wish-served" class="panel">
        <h2 id="wish-served">{t('guide.wishes.admin.serveHeading')}</h2>
        <form method="post" action={href(`${base}/finns`)} novalidate>
          <CsrfField token={props.csrf} />
          <SelectField
            name="activityId"
            label={t('guide.wishes.admin.serveLabel')}
            value={props.activityValue}
            error={props.error}
            options={[
              { value: '', label: t('guide.wishes.admin.serveNone') },
              ...(props.offeredBy && !props.activities.some((a) => a.id === props.offeredBy!.id) ? [{ value: String(props.offeredBy.id), label: props.offeredBy.title }] : []),
              ...props.activities.map((a) => ({ value: String(a.id), label: a.title })),
            ]}
          />
          <button type="submit" class="button">
            {t('guide.wishes.admin.serveSubmit')}
          </button>
        </form>
      </section>

      {g.text !== null ? (
        <section aria-labelledby="wish-delete" class="panel">
          <h2 id="wish-delete">{t('guide.wishes.admin.deleteHeading')}</h2>
          <p class="hint">{t('guide.wishes.admin.deleteHint')}</p>
          <form method="post" action={href(`${base}/ta-bort`)}>
            <CsrfField token={props.csrf} />
            <button type="submit" class="button danger">
              {t('guide.wishes.admin.deleteSubmit')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
