/**
 * SQL for the mapping survey: rounds, one response per organisation and round, and its answers with
 * their consent. Changes of several statements are put together in survey.commands.ts.
 */
import type { Db } from '../../db/index.js';
import { parseQuestions, type Answer, type Answers, type Question, type ResponseStatus, type RoundStatus } from './survey.js';

export interface SurveyRound {
  id: number;
  year: number;
  title: string;
  questions: Question[];
  status: RoundStatus;
  remindedAt: string | null;
  createdAt: string;
}

export interface SurveyResponse {
  id: number;
  roundId: number;
  organisationId: number;
  organisationName: string;
  organisationSlug: string;
  status: ResponseStatus;
  revision: number;
  talkWith: string | null;
  talkedAt: string | null;
  submittedAt: string | null;
  updatedAt: string;
  answers: Answers;
}

const toRound = (r: { id: number; year: number; title: string; questions: string; status: string; remindedAt: string | null; createdAt: string }): SurveyRound => ({
  id: r.id,
  year: r.year,
  title: r.title,
  questions: parseQuestions(r.questions),
  status: r.status as RoundStatus,
  remindedAt: r.remindedAt,
  createdAt: r.createdAt,
});

const roundColumns = ['id', 'year', 'title', 'questions', 'status', 'remindedAt', 'createdAt'] as const;

/** Every round, newest year first. */
export async function listRounds(db: Db): Promise<SurveyRound[]> {
  return (await db.selectFrom('surveyRounds').select(roundColumns).orderBy('year', 'desc').execute()).map(toRound);
}

export async function findRound(db: Db, id: number): Promise<SurveyRound | undefined> {
  const row = await db.selectFrom('surveyRounds').select(roundColumns).where('id', '=', id).executeTakeFirst();
  return row ? toRound(row) : undefined;
}

export async function findRoundByYear(db: Db, year: number): Promise<SurveyRound | undefined> {
  const row = await db.selectFrom('surveyRounds').select(roundColumns).where('year', '=', year).executeTakeFirst();
  return row ? toRound(row) : undefined;
}

/** The round organisations answer now (at most one is open). */
export async function findOpenRound(db: Db): Promise<SurveyRound | undefined> {
  const row = await db.selectFrom('surveyRounds').select(roundColumns).where('status', '=', 'open').orderBy('year', 'desc').executeTakeFirst();
  return row ? toRound(row) : undefined;
}

/** Ids of the open rounds (at most one, unless two were opened at once). */
export async function listOpenRoundIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('surveyRounds').select('id').where('status', '=', 'open').execute()).map((r) => r.id);
}

/** Closes every open round but `exceptId`. */
export async function closeOpenRounds(db: Db, now: Date, exceptId?: number): Promise<void> {
  let q = db.updateTable('surveyRounds').set({ status: 'closed', updatedAt: now.toISOString() }).where('status', '=', 'open');
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  await q.execute();
}

/** Stores a new round, open; returns its id. */
export async function insertRound(db: Db, input: { year: number; title: string; questions: Question[]; createdBy: number | null }, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('surveyRounds')
    .values({ year: input.year, title: input.title, questions: JSON.stringify(input.questions), status: 'open', createdBy: input.createdBy, createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRoundStatus(db: Db, id: number, status: RoundStatus, now: Date): Promise<void> {
  await db.updateTable('surveyRounds').set({ status, updatedAt: now.toISOString() }).where('id', '=', id).execute();
}

export async function markReminded(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('surveyRounds').set({ remindedAt: now.toISOString() }).where('id', '=', id).execute();
}

/** A stored value: JSON of the text or of the options chosen (so a text that looks like a list stays a text). */
function parseValue(json: string): string | string[] {
  try {
    const v: unknown = JSON.parse(json);
    if (typeof v === 'string') return v;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : '';
  } catch {
    return '';
  }
}

/** Answers by response id; with `publicOnly`, only those the organisation let the public report show (filtered in SQL). */
async function answersOf(db: Db, responseIds: number[], publicOnly: boolean): Promise<Map<number, Answers>> {
  const out = new Map<number, Answers>(responseIds.map((id) => [id, {}]));
  if (responseIds.length === 0) return out;
  let q = db.selectFrom('surveyAnswers').select(['responseId', 'question', 'value', 'other', 'public']).where('responseId', 'in', responseIds);
  if (publicOnly) q = q.where('public', '=', 1);
  for (const r of await q.execute()) {
    const answer: Answer = { value: parseValue(r.value), other: r.other ?? '', public: r.public === 1 };
    out.get(r.responseId)![r.question] = answer;
  }
  return out;
}

function responsesQuery(db: Db) {
  return db
    .selectFrom('surveyResponses as s')
    .innerJoin('organisations as o', 'o.id', 's.organisationId')
    .select(['s.id', 's.roundId', 's.organisationId', 'o.name as organisationName', 'o.slug as organisationSlug', 's.status', 's.revision', 's.talkWith', 's.talkedAt', 's.submittedAt', 's.updatedAt']);
}

type ResponseRow = Omit<SurveyResponse, 'answers' | 'status'> & { status: string };

async function withAnswers(db: Db, rows: ResponseRow[], publicOnly: boolean): Promise<SurveyResponse[]> {
  const answers = await answersOf(db, rows.map((r) => r.id), publicOnly);
  return rows.map((r) => ({ ...r, status: r.status as ResponseStatus, answers: answers.get(r.id)! }));
}

/** One organisation's response to a round, with every answer (for its editors and the coordinator). */
export async function findResponse(db: Db, roundId: number, organisationId: number): Promise<SurveyResponse | undefined> {
  const row = await responsesQuery(db).where('s.roundId', '=', roundId).where('s.organisationId', '=', organisationId).executeTakeFirst();
  return row ? (await withAnswers(db, [row], false))[0] : undefined;
}

/** Every response of a round with every answer, by organisation name (the coordinator's report and CSV). */
export async function listResponses(db: Db, roundId: number): Promise<SurveyResponse[]> {
  const rows = await responsesQuery(db).where('s.roundId', '=', roundId).orderBy('o.name').execute();
  return withAnswers(db, rows, false);
}

/**
 * The submitted responses of a round with only their consented answers: what the public report, its
 * CSV and its PDF are made of. Answers without consent never leave the database here.
 */
export async function listPublicResponses(db: Db, roundId: number): Promise<SurveyResponse[]> {
  const rows = await responsesQuery(db).where('s.roundId', '=', roundId).where('s.status', '=', 'submitted').orderBy('o.name').execute();
  return withAnswers(db, rows, true);
}

/** Organisations a round asks (every organisation), by name. */
export async function listSurveyOrganisations(db: Db): Promise<{ id: number; name: string; slug: string }[]> {
  return db.selectFrom('organisations').select(['id', 'name', 'slug']).orderBy('name').execute();
}

/** The row of an organisation's response to a round, as a save checks it. */
export async function findResponseRow(db: Db, roundId: number, organisationId: number): Promise<{ id: number; revision: number; status: string; submittedAt: string | null } | undefined> {
  return db.selectFrom('surveyResponses').select(['id', 'revision', 'status', 'submittedAt']).where('roundId', '=', roundId).where('organisationId', '=', organisationId).executeTakeFirst();
}

/** What a save writes on the response row; the talk fields only when given (set by the coordinator). */
export interface ResponseValues {
  status: ResponseStatus;
  talkWith?: string | null;
  talkedAt?: string | null;
  updatedBy: number | null;
  submittedAt: string | null;
}

/** Starts a response at revision 1; undefined when someone else started it a moment ago. */
export async function insertResponse(db: Db, p: { roundId: number; organisationId: number } & ResponseValues, now: Date): Promise<number | undefined> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('surveyResponses')
    .values({ ...p, revision: 1, createdAt: stamp, updatedAt: stamp })
    .onConflict((oc) => oc.columns(['roundId', 'organisationId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Moves a response from `revision` to the next one; false when it is no longer at `revision`. */
export async function updateResponse(db: Db, id: number, revision: number, values: ResponseValues, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('surveyResponses')
    .set({ ...values, revision: revision + 1, updatedAt: now.toISOString() })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function deleteAnswers(db: Db, responseId: number): Promise<void> {
  await db.deleteFrom('surveyAnswers').where('responseId', '=', responseId).execute();
}

/** Stores a response's answers, each with its consent to be shown. */
export async function insertAnswers(db: Db, responseId: number, answers: Answers): Promise<void> {
  const rows = Object.entries(answers).map(([question, a]) => ({
    responseId,
    question,
    value: JSON.stringify(a.value),
    other: a.other === '' ? null : a.other,
    public: a.public ? 1 : 0,
  }));
  if (rows.length > 0) await db.insertInto('surveyAnswers').values(rows).execute();
}
