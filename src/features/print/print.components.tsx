/**
 * The pieces every print page shares: its own minimal document (no site header, a toolbar that does
 * not print), texts in one language or in Swedish beside it, and the rows with their QR codes.
 */
import type { ComponentChildren } from 'preact';
import {
  LANGUAGES,
  formatDate,
  formatTimeRange,
  languageOrDefault,
  translator,
  type Language,
  type TFunction,
} from '../../i18n/index.js';
import { Icon } from '../../web/icon.js';
import { usePage, type PageContext } from '../../web/page.js';
import { categoryIcon, describeRecurrence } from '../calendar/index.js';
import type { LocalText } from '../translation/index.js';
import type { PrintRow } from './print.js';

/** A language a print page speaks: the page's own, and Swedish first beside it when bilingual. */
export interface Voice {
  lang: Language;
  t: TFunction;
}

/** One voice, or Swedish and the page's language when a bilingual page is asked for in another language. */
export function voicesOf(page: PageContext, bilingual: boolean): Voice[] {
  const own = { lang: page.lang, t: page.t };
  if (!bilingual || page.lang.code === 'sv') return [own];
  return [{ lang: languageOrDefault('sv'), t: translator('sv') }, own];
}

/** lang and dir for an element in a voice, only where they differ from the page's. */
function voiceAttrs(page: PageContext, v: Voice): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return v.lang.code === page.lang.code ? {} : { lang: v.lang.code, dir: v.lang.dir };
}

/** A text in a voice, marked with its own language when it is not in the voice's (an untranslated title). */
function InVoice(props: { voice: Voice; value: LocalText }) {
  const v = props.value;
  return v.lang === props.voice.lang.code ? <>{v.text}</> : <bdi lang={v.lang}>{v.text}</bdi>;
}

/** The same text in each voice, one block per voice (side by side when there are two). */
export function VoiceBlocks(props: { voices: Voice[]; class?: string; render: (v: Voice) => ComponentChildren }) {
  const page = usePage();
  const classes = ['print-voices', props.voices.length > 1 ? 'is-bilingual' : '', props.class ?? ''].filter(Boolean).join(' ');
  return (
    <div class={classes}>
      {props.voices.map((v) => (
        <div key={v.lang.code} class="print-voice" {...voiceAttrs(page, v)}>
          {props.render(v)}
        </div>
      ))}
    </div>
  );
}

/** The same short text in each voice on one line: "Telefon / Phone". */
export function VoiceInline(props: { voices: Voice[]; render: (v: Voice) => string }) {
  const page = usePage();
  return (
    <>
      {props.voices.map((v, i) => (
        <span key={v.lang.code} class="print-voice-inline" {...voiceAttrs(page, v)}>
          {i > 0 ? ' / ' : null}
          {props.render(v)}
        </span>
      ))}
    </>
  );
}

/** A heading whose text is given in each voice, one line per voice. */
export function VoiceHeading(props: { level: 'h1' | 'h2'; voices: Voice[]; class?: string; render: (v: Voice) => string }) {
  const page = usePage();
  const H = props.level;
  return (
    <H class={props.class}>
      {props.voices.map((v) => (
        <span key={v.lang.code} class="print-voice-line" {...voiceAttrs(page, v)}>
          {props.render(v)}
        </span>
      ))}
    </H>
  );
}

function titleIn(voice: Voice, row: PrintRow): LocalText {
  return voice.lang.code === 'sv' ? { text: row.title, lang: 'sv', machine: false, outdated: false } : row.localTitle;
}

function RowStatus(props: { voice: Voice; row: PrintRow }) {
  const { voice: v, row } = props;
  const s = row.status;
  if (!s) return null;
  if (s.kind === 'cancelled') {
    return (
      <p class="badge badge-cancelled">
        {v.t('calendar.cancelled')}
        {s.note ? <>: <bdi lang="sv">{s.note}</bdi></> : null}
      </p>
    );
  }
  return <p class="badge badge-moved">{v.t('calendar.movedFrom', { date: formatDate(v.lang, s.from, 'weekdayDayMonth') })}</p>;
}

/** What a row says under its title in a voice: the category, how often, or both. */
function rowSubline(v: Voice, row: PrintRow, withCategory: boolean): string {
  const parts: string[] = [];
  if (withCategory) parts.push(v.t(`taxonomy.category.${row.category}`));
  if (row.schedule) parts.push(describeRecurrence(v.t, v.lang, row.schedule));
  return parts.join(' · ');
}

/** One printed row: time and category icon, the texts in each voice, place and organiser, and the QR code. */
export function Row(props: { row: PrintRow; voices: Voice[]; withCategory: boolean }) {
  const page = usePage();
  const { t, lang } = page;
  const r = props.row;
  const cancelled = r.status?.kind === 'cancelled';
  const ownTitle = titleIn({ lang, t }, r).text;
  return (
    <li class={cancelled ? 'print-row is-cancelled' : 'print-row'}>
      <div class="print-when">
        <bdi class="print-time" dir="ltr">{formatTimeRange(lang, r.startTime, r.endTime)}</bdi>
        <span class={`occ-icon cat-${r.category}`}>
          <Icon name={categoryIcon(r.category)} />
        </span>
      </div>
      <div class="print-what">
        <VoiceBlocks
          voices={props.voices}
          render={(v) => {
            const sub = rowSubline(v, r, props.withCategory);
            const title = <InVoice voice={v} value={titleIn(v, r)} />;
            return (
              <>
                <p class="print-row-title">{cancelled ? <s>{title}</s> : title}</p>
                {sub ? <p class="print-row-sub">{sub}</p> : null}
                <RowStatus voice={v} row={r} />
              </>
            );
          }}
        />
        {r.place || r.hosts.length > 0 ? (
          <p class="print-meta">
            {r.place ? (
              <span class="print-place">
                <Icon name="map-pin" />
                <span>
                  <bdi>{r.place.name}</bdi>
                  {r.place.districtName ? <>, <bdi>{r.place.districtName}</bdi></> : null}
                </span>
              </span>
            ) : null}
            {r.hosts.length > 0 ? (
              <span class="print-host">
                <Icon name="users" />
                <bdi>{r.hosts.join(', ')}</bdi>
              </span>
            ) : null}
          </p>
        ) : null}
      </div>
      <a class="print-qr" href={r.url}>
        {/*
          Inserted unescaped on purpose: the markup is the qrcode library's SVG of a URL this app built
          from the public address, an activity id and its [a-z0-9-] slug. It holds only path data, no text.
        */}
        <span class="qr-code" role="img" aria-label={t('print.qrLabel', { title: ownTitle })} dangerouslySetInnerHTML={{ __html: r.qrSvg }} />
      </a>
    </li>
  );
}

/** A group of rows under a heading in each voice (a day, a weekday). */
export function RowGroup(props: { voices: Voice[]; heading: (v: Voice) => string; rows: PrintRow[]; withCategory: boolean }) {
  return (
    <section class="print-group">
      <VoiceHeading level="h2" class="print-group-head" voices={props.voices} render={props.heading} />
      <ul class="print-rows">
        {props.rows.map((r) => (
          <Row key={r.key} row={r} voices={props.voices} withCategory={props.withCategory} />
        ))}
      </ul>
    </section>
  );
}

/** The print path of this page (without '.pdf') and its query with `bilingual` set or removed. */
function printLinks(page: PageContext, bilingual: boolean) {
  const path = page.path.replace(/\.pdf$/, '');
  const search = page.search;
  const toggled = new URLSearchParams(search);
  if (bilingual) toggled.delete('bilingual');
  else toggled.set('bilingual', 'true');
  const toggledQuery = toggled.toString();
  const toggledSearch = toggledQuery ? `?${toggledQuery}` : '';
  return { path, search, toggledSearch };
}

/**
 * Links on screen only: back, the PDF, Swedish beside or not, and the printout's language, which goes
 * through /sprak like the site's picker (a remembered language would otherwise redirect the link).
 */
function Toolbar(props: { backHref: string; bilingual: boolean }) {
  const page = usePage();
  const { t, href, lang } = page;
  const links = printLinks(page, props.bilingual);
  return (
    <nav class="print-toolbar" aria-label={t('print.toolbar.label')}>
      <ul class="print-actions">
        <li>
          <a href={props.backHref}>
            <Icon name="chevron-left" class="flip-rtl" />
            {t('print.toolbar.back')}
          </a>
        </li>
        <li>
          <a class="button" href={href(`${links.path}.pdf`) + links.search} rel="nofollow">
            {t('print.toolbar.pdf')}
          </a>
        </li>
        {lang.code === 'sv' ? null : (
          <li>
            <a href={href(links.path) + links.toggledSearch}>{props.bilingual ? t('print.toolbar.bilingualOff') : t('print.toolbar.bilingualOn')}</a>
          </li>
        )}
      </ul>
      <p class="hint">{t('print.toolbar.hint')}</p>
      <div class="print-languages">
        <span id="print-languages-label">{t('print.toolbar.languages')}</span>
        <ul aria-labelledby="print-languages-label">
          {LANGUAGES.map((l) => (
            <li key={l.code}>
              <a
                href={`/sprak/${l.code}?next=${encodeURIComponent(links.path + links.search)}`}
                lang={l.code}
                hreflang={l.code}
                dir={l.dir}
                aria-current={l.code === lang.code ? 'true' : undefined}
              >
                {l.nativeName}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/** The site's address as a reader would type it: 'tillsammans.se/en'. */
function siteAddress(page: PageContext): string {
  const home = page.href('/');
  return new URL(page.publicUrl).host + (home === '/' ? '' : home);
}

export interface PrintDocumentProps {
  /** The document's title in the page's language. */
  title: string;
  voices: Voice[];
  /** Where "back" goes: the page on the site this printout shows. */
  backHref: string;
  children: ComponentChildren;
}

/** A whole print document: A4 pages in print, a sheet on a grey desk on screen. Ships no script. */
export function PrintDocument(props: PrintDocumentProps) {
  const page = usePage();
  const { t, lang, assets } = page;
  const bilingual = props.voices.length > 1;
  return (
    <html lang={lang.code} dir={lang.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} – ${t('layout.siteName')}`}</title>
        <link rel="stylesheet" href={assets.url('styles.css')} />
        <link rel="stylesheet" href={assets.url('print.css')} />
        <link rel="icon" href={assets.url('favicon.svg')} type="image/svg+xml" />
      </head>
      <body class="print-body">
        <Toolbar backHref={props.backHref} bilingual={bilingual} />
        <main id="main" class={bilingual ? 'print-sheet is-bilingual' : 'print-sheet'}>
          {props.children}
          <footer class="print-foot">
            <img src={assets.url('favicon.svg')} alt="" width="40" height="40" />
            <div>
              <VoiceBlocks voices={props.voices} render={(v) => <p>{v.t('print.foot.scan')}</p>} />
              <p class="print-site">
                <bdi>{siteAddress(page)}</bdi>
                {' · '}
                <VoiceInline voices={props.voices} render={(v) => v.t('print.foot.printed', { date: formatDate(v.lang, page.today, 'dayMonthYear') })} />
              </p>
            </div>
          </footer>
        </main>
      </body>
    </html>
  );
}
