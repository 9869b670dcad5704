/** An activity's own page: every fact in the reader's language, the next dates, place and organiser. */
import { formatDate, formatList, formatTimeRange } from '../../i18n/index.js';
import { telHref } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { JsonLd } from '../../web/json-ld.js';
import { Layout } from '../../web/layout.js';
import { activityEvent } from './structured-data.js';
import { usePage } from '../../web/page.js';
import { openStreetMapUrl } from '../places/index.js';
import type { ActivityDetail } from './activity.js';
import { activityPath } from './activity.js';
import { CategoryLabel, StatusBadge, spokenLanguageName } from './components.js';
import { describeSchedule } from './describe.js';
import { UnconfirmedNote } from './freshness-note.js';
import type { ExpandedOccurrence, SkippedDate } from './schedule.js';
import type { ActivityTexts } from './localise.js';
import { TranslatedText, TranslationNote } from '../translation/index.js';

export interface ActivityPageProps {
  activity: ActivityDetail;
  /** Title, description and directions in the reader's language where translated. */
  texts: ActivityTexts;
  upcoming: ExpandedOccurrence[];
  skipped: SkippedDate[];
  /** Drawn by another feature under the dates (sign-up per date, from the network feature; see calendar.routes). */
  slot?: preact.ComponentChildren;
  /** Its last confirmation, when that is 90 days or more ago ("not confirmed since …"). */
  unconfirmedSince?: string;
}

function Fact(props: { icon: Parameters<typeof Icon>[0]['name']; term: string; children: preact.ComponentChildren }) {
  return (
    <div class="fact">
      <dt>
        <Icon name={props.icon} />
        {props.term}
      </dt>
      <dd>{props.children}</dd>
    </div>
  );
}


type TimelineEntry =
  | { kind: 'occurrence'; date: string; occ: ExpandedOccurrence }
  | { kind: 'skipped'; date: string; skip: SkippedDate };

function Timeline(props: { upcoming: ExpandedOccurrence[]; skipped: SkippedDate[] }) {
  const { t, lang } = usePage();
  const entries: TimelineEntry[] = [
    ...props.upcoming.map((occ) => ({ kind: 'occurrence' as const, date: occ.localDate, occ })),
    ...props.skipped.filter((s) => s.reason !== 'paused').map((skip) => ({ kind: 'skipped' as const, date: skip.date, skip })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  if (entries.length === 0) return <p>{t('activity.noUpcomingDates')}</p>;
  return (
    <ol class="timeline">
      {entries.map((e) => {
        if (e.kind === 'skipped') {
          return (
            <li key={`s-${e.date}`} class="is-skipped">
              <span class="date">{formatDate(lang, e.date, 'weekdayDayMonth')}</span>
              <span class="badge">
                {e.skip.reason === 'holiday' ? t('activity.noMeetingHoliday', { holiday: e.skip.note ?? '' }) : t('activity.noMeeting')}
              </span>
            </li>
          );
        }
        const o = e.occ;
        return (
          <li key={`o-${o.originalDate}`} class={o.status === 'cancelled' ? 'is-cancelled' : undefined}>
            <span class="date">{formatDate(lang, o.localDate, 'weekdayDayMonth')}</span>{' '}
            <bdi class="time" dir="ltr">{formatTimeRange(lang, o.startTime, o.endTime)}</bdi>
            <StatusBadge occurrence={o} />
          </li>
        );
      })}
    </ol>
  );
}

export function ActivityPage(props: ActivityPageProps) {
  const page = usePage();
  const a = props.activity;
  return (
    <Layout
      title={props.texts.title.text}
      description={props.texts.description.text.slice(0, 160)}
      ogType="article"
      head={
        <JsonLd
          data={activityEvent(a, {
            name: props.texts.title.text,
            description: props.texts.description.text,
            url: `${page.publicUrl}${page.href(activityPath(a))}`,
            language: props.texts.title.lang,
            today: page.today,
          })}
        />
      }
    >
      <ActivityArticle {...props} />
    </Layout>
  );
}

/**
 * The activity as the public sees it, without the page around it: the activity page shows it, and
 * the workspace shows it as a preview before saving (`preview` leaves out the calendar-file button).
 */
export function ActivityArticle(props: ActivityPageProps & { preview?: boolean; headingLevel?: 1 | 2 }) {
  const page = usePage();
  const { t, lang, href, today } = page;
  const a = props.activity;
  const s = a.schedule;
  const pauses = s.pauses.filter((p) => p.toDate >= today);
  const forWhom = [
    t(`taxonomy.audience.${a.audience}`),
    ...a.ageGroups.map((g) => t(`taxonomy.ageGroup.${g}`)),
    ...(a.gender !== 'all' ? [t(`taxonomy.gender.${a.gender}`)] : []),
  ];
  const contactPhone = a.contactPhone ?? a.hosts[0]?.phone ?? null;
  const contactEmail = a.contactEmail ?? a.hosts[0]?.email ?? null;
  const ended = props.upcoming.length === 0 && s.recurrence.kind !== 'once';
  const Heading = props.headingLevel === 2 ? 'h2' : 'h1';
  return (
      <article class="activity">
        <header class="page-head">
          <CategoryLabel category={a.category} />
          <Heading>
            <TranslatedText value={props.texts.title} />
          </Heading>
          {a.status === 'cancelled' ? <p class="notice notice-cancelled">{t('activity.wholeActivityCancelled')}</p> : null}
          {ended ? <p class="notice">{t('activity.ended')}</p> : null}
          <UnconfirmedNote since={props.unconfirmedSince} long />
        </header>

        <dl class="facts">
          <Fact icon="repeat" term={t('activity.when')}>
            {describeSchedule(t, lang, s)}
            {s.validUntil && s.recurrence.kind !== 'once' ? (
              <div class="sub">{t('activity.until', { date: formatDate(lang, s.validUntil, 'dayMonthYear') })}</div>
            ) : null}
            {s.recurrence.kind !== 'once' ? <div class="sub">{s.runsOnHolidays ? t('activity.holidaysYes') : t('activity.holidaysNo')}</div> : null}
            {pauses.map((p) => (
              <div class="sub pause" key={p.fromDate}>
                {t('activity.pause', {
                  from: formatDate(lang, p.fromDate, 'dayMonth'),
                  to: formatDate(lang, p.toDate, 'dayMonthYear'),
                })}
                {p.note ? (
                  <>
                    {' ('}
                    <bdi lang="sv">{p.note}</bdi>)
                  </>
                ) : null}
              </div>
            ))}
          </Fact>
          {a.place ? (
            <Fact icon="map-pin" term={t('activity.where')}>
              <strong>{a.place.name}</strong>
              <div>
                {a.place.address}
                {a.place.postalCode ? `, ${a.place.postalCode}` : ''} {a.place.city}
              </div>
              {a.place.district ? <div class="sub">{t('activity.district', { district: a.place.district.name })}</div> : null}
              {props.texts.directions ? (
                <div class="sub">
                  <TranslatedText value={props.texts.directions} />
                </div>
              ) : null}
              <div>
                <a href={openStreetMapUrl(a.place)} rel="external noopener">
                  {t('activity.showOnMap')}
                  <Icon name="external-link" />
                </a>
              </div>
            </Fact>
          ) : null}
          <Fact icon="users" term={t('activity.forWhom')}>
            {formatList(lang, forWhom)}
          </Fact>
          <Fact icon="languages" term={t('activity.languages')}>
            {a.languages.length === 0
              ? t('activity.swedishOnly')
              : t('activity.swedishAnd', { languages: formatList(lang, a.languages.map((l) => spokenLanguageName(page, l))) })}
          </Fact>
          <Fact icon="banknote" term={t('activity.cost')}>
            {a.isFree ? t('activity.free') : (a.costText ?? t('activity.costAskOrganiser'))}
          </Fact>
          <Fact icon="circle-check" term={t('activity.registration')}>
            {t(`taxonomy.registration.${a.registration}`)}
          </Fact>
          {a.place ? (
            <Fact icon="accessibility" term={t('activity.accessibility')}>
              {a.place.stepFree ? t('activity.stepFree') : t('activity.notStepFree')}
              {a.place.accessibility ? <div class="sub">{a.place.accessibility}</div> : null}
            </Fact>
          ) : null}
          <Fact icon="building" term={t('activity.organiser', { count: a.hosts.length })}>
            <ul class="plain">
              {a.hosts.map((h) => (
                <li key={h.id}>
                  <a href={href(`/organisationer/${h.slug}`)}>{h.name}</a>
                </li>
              ))}
            </ul>
          </Fact>
          {contactPhone || contactEmail || a.contactName ? (
            <Fact icon="phone" term={t('activity.contact')}>
              {a.contactName ? <div>{a.contactName}</div> : null}
              {contactPhone ? (
                <div>
                  <a href={telHref(contactPhone)} class="contact-link">
                    <Icon name="phone" />
                    <bdi dir="ltr">{contactPhone}</bdi>
                  </a>
                </div>
              ) : null}
              {contactEmail ? (
                <div>
                  <a href={`mailto:${contactEmail}`} class="contact-link">
                    <Icon name="mail" />
                    <bdi>{contactEmail}</bdi>
                  </a>
                </div>
              ) : null}
            </Fact>
          ) : null}
        </dl>

        {a.description ? (
          <section class="description" aria-labelledby="about-heading">
            <h2 id="about-heading">{t('activity.about')}</h2>
            <div class="user-text" lang={props.texts.description.lang === lang.code ? undefined : props.texts.description.lang} dir="auto">
              {props.texts.description.text.split(/\n{2,}/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </div>
            <TranslationNote value={props.texts.description} />
          </section>
        ) : null}

        <section aria-labelledby="dates-heading">
          <h2 id="dates-heading">{t('activity.nextDates')}</h2>
          <Timeline upcoming={props.upcoming} skipped={props.skipped} />
        </section>

        {props.slot ?? null}

        {props.preview ? null : (
          <p class="actions">
            <a class="button" href={href(`${activityPath(a)}/kalender.ics`)} download={`${a.slug}.ics`}>
              <Icon name="calendar-plus" />
              {t('activity.addToCalendar')}
            </a>
          </p>
        )}
      </article>
  );
}
