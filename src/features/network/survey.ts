/**
 * The mapping survey (kartläggning) as rules: the bank of questions the project's report asked (what
 * an organisation does for newcomers, plans, cooperation, support it needs, interest in the
 * integration network), a round's question set as data, reading and checking the form with a
 * publication consent per answer, the counts of the report, and the rows of its CSV. Pure.
 */
import { field, trimmed, values, type FormBody } from '../../web/form.js';
import { cleanUserText } from '../../web/text.js';

export type QuestionKind = 'text' | 'single' | 'multiple';

/** One question as a round asks it; labels and option names come from the catalogue by key. */
export interface Question {
  key: string;
  kind: QuestionKind;
  /** The options of a choice question, in the order shown ('other' is added when `other`). */
  options: string[];
  /** A choice question that offers "other" with a text field. */
  other: boolean;
  /** Must be answered to submit (a draft may leave it). */
  required: boolean;
  /** Whether its answer may be shown in the public report at all (contact details never are). */
  publishable: boolean;
}

/** The option that means "none of these": it cannot be chosen together with another. */
export const NONE = 'none';
export const OTHER = 'other';

/** Every question the survey knows, in the report's order; a round stores the ones it asks. */
export const QUESTION_BANK: readonly Question[] = [
  {
    key: 'activities',
    kind: 'multiple',
    options: ['language_cafe', 'homework', 'sport', 'culture', 'meeting_place', 'mentoring', 'advice', 'work', 'children_families'],
    other: true,
    required: true,
    publishable: true,
  },
  { key: 'description', kind: 'text', options: [], other: false, required: false, publishable: true },
  {
    key: 'targetGroups',
    kind: 'multiple',
    options: ['asylum_seekers', 'newcomers', 'children', 'young', 'women', 'families', 'adults', 'seniors'],
    other: true,
    required: false,
    publishable: true,
  },
  { key: 'plans', kind: 'single', options: ['yes', 'maybe', 'no'], other: false, required: true, publishable: true },
  { key: 'plansText', kind: 'text', options: [], other: false, required: false, publishable: true },
  {
    key: 'cooperation',
    kind: 'multiple',
    options: ['associations', 'study_associations', 'faith', 'municipality', 'sfi', 'county_board', 'migration_agency', 'employment_service', NONE],
    other: true,
    required: false,
    publishable: true,
  },
  {
    key: 'support',
    kind: 'multiple',
    options: ['premises', 'volunteers', 'funding', 'translation', 'sfi_contacts', 'reaching', 'training', NONE],
    other: true,
    required: false,
    publishable: true,
  },
  { key: 'network', kind: 'single', options: ['yes', 'maybe', 'no'], other: false, required: true, publishable: true },
  { key: 'networkContact', kind: 'text', options: [], other: false, required: false, publishable: false },
];

/** The question set a new round starts with when there is no earlier round: the whole bank. */
export const DEFAULT_QUESTIONS: readonly Question[] = QUESTION_BANK;

export const SURVEY_LIMITS = { text: 2000, other: 200, title: 100 } as const;
export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export type ResponseStatus = 'draft' | 'submitted';
/** What the organisation did with a round: answered (submitted), a draft, or nothing yet. */
export type OrganisationState = ResponseStatus | 'notStarted';

/** One answer: the text or the options chosen, the "other" text, and whether it may be shown publicly. */
export interface Answer {
  value: string | string[];
  other: string;
  public: boolean;
}

export type Answers = Record<string, Answer>;

/** A round's questions as stored: only questions of a known kind, with their options as strings. */
export function parseQuestions(json: string): Question[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((q: Record<string, unknown>) => {
    if (!q || typeof q.key !== 'string' || !['text', 'single', 'multiple'].includes(q.kind as string)) return [];
    return [
      {
        key: q.key,
        kind: q.kind as QuestionKind,
        options: Array.isArray(q.options) ? q.options.filter((o): o is string => typeof o === 'string') : [],
        other: q.other === true,
        required: q.required === true,
        publishable: q.publishable !== false,
      },
    ];
  });
}

/** The bank's questions with these keys, in the bank's order. */
export function questionsOf(keys: readonly string[]): Question[] {
  return QUESTION_BANK.filter((q) => keys.includes(q.key));
}

/** The options a choice question shows, "other" last when it has one. */
export function optionsOf(q: Question): string[] {
  return q.other ? [...q.options, OTHER] : q.options;
}

/** Whether an answer says anything. */
export function isAnswered(a: Answer | undefined): boolean {
  if (!a) return false;
  return Array.isArray(a.value) ? a.value.length > 0 : a.value !== '';
}

/** The form of one response as typed (every value kept, so nothing is lost on an error). */
export interface SurveyForm {
  answers: Answers;
  /** The coordinator marks the answers as given during a mapping talk. */
  talk: boolean;
  /** The response's revision the form was drawn from ('0' for none yet). */
  revision: string;
}

export const fieldOf = (key: string) => `q_${key}`;
export const otherFieldOf = (key: string) => `q_${key}_other`;
export const consentFieldOf = (key: string) => `p_${key}`;

export function emptyAnswer(q: Question): Answer {
  return { value: q.kind === 'multiple' ? [] : '', other: '', public: false };
}

/** The form for a response: its stored answers, or empty ones (not public) for a response not started. */
export function surveyFormOf(questions: Question[], stored: { answers: Answers; revision: number; talkWith: string | null } | undefined, talkDefault: boolean): SurveyForm {
  const answers: Answers = {};
  for (const q of questions) answers[q.key] = stored?.answers[q.key] ?? emptyAnswer(q);
  return { answers, talk: stored ? stored.talkWith !== null || talkDefault : talkDefault, revision: String(stored?.revision ?? 0) };
}

export type Intent = 'draft' | 'submit';

/** A submitted response stays submitted: saving it again is checked as a submission. */
export function effectiveIntent(current: ResponseStatus | undefined, intent: Intent): Intent {
  return current === 'submitted' ? 'submit' : intent;
}

const E = 'survey.errors';

/**
 * Reads and checks the survey form. A draft may leave required questions empty; a submission may
 * not, and "other" ticked needs its text. Errors are catalogue keys by field name; `answers` is null
 * when anything is wrong. Only answered questions are in `answers`.
 */
export function readSurveyForm(body: FormBody, questions: Question[], intent: Intent): { form: SurveyForm; errors: Record<string, string>; answers: Answers | null } {
  const form: SurveyForm = { answers: {}, talk: ['true', 'on', '1'].includes(field(body, 'talk')), revision: trimmed(body, 'revision') };
  const errors: Record<string, string> = {};
  const answers: Answers = {};
  for (const q of questions) {
    const name = fieldOf(q.key);
    const consent = q.publishable && field(body, consentFieldOf(q.key)) === 'public';
    if (q.kind === 'text') {
      const text = cleanUserText(field(body, name).trim());
      form.answers[q.key] = { value: text, other: '', public: consent };
      if (text.length > SURVEY_LIMITS.text) errors[name] = `${E}.tooLong`;
      else if (text === '' && q.required && intent === 'submit') errors[name] = `${E}.required`;
      if (text !== '') answers[q.key] = { value: text, other: '', public: consent };
      continue;
    }
    const other = q.other ? cleanUserText(trimmed(body, otherFieldOf(q.key))) : '';
    let chosen = values(body, name);
    // Text under "other" says the option was meant, ticked or not.
    if (other !== '' && !chosen.includes(OTHER)) chosen = [...chosen, OTHER];
    const allowed = optionsOf(q);
    const value = q.kind === 'single' ? (chosen[0] ?? '') : allowed.filter((o) => chosen.includes(o));
    form.answers[q.key] = { value: q.kind === 'single' ? value : chosen, other, public: consent };
    if (!chosen.every((c) => allowed.includes(c)) || (q.kind === 'single' && chosen.length > 1)) errors[name] = `${E}.choiceInvalid`;
    else if (chosen.includes(NONE) && chosen.length > 1) errors[name] = `${E}.noneAlone`;
    else if (chosen.length === 0 && q.required && intent === 'submit') errors[name] = `${E}.required`;
    if (other.length > SURVEY_LIMITS.other) errors[otherFieldOf(q.key)] = `${E}.tooLong`;
    else if (chosen.includes(OTHER) && other === '' && intent === 'submit') errors[otherFieldOf(q.key)] = `${E}.otherRequired`;
    if (chosen.length > 0) answers[q.key] = { value, other: chosen.includes(OTHER) ? other : '', public: consent };
  }
  if (!/^\d{1,9}$/.test(form.revision)) errors.revision = `${E}.stale`;
  return { form, errors, answers: Object.keys(errors).length > 0 ? null : answers };
}

// --- the report's counts ---------------------------------------------------------------------------

export interface ResponseForReport {
  organisationId: number;
  status: ResponseStatus;
  answers: Answers;
}

export interface OptionCount {
  option: string;
  count: number;
}

/** A choice question in the report: how many organisations answered it, and how many chose each option. */
export interface QuestionCount {
  key: string;
  answered: number;
  counts: OptionCount[];
}

/**
 * The counts of a report: per choice question, among submitted responses, how many organisations
 * answered and how many chose each option ("12 of 20 need premises"). With `publicOnly` an answer
 * without consent counts nowhere, not even in a total, so a count never reveals it. Options the
 * round no longer offers are left out; options are ordered by count, then as asked.
 */
export function countAnswers(questions: Question[], responses: ResponseForReport[], publicOnly: boolean): QuestionCount[] {
  const submitted = responses.filter((r) => r.status === 'submitted');
  return questions
    .filter((q) => q.kind !== 'text' && (!publicOnly || q.publishable))
    .map((q) => {
      const options = optionsOf(q);
      const tally = new Map(options.map((o) => [o, 0]));
      let answered = 0;
      for (const r of submitted) {
        const a = r.answers[q.key];
        if (!isAnswered(a) || (publicOnly && !a!.public)) continue;
        const chosen = new Set(Array.isArray(a!.value) ? a!.value : [a!.value]);
        const known = options.filter((o) => chosen.has(o));
        if (known.length === 0) continue;
        answered++;
        for (const o of known) tally.set(o, tally.get(o)! + 1);
      }
      const counts = options.map((option) => ({ option, count: tally.get(option)! }));
      const order = new Map(options.map((o, i) => [o, i]));
      counts.sort((a, b) => b.count - a.count || order.get(a.option)! - order.get(b.option)!);
      return { key: q.key, answered, counts };
    });
}

/** A response's answers that may be shown publicly (consented, of a publishable question, answered). */
export function publicAnswers(questions: Question[], answers: Answers): Answers {
  const shown: Answers = {};
  for (const q of questions) {
    const a = answers[q.key];
    if (q.publishable && a?.public && isAnswered(a)) shown[q.key] = a;
  }
  return shown;
}

/** Organisations of a round by what they did: answered, a draft, not started. */
export function roundProgress(organisationIds: number[], responses: { organisationId: number; status: ResponseStatus }[]): Record<OrganisationState, number> {
  const byOrg = new Map(responses.map((r) => [r.organisationId, r.status]));
  const out: Record<OrganisationState, number> = { submitted: 0, draft: 0, notStarted: 0 };
  for (const id of organisationIds) out[byOrg.get(id) ?? 'notStarted']++;
  return out;
}

// --- words and rows --------------------------------------------------------------------------------

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** An answer in words in the reader's language: chosen options by name, "other" with its text; a text as written. */
export function answerText(t: Translate, q: Question, a: Answer): string {
  if (!Array.isArray(a.value) && q.kind === 'text') return a.value;
  const chosen = Array.isArray(a.value) ? a.value : a.value === '' ? [] : [a.value];
  return chosen.map((o) => (o === OTHER ? `${t('survey.option.other')}: ${a.other}` : t(`survey.option.${q.key}.${o}`))).join(', ');
}

export interface CsvResponse {
  organisation: string;
  status: ResponseStatus;
  talkWith: string | null;
  submittedAt: string | null;
  answers: Answers;
}

/**
 * The rows of a CSV of a round's answers: a header, then one row per organisation. `publicOnly`
 * (the public report's CSV) gives submitted responses and only consented answers, without the
 * consent columns; otherwise every response, each answer followed by whether it may be shown.
 */
export function csvRows(t: Translate, questions: Question[], responses: CsvResponse[], publicOnly: boolean): string[][] {
  const asked = publicOnly ? questions.filter((q) => q.publishable) : questions;
  const header = [
    t('survey.csv.organisation'),
    ...(publicOnly ? [] : [t('survey.csv.status'), t('survey.csv.talkWith'), t('survey.csv.submittedAt')]),
    ...asked.flatMap((q) => (publicOnly ? [t(`survey.question.${q.key}.label`)] : [t(`survey.question.${q.key}.label`), t('survey.csv.mayShow')])),
  ];
  const rows = responses
    .filter((r) => !publicOnly || r.status === 'submitted')
    .flatMap((r) => {
      const answers = publicOnly ? publicAnswers(asked, r.answers) : r.answers;
      if (publicOnly && Object.keys(answers).length === 0) return [];
      const cells = asked.flatMap((q) => {
        const a = answers[q.key];
        const text = a && isAnswered(a) ? answerText(t, q, a) : '';
        if (publicOnly) return [text];
        return [text, a && isAnswered(a) ? t(a.public ? 'common.yes' : 'common.no') : ''];
      });
      return [[r.organisation, ...(publicOnly ? [] : [t(`survey.state.${r.status}`), r.talkWith ?? '', r.submittedAt ?? '']), ...cells]];
    });
  return [header, ...rows];
}

/** The reminder to an organisation's editors, in Swedish (the organisations' language here). */
export function reminderMail(sv: Translate, p: { round: string; organisation: string; link: string; draft: boolean }) {
  const text = [
    sv('survey.mail.greeting'),
    '',
    sv(p.draft ? 'survey.mail.draft' : 'survey.mail.notStarted', { round: p.round, organisation: p.organisation }),
    sv('survey.mail.why'),
    '',
    sv('survey.mail.link', { link: p.link }),
    '',
    sv('survey.mail.talk'),
  ].join('\n');
  return { subject: sv('survey.mail.subject', { round: p.round }), text: `${text}\n` };
}

/** Reads the "open a round" form: year, title and the questions asked (keys of the bank). */
export function readRoundForm(body: FormBody, thisYear: number): { form: { year: string; title: string; questions: string[] }; errors: Record<string, string>; input: { year: number; title: string; questions: Question[] } | null } {
  const form = { year: trimmed(body, 'year'), title: cleanUserText(trimmed(body, 'title')), questions: values(body, 'questions') };
  const errors: Record<string, string> = {};
  const year = /^\d{4}$/.test(form.year) ? Number(form.year) : NaN;
  if (!(year >= 2000 && year <= thisYear + 1)) errors.year = `${E}.yearInvalid`;
  if (form.title === '') errors.title = `${E}.required`;
  else if (form.title.length > SURVEY_LIMITS.title) errors.title = `${E}.tooLong`;
  const known = QUESTION_BANK.map((q) => q.key);
  if (!form.questions.every((k) => known.includes(k))) errors.questions = `${E}.choiceInvalid`;
  else if (form.questions.length === 0) errors.questions = `${E}.questionsRequired`;
  if (Object.keys(errors).length > 0) return { form, errors, input: null };
  return { form, errors, input: { year, title: form.title, questions: questionsOf(form.questions) } };
}
