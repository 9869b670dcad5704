/** SQL for the mapping survey: rounds, one response per organisation and round, and its answers with their consent. */
import type { Db } from '../../db/index.js';
import { inTransaction } from '../../db/index.js';
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

/** Opens a new round; any other open round is closed, so organisations answer one at a time. Returns the new id and the ids closed. */
export async function openRound(db: Db, input: { year: number; title: string; questions: Question[]; createdBy: number | null }, now: Date): Promise<{ id: number; closed: number[] }> {
  const stamp = now.toISOString();
  return inTransaction(db, async (trx) => {
    const open = await trx.selectFrom('surveyRounds').select('id').where('status', '=', 'open').execute();
    if (open.length > 0) await trx.updateTable('surveyRounds').set({ status: 'closed', updatedAt: stamp }).where('status', '=', 'open').execute();
    const row = await trx
      .insertInto('surveyRounds')
      .values({ year: input.year, title: input.title, questions: JSON.stringify(input.questions), status: 'open', createdBy: input.createdBy, createdAt: stamp, updatedAt: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, closed: open.map((r) => r.id) };
  });
}

/** Opens or closes a round; opening closes the others. */
export async function setRoundStatus(db: Db, id: number, status: RoundStatus, now: Date): Promise<void> {
  const stamp = now.toISOString();
  await inTransaction(db, async (trx) => {
    if (status === 'open') await trx.updateTable('surveyRounds').set({ status: 'closed', updatedAt: stamp }).where('status', '=', 'open').where('id', '<>', id).execute();
    await trx.updateTable('surveyRounds').set({ status, updatedAt: stamp }).where('id', '=', id).execute();
  });
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

export type SaveResult = { kind: 'saved'; responseId: number; revision: number } | { kind: 'conflict' };

/**
 * Saves an organisation's answers to a round when the response is still at `expectedRevision` (0: not
 * started); otherwise nothing is written and the result is a conflict. Row and answers in one transaction.
 */
export async function saveResponse(
  db: Db,
  p: { roundId: number; organisationId: number; expectedRevision: number; status: ResponseStatus; answers: Answers; talkWith: string | null | undefined; userId: number | null },
  now: Date,
): Promise<SaveResult> {
  const stamp = now.toISOString();
  return inTransaction(db, async (trx) => {
    const current = await trx.selectFrom('surveyResponses').select(['id', 'revision', 'status', 'submittedAt']).where('roundId', '=', p.roundId).where('organisationId', '=', p.organisationId).executeTakeFirst();
    if ((current?.revision ?? 0) !== p.expectedRevision) return { kind: 'conflict' } as const;
    const submittedAt = p.status === 'submitted' ? (current?.submittedAt ?? stamp) : null;
    // undefined: leave the talk as it was (an editor's save); null or a name: set by the coordinator.
    const talk = p.talkWith === undefined ? {} : { talkWith: p.talkWith, talkedAt: p.talkWith === null ? null : stamp };
    let responseId: number;
    if (!current) {
      const row = await trx
        .insertInto('surveyResponses')
        .values({ roundId: p.roundId, organisationId: p.organisationId, status: p.status, revision: 1, ...talk, updatedBy: p.userId, submittedAt, createdAt: stamp, updatedAt: stamp })
        .onConflict((oc) => oc.columns(['roundId', 'organisationId']).doNothing())
        .returning('id')
        .executeTakeFirst();
      // Someone else started the same response a moment ago.
      if (!row) return { kind: 'conflict' } as const;
      responseId = row.id;
    } else {
      const updated = await trx
        .updateTable('surveyResponses')
        .set({ status: p.status, revision: current.revision + 1, ...talk, updatedBy: p.userId, submittedAt, updatedAt: stamp })
        .where('id', '=', current.id)
        .where('revision', '=', current.revision)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return { kind: 'conflict' } as const;
      responseId = current.id;
      await trx.deleteFrom('surveyAnswers').where('responseId', '=', responseId).execute();
    }
    const rows = Object.entries(p.answers).map(([question, a]) => ({
      responseId,
      question,
      value: JSON.stringify(a.value),
      other: a.other === '' ? null : a.other,
      public: a.public ? 1 : 0,
    }));
    if (rows.length > 0) await trx.insertInto('surveyAnswers').values(rows).execute();
    return { kind: 'saved', responseId, revision: (current?.revision ?? 0) + 1 } as const;
  });
}
