/**
 * The embeddable widget: its own small HTML document (no site header or footer) that other sites
 * show in an <iframe>, the code snippets an organisation pastes, and the page that makes them.
 */
import { formatDate, formatTimeRange, languagePrefix, LANGUAGES, translator } from '../../i18n/index.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { activityPath, withQuery, type OccurrenceItem } from '../calendar/index.js';
import type { Organisation } from '../organisations/index.js';
import type { District } from '../places/index.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';
import { TranslatedText, type LocalText } from '../translation/index.js';
import { escapeXml } from './xml.js';

/** What a widget shows; the query parameters of /widget, and the language by its path prefix. */
export interface WidgetChoice {
  lang: string;
  organisation?: string;
  category?: Category;
  district?: string;
  limit: number;
}

export const DEFAULT_WIDGET_LIMIT = 10;
export const WIDGET_LIMIT_CHOICES = [3, 5, 10, 15, 20, 30, 50];

/** The widget's path on this site: '/ar/widget?organisation=roda-korset&limit=5'. */
export function widgetPath(c: WidgetChoice): string {
  return withQuery(`${languagePrefix(c.lang)}/widget`, {
    organisation: c.organisation,
    category: c.category,
    district: c.district,
    limit: c.limit === DEFAULT_WIDGET_LIMIT ? undefined : String(c.limit),
  });
}

/** A height that fits the heading, a few day headings and `limit` rows without JavaScript. */
export function estimatedHeight(limit: number): number {
  return Math.min(1400, 150 + limit * 62);
}

function frameTitle(lang: string): string {
  return translator(lang)('feeds.widget.frameTitle');
}

/** The <iframe> an organisation pastes: works with JavaScript off, at a fixed height. */
export function iframeSnippet(publicUrl: string, c: WidgetChoice): string {
  const src = publicUrl + widgetPath(c);
  return (
    `<iframe src="${escapeXml(src)}" title="${escapeXml(frameTitle(c.lang))}" width="100%" ` +
    `height="${estimatedHeight(c.limit)}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}

/** The <script> an organisation pastes: it adds the same iframe and keeps it as tall as its content. */
export function scriptSnippet(publicUrl: string, c: WidgetChoice): string {
  const data: [string, string | undefined][] = [
    ['organisation', c.organisation],
    ['lang', c.lang],
    ['category', c.category],
    ['district', c.district],
    ['limit', c.limit === DEFAULT_WIDGET_LIMIT ? undefined : String(c.limit)],
    ['title', frameTitle(c.lang)],
  ];
  const attrs = data
    .filter((d): d is [string, string] => d[1] !== undefined)
    .map(([k, v]) => ` data-${k}="${escapeXml(v)}"`)
    .join('');
  return `<script src="${escapeXml(publicUrl)}/static/widget.js"${attrs} async></script>`;
}

export type WidgetItem = OccurrenceItem & { localTitle: LocalText };

function WidgetRow(props: { item: WidgetItem }) {
  const { t, lang, href } = usePage();
  const o = props.item;
  const cancelled = o.status === 'cancelled';
  return (
    <li class={cancelled ? 'tw-cancelled' : undefined}>
      <a href={href(activityPath({ id: o.activityId, slug: o.slug }))} target="_top">
        <span class="tw-time">
          <bdi dir="ltr">{formatTimeRange(lang, o.startTime, o.endTime)}</bdi>
        </span>
        <span class="tw-title">
          <TranslatedText value={o.localTitle} />
        </span>
        {cancelled ? <span class="tw-badge">{t('calendar.cancelled')}</span> : null}
        {o.place ? (
          <span class="tw-place">
            <bdi>{o.place.name}</bdi>
            {o.place.districtName ? (
              <>
                , <bdi>{o.place.districtName}</bdi>
              </>
            ) : null}
          </span>
        ) : null}
      </a>
    </li>
  );
}

/**
 * The whole widget document. Its one script (the same widget.js the embedding page loads) only
 * reports the document's height to the embedding page; everything reads and works without it.
 */
export function WidgetDocument(props: { heading: string; items?: WidgetItem[]; error?: string; moreHref: string }) {
  const { t, lang, today, assets } = usePage();
  const days = new Map<string, WidgetItem[]>();
  for (const o of props.items ?? []) days.set(o.localDate, [...(days.get(o.localDate) ?? []), o]);
  return (
    <html lang={lang.code} dir={lang.dir} data-tillsammans-widget="1">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.heading} – ${t('layout.siteName')}`}</title>
        <link rel="stylesheet" href={assets.url('widget.css')} />
        <script src={assets.url('widget.js')} defer />
      </head>
      <body class="tw">
        <h1>{props.heading}</h1>
        {props.error !== undefined ? <p class="tw-error">{props.error}</p> : null}
        {props.items && props.items.length === 0 ? <p class="tw-empty">{t('feeds.widget.empty')}</p> : null}
        {[...days].map(([date, items]) => (
          <section key={date}>
            <h2 class="tw-day">
              {date === today ? <span class="tw-today">{t('week.today')}</span> : null}
              {formatDate(lang, date, 'weekdayDayMonth')}
            </h2>
            <ul class="tw-list">
              {items.map((o) => (
                <WidgetRow key={`${o.activityId}-${o.originalDate}`} item={o} />
              ))}
            </ul>
          </section>
        ))}
        <p class="tw-more">
          <a href={props.moreHref} target="_top">
            {t('feeds.widget.more')}
          </a>
        </p>
      </body>
    </html>
  );
}

function Choice(props: { name: string; label: string; value: string | undefined; options: [string, string, string?][]; any?: string }) {
  const id = `w-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {props.options.map(([value, label, lang]) => (
          <option key={value} value={value} lang={lang} selected={props.value === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The settings page: a plain GET form; each submit shows fresh code and a live preview. */
export function WidgetSettingsPage(props: { choice: WidgetChoice; organisations: Organisation[]; districts: District[] }) {
  const { t, href, assets, publicUrl } = usePage();
  const c = props.choice;
  const limits = WIDGET_LIMIT_CHOICES.includes(c.limit) ? WIDGET_LIMIT_CHOICES : [...WIDGET_LIMIT_CHOICES, c.limit].sort((a, b) => a - b);
  return (
    <Layout title={t('feeds.widget.settings.title')} head={<link rel="stylesheet" href={assets.url('widget.css')} />}>
      <div class="widget-settings">
        <div class="page-head">
          <h1>{t('feeds.widget.settings.title')}</h1>
          <p class="lead">{t('feeds.widget.settings.lead')}</p>
        </div>
        <form method="get" action={href('/widget/installera')}>
          <div class="field-grid">
            <Choice
              name="organisation"
              label={t('feeds.widget.settings.organisation')}
              value={c.organisation}
              any={t('feeds.widget.settings.anyOrganisation')}
              options={props.organisations.map((o) => [o.slug, o.name])}
            />
            <Choice
              name="category"
              label={t('filters.category')}
              value={c.category}
              any={t('filters.anyCategory')}
              options={CATEGORY_CODES.map((code) => [code, t(`taxonomy.category.${code}`)])}
            />
            <Choice
              name="district"
              label={t('filters.district')}
              value={c.district}
              any={t('filters.anyDistrict')}
              options={props.districts.map((d) => [d.slug, d.name])}
            />
            <Choice name="lang" label={t('feeds.widget.settings.language')} value={c.lang} options={LANGUAGES.map((l) => [l.code, l.nativeName, l.code])} />
            <Choice name="limit" label={t('feeds.widget.settings.limit')} value={String(c.limit)} options={limits.map((n) => [String(n), String(n)])} />
          </div>
          <div class="actions">
            <button type="submit" class="button">
              {t('feeds.widget.settings.update')}
            </button>
          </div>
        </form>
        <section class="code-block">
          <h2>{t('feeds.widget.settings.iframeHeading')}</h2>
          <p>{t('feeds.widget.settings.iframeHelp')}</p>
          <label for="w-iframe-code">{t('feeds.widget.settings.iframeLabel')}</label>
          <textarea id="w-iframe-code" readOnly rows={6} dir="ltr" spellcheck={false}>
            {iframeSnippet(publicUrl, c)}
          </textarea>
        </section>
        <section class="code-block">
          <h2>{t('feeds.widget.settings.scriptHeading')}</h2>
          <p>{t('feeds.widget.settings.scriptHelp')}</p>
          <label for="w-script-code">{t('feeds.widget.settings.scriptLabel')}</label>
          <textarea id="w-script-code" readOnly rows={6} dir="ltr" spellcheck={false}>
            {scriptSnippet(publicUrl, c)}
          </textarea>
        </section>
        <section>
          <h2>{t('feeds.widget.settings.previewHeading')}</h2>
          {/* Same-origin and relative, so the preview works on any host the site runs on. */}
          <iframe class="widget-preview-frame" src={widgetPath(c)} title={t('feeds.widget.settings.previewTitle')} loading="lazy" />
        </section>
      </div>
    </Layout>
  );
}
