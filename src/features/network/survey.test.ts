/** The mapping survey's rules: reading the form with consent per answer, the report's counts, the CSV rows and the round form. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/index.js';
import {
  countAnswers,
  csvRows,
  DEFAULT_QUESTIONS,
  effectiveIntent,
  parseQuestions,
  publicAnswers,
  QUESTION_BANK,
  readRoundForm,
  readSurveyForm,
  roundProgress,
  surveyFormOf,
  type Answers,
  type CsvResponse,
  type ResponseForReport,
  type Translate,
} from './survey.js';

const questions = [...DEFAULT_QUESTIONS];
const sv = translator('sv') as unknown as Translate;
const en = translator('en') as unknown as Translate;

const response = (organisationId: number, answers: Answers, status: 'draft' | 'submitted' = 'submitted'): ResponseForReport => ({ organisationId, status, answers });
const choice = (value: string | string[], isPublic = true, other = '') => ({ value, other, public: isPublic });

describe('reading the survey form', () => {
  const valid = { revision: '0', q_activities: ['language_cafe', 'homework'], p_activities: 'public', q_plans: 'yes', q_network: 'maybe', p_network: 'private', q_description: ' Språkcafé på torsdagar. ' };

  it('keeps each answer with its own consent, not public unless chosen', () => {
    const { answers, errors } = readSurveyForm(valid, questions, 'submit');
    expect(errors).toEqual({});
    expect(answers!.activities).toEqual({ value: ['language_cafe', 'homework'], other: '', public: true });
    expect(answers!.plans).toEqual({ value: 'yes', other: '', public: false });
    expect(answers!.network!.public).toBe(false);
    expect(answers!.description).toEqual({ value: 'Språkcafé på torsdagar.', other: '', public: false });
    // Unanswered questions are not stored at all.
    expect(Object.keys(answers!).sort()).toEqual(['activities', 'description', 'network', 'plans']);
  });

  it('never lets contact details be public, even when the form says so', () => {
    const { answers } = readSurveyForm({ ...valid, q_networkContact: 'Anna, anna@example.org', p_networkContact: 'public' }, questions, 'submit');
    expect(answers!.networkContact!.public).toBe(false);
  });

  it('lets a draft leave required questions, but not a submission; and keeps what was typed', () => {
    const draft = readSurveyForm({ revision: '0', q_description: 'Bara början' }, questions, 'draft');
    expect(draft.errors).toEqual({});
    const submitted = readSurveyForm({ revision: '0', q_description: 'Bara början', p_description: 'public' }, questions, 'submit');
    expect(submitted.answers).toBeNull();
    expect(submitted.errors).toEqual({ q_activities: 'survey.errors.required', q_plans: 'survey.errors.required', q_network: 'survey.errors.required' });
    expect(submitted.form.answers.description).toEqual({ value: 'Bara början', other: '', public: true });
  });

  it('needs the text of "other" to submit, and takes the text as the option chosen', () => {
    const missing = readSurveyForm({ ...valid, q_activities: ['other'] }, questions, 'submit');
    expect(missing.errors).toEqual({ q_activities_other: 'survey.errors.otherRequired' });
    const typed = readSurveyForm({ ...valid, q_activities: 'sport', q_activities_other: 'Schack' }, questions, 'submit');
    expect(typed.answers!.activities).toEqual({ value: ['sport', 'other'], other: 'Schack', public: true });
  });

  it('refuses unknown options, two answers to a one-answer question, "none" with others and too long texts', () => {
    expect(readSurveyForm({ ...valid, q_activities: ['hacking'] }, questions, 'draft').errors.q_activities).toBe('survey.errors.choiceInvalid');
    expect(readSurveyForm({ ...valid, q_plans: ['yes', 'no'] }, questions, 'draft').errors.q_plans).toBe('survey.errors.choiceInvalid');
    expect(readSurveyForm({ ...valid, q_support: ['none', 'premises'] }, questions, 'draft').errors.q_support).toBe('survey.errors.noneAlone');
    expect(readSurveyForm({ ...valid, q_description: 'x'.repeat(2001) }, questions, 'draft').errors.q_description).toBe('survey.errors.tooLong');
    expect(readSurveyForm({ ...valid, revision: 'abc' }, questions, 'draft').errors.revision).toBe('survey.errors.stale');
  });

  it('checks a submitted response as a submission however it is saved', () => {
    expect(effectiveIntent('submitted', 'draft')).toBe('submit');
    expect(effectiveIntent('draft', 'draft')).toBe('draft');
    expect(effectiveIntent(undefined, 'submit')).toBe('submit');
  });

  it('starts a new form empty and private, marked as a talk when the coordinator fills it', () => {
    const form = surveyFormOf(questions, undefined, true);
    expect(form.revision).toBe('0');
    expect(form.talk).toBe(true);
    expect(form.answers.activities).toEqual({ value: [], other: '', public: false });
    expect(form.answers.plans).toEqual({ value: '', other: '', public: false });
  });
});

describe('the report’s counts', () => {
  const responses = [
    response(1, { support: choice(['premises', 'volunteers']), network: choice('yes') }),
    response(2, { support: choice(['premises', 'funding']), network: choice('yes', false) }),
    response(3, { support: choice(['premises'], false), network: choice('no') }),
    response(4, { support: choice(['funding', 'other'], true, 'Tolkar') }),
    // A draft counts nowhere.
    response(5, { support: choice(['premises', 'translation']) }, 'draft'),
    response(6, {}),
  ];

  it('counts how many of the organisations that answered chose each option, largest first', () => {
    const [support] = countAnswers(questions, responses, false).filter((c) => c.key === 'support');
    expect(support!.answered).toBe(4);
    expect(support!.counts.slice(0, 4)).toEqual([
      { option: 'premises', count: 3 },
      { option: 'funding', count: 2 },
      { option: 'volunteers', count: 1 },
      { option: 'other', count: 1 },
    ]);
    expect(support!.counts.find((c) => c.option === 'translation')!.count).toBe(0);
  });

  it('leaves an answer without consent out of the public counts and their totals', () => {
    const counts = countAnswers(questions, responses, true);
    const support = counts.find((c) => c.key === 'support')!;
    expect(support.answered).toBe(3);
    expect(support.counts[0]).toEqual({ option: 'premises', count: 2 });
    const network = counts.find((c) => c.key === 'network')!;
    expect(network.answered).toBe(2);
    expect(network.counts.filter((c) => c.count > 0)).toEqual([
      { option: 'yes', count: 1 },
      { option: 'no', count: 1 },
    ]);
    // Text questions are never counted; contact details never reach a public report.
    expect(counts.map((c) => c.key)).toEqual(['activities', 'targetGroups', 'plans', 'cooperation', 'support', 'network']);
  });

  it('ignores options the round no longer asks', () => {
    const [plans] = countAnswers(questions, [response(1, { plans: choice('someday') })], false).filter((c) => c.key === 'plans');
    expect(plans!.answered).toBe(0);
  });

  it('shows publicly only consented answers of publishable questions', () => {
    const shown = publicAnswers(questions, { plans: choice('yes'), network: choice('no', false), networkContact: { value: 'Anna', other: '', public: true }, description: { value: '', other: '', public: true } });
    expect(Object.keys(shown)).toEqual(['plans']);
  });

  it('tells who answered, has a draft or has not started', () => {
    expect(roundProgress([1, 2, 3, 4], [{ organisationId: 1, status: 'submitted' }, { organisationId: 3, status: 'draft' }, { organisationId: 9, status: 'submitted' }])).toEqual({ submitted: 1, draft: 1, notStarted: 2 });
  });
});

describe('the CSV rows', () => {
  const all: CsvResponse[] = [
    { organisation: 'Röda Korset', status: 'submitted', talkWith: 'Maria Lind', submittedAt: '2026-10-01T10:00:00.000Z', answers: { support: choice(['premises', 'other'], true, 'Tolkar'), network: choice('yes', false) } },
    { organisation: 'Hemlig förening', status: 'submitted', talkWith: null, submittedAt: '2026-10-02T10:00:00.000Z', answers: { network: choice('no', false) } },
    { organisation: 'Utkastet', status: 'draft', talkWith: null, submittedAt: null, answers: { support: choice(['funding']) } },
  ];

  it('gives the coordinator every answer with whether it may be shown', () => {
    const rows = csvRows(sv, questions, all, false);
    expect(rows[0]!.slice(0, 4)).toEqual(['Organisation', 'Status', 'Ifyllt vid samtal med', 'Inskickad']);
    expect(rows).toHaveLength(4);
    const col = rows[0]!.indexOf('Behöver ni stöd i ert arbete med integration? Vilket?');
    expect(rows[1]![col]).toBe('Lokaler, Annat: Tolkar');
    expect(rows[1]![col + 1]).toBe('Ja');
    const network = rows[0]!.indexOf('Vill ni vara med i ett integrationsnätverk för civilsamhället i Örebro?');
    expect(rows[1]![network + 1]).toBe('Nej');
    expect(rows[3]![1]).toBe('Utkast');
  });

  it('gives the public only submitted, consented answers, in the reader’s language', () => {
    const rows = csvRows(en, questions, all, true);
    expect(rows[0]![0]).toBe('Organisation');
    expect(rows[0]).not.toContain('May be shown');
    expect(rows[0]).not.toContain('Who is the contact person for the network?');
    // The organisation that showed nothing and the draft are not rows; the unconsented answer is empty.
    expect(rows.map((r) => r[0])).toEqual(['Organisation', 'Röda Korset']);
    expect(rows[1]).toContain('Premises, Other: Tolkar');
    expect(rows[1]).not.toContain('Yes');
  });
});

describe('the round form and question sets', () => {
  it('opens a round with the chosen questions in the bank’s order', () => {
    const { input, errors } = readRoundForm({ year: '2027', title: 'Kartläggning 2027', questions: ['network', 'activities'] }, 2026);
    expect(errors).toEqual({});
    expect(input!.questions.map((q) => q.key)).toEqual(['activities', 'network']);
  });

  it('refuses a year far off, no title and no questions, keeping what was typed', () => {
    const { input, errors, form } = readRoundForm({ year: '3026', title: '', questions: [] }, 2026);
    expect(input).toBeNull();
    expect(errors).toEqual({ year: 'survey.errors.yearInvalid', title: 'survey.errors.required', questions: 'survey.errors.questionsRequired' });
    expect(form.year).toBe('3026');
  });

  it('reads a stored question set back, dropping what it cannot use', () => {
    const stored = JSON.stringify([...QUESTION_BANK.slice(0, 2), { key: 'x', kind: 'essay' }, null]);
    expect(parseQuestions(stored)).toEqual(QUESTION_BANK.slice(0, 2));
    expect(parseQuestions('not json')).toEqual([]);
  });
});
