/** Föreningslots pages: the request form (for people who read little: icons, few fields, big targets), the guide's queue and one case. */
import { formatDate, formatList, nativeLanguageName, weekdayName } from '../../i18n/index.js';
import { BackLink, ConsentFieldset, CsrfField, DateTime, ErrorSummary, Field, HoneypotField, Notice, Pager, SelectField, TextArea } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { WEEKDAYS, categoryIcon } from '../calendar/index.js';
import type { District } from '../places/index.js';
import { CATEGORY_CODES } from '../taxonomy/index.js';
import { CASE_AGE_GROUPS, CASE_STATUSES, FREE_TIMES, type CaseAgeGroup, type GuideCase } from './case.js';
import type { CaseHistoryEntry } from './case.store.js';
import { STAMP_FIELD } from './form-stamp.js';
import { CONTACT_LANGUAGES, REQUEST_LIMITS, type RequestForm } from './request-form.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** Checkboxes drawn as big tiles with an icon: interests a person can tap without reading much. */
function IconChoices(props: { name: string; legend: string; options: { value: string; label: string; icon: Parameters<typeof Icon>[0]['name'] }[]; selected: string[]; error?: string | undefined }) {
  const t = useT();
  const id = `field-${props.name}`;
  return (
    <fieldset class={props.error ? 'pick-tiles has-error' : 'pick-tiles'} id={id} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      <div class="pick-grid">
        {props.options.map((o) => (
          <label key={o.value} class="pick">
            <input type="checkbox" name={props.name} value={o.value} checked={props.selected.includes(o.value)} />
            <Icon name={o.icon} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {t(props.error)}
        </p>
      ) : null}
    </fieldset>
  );
}

function Choices(props: { name: string; legend: string; type: 'radio' | 'checkbox'; options: { value: string; label: string }[]; selected: string[]; error?: string | undefined; hint?: string }) {
  const t = useT();
  const id = `field-${props.name}`;
  return (
    <fieldset class={props.error ? 'checks has-error' : 'checks'} id={id} aria-describedby={[props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.options.map((o) => (
        <label key={o.value}>
          <input type={props.type} name={props.name} value={o.value} checked={props.selected.includes(o.value)} /> {o.label}
        </label>
      ))}
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {t(props.error)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function RequestPage(props: {
  form: RequestForm;
  errors: Record<string, string>;
  /** A message about the whole form (sent too fast, too many from here), shown above it: a catalogue key. */
  notice?: string | undefined;
  districts: District[];
  csrf: string;
  retentionMonths: number;
}) {
  const { lang, href } = usePage();
  const t = useT();
  const { form, errors } = props;
  const labels: Record<string, string> = {
    firstName: t('guide.form.firstName'),
    phone: t('guide.form.phone'),
    email: t('guide.form.email'),
    contactLanguage: t('guide.form.contactLanguage'),
    ageGroup: t('guide.form.ageGroup'),
    districtId: t('guide.form.district'),
    interests: t('guide.form.interests'),
    interestText: t('guide.form.interestText'),
    freeDays: t('guide.form.freeDays'),
    freeTimes: t('guide.form.freeTimes'),
    helperName: t('guide.form.helperName'),
    consent: t('guide.form.consentLegend'),
  };
  return (
    <Layout title={t('guide.form.title')} description={t('guide.form.lead')}>
      <div class="narrow-wide">
        <h1>{t('guide.form.title')}</h1>
        <p class="lead">{t('guide.form.lead')}</p>
        <form method="post" action={href('/hitta-forening')} novalidate class="request-form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name={STAMP_FIELD} value={form.stamp} />
          {props.notice ? <Notice kind="error">{t(props.notice)}</Notice> : null}
          <ErrorSummary errors={errors} labels={labels} />
          <HoneypotField name="website" label={t('guide.form.honeypot')} value={form.website} />

          <IconChoices
            name="interests"
            legend={t('guide.form.interests')}
            options={CATEGORY_CODES.filter((c) => c !== 'volontar').map((c) => ({ value: c, label: t(`taxonomy.category.${c}`), icon: categoryIcon(c) }))}
            selected={form.interests}
            error={errors.interests}
          />
          <Field name="interestText" label={labels.interestText!} hint={t('guide.form.interestTextHint')} value={form.interestText} error={errors.interestText} maxLength={REQUEST_LIMITS.interestText} />

          <Choices
            name="ageGroup"
            type="radio"
            legend={labels.ageGroup!}
            options={CASE_AGE_GROUPS.map((g) => ({ value: g, label: t(`guide.ageGroup.${g}`) }))}
            selected={[form.ageGroup]}
            error={errors.ageGroup}
          />
          <SelectField
            name="districtId"
            label={labels.districtId!}
            value={form.districtId}
            error={errors.districtId}
            options={[{ value: '', label: t('guide.form.districtUnknown') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
          />
          <Choices
            name="freeDays"
            type="checkbox"
            legend={labels.freeDays!}
            options={WEEKDAYS.map((d, i) => ({ value: d, label: weekdayName(lang, i + 1) }))}
            selected={form.freeDays}
            error={errors.freeDays}
          />
          <Choices name="freeTimes" type="checkbox" legend={labels.freeTimes!} options={FREE_TIMES.map((f) => ({ value: f, label: t(`guide.freeTime.${f}`) }))} selected={form.freeTimes} error={errors.freeTimes} />

          <fieldset class="form-section">
            <legend>{t('guide.form.aboutYou')}</legend>
            <Field name="firstName" label={labels.firstName!} value={form.firstName} error={errors.firstName} required maxLength={REQUEST_LIMITS.firstName} autocomplete="given-name" />
            <p class="hint">{t('guide.form.contactHint')}</p>
            <Field name="phone" type="tel" label={labels.phone!} value={form.phone} error={errors.phone} maxLength={REQUEST_LIMITS.phone} autocomplete="tel" />
            <Field name="email" type="email" label={labels.email!} value={form.email} error={errors.email} maxLength={REQUEST_LIMITS.email} autocomplete="email" />
            <SelectField
              name="contactLanguage"
              label={labels.contactLanguage!}
              value={form.contactLanguage}
              error={errors.contactLanguage}
              options={CONTACT_LANGUAGES.map((l) => ({ value: l, label: nativeLanguageName(l) }))}
            />
          </fieldset>

          <fieldset class="form-section">
            <legend>{t('guide.form.onBehalfLegend')}</legend>
            <div class="checks">
              <label for="field-onBehalf">
                <input id="field-onBehalf" type="checkbox" name="onBehalf" value="true" checked={form.onBehalf} /> {t('guide.form.onBehalf')}
              </label>
            </div>
            <Field name="helperName" label={labels.helperName!} hint={t('guide.form.helperHint')} value={form.helperName} error={errors.helperName} maxLength={REQUEST_LIMITS.helperName} />
          </fieldset>

          <ConsentFieldset
            legend={labels.consent!}
            points={[t('guide.form.consentWho'), t('guide.form.consentWhy'), t('guide.form.consentShare'), t('guide.form.consentHowLong', { months: props.retentionMonths }), t('guide.form.consentRights')]}
            privacyLink={t('guide.form.privacyLink')}
            label={t('guide.form.consent')}
            checked={form.consent}
            error={errors.consent}
          />

          <button type="submit" class="button big">
            <Icon name="mail" />
            {t('guide.form.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function RequestDonePage(props: { reference: string; language: string }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('guide.done.title')}>
      <div class="narrow">
        <h1>{t('guide.done.title')}</h1>
        {props.reference ? (
          <p class="reference">
            {t('guide.done.reference')} <strong dir="ltr">{props.reference}</strong>
          </p>
        ) : null}
        <ol class="next-steps">
          <li>{t('guide.done.step1', { language: nativeLanguageName(props.language) })}</li>
          <li>{t('guide.done.step2')}</li>
          <li>{t('guide.done.step3')}</li>
        </ol>
        <p>
          <a class="button secondary" href={href('/')}>
            {t('errors.backToCalendar')}
          </a>
        </p>
      </div>
    </Layout>
  );
}

/** Another open case that gives the same phone number or e-mail address. */
export interface PossibleSamePerson {
  id: number;
  reference: string;
  status: string;
  firstName: string | null;
  ageGroup: CaseAgeGroup;
  interests: string[];
  createdAt: string;
  samePhone: boolean;
  sameEmail: boolean;
}

/**
 * "Maybe the same person": other open cases with the same phone or e-mail, each with enough to tell
 * (name, age group, interests) and one button per case to keep. A shared number is often a family
 * or a school, so nothing is merged without a guide.
 */
function SamePerson(props: { caseId: number; reference: string; possible: PossibleSamePerson[]; csrf: string; error?: string | undefined }) {
  const { lang, href } = usePage();
  const t = useT();
  return (
    <section class="panel" aria-labelledby="same-person-heading">
      <h2 id="same-person-heading">{t('guide.case.samePerson.heading')}</h2>
      <p>{t('guide.case.samePerson.lead')}</p>
      {props.error ? <Notice kind="error">{t(props.error)}</Notice> : null}
      <ul class="card-list">
        {props.possible.map((p) => (
          <li key={p.id} class="card">
            <h3>
              <a href={href(`/lots/arende/${p.id}`)}>
                <bdi dir="ltr">{p.reference}</bdi>
              </a>{' '}
              <CaseStatusBadge status={p.status} />
            </h3>
            <p class="tags">
              {p.samePhone ? <span class="tag">{t('guide.case.samePerson.samePhone')}</span> : null}
              {p.sameEmail ? <span class="tag">{t('guide.case.samePerson.sameEmail')}</span> : null}
            </p>
            <dl class="facts-inline">
              <dt>{t('guide.form.firstName')}</dt>
              <dd class="user-text" dir="auto">
                {p.firstName ?? '—'}
              </dd>
              <dt>{t('guide.form.ageGroup')}</dt>
              <dd>{t(`guide.ageGroup.${p.ageGroup}`)}</dd>
              <dt>{t('guide.form.interests')}</dt>
              <dd>{formatList(lang, p.interests.map((i) => t(`taxonomy.category.${i}`))) || '—'}</dd>
              <dt>{t('guide.case.received')}</dt>
              <dd>{formatDate(lang, p.createdAt.slice(0, 10), 'dayMonthYear')}</dd>
            </dl>
            <form method="post" action={href(`/lots/arende/${props.caseId}/sla-ihop`)} class="form-actions">
              <CsrfField token={props.csrf} />
              <input type="hidden" name="other" value={String(p.id)} />
              <button type="submit" name="keep" value="this" class="button secondary">
                {t('guide.case.samePerson.keep', { reference: props.reference })}
              </button>
              <button type="submit" name="keep" value="other" class="button secondary">
                {t('guide.case.samePerson.keep', { reference: p.reference })}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <p class="hint">{t('guide.case.samePerson.hint')}</p>
    </section>
  );
}

function CaseStatusBadge(props: { status: string }) {
  const t = useT();
  const tone = props.status === 'new' ? 'badge badge-cancelled' : props.status === 'joined' ? 'badge badge-ok' : 'badge';
  return <span class={tone}>{t(`guide.status.${props.status}`)}</span>;
}

export function CasesPage(props: { cases: GuideCase[]; total: number; page: number; pageSize: number; status?: string | undefined; mine: boolean; districts: District[]; viewerId: number }) {
  const { lang, href, today } = usePage();
  const t = useT();
  const district = (id: number | null) => props.districts.find((d) => d.id === id)?.name ?? '—';
  const query = (extra: Record<string, string>) => {
    const p = new URLSearchParams({ ...(props.status ? { status: props.status } : {}), ...(props.mine ? { mina: '1' } : {}), ...extra });
    return `${href('/lots')}?${p.toString()}`;
  };
  return (
    <Layout title={t('guide.cases.title')}>
      <h1>{t('guide.cases.title')}</h1>
      <nav class="chips" aria-label={t('guide.cases.filter')}>
        <ul>
          <li>
            <a class="chip" href={href('/lots')} aria-current={!props.status && !props.mine ? 'page' : undefined}>
              {t('guide.cases.open')}
            </a>
          </li>
          <li>
            <a class="chip" href={`${href('/lots')}?mina=1`} aria-current={props.mine && !props.status ? 'page' : undefined}>
              {t('guide.cases.mine')}
            </a>
          </li>
          {CASE_STATUSES.map((s) => (
            <li key={s}>
              <a class="chip" href={`${href('/lots')}?status=${s}`} aria-current={props.status === s ? 'page' : undefined}>
                {t(`guide.status.${s}`)}
              </a>
            </li>
          ))}
          <li>
            <a class="chip" href={href('/lots/statistik')}>
              {t('guide.cases.statistics')}
            </a>
          </li>
          <li>
            <a class="chip" href={href('/lots/foreningar')}>
              {t('guide.associations.title')}
            </a>
          </li>
        </ul>
      </nav>
      <p>{t('guide.cases.count', { count: props.total })}</p>
      {props.cases.length === 0 ? (
        <p>{t('guide.cases.none')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('guide.cases.caption')}>
          <table class="data-table">
            <caption>{t('guide.cases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guide.cases.reference')}</th>
                <th scope="col">{t('guide.cases.status')}</th>
                <th scope="col">{t('guide.cases.interests')}</th>
                <th scope="col">{t('guide.cases.district')}</th>
                <th scope="col">{t('guide.cases.followUp')}</th>
                <th scope="col">{t('guide.cases.received')}</th>
              </tr>
            </thead>
            <tbody>
              {props.cases.map((c) => (
                <tr key={c.id} class={c.followUpOn && c.followUpOn <= today ? 'is-due' : undefined}>
                  <td>
                    <a href={href(`/lots/arende/${c.id}`)} dir="ltr">
                      {c.reference}
                    </a>
                    {c.assignedTo === props.viewerId ? <span class="badge">{t('guide.cases.yours')}</span> : null}
                  </td>
                  <td>
                    <CaseStatusBadge status={c.status} />
                  </td>
                  <td>{formatList(lang, c.interests.map((i) => t(`taxonomy.category.${i}`)))}</td>
                  <td>{district(c.districtId)}</td>
                  <td>{c.followUpOn ? formatDate(lang, c.followUpOn, 'dayMonth') : '—'}</td>
                  <td>{formatDate(lang, c.createdAt.slice(0, 10), 'dayMonth')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={props.page} pages={Math.max(1, Math.ceil(props.total / props.pageSize))} hrefFor={(p) => query({ page: String(p) })} />
    </Layout>
  );
}

export function CasePage(props: {
  item: GuideCase;
  notes: { id: number; text: string; createdAt: string; authorName: string | null }[];
  districts: District[];
  assignee: string | null;
  guides: { id: number; name: string }[];
  history: CaseHistoryEntry[];
  /** Other open cases with the same phone or e-mail: maybe the same person, maybe not (a family, a class). */
  possible: PossibleSamePerson[];
  /** The case this one was merged into. */
  mergedInto: { id: number; reference: string } | null;
  viewerId: number;
  csrf: string;
  errors: Record<string, string>;
  note: string;
  saved?: string | undefined;
}) {
  const { lang, href } = usePage();
  const t = useT();
  const c = props.item;
  const base = `/lots/arende/${c.id}`;
  const erased = c.erasedAt !== null;
  const district = props.districts.find((d) => d.id === c.districtId)?.name ?? t('guide.form.districtUnknown');
  return (
    <Layout title={t('guide.case.title', { reference: c.reference })}>
      <BackLink href={href('/lots')}>{t('guide.cases.title')}</BackLink>
      <h1>
        {t('guide.case.title', { reference: '' })}
        <bdi dir="ltr">{c.reference}</bdi>
      </h1>
      <p>
        <CaseStatusBadge status={c.status} /> {props.assignee ? t('guide.case.assignedTo', { name: props.assignee }) : t('guide.case.unassigned')}
      </p>
      {props.saved ? (
        <Notice>
          {t(`guide.case.saved.${props.saved}`)}
        </Notice>
      ) : null}
      {props.errors.action ? (
        <p class="notice notice-cancelled" role="alert">
          {t(props.errors.action)}
        </p>
      ) : null}
      {props.mergedInto ? (
        <p class="notice">
          {t('guide.case.mergedNotice')}{' '}
          <a href={href(`/lots/arende/${props.mergedInto.id}`)}>
            <bdi dir="ltr">{props.mergedInto.reference}</bdi>
          </a>
        </p>
      ) : null}
      {erased ? <p class="notice">{t('guide.case.erasedNotice', { date: formatDate(lang, c.erasedAt!.slice(0, 10), 'dayMonthYear') })}</p> : null}
      <p class="actions">
        <a class="button" href={href(`${base}/forslag`)}>
          <Icon name="search" />
          {t('guide.case.suggestions')}
        </a>
      </p>
      <section class="panel" aria-labelledby="person-heading">
        <h2 id="person-heading">{t('guide.case.person')}</h2>
        <dl class="facts-inline">
          <dt>{t('guide.form.firstName')}</dt>
          <dd>{c.firstName ?? '—'}</dd>
          <dt>{t('guide.form.phone')}</dt>
          <dd>
            {c.phone ? (
              <a href={`tel:${c.phone}`} dir="ltr">
                {c.phone}
              </a>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('guide.form.email')}</dt>
          <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</dd>
          <dt>{t('guide.form.contactLanguage')}</dt>
          <dd>{nativeLanguageName(c.contactLanguage)}</dd>
          <dt>{t('guide.form.ageGroup')}</dt>
          <dd>{t(`guide.ageGroup.${c.ageGroup}`)}</dd>
          <dt>{t('guide.form.district')}</dt>
          <dd>{district}</dd>
          <dt>{t('guide.form.interests')}</dt>
          <dd>{formatList(lang, c.interests.map((i) => t(`taxonomy.category.${i}`))) || '—'}</dd>
          <dt>{t('guide.form.interestText')}</dt>
          <dd class="user-text" dir="auto">
            {c.interestText ?? '—'}
          </dd>
          <dt>{t('guide.form.freeDays')}</dt>
          <dd>{formatList(lang, c.freeDays.map((d) => weekdayName(lang, WEEKDAYS.indexOf(d) + 1))) || '—'}</dd>
          <dt>{t('guide.form.freeTimes')}</dt>
          <dd>{formatList(lang, c.freeTimes.map((f) => t(`guide.freeTime.${f}`))) || '—'}</dd>
          {c.onBehalf ? (
            <>
              <dt>{t('guide.form.helperName')}</dt>
              <dd>{c.helperName ?? '—'}</dd>
            </>
          ) : null}
          <dt>{t('guide.case.received')}</dt>
          <dd>
            {formatDate(lang, c.createdAt.slice(0, 10), 'dayMonthYear')}
            {c.requests > 1 ? ` (${t('guide.case.requests', { count: c.requests })})` : ''}
          </dd>
        </dl>
      </section>

      {props.possible.length > 0 || props.errors.merge ? <SamePerson caseId={c.id} reference={c.reference} possible={props.possible} csrf={props.csrf} error={props.errors.merge} /> : null}

      <div class="review-actions">
        <form method="post" action={href(base)} class="panel">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="action" value="status" />
          <SelectField
            name="status"
            label={t('guide.case.status')}
            value={c.status}
            error={props.errors.status}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`guide.status.${s}`) }))}
          />
          <button type="submit" class="button">
            {t('guide.case.saveStatus')}
          </button>
        </form>
        <form method="post" action={href(base)} class="panel">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="action" value="assign" />
          <SelectField
            name="assignedTo"
            label={t('guide.case.guide')}
            value={c.assignedTo === null ? '' : String(c.assignedTo)}
            error={props.errors.assignedTo}
            options={[{ value: '', label: t('guide.case.nobody') }, ...props.guides.map((g) => ({ value: String(g.id), label: g.id === props.viewerId ? `${g.name} (${t('guide.case.me')})` : g.name }))]}
          />
          <button type="submit" class="button secondary">
            {t('guide.case.saveGuide')}
          </button>
        </form>
        <form method="post" action={href(base)} class="panel">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="action" value="followUp" />
          <Field name="followUpOn" type="date" label={t('guide.case.followUpOn')} hint={t('guide.case.followUpHint')} value={c.followUpOn ?? ''} error={props.errors.followUpOn} />
          <button type="submit" class="button secondary">
            {t('guide.case.saveFollowUp')}
          </button>
        </form>
      </div>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('guide.case.notes')}</h2>
        {props.notes.length === 0 ? <p>{t('guide.case.noNotes')}</p> : null}
        <ul class="notes">
          {props.notes.map((n) => (
            <li key={n.id} class="panel">
              <p class="hint">
                {formatDate(lang, n.createdAt.slice(0, 10), 'dayMonthYear')} · {n.authorName ?? '—'}
              </p>
              <p class="user-text" dir="auto">
                {n.text}
              </p>
            </li>
          ))}
        </ul>
        {erased ? null : (
          <form method="post" action={href(base)} novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="action" value="note" />
            <TextArea name="note" label={t('guide.case.newNote')} hint={t('guide.case.noteHint')} value={props.note} error={props.errors.note} maxLength={2000} />
            <button type="submit" class="button secondary">
              {t('guide.case.addNote')}
            </button>
          </form>
        )}
      </section>

      <section class="panel" aria-labelledby="rights-heading">
        <h2 id="rights-heading">{t('guide.case.rights')}</h2>
        <p>{t('guide.case.rightsLead')}</p>
        <p>
          <a href={href(`${base}/export.json`)} download>
            {t('guide.case.export')}
          </a>
        </p>
        {erased ? null : (
          <form method="post" action={href(`${base}/radera`)}>
            <CsrfField token={props.csrf} />
            <div class="checks">
              <label for="field-confirm">
                <input id="field-confirm" type="checkbox" name="confirm" value="true" aria-describedby={props.errors.confirm ? 'field-confirm-error' : undefined} /> {t('guide.case.confirmErase')}
              </label>
            </div>
            {props.errors.confirm ? (
              <p class="field-error" id="field-confirm-error">
                {t(props.errors.confirm)}
              </p>
            ) : null}
            <button type="submit" class="button danger">
              {t('guide.case.erase')}
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('guide.case.history')}</h2>
        <ul class="recent-changes">
          {props.history.map((h) => (
            <li key={h.id}>
              <DateTime iso={h.at} /> · {t(`audit.actions.${h.action}`, { defaultValue: t('guide.case.historyOther') })} · {h.actorName ?? t('guide.case.bySystem')}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
