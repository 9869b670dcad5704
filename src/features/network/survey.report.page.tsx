/**
 * The mapping survey's report: the counts of the choice questions ("12 of 20 need premises") and
 * each organisation's answers, in the reader's language with the organisations' own texts as written.
 * The public report is given only consented answers; the coordinator's report every answer, marked.
 * The same body is drawn on the site and on A4 for print and PDF.
 */
import { BackLink } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { AdminNav } from '../admin/index.js';
import { PrintDocument, voicesOf } from '../print/index.js';
import { OwnText, useT } from './volunteers.page.js';
import type { SurveyResponse, SurveyRound } from './survey.store.js';
import { answerText, isAnswered, type QuestionCount } from './survey.js';

export interface ReportData {
  round: SurveyRound;
  counts: QuestionCount[];
  /** How many organisations submitted their answers. */
  answered: number;
  responses: SurveyResponse[];
  /** The coordinator's report: every answer, with its consent and drafts marked. */
  internal: boolean;
}

const number = (lang: string, n: number) => new Intl.NumberFormat(lang, { numberingSystem: 'latn' } as Intl.NumberFormatOptions).format(n);

/** The counts of one choice question, largest first; options nobody chose are left out. */
function Counts(props: { count: QuestionCount }) {
  const t = useT();
  const { lang } = usePage();
  const c = props.count;
  const chosen = c.counts.filter((o) => o.count > 0);
  return (
    <section class="panel survey-count" aria-labelledby={`count-${c.key}`}>
      <h3 id={`count-${c.key}`}>{t(`survey.question.${c.key}.label`)}</h3>
      <p class="hint">{t('survey.report.basedOn', { count: c.answered })}</p>
      <ul class="survey-counts">
        {chosen.map((o) => (
          <li key={o.option}>
            <span>{o.option === 'other' ? t('survey.option.other') : t(`survey.option.${c.key}.${o.option}`)}</span>
            <span class="figure">
              <meter min={0} max={c.answered} value={o.count} aria-hidden="true" /> {t('survey.report.countOf', { count: number(lang.intl, o.count), total: number(lang.intl, c.answered) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One organisation's answers as a definition list. */
function OrganisationAnswers(props: { data: ReportData; response: SurveyResponse; level: 'h2' | 'h3' }) {
  const t = useT();
  const { round, internal } = props.data;
  const r = props.response;
  const Heading = props.level;
  return (
    <section class="survey-organisation" aria-labelledby={`org-${r.organisationId}`}>
      <Heading id={`org-${r.organisationId}`}>
        <bdi>{r.organisationName}</bdi>
      </Heading>
      {internal && r.status === 'draft' ? <p class="badge">{t('survey.report.draftMark')}</p> : null}
      {r.talkWith ? <p class="hint">{t('survey.report.talk', { name: r.talkWith })}</p> : null}
      <dl class="facts">
        {round.questions.map((q) => {
          const a = r.answers[q.key];
          if (!a || !isAnswered(a)) return null;
          return (
            <div key={q.key} class="fact">
              <dt>{t(`survey.question.${q.key}.label`)}</dt>
              <dd>
                {q.kind === 'text' ? <OwnText>{answerText(t, q, a)}</OwnText> : answerText(t, q, a)}
                {internal && !a.public ? <span class="tag"> {t('survey.report.privateMark')}</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The report's body: how many answered, the counts, then each organisation. */
function ReportBody(props: { data: ReportData; headingLevel: 'h2' | 'h3' }) {
  const t = useT();
  const d = props.data;
  const shown = d.responses.filter((r) => Object.values(r.answers).some(isAnswered));
  return (
    <>
      {d.round.status === 'open' ? <p class="notice notice-info">{t('survey.report.ongoing')}</p> : null}
      <p>{t('survey.report.answered', { count: d.answered })}</p>
      {d.counts.some((c) => c.answered > 0) ? (
        <>
          <h2>{t('survey.report.numbers')}</h2>
          {d.counts.filter((c) => c.answered > 0).map((c) => (
            <Counts key={c.key} count={c} />
          ))}
        </>
      ) : null}
      <h2>{t('survey.report.byOrganisation')}</h2>
      <p class="hint">{t('survey.report.ownWords')}</p>
      {shown.length === 0 ? <p>{t('survey.report.noAnswers')}</p> : shown.map((r) => <OrganisationAnswers key={r.id} data={d} response={r} level={props.headingLevel} />)}
    </>
  );
}

/** The report on the site: public at /kartlaggning/<year>, or the coordinator's whole report. */
export function ReportPage(props: { data: ReportData; links: { print: string; pdf: string; csv: string | null } }) {
  const { href } = usePage();
  const t = useT();
  const { round, internal } = props.data;
  const title = internal ? t('survey.report.internalTitle', { round: round.title }) : t('survey.report.title', { year: round.year });
  return (
    <Layout title={title}>
      {internal ? <AdminNav /> : <BackLink href={href('/kartlaggning')}>{t('survey.report.allRounds')}</BackLink>}
      <header class="page-head">
        <h1>{title}</h1>
        <p class="lead">{internal ? t('survey.report.internalLead') : t('survey.report.lead')}</p>
      </header>
      <ul class="link-list">
        <li>
          <a href={props.links.print}>{t('survey.report.print')}</a>
        </li>
        <li>
          <a href={props.links.pdf}>{t('survey.report.pdf')}</a>
        </li>
        {props.links.csv ? (
          <li>
            <a href={props.links.csv}>{t('survey.report.csv')}</a>
          </li>
        ) : null}
      </ul>
      <ReportBody data={props.data} headingLevel="h3" />
    </Layout>
  );
}

/** The same report on A4, for print and the PDF. */
export function ReportPrint(props: { data: ReportData; backHref: string }) {
  const page = usePage();
  const t = useT();
  const { round, internal } = props.data;
  const title = internal ? t('survey.report.internalTitle', { round: round.title }) : t('survey.report.title', { year: round.year });
  return (
    <PrintDocument title={title} voices={voicesOf(page, false)} backHref={props.backHref}>
      <header class="print-head">
        <h1 class="print-title">{title}</h1>
        <p class="print-lead">{internal ? t('survey.report.internalLead') : t('survey.report.lead')}</p>
      </header>
      <ReportBody data={props.data} headingLevel="h3" />
    </PrintDocument>
  );
}

/** Every round's report, newest first. */
export function RoundListPage(props: { rounds: SurveyRound[] }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('survey.report.listTitle')}>
      <h1>{t('survey.report.listTitle')}</h1>
      <p class="lead">{t('survey.report.listLead')}</p>
      {props.rounds.length === 0 ? (
        <p>{t('survey.report.noRounds')}</p>
      ) : (
        <ul class="link-list">
          {props.rounds.map((r) => (
            <li key={r.id}>
              <a href={href(`/kartlaggning/${r.year}`)}>{t('survey.report.title', { year: r.year })}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
