/**
 * Events with sign-up, the pages: the public sign-up form of a date and what follows it (closed,
 * "check your e-mail", cancel by link), and the organiser's pages (dates and attendance over time,
 * a date's settings, its attendee list, a printable list and check-in on a phone).
 */
import { formatDate, formatTimeRange } from '../../i18n/index.js';
import { BackLink, CheckboxField, ConsentFieldset, CsrfField, DateTime, ErrorSummary, Field, HoneypotField, Notice, SelectField, TextArea } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { activityPath, describeSchedule, type ActivityDetail, type ExpandedOccurrence } from '../calendar/index.js';
import { AvailabilityText } from './events.slot.js';
import type { Signup } from './events.store.js';
import {
  HONEYPOT_FIELD,
  NOTE_MAX,
  QUESTIONS,
  QUESTION_MODES,
  SIGNUP_LIMITS,
  type AttendanceDay,
  type Availability,
  type Question,
  type QuestionMode,
  type SettingsForm,
  type SignupForm,
  type SignupSettings,
} from './signup.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** The organiser's pages of an activity: /hantera/<org>/aktivitet/<id>/anmalan. */
export const organiserBase = (orgSlug: string, activityId: number) => `/hantera/${orgSlug}/aktivitet/${activityId}/anmalan`;

/** Date, time and place of an occurrence, as a short list. */
function EventFacts(props: { activity: ActivityDetail; occurrence: ExpandedOccurrence; title?: string }) {
  const { lang } = usePage();
  const t = useT();
  const o = props.occurrence;
  const a = props.activity;
  return (
    <dl class="facts">
      <div class="fact">
        <dt>
          <Icon name="calendar" />
          {t('events.signup.when')}
        </dt>
        <dd>
          {formatDate(lang, o.localDate, 'full')}{' '}
          <bdi dir="ltr">{formatTimeRange(lang, o.startTime, o.endTime)}</bdi>
        </dd>
      </div>
      {a.place ? (
        <div class="fact">
          <dt>
            <Icon name="map-pin" />
            {t('events.signup.where')}
          </dt>
          <dd>
            <strong>{a.place.name}</strong>
            <div>
              {a.place.address}
              {a.place.postalCode ? `, ${a.place.postalCode}` : ''} {a.place.city}
            </div>
          </dd>
        </div>
      ) : null}
      <div class="fact">
        <dt>
          <Icon name="building" />
          {t('events.signup.organiser')}
        </dt>
        <dd>{a.hosts.map((h) => h.name).join(', ')}</dd>
      </div>
    </dl>
  );
}

// --- the public sign-up form ---------------------------------------------------------------------

export interface SignupFormPageProps {
  activity: ActivityDetail;
  /** The title in the reader's language. */
  title: string;
  occurrence: ExpandedOccurrence;
  settings: SignupSettings;
  availability: Availability;
  form: SignupForm;
  errors: Record<string, string>;
  /** A message above the form (too many tries), a catalogue key. */
  notice?: string | undefined;
  csrf: string;
  retentionDays: number;
}

export function SignupFormPage(props: SignupFormPageProps) {
  const page = usePage();
  const { lang, href } = page;
  const t = useT();
  const { form, errors, settings } = props;
  const full = props.availability.state === 'waitlist';
  const labels: Record<string, string> = {
    name: t('events.signup.fields.name'),
    email: t('events.signup.fields.email'),
    phone: t('events.signup.fields.phone'),
    organisation: t('events.signup.fields.organisation'),
    diet: t('events.signup.fields.diet'),
    accessibility: t('events.signup.fields.accessibility'),
    consent: t('events.signup.fields.consent'),
  };
  const optional = (label: string) => `${label} ${t('events.signup.optional')}`;
  const questionLabel = (q: Question) => (settings.questions[q] === 'required' ? labels[q]! : optional(labels[q]!));
  const date = formatDate(lang, props.occurrence.localDate, 'weekdayDayMonth');
  return (
    <Layout title={t('events.signup.title', { title: props.title, date })} description={t('events.signup.description', { title: props.title, date })}>
      <BackLink href={href(activityPath(props.activity))}>{props.title}</BackLink>
      <header class="page-head">
        <p class="eyebrow">{t('events.signup.eyebrow')}</p>
        <h1>{props.title}</h1>
      </header>
      <EventFacts activity={props.activity} occurrence={props.occurrence} />
      <p>
        <AvailabilityText availability={props.availability} />
      </p>
      {full ? (
        <div class="notice notice-warning" role="status">
          <h2>{t('events.signup.fullHeading')}</h2>
          <p>{t('events.signup.fullNotice')}</p>
        </div>
      ) : null}
      {settings.note ? (
        <section aria-labelledby="note-heading">
          <h2 id="note-heading">{t('events.signup.noteHeading')}</h2>
          <div class="user-text" lang="sv" dir="auto">
            {settings.note.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        </section>
      ) : null}
      <form method="post" action={href(page.path)} class="panel signup-form" id="signup-form" noValidate>
        <CsrfField token={props.csrf} />
        {props.notice ? <Notice kind="error">{t(props.notice)}</Notice> : null}
        <ErrorSummary errors={errors} labels={labels} />
        <HoneypotField name={HONEYPOT_FIELD} label={t('events.signup.honeypot')} value={form.honeypot} />
        <Field name="name" label={labels.name!} value={form.name} error={errors.name} autocomplete="name" required maxLength={SIGNUP_LIMITS.name} />
        <Field name="email" type="email" label={labels.email!} hint={t('events.signup.hints.email')} value={form.email} error={errors.email} autocomplete="email" required maxLength={SIGNUP_LIMITS.email} />
        <Field name="phone" type="tel" label={optional(labels.phone!)} value={form.phone} error={errors.phone} autocomplete="tel" maxLength={SIGNUP_LIMITS.phone} />
        {settings.questions.organisation !== 'off' ? (
          <Field
            name="organisation"
            label={questionLabel('organisation')}
            hint={t('events.signup.hints.organisation')}
            value={form.organisation}
            error={errors.organisation}
            autocomplete="organization"
            required={settings.questions.organisation === 'required'}
            maxLength={SIGNUP_LIMITS.organisation}
          />
        ) : null}
        {settings.questions.diet !== 'off' ? (
          <Field
            name="diet"
            label={questionLabel('diet')}
            hint={t('events.signup.hints.diet')}
            value={form.diet}
            error={errors.diet}
            required={settings.questions.diet === 'required'}
            maxLength={SIGNUP_LIMITS.diet}
          />
        ) : null}
        {settings.questions.accessibility !== 'off' ? (
          <TextArea
            name="accessibility"
            label={questionLabel('accessibility')}
            hint={t('events.signup.hints.accessibility')}
            value={form.accessibility}
            error={errors.accessibility}
            required={settings.questions.accessibility === 'required'}
            maxLength={SIGNUP_LIMITS.accessibility}
          />
        ) : null}
        <ConsentFieldset
          legend={t('events.signup.consentHeading')}
          points={[
            t('events.signup.consentStored'),
            t('events.signup.consentWho', { organiser: props.activity.hosts.map((h) => h.name).join(', ') }),
            t('events.signup.consentErased', { days: props.retentionDays }),
          ]}
          privacyLink={t('events.signup.privacyLink')}
          label={labels.consent!}
          checked={form.consent}
          error={errors.consent}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            <Icon name="user-plus" />
            {full ? t('events.signup.submitWaiting') : t('events.signup.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** Why a date takes no sign-ups: past, after the deadline, cancelled, or sign-up not open. */
export function SignupClosedPage(props: { activity: ActivityDetail; title: string; occurrence: ExpandedOccurrence; reason: 'deadline' | 'past' | 'cancelled' | 'notOpen' }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('events.signup.closedTitle')}>
      <BackLink href={href(activityPath(props.activity))}>{props.title}</BackLink>
      <header class="page-head">
        <p class="eyebrow">{t('events.signup.eyebrow')}</p>
        <h1>{props.title}</h1>
      </header>
      <EventFacts activity={props.activity} occurrence={props.occurrence} />
      <Notice kind="warning">{t(`events.signup.closed.${props.reason}`)}</Notice>
      <p>
        <a class="button secondary" href={href(activityPath(props.activity))}>
          {t('events.signup.backToActivity')}
        </a>
      </p>
    </Layout>
  );
}

/**
 * After sending: the same page whether the address was new on the list or already on it (then the
 * mail says so), so nobody learns from it who else signed up. It says whether the date was full.
 */
export function SignupDonePage(props: { activity: ActivityDetail; title: string; occurrence: ExpandedOccurrence; full: boolean }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('events.signup.doneTitle')}>
      <header class="page-head">
        <p class="eyebrow">{props.title}</p>
        <h1>{t('events.signup.doneTitle')}</h1>
      </header>
      <div class={props.full ? 'notice notice-warning' : 'notice notice-info'} role="status">
        <p>{t(props.full ? 'events.signup.doneFull' : 'events.signup.doneOpen')}</p>
      </div>
      <p>{t('events.signup.doneLead')}</p>
      <p>{t('events.signup.doneSpam')}</p>
      <EventFacts activity={props.activity} occurrence={props.occurrence} />
      <p>
        <a class="button secondary" href={href(activityPath(props.activity))}>
          {t('events.signup.backToActivity')}
        </a>
      </p>
    </Layout>
  );
}

// --- cancelling by link --------------------------------------------------------------------------

/** The page a cancel link opens: what it cancels and a button (a mail scanner following the link cancels nothing). */
export function CancelPage(props: { title: string; occurrence: ExpandedOccurrence; signup: Signup; csrf: string }) {
  const page = usePage();
  const t = useT();
  const date = formatDate(page.lang, props.occurrence.localDate, 'full');
  const waiting = props.signup.status === 'waiting';
  return (
    <Layout title={t('events.cancel.title')}>
      <header class="page-head">
        <p class="eyebrow">{props.title}</p>
        <h1>{t('events.cancel.title')}</h1>
      </header>
      <p>{t(waiting ? 'events.cancel.leadWaiting' : 'events.cancel.lead', { title: props.title, date })}</p>
      <form method="post" action={page.href(page.path)} class="form-actions">
        <CsrfField token={props.csrf} />
        <button type="submit" class="button">
          <Icon name="x" />
          {t(waiting ? 'events.cancel.buttonWaiting' : 'events.cancel.button')}
        </button>
      </form>
      <p class="hint">{t('events.cancel.keep')}</p>
    </Layout>
  );
}

export function CancelledPage(props: { title: string; wasWaiting: boolean; activity: ActivityDetail }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('events.cancel.doneTitle')}>
      <header class="page-head">
        <p class="eyebrow">{props.title}</p>
        <h1>{t('events.cancel.doneTitle')}</h1>
      </header>
      <Notice>{t(props.wasWaiting ? 'events.cancel.doneWaiting' : 'events.cancel.done')}</Notice>
      <p>
        <a class="button secondary" href={href(activityPath(props.activity))}>
          {t('events.signup.backToActivity')}
        </a>
      </p>
    </Layout>
  );
}

/** A cancel link that was used already, or never existed. */
export function CancelLinkInvalidPage() {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('events.cancel.invalidTitle')}>
      <header class="page-head">
        <h1>{t('events.cancel.invalidTitle')}</h1>
      </header>
      <p>{t('events.cancel.invalid')}</p>
      <p>
        <a class="button secondary" href={href('/')}>
          {t('errors.backToCalendar')}
        </a>
      </p>
    </Layout>
  );
}

// --- the organiser's pages -----------------------------------------------------------------------

export interface DateRow {
  occurrence: ExpandedOccurrence;
  settings: SignupSettings | undefined;
  confirmed: number;
  waiting: number;
}

/** An activity's dates with sign-up on or off, and its attendance over time. */
export function OrganiserOverviewPage(props: { orgSlug: string; orgName: string; activity: ActivityDetail; dates: DateRow[]; attendance: AttendanceDay[]; saved?: string | undefined }) {
  const page = usePage();
  const { lang, href } = page;
  const t = useT();
  const a = props.activity;
  const base = organiserBase(props.orgSlug, a.id);
  return (
    <Layout title={t('events.organiser.title', { title: a.title })}>
      <BackLink href={href(`/hantera/${props.orgSlug}`)}>{props.orgName}</BackLink>
      <header class="page-head">
        <p class="eyebrow">{t('events.organiser.eyebrow')}</p>
        <h1>{a.title}</h1>
        <p class="lead">{describeSchedule(page.t, lang, a.schedule)}</p>
      </header>
      {props.saved ? <Notice>{t(`events.settings.${props.saved === 'off' ? 'savedOff' : 'saved'}`)}</Notice> : null}
      {a.registration !== 'signup' ? (
        <Notice kind="warning">
          {t('events.organiser.notSignup')} <a href={href(`/hantera/${props.orgSlug}/aktivitet/${a.id}`)}>{t('events.organiser.editActivity')}</a>
        </Notice>
      ) : null}
      <section aria-labelledby="dates-heading">
        <h2 id="dates-heading">{t('events.organiser.datesHeading')}</h2>
        {props.dates.length === 0 ? <p>{t('events.organiser.noDates')}</p> : null}
        <ul class="workspace-list">
          {props.dates.map((d) => {
            const o = d.occurrence;
            const s = d.settings;
            return (
              <li key={o.originalDate} class="panel">
                <h3>
                  {formatDate(lang, o.localDate, 'weekdayDayMonth')} <bdi dir="ltr">{formatTimeRange(lang, o.startTime, o.endTime)}</bdi>
                </h3>
                <p>
                  {o.status === 'cancelled' ? <span class="badge badge-cancelled">{t('events.slot.cancelled')}</span> : null}{' '}
                  {s ? <span class="badge badge-ok">{t('events.organiser.dateOn')}</span> : <span class="badge">{t('events.organiser.dateOff')}</span>}
                </p>
                {s || d.confirmed + d.waiting > 0 ? (
                  <p>
                    {s?.capacity ? t('events.organiser.counts', { confirmed: d.confirmed, capacity: s.capacity }) : t('events.organiser.countsNoLimit', { confirmed: d.confirmed })}
                    {d.waiting > 0 ? ` · ${t('events.organiser.waitingCount', { waiting: d.waiting })}` : ''}
                  </p>
                ) : null}
                <ul class="row-actions">
                  <li>
                    <a href={href(`${base}/${o.originalDate}/installningar`)}>
                      <Icon name="settings" />
                      {t('events.organiser.settings')}
                      <span class="visually-hidden">{`, ${formatDate(lang, o.localDate, 'dayMonth')}`}</span>
                    </a>
                  </li>
                  {s || d.confirmed + d.waiting > 0 ? (
                    <li>
                      <a href={href(`${base}/${o.originalDate}`)}>
                        <Icon name="clipboard-list" />
                        {t('events.organiser.attendees')}
                        <span class="visually-hidden">{`, ${formatDate(lang, o.localDate, 'dayMonth')}`}</span>
                      </a>
                    </li>
                  ) : null}
                </ul>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">{t('events.organiser.statsHeading')}</h2>
        <p class="hint">{t('events.organiser.statsLead')}</p>
        {props.attendance.length === 0 ? (
          <p>{t('events.organiser.noStats')}</p>
        ) : (
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('events.organiser.statsHeading')}>
            <table class="data-table stats-table">
              <thead>
                <tr>
                  {(['date', 'signedUp', 'waiting', 'arrived', 'returning', 'new'] as const).map((k) => (
                    <th key={k} scope="col">
                      {t(`events.organiser.stats.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.attendance.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">
                      <a href={href(`${base}/${d.date}`)}>{formatDate(lang, d.date, 'dayMonthYear')}</a>
                    </th>
                    <td>{d.signedUp}</td>
                    <td>{d.waiting}</td>
                    <td>{d.arrived}</td>
                    <td>{d.returning}</td>
                    <td>{d.new}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}

/** A date's sign-up settings: on or off, places, deadline, questions, note. */
export function SettingsPage(props: {
  orgSlug: string;
  activity: ActivityDetail;
  occurrence: ExpandedOccurrence;
  form: SettingsForm;
  errors: Record<string, string>;
  csrf: string;
  laterDates: number;
}) {
  const page = usePage();
  const { lang, href } = page;
  const t = useT();
  const { form, errors } = props;
  const base = organiserBase(props.orgSlug, props.activity.id);
  const date = formatDate(lang, props.occurrence.localDate, 'weekdayDayMonth');
  const labels: Record<string, string> = {
    capacity: t('events.settings.fields.capacity'),
    deadlineDate: t('events.settings.fields.deadlineDate'),
    deadlineTime: t('events.settings.fields.deadlineTime'),
    organisation: t('events.signup.fields.organisation'),
    diet: t('events.signup.fields.diet'),
    accessibility: t('events.signup.fields.accessibility'),
    note: t('events.settings.fields.note'),
  };
  return (
    <Layout title={t('events.settings.title', { date })}>
      <BackLink href={href(base)}>{props.activity.title}</BackLink>
      <header class="page-head">
        <p class="eyebrow">{props.activity.title}</p>
        <h1>{t('events.settings.title', { date })}</h1>
        <p class="lead">
          {formatDate(lang, props.occurrence.localDate, 'full')} <bdi dir="ltr">{formatTimeRange(lang, props.occurrence.startTime, props.occurrence.endTime)}</bdi>
        </p>
      </header>
      <form method="post" action={href(page.path)} class="panel" noValidate>
        <CsrfField token={props.csrf} />
        <ErrorSummary errors={errors} labels={labels} />
        <CheckboxField name="enabled" label={t('events.settings.fields.enabled')} hint={t('events.settings.hints.enabled')} checked={form.enabled} />
        <Field name="capacity" type="number" label={labels.capacity!} hint={t('events.settings.hints.capacity')} value={form.capacity} error={errors.capacity} />
        <div class="field-grid">
          <Field name="deadlineDate" type="date" label={labels.deadlineDate!} hint={t('events.settings.hints.deadline')} value={form.deadlineDate} error={errors.deadlineDate} />
          <Field name="deadlineTime" type="time" label={labels.deadlineTime!} value={form.deadlineTime} error={errors.deadlineTime} />
        </div>
        <fieldset class="form-section">
          <legend>{t('events.settings.questionsLegend')}</legend>
          <p class="hint">{t('events.settings.hints.questions')}</p>
          {QUESTIONS.map((q) => (
            <SelectField
              key={q}
              name={q}
              label={labels[q]!}
              value={form.questions[q]}
              error={errors[q]}
              options={QUESTION_MODES.map((m: QuestionMode) => ({ value: m, label: t(`events.settings.modes.${m}`) }))}
            />
          ))}
        </fieldset>
        <TextArea name="note" label={labels.note!} hint={t('events.settings.hints.note')} value={form.note} error={errors.note} maxLength={NOTE_MAX} rows={4} />
        {props.laterDates > 0 ? (
          <CheckboxField name="applyToLater" label={t('events.settings.fields.applyToLater', { dates: props.laterDates })} hint={t('events.settings.hints.applyToLater')} checked={form.applyToLater} />
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button">
            <Icon name="check" />
            {t('events.settings.save')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

function SignupTable(props: { rows: Signup[]; questions: Question[]; caption: string; numbered: boolean }) {
  const t = useT();
  if (props.rows.length === 0) return null;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="data-table admin-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events.attendees.columns.number')}</th>
            <th scope="col">{t('events.attendees.columns.name')}</th>
            <th scope="col">{t('events.attendees.columns.contact')}</th>
            {props.questions.map((q) => (
              <th key={q} scope="col">
                {t(`events.signup.fields.${q}`)}
              </th>
            ))}
            <th scope="col">{t('events.attendees.columns.signedUpAt')}</th>
            <th scope="col">{t('events.attendees.columns.arrived')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((s, i) => (
            <tr key={s.id}>
              <td>{i + 1}</td>
              <th scope="row">{s.erasedAt ? <em>{t('events.attendees.erased')}</em> : <bdi>{s.name}</bdi>}</th>
              <td>
                {s.email ? <bdi class="email">{s.email}</bdi> : null}
                {s.phone ? (
                  <div>
                    <bdi dir="ltr">{s.phone}</bdi>
                  </div>
                ) : null}
              </td>
              {props.questions.map((q) => (
                <td key={q} class="user-text">
                  {s[q] ?? ''}
                </td>
              ))}
              <td>
                <DateTime iso={s.createdAt} />
              </td>
              <td>{s.checkedInAt ? t('events.attendees.arrivedYes') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Which questions a date's list shows a column for: those asked, and any answered earlier. */
export function questionColumns(settings: SignupSettings | undefined, rows: Signup[]): Question[] {
  return QUESTIONS.filter((q) => (settings && settings.questions[q] !== 'off') || rows.some((r) => r[q] !== null));
}

/** The organiser's list of one date: who has a place, who waits, their answers, the counts. */
export function AttendeesPage(props: { orgSlug: string; activity: ActivityDetail; occurrence: ExpandedOccurrence; settings: SignupSettings | undefined; signups: Signup[] }) {
  const { lang, href } = usePage();
  const t = useT();
  const a = props.activity;
  const base = `${organiserBase(props.orgSlug, a.id)}/${props.occurrence.originalDate}`;
  const confirmed = props.signups.filter((s) => s.status === 'confirmed');
  const waiting = props.signups.filter((s) => s.status === 'waiting');
  const cancelled = props.signups.filter((s) => s.status === 'cancelled');
  const arrived = confirmed.filter((s) => s.checkedInAt !== null).length;
  const questions = questionColumns(props.settings, props.signups);
  const date = formatDate(lang, props.occurrence.localDate, 'weekdayDayMonth');
  return (
    <Layout title={t('events.attendees.title', { title: a.title, date })}>
      <BackLink href={href(organiserBase(props.orgSlug, a.id))}>{a.title}</BackLink>
      <header class="page-head">
        <p class="eyebrow">{a.title}</p>
        <h1>{t('events.attendees.heading', { date })}</h1>
        <p class="lead">
          {formatDate(lang, props.occurrence.localDate, 'full')} <bdi dir="ltr">{formatTimeRange(lang, props.occurrence.startTime, props.occurrence.endTime)}</bdi>
        </p>
      </header>
      <div class="stat-cards">
        <p class="stat-card">
          <strong>{props.settings?.capacity ? `${confirmed.length} / ${props.settings.capacity}` : confirmed.length}</strong> {t('events.attendees.confirmedLabel')}
        </p>
        <p class="stat-card">
          <strong>{waiting.length}</strong> {t('events.attendees.waitingLabel')}
        </p>
        <p class="stat-card">
          <strong>{arrived}</strong> {t('events.attendees.arrivedLabel')}
        </p>
        <p class="stat-card">
          <strong>{cancelled.length}</strong> {t('events.attendees.cancelledLabel')}
        </p>
      </div>
      <ul class="row-actions actions">
        <li>
          <a href={href(`${base}/incheckning`)}>
            <Icon name="user-check" />
            {t('events.attendees.checkIn')}
          </a>
        </li>
        <li>
          <a href={href(`${base}/utskrift`)}>
            <Icon name="printer" />
            {t('events.attendees.print')}
          </a>
        </li>
        <li>
          <a href={href(`${base}/deltagare.csv`)} download>
            <Icon name="download" />
            {t('events.attendees.csv')}
          </a>
        </li>
        <li>
          <a href={href(`${base}/installningar`)}>
            <Icon name="settings" />
            {t('events.organiser.settings')}
          </a>
        </li>
      </ul>
      <section aria-labelledby="confirmed-heading">
        <h2 id="confirmed-heading">{t('events.attendees.confirmedHeading')}</h2>
        {confirmed.length === 0 ? <p>{t('events.attendees.none')}</p> : null}
        <SignupTable rows={confirmed} questions={questions} caption={t('events.attendees.confirmedHeading')} numbered />
      </section>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('events.attendees.waitingHeading')}</h2>
        {waiting.length === 0 ? <p>{t('events.attendees.noneWaiting')}</p> : null}
        <SignupTable rows={waiting} questions={questions} caption={t('events.attendees.waitingHeading')} numbered />
      </section>
      <p class="hint">{t('events.attendees.privacy')}</p>
    </Layout>
  );
}

/** The list on paper: A4, names with a box to tick at the door, answers, the waiting list below. */
export function AttendeesPrintPage(props: { orgSlug: string; activity: ActivityDetail; occurrence: ExpandedOccurrence; settings: SignupSettings | undefined; signups: Signup[] }) {
  const page = usePage();
  const { t: pt, lang, assets, href } = page;
  const t = useT();
  const a = props.activity;
  const confirmed = props.signups.filter((s) => s.status === 'confirmed');
  const waiting = props.signups.filter((s) => s.status === 'waiting');
  const questions = questionColumns(props.settings, props.signups);
  const date = formatDate(lang, props.occurrence.localDate, 'full');
  const table = (rows: Signup[], caption: string) => (
    <table class="data-table attendee-print">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('events.attendees.columns.number')}</th>
          <th scope="col">{t('events.attendees.columns.name')}</th>
          {questions.map((q) => (
            <th key={q} scope="col">
              {t(`events.signup.fields.${q}`)}
            </th>
          ))}
          <th scope="col">{t('events.attendees.columns.arrived')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s, i) => (
          <tr key={s.id}>
            <td>{i + 1}</td>
            <th scope="row">{s.erasedAt ? t('events.attendees.erased') : <bdi>{s.name}</bdi>}</th>
            {questions.map((q) => (
              <td key={q}>{s[q] ?? ''}</td>
            ))}
            <td class="tick">{s.checkedInAt ? '✓' : '☐'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <html lang={lang.code} dir={lang.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${t('events.attendees.title', { title: a.title, date })} – ${pt('layout.siteName')}`}</title>
        <link rel="stylesheet" href={assets.url('styles.css')} />
        <link rel="stylesheet" href={assets.url('print.css')} />
      </head>
      <body class="print-body">
        <div class="print-toolbar">
          <BackLink href={href(`${organiserBase(props.orgSlug, a.id)}/${props.occurrence.originalDate}`)}>{t('events.print.back')}</BackLink>
          <p class="hint">{t('events.print.hint')}</p>
        </div>
        <main id="main" class="print-sheet">
          <header class="print-head">
            <h1 class="print-title">{a.title}</h1>
            <p class="print-lead">
              {date}, <bdi dir="ltr">{formatTimeRange(lang, props.occurrence.startTime, props.occurrence.endTime)}</bdi>
              {a.place ? ` · ${a.place.name}` : ''}
            </p>
            <p>
              {t('events.print.counts', { confirmed: confirmed.length, waiting: waiting.length })}
              {props.settings?.capacity ? ` · ${t('events.print.capacity', { capacity: props.settings.capacity })}` : ''}
            </p>
          </header>
          {table(confirmed, t('events.attendees.confirmedHeading'))}
          {waiting.length > 0 ? table(waiting, t('events.attendees.waitingHeading')) : null}
        </main>
      </body>
    </html>
  );
}

/** Check-in at the door on a phone: a big button per person, one POST per tap, the count on top. */
export function CheckInPage(props: { orgSlug: string; activity: ActivityDetail; occurrence: ExpandedOccurrence; signups: Signup[]; csrf: string; capacity: number | null }) {
  const page = usePage();
  const { lang, href } = page;
  const t = useT();
  const a = props.activity;
  const base = `${organiserBase(props.orgSlug, a.id)}/${props.occurrence.originalDate}`;
  const confirmed = props.signups.filter((s) => s.status === 'confirmed');
  const arrived = confirmed.filter((s) => s.checkedInAt !== null).length;
  const date = formatDate(lang, props.occurrence.localDate, 'weekdayDayMonth');
  return (
    <Layout title={t('events.checkIn.title', { date })}>
      <BackLink href={href(base)}>{t('events.checkIn.back')}</BackLink>
      <header class="page-head">
        <p class="eyebrow">{a.title}</p>
        <h1>{t('events.checkIn.title', { date })}</h1>
        <p class="checkin-count" role="status">
          <strong>{t('events.checkIn.arrivedCount', { arrived, confirmed: confirmed.length })}</strong>
        </p>
      </header>
      {confirmed.length === 0 ? <p>{t('events.checkIn.none')}</p> : null}
      <ul class="checkin-list">
        {confirmed.map((s) => {
          const name = s.name ?? t('events.attendees.erased');
          return (
            <li key={s.id} id={`s-${s.id}`} class={s.checkedInAt ? 'is-arrived' : undefined}>
              <form method="post" action={href(`${base}/incheckning`)}>
                <CsrfField token={props.csrf} />
                <input type="hidden" name="signupId" value={String(s.id)} />
                <input type="hidden" name="arrived" value={s.checkedInAt ? 'false' : 'true'} />
                <button type="submit" class={s.checkedInAt ? 'checkin-button is-arrived' : 'checkin-button'} aria-pressed={s.checkedInAt ? 'true' : 'false'}>
                  <Icon name={s.checkedInAt ? 'circle-check' : 'user-round'} />
                  <bdi class="checkin-name">{name}</bdi>
                  <span class="checkin-state">{s.checkedInAt ? t('events.checkIn.arrived') : t('events.checkIn.markArrived')}</span>
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
