/**
 * The mapping survey's form (an organisation's editors in the workspace, or the coordinator during a
 * mapping talk) with a publication consent beside each answer, and the link to it that the workspace
 * shows while a round is open.
 */
import type { VNode } from 'preact';
import type { Db } from '../../db/index.js';
import { BackLink, ChoiceGroup, CheckboxField, CsrfField, DateTime, ErrorSummary, Field, Notice, TextArea } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { OwnText, useT } from './volunteers.page.js';
import { findOpenRound, findResponse, type SurveyResponse, type SurveyRound } from './survey.store.js';
import { answerText, consentFieldOf, fieldOf, isAnswered, optionsOf, otherFieldOf, SURVEY_LIMITS, type Question, type ResponseStatus, type SurveyForm, type Translate } from './survey.js';

/** The labels of the form's fields, for the error summary. */
function fieldLabels(t: Translate, questions: Question[]): Record<string, string> {
  const labels: Record<string, string> = { revision: t('survey.errors.stale') };
  for (const q of questions) {
    labels[fieldOf(q.key)] = t(`survey.question.${q.key}.label`);
    if (q.other) labels[otherFieldOf(q.key)] = `${t(`survey.question.${q.key}.label`)} – ${t('survey.otherText')}`;
  }
  return labels;
}

/** One question: its field (text, one choice or several, "other" with its text) and who may see the answer. */
function QuestionFields(props: { q: Question; form: SurveyForm; errors: Record<string, string> }) {
  const t = useT();
  const { q, form, errors } = props;
  const a = form.answers[q.key]!;
  const name = fieldOf(q.key);
  const label = t(`survey.question.${q.key}.label`);
  const hint = t(`survey.question.${q.key}.hint`);
  const chosen = Array.isArray(a.value) ? a.value : a.value === '' ? [] : [a.value];
  return (
    <div class="panel survey-question">
      {q.kind === 'text' ? (
        <TextArea name={name} label={label} hint={hint} value={a.value as string} error={errors[name]} maxLength={SURVEY_LIMITS.text} rows={4} />
      ) : (
        <ChoiceGroup
          name={name}
          type={q.kind === 'single' ? 'radio' : 'checkbox'}
          legend={label}
          hint={hint}
          options={optionsOf(q).map((o) => ({ value: o, label: o === 'other' ? t('survey.option.other') : t(`survey.option.${q.key}.${o}`) }))}
          selected={chosen}
          error={errors[name]}
        />
      )}
      {q.other ? <Field name={otherFieldOf(q.key)} label={t('survey.otherText')} value={a.other} error={errors[otherFieldOf(q.key)]} maxLength={SURVEY_LIMITS.other} /> : null}
      {q.publishable ? (
        <ChoiceGroup
          name={consentFieldOf(q.key)}
          type="radio"
          legend={t('survey.consent.legend')}
          options={[
            { value: 'private', label: t('survey.consent.private') },
            { value: 'public', label: t('survey.consent.public') },
          ]}
          selected={[a.public ? 'public' : 'private']}
        />
      ) : (
        <p class="hint">{t('survey.consent.never')}</p>
      )}
    </div>
  );
}

/** What is stored now, shown beside a form whose save met someone else's. */
export function StoredAnswers(props: { questions: Question[]; response: SurveyResponse }) {
  const t = useT();
  return (
    <dl class="facts">
      {props.questions.map((q) => {
        const a = props.response.answers[q.key];
        if (!a || !isAnswered(a)) return null;
        return (
          <div key={q.key} class="fact">
            <dt>{t(`survey.question.${q.key}.label`)}</dt>
            <dd>{q.kind === 'text' ? <OwnText>{answerText(t, q, a)}</OwnText> : answerText(t, q, a)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export interface SurveyFormPageProps {
  title: string;
  round: SurveyRound;
  form: SurveyForm;
  errors: Record<string, string>;
  csrf: string;
  action: string;
  back: { href: string; label: string };
  /** The stored response's status (undefined: not started). */
  status: ResponseStatus | undefined;
  talkWith: string | null;
  /** The coordinator fills in: offer "during a talk". */
  coordinator: boolean;
  saved?: string | undefined;
  /** The response as stored now, when this save met someone else's. */
  conflict?: SurveyResponse | undefined;
}

export function SurveyFormPage(props: SurveyFormPageProps) {
  const { href } = usePage();
  const t = useT();
  const { round, form, errors } = props;
  return (
    <Layout title={props.title}>
      <BackLink href={props.back.href}>{props.back.label}</BackLink>
      <p class="eyebrow">{t('survey.title')}</p>
      <h1>{props.title}</h1>
      {props.saved ? <Notice>{props.saved}</Notice> : null}
      <p>{t('survey.workspace.lead')}</p>
      <p>
        <span class={props.status === 'submitted' ? 'badge badge-ok' : 'badge'}>{t(`survey.state.${props.status ?? 'notStarted'}`)}</span>
        {props.talkWith ? <span class="hint"> {t('survey.report.talk', { name: props.talkWith })}</span> : null}
      </p>
      {props.conflict ? (
        <section class="panel" aria-labelledby="conflict-heading">
          <Notice kind="warning">{t('survey.workspace.conflict')}</Notice>
          <h2 id="conflict-heading">{t('survey.workspace.conflictStored')}</h2>
          <p class="hint">
            <DateTime iso={props.conflict.updatedAt} />
          </p>
          <StoredAnswers questions={round.questions} response={props.conflict} />
        </section>
      ) : null}
      <form method="post" action={href(props.action)} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="revision" value={form.revision} />
        <ErrorSummary errors={errors} labels={fieldLabels(t, round.questions)} />
        <p class="hint">{t('survey.workspace.consentLead')}</p>
        {round.questions.map((q) => (
          <QuestionFields key={q.key} q={q} form={form} errors={errors} />
        ))}
        {props.coordinator ? <CheckboxField name="talk" label={t('survey.workspace.talkField')} checked={form.talk} /> : null}
        <div class="form-actions">
          <button type="submit" class="button" name="intent" value="submit">
            {t(props.status === 'submitted' ? 'survey.workspace.saveChanges' : 'survey.workspace.submit')}
          </button>
          {props.status === 'submitted' ? null : (
            <button type="submit" class="button secondary" name="intent" value="draft">
              {t('survey.workspace.saveDraft')}
            </button>
          )}
        </div>
      </form>
      <p>
        <a href={href(`/kartlaggning/${round.year}`)}>{t('survey.workspace.reportLink')}</a>
      </p>
    </Layout>
  );
}

/** The workspace page when no round is open. */
export function NoRoundPage(props: { organisation: { name: string; slug: string } }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('survey.workspace.title', { organisation: props.organisation.name })}>
      <BackLink href={href(`/hantera/${props.organisation.slug}`)}>{props.organisation.name}</BackLink>
      <h1>{t('survey.workspace.title', { organisation: props.organisation.name })}</h1>
      <p>{t('survey.workspace.noRound')}</p>
      <p>
        <a href={href('/kartlaggning')}>{t('survey.report.allRounds')}</a>
      </p>
    </Layout>
  );
}

function SurveyLink(props: { slug: string; round: SurveyRound; status: ResponseStatus | undefined }) {
  const { href } = usePage();
  const t = useT();
  const text = props.status === 'submitted' ? 'survey.workspace.slotDone' : props.status === 'draft' ? 'survey.workspace.slotDraft' : 'survey.workspace.slotText';
  return (
    <section class="panel" aria-labelledby="survey-heading">
      <h2 id="survey-heading">{t('survey.workspace.slotHeading', { year: props.round.year })}</h2>
      <p>{t(text)}</p>
      <p>
        <a class={props.status === 'submitted' ? 'button secondary' : 'button'} href={href(`/hantera/${props.slug}/kartlaggning`)}>
          {t('survey.workspace.link', { year: props.round.year })}
        </a>
      </p>
    </section>
  );
}

/**
 * What the organisation's workspace shows of the survey: while a round is open, the way to this
 * organisation's answers and how far they are; nothing otherwise. app.ts hands it to the workspace.
 */
export async function surveyWorkspaceSlot(db: Db, organisation: { id: number; slug: string }): Promise<VNode | null> {
  const round = await findOpenRound(db);
  if (!round) return null;
  const response = await findResponse(db, round.id, organisation.id);
  return <SurveyLink slug={organisation.slug} round={round} status={response?.status} />;
}
