/** The three printouts (a week's poster, a category's leaflet, an organisation's sheet) and the page shown when no PDF can be made. */
import type { ComponentChildren } from 'preact';
import { formatDate, formatDateRange, weekdayName } from '../../i18n/index.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { isoWeek } from '../../web/time.js';
import { categoryIcon } from '../calendar/index.js';
import type { Organisation } from '../organisations/index.js';
import type { Category } from '../taxonomy/index.js';
import type { LocalText } from '../translation/index.js';
import { PrintDocument, RowGroup, VoiceBlocks, VoiceHeading, VoiceInline, type Voice } from './print.components.js';
import { groupBy, listedWeekday, type PrintRow } from './print.js';

/** Rows of regular activities under the weekday they are listed on, Monday first. */
function ByWeekday(props: { rows: PrintRow[]; voices: Voice[]; withCategory: boolean }) {
  const groups = groupBy(props.rows, (r) => listedWeekday(r.schedule!), (a, b) => a - b);
  return (
    <>
      {groups.map(([day, rows]) => (
        <RowGroup key={day} voices={props.voices} heading={(v) => weekdayName(v.lang, day)} rows={rows} withCategory={props.withCategory} />
      ))}
    </>
  );
}

export interface WeekPosterProps {
  monday: string;
  sunday: string;
  voices: Voice[];
  category: Category | undefined;
  district: { slug: string; name: string } | undefined;
  rows: PrintRow[];
  /** How many occurrences match in all; more than rows.length when the poster was cut. */
  total: number;
  backHref: string;
}

/** "Det här händer i Örebro vecka 48": the week's occurrences day by day, one QR code each. */
export function WeekPoster(props: WeekPosterProps) {
  const { t } = usePage();
  const { week } = isoWeek(props.monday);
  const days = groupBy(props.rows, (r) => r.localDate ?? '');
  const filterText = (v: Voice) =>
    [
      props.category ? v.t(`taxonomy.category.${props.category}`) : null,
      props.district ? v.t('activity.district', { district: props.district.name }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <PrintDocument title={t('print.week.heading', { week })} voices={props.voices} backHref={props.backHref}>
      <header class="print-head">
        <VoiceHeading level="h1" class="print-title" voices={props.voices} render={(v) => v.t('print.week.heading', { week })} />
        <VoiceBlocks
          voices={props.voices}
          class="print-lead"
          render={(v) => (
            <p>
              {formatDateRange(v.lang, props.monday, props.sunday)}
              {filterText(v) ? <span class="print-filters"> · {filterText(v)}</span> : null}
            </p>
          )}
        />
      </header>
      {props.rows.length === 0 ? (
        <VoiceBlocks voices={props.voices} class="print-empty" render={(v) => <p>{v.t('week.nothingThisWeek')}</p>} />
      ) : (
        days.map(([date, rows]) => (
          <RowGroup key={date} voices={props.voices} heading={(v) => formatDate(v.lang, date, 'weekdayDayMonth')} rows={rows} withCategory />
        ))
      )}
      {props.total > props.rows.length ? (
        <VoiceBlocks voices={props.voices} class="print-more" render={(v) => <p>{v.t('print.week.more', { count: props.total - props.rows.length })}</p>} />
      ) : null}
    </PrintDocument>
  );
}

export interface CategoryLeafletProps {
  category: Category;
  voices: Voice[];
  rows: PrintRow[];
  backHref: string;
}

/** "Språkcafé i Örebro": a category's regular activities by weekday, with how often and when. */
export function CategoryLeaflet(props: CategoryLeafletProps) {
  const page = usePage();
  const heading = (v: Voice) => v.t('print.category.heading', { category: v.t(`taxonomy.category.${props.category}`) });
  return (
    <PrintDocument title={heading({ lang: page.lang, t: page.t })} voices={props.voices} backHref={props.backHref}>
      <header class="print-head">
        <p class={`print-head-icon occ-icon cat-${props.category}`}>
          <Icon name={categoryIcon(props.category)} />
        </p>
        <VoiceHeading level="h1" class="print-title" voices={props.voices} render={heading} />
        <VoiceBlocks voices={props.voices} class="print-lead" render={(v) => <p>{v.t('categories.regularTimes')}</p>} />
      </header>
      {props.rows.length === 0 ? (
        <VoiceBlocks voices={props.voices} class="print-empty" render={(v) => <p>{v.t('categories.none')}</p>} />
      ) : (
        <ByWeekday rows={props.rows} voices={props.voices} withCategory={false} />
      )}
    </PrintDocument>
  );
}

export interface OrganisationSheetProps {
  org: Organisation;
  /** The description in the page's language (or Swedish, marked). */
  description: LocalText;
  voices: Voice[];
  rows: PrintRow[];
  backHref: string;
}

function Contact(props: { voices: Voice[]; label: (v: Voice) => string; children: ComponentChildren }) {
  return (
    <div class="print-contact">
      <dt>
        <VoiceInline voices={props.voices} render={props.label} />
      </dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** An organisation on one sheet: what it is, how to reach it, and its activities with QR codes. */
export function OrganisationSheet(props: OrganisationSheetProps) {
  const o = props.org;
  const { voices } = props;
  const descriptionIn = (v: Voice): LocalText =>
    v.lang.code === 'sv' ? { text: o.description, lang: 'sv', machine: false, outdated: false } : props.description;
  // An untranslated description is printed once, not twice side by side (Swedish comes first).
  const descriptionVoices = voices.length > 1 && props.description.lang === 'sv' ? voices.slice(0, 1) : voices;
  const hasContact = Boolean(o.contactName || o.phone || o.email || o.website);
  return (
    <PrintDocument title={o.name} voices={voices} backHref={props.backHref}>
      <header class="print-head">
        <h1 class="print-title">
          <bdi>{o.name}</bdi>
        </h1>
        <VoiceBlocks voices={voices} class="print-lead" render={(v) => <p>{v.t(`taxonomy.kind.${o.kind}`)}</p>} />
      </header>
      {o.description ? (
        <VoiceBlocks
          voices={descriptionVoices}
          class="print-description"
          render={(v) => {
            const d = descriptionIn(v);
            return (
              <div lang={d.lang === v.lang.code ? undefined : d.lang} dir="auto">
                {d.text.split(/\n{2,}/).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            );
          }}
        />
      ) : null}
      <section class="print-group">
        <VoiceHeading level="h2" class="print-group-head" voices={voices} render={(v) => v.t('organisations.contact')} />
        {hasContact ? (
          <dl class="print-contacts">
            {o.contactName ? (
              <Contact voices={voices} label={(v) => v.t('print.organisation.contactPerson')}>
                <bdi>{o.contactName}</bdi>
              </Contact>
            ) : null}
            {o.phone ? (
              <Contact voices={voices} label={(v) => v.t('print.organisation.phone')}>
                <bdi dir="ltr">{o.phone}</bdi>
              </Contact>
            ) : null}
            {o.email ? (
              <Contact voices={voices} label={(v) => v.t('print.organisation.email')}>
                <bdi>{o.email}</bdi>
              </Contact>
            ) : null}
            {o.website ? (
              <Contact voices={voices} label={(v) => v.t('print.organisation.website')}>
                <bdi>{o.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}</bdi>
              </Contact>
            ) : null}
          </dl>
        ) : (
          <VoiceBlocks voices={voices} render={(v) => <p>{v.t('organisations.noContact')}</p>} />
        )}
      </section>
      <VoiceHeading level="h2" class="print-section-head" voices={voices} render={(v) => v.t('organisations.activities')} />
      {props.rows.length === 0 ? (
        <VoiceBlocks voices={voices} class="print-empty" render={(v) => <p>{v.t('organisations.noActivities')}</p>} />
      ) : (
        <ByWeekday rows={props.rows} voices={voices} withCategory />
      )}
    </PrintDocument>
  );
}

/** 503 when Chromium is missing or failed: the print page and the browser's "Save as PDF" do the same. */
export function PdfUnavailablePage(props: { printHref: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('print.pdfUnavailable.title')}>
      <section class="error-page">
        <h1>{t('print.pdfUnavailable.title')}</h1>
        <p>{t('print.pdfUnavailable.text')}</p>
        <p>
          <a class="button" href={props.printHref}>
            {t('print.pdfUnavailable.link')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
