/** Pieces of the calendar pages: category labels, occurrence rows, day lists, filters, week navigation. */
import { compareText, formatDate, formatTimeRange, languageName, nativeLanguageName } from '../../i18n/index.js';
import type { IconName } from '../../web/assets.js';
import { Icon } from '../../web/icon.js';
import { PageProvider, usePage, type PageContext } from '../../web/page.js';
import { preDrawn } from '../../web/render.js';
import { renderToString } from 'preact-render-to-string';
import { addDays, isoWeek } from '../../web/time.js';
import type { District } from '../places/index.js';
import { AGE_GROUPS, AUDIENCES, CATEGORIES, CATEGORY_CODES, SPOKEN_LANGUAGES, type Category } from '../taxonomy/index.js';
import { activityPath, MODEL_ITEM, type ActivitySummary, type OccurrenceFilters, type OccurrenceItem } from './activity.js';
import { describeRecurrence } from './describe.js';
import { TranslatedText, type LocalText } from '../translation/index.js';
import { UnconfirmedNote } from './freshness-note.js';

/** An item's title as the reader sees it: translated when the page looked it up, else the original. */
export function titleOf(item: { title: string; localTitle?: LocalText }): LocalText {
  return item.localTitle ?? { text: item.title, lang: 'sv', machine: false, outdated: false };
}
import { filterParams, withQuery } from './filters.js';

export function categoryIcon(category: Category): IconName {
  return CATEGORIES[category].icon;
}

/**
 * A spoken language's name in the page's language, followed by its own name when that differs:
 * "arabiska (العربية)", so a reader finds their language whatever language the page is in.
 */
export function spokenLanguageName(page: PageContext, code: string): string {
  const name = languageName(page.lang, code);
  const own = nativeLanguageName(code);
  return own && own !== code && own.toLowerCase() !== name.toLowerCase() ? `${name} (${own})` : name;
}

export function CategoryLabel(props: { category: Category }) {
  const { t } = usePage();
  return (
    <span class={`category cat-${props.category}`}>
      <Icon name={categoryIcon(props.category)} />
      <span>{t(`taxonomy.category.${props.category}`)}</span>
    </span>
  );
}

/** "Cancelled: the leader is ill" or "Moved from Tuesday 24 November", with the organiser's note in Swedish. */
export function StatusBadge(props: { occurrence: { status: string; originalDate: string; note: string | null } }) {
  const { t, lang } = usePage();
  const o = props.occurrence;
  const note = o.note ? (
    <>
      : <bdi lang="sv">{o.note}</bdi>
    </>
  ) : null;
  if (o.status === 'cancelled') {
    return (
      <span class="badge badge-cancelled">
        <Icon name="ban" />
        {t('calendar.cancelled')}
        {note}
      </span>
    );
  }
  if (o.status === 'moved') {
    return (
      <span class="badge badge-moved">
        {t('calendar.movedFrom', { date: formatDate(lang, o.originalDate, 'weekdayDayMonth') })}
        {note}
      </span>
    );
  }
  return null;
}

/** One occurrence in a list: time, category, title, place and organiser; cancellations stand out. */
export function OccurrenceRow(props: { item: OccurrenceItem }) {
  const page = usePage();
  const { t, lang, href } = page;
  const o = props.item;
  const cancelled = o.status === 'cancelled';
  return (
    <li class={cancelled ? 'occurrence is-cancelled' : 'occurrence'}>
      <a href={href(activityPath({ id: o.activityId, slug: o.slug }))}>
        <span class="time">
          <bdi dir="ltr">{formatTimeRange(lang, o.startTime, o.endTime)}</bdi>
        </span>
        <span class={`occ-icon cat-${o.category}`}>
          <Icon name={categoryIcon(o.category)} />
        </span>
        <span class="occ-body">
          <span class="occ-title">{cancelled ? <s><TranslatedText value={titleOf(o)} /></s> : <TranslatedText value={titleOf(o)} />}</span>
          <StatusBadge occurrence={o} />
          <UnconfirmedNote since={o.unconfirmedSince} />
          <span class="occ-meta">
            {t(`taxonomy.category.${o.category}`)}
            {o.place ? (
              <>
                {' · '}
                {/* Swedish names: read out as Swedish whatever the page's language. */}
                <bdi lang="sv">{o.place.name}</bdi>
                {o.place.districtName ? <>, <bdi lang="sv">{o.place.districtName}</bdi></> : null}
              </>
            ) : null}
          </span>
          {o.hosts.length > 0 ? (
            <span class="occ-host">
              <bdi>{o.hosts.map((h) => h.name).join(', ')}</bdi>
            </span>
          ) : null}
          {o.audience !== 'newcomers' || o.gender === 'women' ? (
            <span class="tags">
              {o.audience !== 'newcomers' ? <span class="tag">{t(`taxonomy.audience.${o.audience}`)}</span> : null}
              {o.gender === 'women' ? <span class="tag">{t('taxonomy.gender.women')}</span> : null}
            </span>
          ) : null}
        </span>
      </a>
    </li>
  );
}

/**
 * Rendered rows by language and content. A row is a pure function of the occurrence (title and its
 * translation, time, place, hosts, status) and the language, so a row already drawn is reused as it
 * is: the start page draws 175 of them and most are the same from one reader to the next. Any change
 * changes the key, so nothing here can be out of date; the oldest go when it is full.
 */
const drawnRows = new Map<string, string>();
const DRAWN_ROWS_MAX = 5000;

/**
 * What a drawn row depends on: every field `OccurrenceRow` shows, and nothing else (an occurrence's
 * instants, coordinates and ids of places and hosts do not change the row). Cheaper than serialising
 * the whole item, which cost more than the rest of the list; `components.test.tsx` changes each field
 * of an item in turn and checks that the key changes whenever the drawn row does.
 */
export function rowKey(lang: string, o: OccurrenceItem): string {
  const t = o.localTitle;
  const title = t ? `${t.text}\u0002${t.lang}\u0002${t.machine}\u0002${t.outdated}` : '';
  const place = o.place ? `${o.place.name}\u0002${o.place.districtName ?? '\u0003'}` : '\u0003';
  const hosts = o.hosts.length === 1 ? o.hosts[0]!.name : o.hosts.map((h) => h.name).join('\u0002');
  // One template, no intermediate array: this runs for every row of every list drawn.
  return `${lang}\u0001${o.activityId}\u0001${o.slug}\u0001${o.title}\u0001${title}\u0001${o.category}\u0001${o.audience}\u0001${o.gender}\u0001${o.startTime}\u0001${o.endTime}\u0001${o.status}\u0001${o.originalDate}\u0001${o.note ?? '\u0003'}\u0001${place}\u0001${hosts}\u0001${o.unconfirmedSince ?? '\u0003'}`;
}

/**
 * Rows drawn from the week model's items, by the model's item and what a page adds to it (language,
 * title in that language, unconfirmed mark): the model's items never change, so no key of the whole
 * row is needed. They go with the model's version.
 */
const drawnModelRows = new WeakMap<object, Map<string, string>>();

function drawRow(page: PageContext, item: OccurrenceItem): string {
  const source = item[MODEL_ITEM];
  if (source) {
    const t = item.localTitle;
    const variant = `${page.lang.code}\u0001${t ? `${t.text}\u0002${t.lang}\u0002${t.machine}\u0002${t.outdated}` : ''}\u0001${item.unconfirmedSince ?? ''}`;
    let drawn = drawnModelRows.get(source);
    if (!drawn) drawnModelRows.set(source, (drawn = new Map()));
    let html = drawn.get(variant);
    if (html === undefined) drawn.set(variant, (html = renderRow(page, item)));
    return html;
  }
  const key = rowKey(page.lang.code, item);
  let html = drawnRows.get(key);
  if (html === undefined) {
    html = renderRow(page, item);
    if (drawnRows.size >= DRAWN_ROWS_MAX) drawnRows.delete(drawnRows.keys().next().value!);
    drawnRows.set(key, html);
  }
  return html;
}

function renderRow(page: PageContext, item: OccurrenceItem): string {
  return renderToString(
    <PageProvider page={page}>
      <OccurrenceRow item={item} />
    </PageProvider>,
  );
}

export function OccurrenceList(props: { items: OccurrenceItem[] }) {
  const page = usePage();
  return <ul class="occurrences" dangerouslySetInnerHTML={{ __html: preDrawn(props.items.map((o) => drawRow(page, o))) }} />;
}

/** Category shortcuts with icons: one tap, no reading needed. */
export function CategoryChips(props: { basePath: string; filters: OccurrenceFilters; extra?: Record<string, string> }) {
  const { t, href } = usePage();
  const params = { ...filterParams(props.filters), ...props.extra };
  return (
    <nav class="chips" aria-label={t('filters.categoryShortcuts')}>
      <ul>
        {CATEGORY_CODES.map((c) => {
          const active = props.filters.category === c;
          const target = withQuery(href(props.basePath), { ...params, category: active ? undefined : c });
          return (
            <li key={c}>
              <a href={target} class={`chip cat-${c}`} aria-current={active ? 'true' : undefined}>
                <Icon name={categoryIcon(c)} />
                <span>{t(`taxonomy.category.${c}`)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Select(props: { name: string; label: string; value: string | undefined; options: [string, string][]; anyLabel: string }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={props.value === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

const spokenLanguageLists = new Map<string, [string, string][]>();

/** Every spoken language as [code, name], sorted by name in the page's language (once per language). */
function spokenLanguageOptions(page: PageContext): [string, string][] {
  let list = spokenLanguageLists.get(page.lang.code);
  if (!list) {
    list = SPOKEN_LANGUAGES.map((l) => [l, spokenLanguageName(page, l)] as [string, string]).sort((a, b) => compareText(page.lang, a[1], b[1]));
    spokenLanguageLists.set(page.lang.code, list);
  }
  return list;
}

/** The filter form: plain GET, so every filtered view is a link to share. */
export function FilterForm(props: {
  action: string;
  filters: OccurrenceFilters;
  districts: District[];
  hidden?: Record<string, string>;
  days?: { value: string; label: string }[];
  day?: string;
  open: boolean;
}) {
  const page = usePage();
  const { t } = page;
  const f = props.filters;
  return (
    <details class="filters" open={props.open}>
      <summary>
        <Icon name="sliders-horizontal" />
        {t('filters.title')}
      </summary>
      <form method="get" action={props.action}>
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div class="field-grid">
          <Select
            name="category"
            label={t('filters.category')}
            value={f.category}
            anyLabel={t('filters.anyCategory')}
            options={CATEGORY_CODES.map((c) => [c, t(`taxonomy.category.${c}`)])}
          />
          <Select
            name="district"
            label={t('filters.district')}
            value={f.district}
            anyLabel={t('filters.anyDistrict')}
            options={props.districts.map((d) => [d.slug, d.name])}
          />
          {props.days ? (
            <Select
              name="day"
              label={t('filters.day')}
              value={props.day}
              anyLabel={t('filters.anyDay')}
              options={props.days.map((d) => [d.value, d.label])}
            />
          ) : null}
          <Select
            name="audience"
            label={t('filters.audience')}
            value={f.audience}
            anyLabel={t('filters.anyAudience')}
            options={AUDIENCES.map((a) => [a, t(`taxonomy.audience.${a}`)])}
          />
          <Select
            name="age"
            label={t('filters.age')}
            value={f.ageGroup}
            anyLabel={t('filters.anyAge')}
            options={AGE_GROUPS.map((a) => [a, t(`taxonomy.ageGroup.${a}`)])}
          />
          <Select
            name="language"
            label={t('filters.language')}
            value={f.language}
            anyLabel={t('filters.anyLanguage')}
            options={spokenLanguageOptions(page)}
          />
        </div>
        <div class="checks">
          <label>
            <input type="checkbox" name="women" value="true" checked={f.womenOnly === true} /> {t('filters.womenOnly')}
          </label>
          <label>
            <input type="checkbox" name="free" value="true" checked={f.free === true} /> {t('filters.free')}
          </label>
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {t('filters.apply')}
          </button>
          <a href={withQuery(props.action, props.hidden ?? {})} class="button secondary">
            {t('filters.clear')}
          </a>
        </div>
      </form>
    </details>
  );
}

/** "‹ Week 47 · Week 48, 23–29 November 2026 · Week 49 ›" keeping the filters. */
export function WeekNav(props: { monday: string; basePath: string; filters: OccurrenceFilters; isCurrent: boolean }) {
  const { t, href } = usePage();
  const params = filterParams(props.filters);
  const weekParam = (monday: string) => {
    const w = isoWeek(monday);
    return `${w.year}-W${String(w.week).padStart(2, '0')}`;
  };
  const prev = addDays(props.monday, -7);
  const next = addDays(props.monday, 7);
  return (
    <nav class="week-nav" aria-label={t('week.navigation')}>
      <a href={withQuery(href(props.basePath), { ...params, week: weekParam(prev) })} rel="prev">
        <Icon name="chevron-left" class="flip-rtl" />
        <span>{t('week.weekNumber', { week: isoWeek(prev).week })}</span>
      </a>
      {props.isCurrent ? null : (
        <a href={withQuery(href(props.basePath), params)} class="today-link">
          {t('week.thisWeek')}
        </a>
      )}
      <a href={withQuery(href(props.basePath), { ...params, week: weekParam(next) })} rel="next">
        <span>{t('week.weekNumber', { week: isoWeek(next).week })}</span>
        <Icon name="chevron-right" class="flip-rtl" />
      </a>
    </nav>
  );
}

/** Occurrences of several days under a heading per day. */
export function DayGroups(props: { items: OccurrenceItem[]; headingLevel?: 'h3' | 'h2' }) {
  const { lang, today, t } = usePage();
  const groups = new Map<string, OccurrenceItem[]>();
  for (const o of props.items) groups.set(o.localDate, [...(groups.get(o.localDate) ?? []), o]);
  const H = props.headingLevel ?? 'h3';
  return (
    <div class="day-groups">
      {[...groups].map(([date, items]) => (
        <section key={date} class={date === today ? 'day is-today' : 'day'}>
          <H>
            {date === today ? <span class="today-mark">{t('week.today')}</span> : null}
            <span class="day-name">{formatDate(lang, date, 'weekdayDayMonth')}</span>
          </H>
          <OccurrenceList items={items} />
        </section>
      ))}
    </div>
  );
}

/** An activity with its regular time: "18:00–20:00 Språkcafé · Every Tuesday · Vivalla bibliotek". */
export function SummaryItem(props: { activity: ActivitySummary }) {
  const { t, lang, href } = usePage();
  const a = props.activity;
  return (
    <li>
      <a href={href(activityPath(a))}>
        <bdi class="time" dir="ltr">{formatTimeRange(lang, a.schedule.startTime, a.schedule.endTime)}</bdi>
        <span class={`occ-icon cat-${a.category}`}>
          <Icon name={categoryIcon(a.category)} />
        </span>
        <span class="reg-body">
          <span class="occ-title">
            <TranslatedText value={titleOf(a)} />
          </span>
          <span class="occ-meta">
            {describeRecurrence(t, lang, a.schedule)}
            {a.place ? (
              <>
                {' · '}
                <bdi>{a.place.name}</bdi>
                {a.place.districtName ? <>, <bdi>{a.place.districtName}</bdi></> : null}
              </>
            ) : null}
          </span>
          <span class="occ-host">
            <bdi>{a.hosts.map((h) => h.name).join(', ')}</bdi>
          </span>
          <UnconfirmedNote since={a.unconfirmedSince} />
        </span>
      </a>
    </li>
  );
}

export function SummaryList(props: { activities: ActivitySummary[] }) {
  return (
    <ul class="regular-list">
      {props.activities.map((a) => (
        <SummaryItem key={a.id} activity={a} />
      ))}
    </ul>
  );
}

/** Links that subscribe a calendar app to a feed of this view; the app then follows every change. */
export function SubscribeLinks(props: { params: Record<string, string | undefined> }) {
  const { t, href, publicUrl } = usePage();
  const https = `${publicUrl}${withQuery(href('/kalender.ics'), props.params)}`;
  const webcal = https.replace(/^https?:\/\//, 'webcal://');
  return (
    <section class="subscribe" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">
        <Icon name="calendar-plus" />
        {t('calendar.subscribe.heading')}
      </h2>
      <p>{t('calendar.subscribe.hint')}</p>
      <ul class="plain link-list">
        <li>
          <a href={webcal}>{t('calendar.subscribe.webcal')}</a>
        </li>
        <li>
          <a href={https}>{t('calendar.subscribe.link')}</a>
        </li>
      </ul>
    </section>
  );
}
