/** The coordinator's survey screens: the rounds with their progress and the form that opens one, and one round's organisations. */
import { BackLink, ChoiceGroup, CsrfField, DateTime, ErrorSummary, Field, Notice } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { AdminNav } from '../admin/index.js';
import { useT } from './volunteers.page.js';
import type { SurveyRound } from './survey.store.js';
import { QUESTION_BANK, SURVEY_LIMITS, type OrganisationState } from './survey.js';

export interface RoundForm {
  year: string;
  title: string;
  questions: string[];
}

export function SurveyAdminPage(props: { rounds: (SurveyRound & { progress: Record<OrganisationState, number> })[]; form: RoundForm; errors: Record<string, string>; csrf: string; opened: boolean }) {
  const { href } = usePage();
  const t = useT();
  const labels = { year: t('survey.admin.field.year'), title: t('survey.admin.field.title'), questions: t('survey.admin.field.questions') };
  return (
    <Layout title={t('survey.admin.title')}>
      <AdminNav />
      <h1>{t('survey.admin.title')}</h1>
      <p>{t('survey.admin.lead')}</p>
      {props.opened ? <Notice>{t('survey.admin.opened')}</Notice> : null}
      <h2>{t('survey.admin.rounds')}</h2>
      {props.rounds.length === 0 ? (
        <p>{t('survey.admin.noRounds')}</p>
      ) : (
        <ul class="card-list">
          {props.rounds.map((r) => (
            <li key={r.id} class="card">
              <h3>
                <a href={href(`/admin/kartlaggning/${r.id}`)}>
                  <bdi>{r.title}</bdi>
                </a>
              </h3>
              <p>
                <span class={r.status === 'open' ? 'badge badge-ok' : 'badge'}>{t(`survey.admin.status.${r.status}`)}</span>
              </p>
              <p>{t('survey.admin.progress', r.progress)}</p>
            </li>
          ))}
        </ul>
      )}
      <section class="panel" aria-labelledby="new-round">
        <h2 id="new-round">{t('survey.admin.newRound')}</h2>
        <p class="hint">{t('survey.admin.newRoundHint')}</p>
        <form method="post" action={href('/admin/kartlaggning')} novalidate>
          <CsrfField token={props.csrf} />
          <ErrorSummary errors={props.errors} labels={labels} />
          <Field name="year" label={labels.year} value={props.form.year} error={props.errors.year} required maxLength={4} />
          <Field name="title" label={labels.title} value={props.form.title} error={props.errors.title} required maxLength={SURVEY_LIMITS.title} />
          <ChoiceGroup
            name="questions"
            type="checkbox"
            legend={labels.questions}
            hint={t('survey.admin.field.questionsHint')}
            options={QUESTION_BANK.map((q) => ({ value: q.key, label: t(`survey.question.${q.key}.label`) }))}
            selected={props.form.questions}
            error={props.errors.questions}
          />
          <div class="form-actions">
            <button type="submit" class="button">
              {t('survey.admin.openButton')}
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}

export interface RoundOrganisation {
  id: number;
  name: string;
  state: OrganisationState;
  talkWith: string | null;
}

export function RoundPage(props: { round: SurveyRound; organisations: RoundOrganisation[]; progress: Record<OrganisationState, number>; csrf: string; notice?: { key: string; count?: number } | undefined }) {
  const { href } = usePage();
  const t = useT();
  const r = props.round;
  const base = `/admin/kartlaggning/${r.id}`;
  const caption = t('survey.admin.round.organisations');
  return (
    <Layout title={r.title}>
      <AdminNav />
      <BackLink href={href('/admin/kartlaggning')}>{t('survey.admin.title')}</BackLink>
      <h1>
        <bdi>{r.title}</bdi>
      </h1>
      {props.notice ? <Notice>{t(props.notice.key, props.notice.count === undefined ? {} : { count: props.notice.count })}</Notice> : null}
      <p>
        <span class={r.status === 'open' ? 'badge badge-ok' : 'badge'}>{t(`survey.admin.status.${r.status}`)}</span> {t('survey.admin.progress', props.progress)}
      </p>
      <ul class="link-list">
        <li>
          <a href={href(`${base}/rapport`)}>{t('survey.admin.round.report')}</a>
        </li>
        <li>
          <a href={href(`/kartlaggning/${r.year}`)}>{t('survey.admin.round.publicReport')}</a>
        </li>
        <li>
          <a href={href(`${base}/svar.csv`)}>{t('survey.admin.round.csv')}</a>
        </li>
      </ul>
      <div class="side-by-side">
        <section class="panel" aria-labelledby="remind-heading">
          <h2 id="remind-heading">{t('survey.admin.round.remind')}</h2>
          <p class="hint">{t('survey.admin.round.remindHint')}</p>
          {r.remindedAt ? (
            <p>
              {t('survey.admin.round.lastReminded', { date: '' })}
              <DateTime iso={r.remindedAt} />
            </p>
          ) : null}
          <form method="post" action={href(`${base}/paminnelse`)}>
            <CsrfField token={props.csrf} />
            <button type="submit" class="button secondary">
              {t('survey.admin.round.remind')}
            </button>
          </form>
        </section>
        <section class="panel" aria-labelledby="status-heading">
          <h2 id="status-heading">{t(r.status === 'open' ? 'survey.admin.round.close' : 'survey.admin.round.reopen')}</h2>
          <form method="post" action={href(`${base}/status`)}>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="status" value={r.status === 'open' ? 'closed' : 'open'} />
            <button type="submit" class="button secondary">
              {t(r.status === 'open' ? 'survey.admin.round.close' : 'survey.admin.round.reopen')}
            </button>
          </form>
        </section>
      </div>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table class="data-table admin-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('survey.admin.round.organisation')}</th>
              <th scope="col">{t('survey.admin.round.state')}</th>
              <th scope="col">{t('survey.admin.round.talk')}</th>
            </tr>
          </thead>
          <tbody>
            {props.organisations.map((o) => (
              <tr key={o.id}>
                <td>
                  <a href={href(`${base}/organisation/${o.id}`)}>
                    <span class="visually-hidden">{t('survey.admin.round.fill')}: </span>
                    <bdi>{o.name}</bdi>
                  </a>
                </td>
                <td>
                  <span class={o.state === 'submitted' ? 'badge badge-ok' : o.state === 'draft' ? 'badge badge-moved' : 'badge'}>{t(`survey.state.${o.state}`)}</span>
                </td>
                <td>{o.talkWith ? <bdi>{o.talkWith}</bdi> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
