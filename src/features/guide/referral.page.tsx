/**
 * The guide's suggestions for a case (activities and organisations with the reasons they fit, the
 * referrals sent), and the page an organisation answers a referral on.
 */
import { formatDate, formatTime, languageName, type Language } from '../../i18n/index.js';
import { BackLink, CsrfField, telHref, TextArea } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage, type PageContext } from '../../web/page.js';
import { activityPath, WEEKDAYS, type Weekday } from '../calendar/index.js';
import type { LocalText } from '../translation/index.js';
import type { CaseAgeGroup, FreeTime } from './case.js';
import type { OrganisationSuggestion, Reason, Suggestion } from './ranking.js';
import type { Referral } from './referral.store.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

/** A reason in the reader's language: codes in its params become names. */
export function reasonText(page: Pick<PageContext, 't' | 'lang'>, r: Reason): string {
  const t = page.t as unknown as T;
  const params: Record<string, string> = { ...r.params };
  if (params.category) params.category = t(`taxonomy.category.${params.category}`);
  if (params.ageGroup) params.ageGroup = t(`taxonomy.ageGroup.${params.ageGroup}`);
  if (params.language) params.language = params.language === 'swl' ? t('taxonomy.signLanguage') : languageName(page.lang, params.language);
  if (params.day) params.day = weekday(page.lang, params.day as Weekday);
  if (params.time) params.time = formatTime(page.lang, params.time);
  if (params.km) params.km = Number(params.km).toLocaleString(page.lang.intl, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return t(r.key, params);
}

function weekday(lang: Language, day: Weekday): string {
  return new Intl.DateTimeFormat(lang.intl, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))));
}

/** What the page shows of the case: its needs, never who the person is. */
export interface CaseNeedsView {
  id: number;
  reference: string;
  interests: string[];
  ageGroup: CaseAgeGroup;
  districtName: string | null;
  contactLanguage: string;
  freeDays: Weekday[];
  freeTimes: FreeTime[];
  erased: boolean;
}

export interface ShownSuggestion extends Suggestion {
  localTitle: LocalText;
}

function Needs(props: { c: CaseNeedsView }) {
  const { lang } = usePage();
  const t = useT();
  const c = props.c;
  const none = t('guide.suggestions.none');
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : none);
  return (
    <section aria-labelledby="needs-heading">
      <h2 id="needs-heading">{t('guide.suggestions.needsHeading')}</h2>
      <dl class="facts-inline">
        <dt>{t('guide.suggestions.interests')}</dt>
        <dd>{list(c.interests.map((i) => t(`taxonomy.category.${i}`)))}</dd>
        <dt>{t('guide.suggestions.ageGroup')}</dt>
        <dd>{t(`guide.suggestions.caseAgeGroup.${c.ageGroup}`)}</dd>
        <dt>{t('guide.suggestions.district')}</dt>
        <dd>{c.districtName ?? none}</dd>
        <dt>{t('guide.suggestions.language')}</dt>
        <dd>{languageName(lang, c.contactLanguage)}</dd>
        <dt>{t('guide.suggestions.days')}</dt>
        <dd>{list(c.freeDays.map((d) => weekday(lang, d)))}</dd>
        <dt>{t('guide.suggestions.times')}</dt>
        <dd>{list(c.freeTimes.map((f) => t(`guide.suggestions.freeTime.${f}`)))}</dd>
      </dl>
    </section>
  );
}

function Reasons(props: { reasons: Reason[]; label: string }) {
  const page = usePage();
  if (props.reasons.length === 0) return null;
  const warnings = props.reasons.filter((r) => r.warning);
  return (
    <>
      <ul class="tags" aria-label={props.label}>
        {props.reasons
          .filter((r) => !r.warning)
          .map((r, i) => (
            <li key={i} class="tag">
              {reasonText(page, r)}
            </li>
          ))}
      </ul>
      {/* What the guides know against referring there now (no room): checked before the button. */}
      {warnings.map((r, i) => (
        <p key={`w${i}`} class="notice notice-warning">
          {reasonText(page, r)}
        </p>
      ))}
    </>
  );
}

function ActivityItem(props: { s: ShownSuggestion; caseId: number; csrf: string; error: string | undefined; canRefer: boolean }) {
  const { href } = usePage();
  const t = useT();
  const a = props.s.activity;
  const errorId = `refer-${a.id}-error`;
  return (
    <li class="card">
      <h3>
        <a href={href(activityPath(a))} lang={props.s.localTitle.lang}>
          {props.s.localTitle.text}
        </a>
      </h3>
      {a.hosts.length > 0 ? (
        <p>
          {t('guide.suggestions.hosts')}:{' '}
          {a.hosts.map((h, i) => (
            <span key={h.id}>
              {i > 0 ? ', ' : ''}
              {h.slug ? <a href={href(`/lots/foreningar/${h.slug}`)}>{h.name}</a> : h.name}
            </span>
          ))}
        </p>
      ) : null}
      <Reasons reasons={props.s.reasons} label={t('guide.suggestions.why')} />
      {props.canRefer ? (
        <form method="post" action={href(`/lots/arende/${props.caseId}/hanvisa`)} class="form-actions">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="activityId" value={String(a.id)} />
          <button type="submit" class="button" aria-describedby={props.error ? errorId : undefined}>
            {t('guide.referral.button')}
          </button>
          {props.error ? (
            <p class="field-error" id={errorId} role="alert">
              {t(props.error)}
            </p>
          ) : null}
        </form>
      ) : null}
    </li>
  );
}

function Referrals(props: { referrals: Referral[] }) {
  const { lang } = usePage();
  const t = useT();
  return (
    <section aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">{t('guide.suggestions.referralsHeading')}</h2>
      {props.referrals.length === 0 ? (
        <p>{t('guide.suggestions.noReferrals')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('guide.suggestions.referralsHeading')}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('guide.suggestions.columns.activity')}</th>
                <th scope="col">{t('guide.suggestions.columns.date')}</th>
                <th scope="col">{t('guide.suggestions.columns.status')}</th>
                <th scope="col">{t('guide.suggestions.columns.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {props.referrals.map((r) => (
                <tr key={r.id}>
                  <td>{r.activityTitle ?? '—'}</td>
                  <td>{formatDate(lang, r.createdAt.slice(0, 10), 'dayMonthYear')}</td>
                  <td>{t(`guide.referral.status.${r.status}`)}</td>
                  <td class="user-text" lang="sv">
                    {r.answer ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function SuggestionsPage(props: {
  c: CaseNeedsView;
  suggestions: ShownSuggestion[];
  organisations: OrganisationSuggestion[];
  referrals: Referral[];
  /** Errors by activity id: shown beside that activity's button. */
  errors: Record<string, string>;
  /** The address a referral just went to. */
  sentTo: string | null;
  csrf: string;
}) {
  const { href } = usePage();
  const t = useT();
  const c = props.c;
  const title = t('guide.suggestions.title', { reference: c.reference });
  return (
    <Layout title={title}>
      <BackLink href={href(`/lots/arende/${c.id}`)}>{t('guide.suggestions.backToCase')}</BackLink>
      <h1>{title}</h1>
      <p class="lead">{t('guide.suggestions.lead')}</p>
      {props.sentTo ? (
        <p class="notice notice-info" role="status">
          {t('guide.referral.sent', { email: props.sentTo })}
        </p>
      ) : null}
      {c.erased ? <p class="notice notice-warning">{t('guide.suggestions.erased')}</p> : null}
      <Needs c={c} />

      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t('guide.suggestions.activitiesHeading')}</h2>
        {!c.erased && props.suggestions.length > 0 ? <p class="hint">{t('guide.referral.hint')}</p> : null}
        {props.suggestions.length === 0 ? (
          <p>{t('guide.suggestions.noActivities')}</p>
        ) : (
          <ol class="card-list">
            {props.suggestions.map((s) => (
              <ActivityItem key={s.activity.id} s={s} caseId={c.id} csrf={props.csrf} error={props.errors[String(s.activity.id)]} canRefer={!c.erased} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t('guide.suggestions.organisationsHeading')}</h2>
        {props.organisations.length === 0 ? (
          <p>{t('guide.suggestions.noOrganisations')}</p>
        ) : (
          <ol class="card-list">
            {props.organisations.map((o) => (
              <li key={o.organisation.id} class="card">
                <h3>
                  <a href={href(`/organisationer/${o.organisation.slug}`)}>{o.organisation.name}</a>
                </h3>
                <p>
                  <a href={href(`/lots/foreningar/${o.organisation.slug}`)}>
                    {t('guide.associations.whatWeKnow')} <span class="visually-hidden">{o.organisation.name}</span>
                  </a>
                </p>
                <Reasons reasons={o.reasons} label={t('guide.suggestions.why')} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <Referrals referrals={props.referrals} />

      <section aria-labelledby="nothing-fits-heading" class="panel">
        <h2 id="nothing-fits-heading">{t('guide.suggestions.nothingFitsHeading')}</h2>
        <p>{t('guide.suggestions.nothingFitsLead')}</p>
        <form method="post" action={href(`/lots/arende/${c.id}/onskemal`)}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="button secondary">
            {t('guide.suggestions.nothingFitsButton')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** What an organisation sees of the person: exactly what the person agreed to share. */
export interface SharedPerson {
  firstName: string;
  phone: string | null;
  email: string | null;
  contactLanguage: string;
  ageGroup: CaseAgeGroup;
  reference: string;
}

function PersonFacts(props: { p: SharedPerson }) {
  const { lang } = usePage();
  const t = useT();
  const p = props.p;
  return (
    <dl class="facts-inline">
      <dt>{t('guide.answer.firstName')}</dt>
      <dd class="user-text">{p.firstName}</dd>
      {p.phone ? (
        <>
          <dt>{t('guide.answer.phone')}</dt>
          <dd>
            <a href={telHref(p.phone)}>{p.phone}</a>
          </dd>
        </>
      ) : null}
      {p.email ? (
        <>
          <dt>{t('guide.answer.email')}</dt>
          <dd>
            <a href={`mailto:${p.email}`}>{p.email}</a>
          </dd>
        </>
      ) : null}
      <dt>{t('guide.answer.language')}</dt>
      <dd>{languageName(lang, p.contactLanguage)}</dd>
      <dt>{t('guide.answer.ageGroup')}</dt>
      <dd>{t(`guide.suggestions.caseAgeGroup.${p.ageGroup}`)}</dd>
      <dt>{t('guide.answer.reference')}</dt>
      <dd>
        <strong>{p.reference}</strong>
      </dd>
    </dl>
  );
}

export type AnswerState =
  | { kind: 'form'; person: SharedPerson; message: string; errors: Record<string, string> }
  /** After a welcome, `person` once more: the mail holds no contact details. */
  | { kind: 'thanks'; answer: 'welcomed' | 'declined'; person?: SharedPerson }
  | { kind: 'answered'; answer: 'welcomed' | 'declined' | 'sent' };

/** The organisation's page behind the link in the referral mail. */
export function AnswerPage(props: { token: string; activityTitle: string; state: AnswerState; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  const s = props.state;
  if (s.kind === 'thanks') {
    return (
      <Layout title={t('guide.answer.thanksTitle')}>
        <section class="narrow">
          <h1>{t('guide.answer.thanksTitle')}</h1>
          <p>{t(s.answer === 'welcomed' ? 'guide.answer.thanksWelcome' : 'guide.answer.thanksDecline')}</p>
          {s.person ? (
            <>
              <p>{t('guide.answer.contactNow')}</p>
              <PersonFacts p={s.person} />
            </>
          ) : null}
        </section>
      </Layout>
    );
  }
  if (s.kind === 'answered') {
    return (
      <Layout title={t('guide.answer.answeredTitle')}>
        <section class="narrow">
          <h1>{t('guide.answer.answeredTitle')}</h1>
          <p>{t('guide.answer.answered', { answer: t(`guide.referral.status.${s.answer}`) })}</p>
        </section>
      </Layout>
    );
  }
  const title = t('guide.answer.title', { activity: props.activityTitle });
  return (
    <Layout title={title}>
      <section class="narrow">
        <h1>{title}</h1>
        <p>{t('guide.answer.lead')}</p>
        <PersonFacts p={s.person} />
        {s.errors.answer ? (
          <p class="field-error" role="alert">
            {t(s.errors.answer)}
          </p>
        ) : null}
        <form method="post" action={href(`/svar/${props.token}`)}>
          <CsrfField token={props.csrf} />
          <TextArea name="message" label={t('guide.answer.messageLabel')} hint={t('guide.answer.messageHint')} value={s.message} error={s.errors.message} maxLength={500} />
          <div class="form-actions">
            <button type="submit" name="answer" value="welcome" class="button">
              {t('guide.answer.welcome')}
            </button>
            <button type="submit" name="answer" value="decline" class="button secondary">
              {t('guide.answer.decline')}
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}
