/** The organisation's workspace pages: its activities, the activity form with preview, pause, cancel a date, delete, profile. */
import { findLanguage, formatDate, formatList, formatTimeRange } from '../../i18n/index.js';
import { BackLink, ChoiceGroup, CsrfField, ErrorSummary, Field, Notice, SelectField, TextArea } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { ActivityArticle, activityPath, describeSchedule, type ActivityDetail, type ExpandedOccurrence, type SkippedDate } from '../calendar/index.js';
import type { Organisation } from '../organisations/index.js';
import type { District } from '../places/index.js';
import { CATEGORY_CODES, ORGANISATION_KINDS } from '../taxonomy/index.js';
import type { ActivityForm } from './activity-form.js';
import { ActivityFields, type ActivityFieldChoices } from './activity-fields.js';
import { PROFILE_LIMITS, type ProfileForm } from './profile-form.js';
import { changedFacts, factText, noteDates, type FactNames } from './facts.js';
import type { Revision } from './revision.store.js';
import { ConfirmLine, FreshnessPanel, type WorkspaceFreshness } from './confirmations.page.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;


/**
 * Field | saved now | the other version: only the fields that differ, each value as the public
 * page shows it (labels, dates and times in the reader's language, names for ids).
 */
export function ChangeTable(props: { before: Record<string, unknown>; after: Record<string, unknown>; names: FactNames; beforeLabel: string; afterLabel: string; caption: string }) {
  const page = usePage();
  const t = useT();
  const keys = changedFacts(props.before, props.after);
  const show = (k: string, v: unknown) => factText(page, k, v, props.names) || '—';
  if (keys.length === 0) return <p>{t('workspace.noDifferences')}</p>;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="changes">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workspace.field')}</th>
            <th scope="col">{props.beforeLabel}</th>
            <th scope="col">{props.afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`workspace.facts.${k}`)}</th>
              <td class="user-text" dir="auto">
                {show(k, props.before[k])}
              </td>
              <td class="user-text" dir="auto">
                {show(k, props.after[k])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WorkspaceHomePage(props: { organisations: Organisation[]; isAdmin: boolean }) {
  const { t, href } = usePage();
  return (
    <Layout title={t('workspace.home.title')}>
      <h1>{t('workspace.home.title')}</h1>
      {props.organisations.length > 0 ? (
        <ul class="card-list">
          {props.organisations.map((o) => (
            <li key={o.id}>
              <a class="button secondary" href={href(`/hantera/${o.slug}`)}>
                <Icon name="building" />
                {o.name}
              </a>
            </li>
          ))}
        </ul>
      ) : props.isAdmin ? null : (
        <p>{t('workspace.home.none')}</p>
      )}
      {props.isAdmin ? (
        <>
          {props.organisations.length === 0 ? <p>{t('workspace.home.adminLead')}</p> : null}
          <p>
            <a class="button secondary" href={href('/admin/organisationer')}>
              <Icon name="building" />
              {t('workspace.home.allOrganisations')}
            </a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}

export interface WorkspaceActivity {
  activity: ActivityDetail;
  /** A change that waits (for review, the organisation, or a resubmission). */
  revision: Revision | undefined;
  nextDate: string | null;
  /** Organisations asked to co-host that have not answered yet. */
  asked: string[];
  /** Notes on its paused and cancelled dates that wait for review or were sent back. */
  notes: Revision[];
}

/** A request to this organisation to co-host someone else's activity. */
export interface CoHostAsk {
  revisionId: number;
  activity: ActivityDetail;
  /** The organisation that asks (the main host). */
  hostName: string;
}

/** Where the editor changes the note of one pause or cancelled date. */
const notePath = (base: string, activityId: number, n: { kind: 'pause' | 'cancel'; date: string }) =>
  `${base}/aktivitet/${activityId}/${n.kind === 'pause' ? 'paus' : 'installt'}?datum=${n.date}`;

/** Requests to co-host, each answered yes or no with one button (no script needed). */
function CoHostAsks(props: { asks: CoHostAsk[]; base: string; csrf: string }) {
  const page = usePage();
  const { lang, href } = page;
  const t = useT();
  if (props.asks.length === 0) return null;
  return (
    <section class="panel" id="cohost-requests" aria-labelledby="cohost-heading">
      <h2 id="cohost-heading">{t('workspace.cohost.requestsHeading')}</h2>
      <p>{t('workspace.cohost.requestsLead')}</p>
      <ul class="plain">
        {props.asks.map((ask) => {
          const a = ask.activity;
          const id = `cohost-ask-${ask.revisionId}`;
          return (
            <li key={ask.revisionId}>
              <h3 id={id}>{a.title}</h3>
              <p>{t('workspace.cohost.askedBy', { organisation: ask.hostName })}</p>
              <p>
                {describeSchedule(page.t, lang, a.schedule)}
                {a.place ? `, ${a.place.name}` : ''}
              </p>
              <form method="post" action={href(`${props.base}/samarbete/${ask.revisionId}`)} class="form-actions">
                <CsrfField token={props.csrf} />
                <button type="submit" name="answer" value="accept" class="button" aria-describedby={id}>
                  <Icon name="handshake" />
                  {t('workspace.cohost.accept')}
                </button>
                <button type="submit" name="answer" value="decline" class="button secondary" aria-describedby={id}>
                  {t('workspace.cohost.decline')}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function StateBadge(props: { item: WorkspaceActivity }) {
  const t = useT();
  const { activity: a, revision: r } = props.item;
  if (r?.status === 'returned') return <span class="badge badge-cancelled">{t('workspace.state.returned')}</span>;
  if (r?.status === 'proposal') return <span class="badge badge-moved">{t('workspace.state.proposal')}</span>;
  if (r?.status === 'pending') return <span class="badge badge-moved">{t(a.status === 'published' ? 'workspace.state.changeWaiting' : 'workspace.state.pending')}</span>;
  return <span class={a.status === 'published' ? 'badge badge-ok' : 'badge'}>{t(`workspace.state.${a.status}`)}</span>;
}

export function OrganisationWorkspacePage(props: {
  organisation: Organisation;
  activities: WorkspaceActivity[];
  asks: CoHostAsk[];
  profileRevision: Revision | undefined;
  csrf: string;
  saved?: string | undefined;
  /** Last confirmations and clashes with other organisations (absent: not shown). */
  freshness?: WorkspaceFreshness;
  /** What another feature shows here (OrganisationSlot). */
  slot?: preact.ComponentChildren;
}) {
  const page = usePage();
  const { lang, href } = page;
  const t = useT();
  const o = props.organisation;
  const base = `/hantera/${o.slug}`;
  const returned = props.activities.filter((x) => x.revision?.status === 'returned');
  const returnedNotes = props.activities.flatMap((x) => x.notes.flatMap((n) => (n.entity === 'note' && n.status === 'returned' ? [{ activity: x.activity, note: n }] : [])));
  return (
    <Layout title={t('workspace.org.title', { organisation: o.name })}>
      <header class="page-head">
        <p class="eyebrow">{t('workspace.org.eyebrow')}</p>
        <h1>{o.name}</h1>
        <p class="hint">{t(o.trusted ? 'workspace.org.trusted' : 'workspace.org.reviewed')}</p>
      </header>
      {props.saved ? <Notice>{t(`workspace.saved.${props.saved}`)}</Notice> : null}
      <CoHostAsks asks={props.asks} base={base} csrf={props.csrf} />
      {props.slot ?? null}
      {returned.length > 0 || returnedNotes.length > 0 || props.profileRevision?.status === 'returned' ? (
        <section class="panel" aria-labelledby="messages-heading">
          <h2 id="messages-heading">{t('workspace.org.messages')}</h2>
          <ul class="plain">
            {returned.map((x) => (
              <li key={x.activity.id}>
                <strong>{x.activity.title}</strong>: <span class="user-text">{x.revision!.message}</span>{' '}
                <a href={href(`${base}/aktivitet/${x.activity.id}`)}>{t('workspace.org.fix')}</a>
              </li>
            ))}
            {returnedNotes.map(({ activity: a, note: n }) => (
              <li key={`note-${n.id}`}>
                <strong>{a.title}</strong> ({t('workspace.notes.messageFor', { date: noteDates(lang, n.data) })}): <span class="user-text">{n.message}</span>{' '}
                <a href={href(notePath(base, a.id, n.data))}>{t('workspace.org.fix')}</a>
              </li>
            ))}
            {props.profileRevision?.status === 'returned' ? (
              <li>
                <strong>{t('workspace.profileTitle')}</strong>: <span class="user-text">{props.profileRevision.message}</span>{' '}
                <a href={href(`${base}/profil`)}>{t('workspace.org.fix')}</a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      <p class="actions">
        <a class="button" href={href(`${base}/ny`)}>
          <Icon name="calendar-plus" />
          {t('workspace.org.newActivity')}
        </a>
        <a class="button secondary" href={href(`${base}/profil`)}>
          <Icon name="building" />
          {t('workspace.org.editProfile')}
        </a>
        <a class="button secondary" href={href(`${base}/kalender`)}>
          <Icon name="calendar" />
          {t('imports.workspaceLink')}
        </a>
        <a class="button secondary" href={href(`${base}/volontarer`)}>
          <Icon name="hand-heart" />
          {t('network.volunteers.workspace.link')}
        </a>
        {o.published ? (
          <a class="button secondary" href={href(`/organisationer/${o.slug}`)}>
            {t('workspace.org.publicPage')}
          </a>
        ) : null}
      </p>
      {props.freshness ? <FreshnessPanel activities={props.activities.map((x) => x.activity)} base={base} freshness={props.freshness} csrf={props.csrf} /> : null}
      <h2>{t('workspace.org.activities', { count: props.activities.length })}</h2>
      {props.activities.length === 0 ? <p>{t('workspace.org.noActivities')}</p> : null}
      <ul class="workspace-list">
        {props.activities.map((x) => {
          const a = x.activity;
          return (
            <li key={a.id} class="panel">
              <h3>
                <a href={href(`${base}/aktivitet/${a.id}`)}>{a.title}</a>
              </h3>
              <p>
                <StateBadge item={x} />
              </p>
              <p>
                {describeSchedule(page.t, lang, a.schedule)}
                {a.place ? `, ${a.place.name}` : ''}
              </p>
              <p class="hint">{x.nextDate ? t('workspace.org.nextDate', { date: formatDate(lang, x.nextDate, 'weekdayDayMonth') }) : t('workspace.org.noNextDate')}</p>
              {x.asked.length > 0 ? <p class="hint">{t('workspace.cohost.waitingFor', { organisation: formatList(lang, x.asked) })}</p> : null}
              {props.freshness ? <ConfirmLine activity={a} base={base} staleBefore={props.freshness.staleBefore} csrf={props.csrf} /> : null}
              <ul class="row-actions">
                {[
                  { path: `${base}/aktivitet/${a.id}`, icon: 'pencil' as const, label: 'edit' },
                  { path: `${base}/ny?fran=${a.id}`, icon: 'copy' as const, label: 'duplicate' },
                  { path: `${base}/aktivitet/${a.id}/installt`, icon: 'calendar-x' as const, label: 'cancelDate' },
                  { path: `${base}/aktivitet/${a.id}/paus`, icon: 'pause' as const, label: 'pause' },
                  ...(a.status === 'published' ? [{ path: activityPath(a), icon: 'eye' as const, label: 'view' }] : []),
                  ...(a.registration === 'signup' ? [{ path: `${base}/aktivitet/${a.id}/anmalan`, icon: 'clipboard-list' as const, label: 'signups' }] : []),
                  ...(a.hosts[0]?.id !== o.id ? [{ path: `${base}/aktivitet/${a.id}/lamna`, icon: 'x' as const, label: 'leave' }] : []),
                  { path: `${base}/aktivitet/${a.id}/ta-bort`, icon: 'trash' as const, label: 'delete' },
                ].map((action) => (
                  <li key={action.label}>
                    <a href={href(action.path)}>
                      <Icon name={action.icon} />
                      {t(`workspace.actions.${action.label}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

export interface ClashNote {
  id: number;
  slug: string;
  title: string;
  place: string | null;
  firstDate: string;
  dates: number;
  sameDistrict: boolean;
}

function ClashWarning(props: { clashes: ClashNote[]; stopped: boolean }) {
  const { lang, href } = usePage();
  const t = useT();
  if (props.clashes.length === 0) return null;
  return (
    <div class="notice notice-warning" role="alert" id="clash-warning">
      <h2>{t('workspace.clash.title', { count: props.clashes.length })}</h2>
      <p>{t('workspace.clash.lead')}</p>
      <ul>
        {props.clashes.map((c) => (
          <li key={c.id}>
            <a href={href(activityPath(c))}>{c.title}</a>
            {c.place ? `, ${c.place}` : ''} — {t('workspace.clash.dates', { count: c.dates, date: formatDate(lang, c.firstDate, 'weekdayDayMonth') })}
          </li>
        ))}
      </ul>
      <p class="hint">{t('workspace.clash.hint')}</p>
      {props.stopped ? <p>{t('workspace.clash.notSaved')}</p> : null}
    </div>
  );
}

/** The coordinator's other way to save: as a proposal the organisation approves by e-mail link, with a message. */
function ProposalChoice(props: { hasEmail: boolean }) {
  const t = useT();
  return (
    <details class="proposal">
      <summary>{t('workspace.buttons.proposalSummary')}</summary>
      <p class="hint">{t(props.hasEmail ? 'workspace.hints.proposal' : 'workspace.hints.proposalNoEmail')}</p>
      <TextArea name="message" label={t('workspace.fields.proposalMessage')} value="" maxLength={2000} />
      <button type="submit" name="action" value="proposal" class="button secondary" disabled={!props.hasEmail}>
        <Icon name="mail" />
        {t('workspace.buttons.propose')}
      </button>
    </details>
  );
}

function SaveButtons(props: { direct: boolean; isAdmin: boolean; hasEmail: boolean }) {
  const t = useT();
  return (
    <div class="form-actions">
      <button type="submit" name="action" value="preview" class="button secondary">
        <Icon name="eye" />
        {t('workspace.buttons.preview')}
      </button>
      <button type="submit" name="action" value="save" class="button">
        <Icon name="circle-check" />
        {t(props.direct ? 'workspace.buttons.publish' : 'workspace.buttons.submit')}
      </button>
      {props.isAdmin ? (
        <ProposalChoice hasEmail={props.hasEmail} />
      ) : null}
      {!props.direct ? <p class="hint">{t('workspace.hints.review')}</p> : null}
    </div>
  );
}

/** Both versions of an edit that met someone else's save, with names for the ids their facts hold. */
export interface Conflict {
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  names: FactNames;
}

export function ConflictNotice(props: { conflict: Conflict }) {
  const t = useT();
  return (
    <div class="notice notice-cancelled" role="alert" id="conflict">
      <h2>{t('workspace.conflict.title')}</h2>
      <p>{t('workspace.conflict.lead')}</p>
      <ChangeTable
        before={props.conflict.theirs}
        after={props.conflict.mine}
        names={props.conflict.names}
        beforeLabel={t('workspace.conflict.theirs')}
        afterLabel={t('workspace.conflict.mine')}
        caption={t('workspace.conflict.caption')}
      />
      <p>{t('workspace.conflict.next')}</p>
    </div>
  );
}

export function ActivityFormPage(props: {
  organisation: Organisation;
  activity: ActivityDetail | undefined;
  form: ActivityForm;
  errors: Record<string, string>;
  choices: ActivityFieldChoices;
  csrf: string;
  preview?: { activity: ActivityDetail; upcoming: ExpandedOccurrence[]; skipped: SkippedDate[] } | undefined;
  clashes: ClashNote[];
  clashKey?: string | undefined;
  conflict?: Conflict | undefined;
  waiting: boolean;
  /** Organisations asked to co-host that have not answered yet. */
  coHostsAsked: string[];
  isAdmin: boolean;
  direct: boolean;
  translations?: { rows: TranslationRow[]; saved: boolean } | undefined;
}) {
  const { href, lang } = usePage();
  const t = useT();
  const o = props.organisation;
  const a = props.activity;
  const title = a ? t('workspace.form.editTitle', { title: a.title }) : t('workspace.form.newTitle');
  const action = href(a ? `/hantera/${o.slug}/aktivitet/${a.id}` : `/hantera/${o.slug}/ny`);
  return (
    <Layout title={title}>
      <BackLink href={href(`/hantera/${o.slug}`)}>{o.name}</BackLink>
      <h1>{title}</h1>
      {props.waiting ? <Notice>{t('workspace.form.waiting')}</Notice> : null}
      {props.coHostsAsked.length > 0 ? <Notice>{t('workspace.cohost.formNotice', { organisation: formatList(lang, props.coHostsAsked) })}</Notice> : null}
      {props.conflict ? <ConflictNotice conflict={props.conflict} /> : null}
      <ClashWarning clashes={props.clashes} stopped={props.clashKey !== undefined} />
      {props.preview ? (
        <section class="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('workspace.form.previewHeading')}</h2>
          <p class="hint">{t('workspace.form.previewHint')}</p>
          <div class="preview-frame">
            <ActivityArticle
              activity={props.preview.activity}
              texts={{
                title: { text: props.preview.activity.title, lang: 'sv', machine: false, outdated: false },
                description: { text: props.preview.activity.description, lang: 'sv', machine: false, outdated: false },
                directions: props.preview.activity.place?.directions ? { text: props.preview.activity.place.directions, lang: 'sv', machine: false, outdated: false } : null,
              }}
              upcoming={props.preview.upcoming}
              skipped={props.preview.skipped}
              preview
              headingLevel={2}
            />
          </div>
        </section>
      ) : null}
      <form method="post" action={action} novalidate class="activity-form">
        <CsrfField token={props.csrf} />
        {props.clashKey !== undefined ? <input type="hidden" name="clashesSeen" value={props.clashKey} /> : null}
        <ActivityFields form={props.form} errors={props.errors} choices={props.choices} />
        <SaveButtons direct={props.direct} isAdmin={props.isAdmin} hasEmail={!!o.email} />
      </form>
      {a && props.translations ? <TranslationsPanel org={o.slug} entity="activity" id={a.id} rows={props.translations.rows} saved={props.translations.saved} /> : null}
    </Layout>
  );
}

/** What was paused or cancelled, each with a button that undoes it (posts `name=value`) and what its note waits for. */
function UndoList(props: { id: string; heading: string; action: string; csrf: string; name: string; button: string; items: { value: string; text: string; detail?: preact.ComponentChildren }[] }) {
  if (props.items.length === 0) return null;
  return (
    <section class="panel" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <ul class="plain">
        {props.items.map((item) => (
          <li key={item.value}>
            <form method="post" action={props.action} class="inline-form">
              <CsrfField token={props.csrf} />
              <span>{item.text}</span>{' '}
              <button type="submit" name={props.name} value={item.value} class="button secondary">
                {props.button}
              </button>
            </form>
            {item.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Under a pause or cancelled date: its note waiting for review or sent back, and a link to change the note. */
function NoteState(props: { notes: Revision[]; kind: 'pause' | 'cancel'; date: string; edit: string }) {
  const t = useT();
  const waiting = props.notes.find((n) => n.entity === 'note' && n.data.kind === props.kind && n.data.date === props.date);
  return (
    <>
      {waiting?.entity === 'note' ? (
        waiting.status === 'returned' ? (
          <p class="hint">
            {t('workspace.notes.returned')} <span class="user-text">{waiting.message}</span>
          </p>
        ) : (
          <p class="hint">
            {t('workspace.notes.waiting')} <bdi class="user-text">{waiting.data.note}</bdi>
          </p>
        )
      ) : null}
      <p>
        <a href={props.edit}>{t('workspace.notes.edit')}</a>
      </p>
    </>
  );
}

/** Props the pause and cancel pages share: the notes that wait, and whether a new note waits for review. */
interface DatedPageProps {
  organisation: Organisation;
  activity: ActivityDetail;
  errors: Record<string, string>;
  csrf: string;
  /** Notes on this activity's dates that wait for review or were sent back. */
  notes: Revision[];
  /** The editor's notes wait for the coordinator (an organisation that is not trusted). */
  reviewed: boolean;
  /** People signed up per (original) date from today on: they get an e-mail when their date is off. */
  signupCounts?: Record<string, number>;
}

/** "Dates with sign-ups: 8 December – 3 signed up will get an e-mail" above a pause form. */
function SignupsToTell(props: { counts: Record<string, number> | undefined }) {
  const { lang } = usePage();
  const t = useT();
  const dates = Object.entries(props.counts ?? {}).sort(([x], [y]) => x.localeCompare(y));
  if (dates.length === 0) return null;
  return (
    <div class="notice notice-warning">
      <p>{t('workspace.signups.pauseLead')}</p>
      <ul>
        {dates.map(([date, count]) => (
          <li key={date}>
            {formatDate(lang, date, 'weekdayDayMonth')}: {t('workspace.signups.willBeTold', { count })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PausePage(props: DatedPageProps & { form: { fromDate: string; toDate: string; note: string } }) {
  const { lang, href } = usePage();
  const t = useT();
  const a = props.activity;
  const path = `/hantera/${props.organisation.slug}/aktivitet/${a.id}/paus`;
  const action = href(path);
  return (
    <Layout title={t('workspace.pause.title', { title: a.title })}>
      <BackLink href={href(`/hantera/${props.organisation.slug}`)}>{props.organisation.name}</BackLink>
      <h1>{t('workspace.pause.title', { title: a.title })}</h1>
      <p class="lead">{t('workspace.pause.lead')}</p>
      <SignupsToTell counts={props.signupCounts} />
      <UndoList
        id="pauses"
        heading={t('workspace.pause.existing')}
        action={action}
        csrf={props.csrf}
        name="remove"
        button={t('workspace.pause.remove')}
        items={a.schedule.pauses.map((p) => ({
          value: p.fromDate,
          text: `${formatDate(lang, p.fromDate, 'dayMonthYear')} – ${formatDate(lang, p.toDate, 'dayMonthYear')}${p.note ? ` (${p.note})` : ''}`,
          detail: <NoteState notes={props.notes} kind="pause" date={p.fromDate} edit={`${action}?datum=${p.fromDate}`} />,
        }))}
      />
      <form method="post" action={action} novalidate class="panel">
        <CsrfField token={props.csrf} />
        <ErrorSummary errors={props.errors} labels={{ fromDate: t('workspace.pause.from'), toDate: t('workspace.pause.to'), note: t('workspace.fields.note') }} />
        <div class="field-grid">
          <Field name="fromDate" type="date" label={t('workspace.pause.from')} value={props.form.fromDate} error={props.errors.fromDate} required />
          <Field name="toDate" type="date" label={t('workspace.pause.to')} value={props.form.toDate} error={props.errors.toDate} required />
        </div>
        <Field
          name="note"
          label={t('workspace.fields.note')}
          hint={props.reviewed ? `${t('workspace.pause.noteHint')} ${t('workspace.notes.reviewHint')}` : t('workspace.pause.noteHint')}
          value={props.form.note}
          error={props.errors.note}
          maxLength={200}
        />
        <button type="submit" class="button">
          {t('workspace.pause.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function CancelDatePage(props: DatedPageProps & { dates: ExpandedOccurrence[]; form: { date: string; note: string } }) {
  const { lang, href } = usePage();
  const t = useT();
  const a = props.activity;
  const action = href(`/hantera/${props.organisation.slug}/aktivitet/${a.id}/installt`);
  const cancelled = props.dates.filter((d) => d.status === 'cancelled');
  // A cancelled date opened to change its message is offered again, chosen.
  const open = props.dates.filter((d) => d.status !== 'cancelled' || d.originalDate === props.form.date);
  return (
    <Layout title={t('workspace.cancel.title', { title: a.title })}>
      <BackLink href={href(`/hantera/${props.organisation.slug}`)}>{props.organisation.name}</BackLink>
      <h1>{t('workspace.cancel.title', { title: a.title })}</h1>
      <p class="lead">{t('workspace.cancel.lead')}</p>
      {open.length === 0 ? (
        <p>{t('workspace.cancel.noDates')}</p>
      ) : (
        <form method="post" action={action} novalidate class="panel">
          <CsrfField token={props.csrf} />
          <ErrorSummary errors={props.errors} labels={{ date: t('workspace.cancel.date'), note: t('workspace.fields.note') }} />
          <ChoiceGroup
            name="date"
            type="radio"
            legend={t('workspace.cancel.date')}
            options={open.map((d) => {
              const told = d.status === 'cancelled' ? 0 : (props.signupCounts?.[d.originalDate] ?? 0);
              const when = `${formatDate(lang, d.localDate, 'weekdayDayMonth')} ${formatTimeRange(lang, d.startTime, d.endTime)}`;
              return { value: d.originalDate, label: told > 0 ? `${when} – ${t('workspace.signups.willBeTold', { count: told })}` : when };
            })}
            selected={[props.form.date]}
            error={props.errors.date}
          />
          <Field
            name="note"
            label={t('workspace.fields.note')}
            hint={props.reviewed ? `${t('workspace.cancel.noteHint')} ${t('workspace.notes.reviewHint')}` : t('workspace.cancel.noteHint')}
            value={props.form.note}
            error={props.errors.note}
            maxLength={200}
          />
          <button type="submit" class="button">
            {t('workspace.cancel.submit')}
          </button>
        </form>
      )}
      <UndoList
        id="cancelled"
        heading={t('workspace.cancel.existing')}
        action={action}
        csrf={props.csrf}
        name="restore"
        button={t('workspace.cancel.restore')}
        items={cancelled.map((d) => ({
          value: d.originalDate,
          text: `${formatDate(lang, d.localDate, 'weekdayDayMonth')}${d.note ? ` (${d.note})` : ''}`,
          detail: <NoteState notes={props.notes} kind="cancel" date={d.originalDate} edit={`${action}?datum=${d.originalDate}`} />,
        }))}
      />
    </Layout>
  );
}

/** A co-host steps down from someone else's activity, after saying yes once more. */
export function LeaveCoHostPage(props: { organisation: Organisation; activity: ActivityDetail; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  const a = props.activity;
  const back = href(`/hantera/${props.organisation.slug}`);
  return (
    <Layout title={t('workspace.leave.title', { title: a.title })}>
      <BackLink href={back}>{props.organisation.name}</BackLink>
      <h1>{t('workspace.leave.title', { title: a.title })}</h1>
      <p class="lead">{t('workspace.leave.lead', { organisation: a.hosts[0]?.name ?? '' })}</p>
      <form method="post" action={href(`/hantera/${props.organisation.slug}/aktivitet/${a.id}/lamna`)} class="form-actions">
        <CsrfField token={props.csrf} />
        <button type="submit" class="button danger">
          {t('workspace.leave.submit')}
        </button>
        <a class="button secondary" href={back}>
          {t('workspace.leave.keep')}
        </a>
      </form>
    </Layout>
  );
}

export function DeleteActivityPage(props: { organisation: Organisation; activity: ActivityDetail; told?: number; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  const a = props.activity;
  return (
    <Layout title={t('workspace.delete.title', { title: a.title })}>
      <h1>{t('workspace.delete.title', { title: a.title })}</h1>
      <p class="lead">{t('workspace.delete.lead')}</p>
      {props.told ? <p class="notice notice-warning">{t('workspace.signups.willBeTold', { count: props.told })}</p> : null}
      <form method="post" action={href(`/hantera/${props.organisation.slug}/aktivitet/${a.id}/ta-bort`)} class="form-actions">
        <CsrfField token={props.csrf} />
        <button type="submit" class="button danger">
          <Icon name="trash" />
          {t('workspace.delete.submit')}
        </button>
        <a class="button secondary" href={href(`/hantera/${props.organisation.slug}`)}>
          {t('workspace.delete.keep')}
        </a>
      </form>
    </Layout>
  );
}

/** The profile fields; the workspace and a proposal's "change before approving" use them. */
export function ProfileFields(props: { form: ProfileForm; errors: Record<string, string>; districts: District[] }) {
  const t = useT();
  const { form, errors } = props;
  const labels: Record<string, string> = {};
  for (const f of ['name', 'kind', 'description', 'website', 'email', 'phone', 'contactName', 'categories', 'districtIds']) labels[f] = t(`workspace.profile.${f}`);
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <input type="hidden" name="version" value={form.version} />
      <Field name="name" label={labels.name!} value={form.name} error={errors.name} required maxLength={PROFILE_LIMITS.name} />
      <SelectField name="kind" label={labels.kind!} value={form.kind} error={errors.kind} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`taxonomy.kind.${k}`) }))} />
      <TextArea name="description" label={labels.description!} hint={t('workspace.profile.descriptionHint')} value={form.description} error={errors.description} maxLength={PROFILE_LIMITS.description} rows={6} />
      <div class="field-grid">
        <Field name="website" type="url" label={labels.website!} value={form.website} error={errors.website} maxLength={PROFILE_LIMITS.website} autocomplete="url" />
        <Field name="email" type="email" label={labels.email!} value={form.email} error={errors.email} maxLength={PROFILE_LIMITS.email} autocomplete="email" />
        <Field name="phone" type="tel" label={labels.phone!} value={form.phone} error={errors.phone} maxLength={PROFILE_LIMITS.phone} autocomplete="tel" />
        <Field name="contactName" label={labels.contactName!} value={form.contactName} error={errors.contactName} maxLength={PROFILE_LIMITS.contactName} />
      </div>
      <ChoiceGroup name="categories" type="checkbox" legend={labels.categories!} options={CATEGORY_CODES.map((c) => ({ value: c, label: t(`taxonomy.category.${c}`) }))} selected={form.categories} error={errors.categories} />
      <ChoiceGroup name="districtIds" type="checkbox" legend={labels.districtIds!} options={props.districts.map((d) => ({ value: String(d.id), label: d.name }))} selected={form.districtIds} error={errors.districtIds} />
    </>
  );
}

export function ProfileFormPage(props: {
  organisation: Organisation;
  form: ProfileForm;
  errors: Record<string, string>;
  districts: District[];
  csrf: string;
  conflict?: Conflict | undefined;
  waiting: boolean;
  isAdmin: boolean;
  direct: boolean;
  translations?: { rows: TranslationRow[]; saved: boolean } | undefined;
}) {
  const { href } = usePage();
  const t = useT();
  const o = props.organisation;
  return (
    <Layout title={t('workspace.profile.title', { organisation: o.name })}>
      <BackLink href={href(`/hantera/${o.slug}`)}>{o.name}</BackLink>
      <h1>{t('workspace.profile.title', { organisation: o.name })}</h1>
      {props.waiting ? <Notice>{t('workspace.form.waiting')}</Notice> : null}
      {props.conflict ? <ConflictNotice conflict={props.conflict} /> : null}
      <form method="post" action={href(`/hantera/${o.slug}/profil`)} novalidate>
        <CsrfField token={props.csrf} />
        <ProfileFields form={props.form} errors={props.errors} districts={props.districts} />
        <div class="form-actions">
          <button type="submit" name="action" value="save" class="button">
            {t(props.direct ? 'workspace.buttons.publish' : 'workspace.buttons.submit')}
          </button>
          {props.isAdmin ? (
            <ProposalChoice hasEmail={!!o.email} />
          ) : null}
        </div>
      </form>
      {props.translations ? <TranslationsPanel org={o.slug} entity="organisation" id={o.id} rows={props.translations.rows} saved={props.translations.saved} /> : null}
    </Layout>
  );
}


export interface TranslationRow {
  language: string;
  /** Per field: its state in that language. */
  states: { field: string; state: 'missing' | 'outdated' | 'machine' | 'done' }[];
}

/** Each language with the state of each translatable text, and a link to translate it. */
export function TranslationsPanel(props: { org: string; entity: 'activity' | 'organisation'; id: number; rows: TranslationRow[]; saved: boolean }) {
  const { href } = usePage();
  const t = useT();
  const fieldName = (f: string) => t(`translator.fields.${props.entity}.${f}`);
  return (
    <section class="panel" id="translations" aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t('workspace.translations.heading')}</h2>
      <p>{t('workspace.translations.lead')}</p>
      {props.saved ? (
        <Notice>
          {t('workspace.translations.saved')}
        </Notice>
      ) : null}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('workspace.translations.caption')}>
        <table class="data-table">
          <caption class="visually-hidden">{t('workspace.translations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.translations.language')}</th>
              {props.rows[0]?.states.map((s) => (
                <th key={s.field} scope="col">
                  {fieldName(s.field)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => {
              const l = findLanguage(r.language);
              return (
                <tr key={r.language}>
                  <th scope="row" lang={r.language} dir={l?.dir}>
                    {l?.nativeName ?? r.language}
                  </th>
                  {r.states.map((s) => (
                    <td key={s.field}>
                      <a
                        href={href(`/hantera/${props.org}/oversatt/${r.language}/${props.entity}/${props.id}/${s.field}`)}
                        aria-label={t('workspace.translations.edit', { field: fieldName(s.field), language: l?.nativeName ?? r.language })}
                      >
                        {t(`workspace.translations.${s.state}`)}
                      </a>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
