/**
 * Every change to the mapping survey's rounds and responses, each in one transaction (the caller's
 * when it gives one): opening a round (which closes the open one), opening or closing a round, and
 * saving an organisation's answers against edit conflicts.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { recordAudit } from '../audit/index.js';
import * as store from './survey.store.js';
import type { SurveyRound } from './survey.store.js';
import { isAnswered, type Answers, type Question, type ResponseStatus, type RoundStatus } from './survey.js';

export type SaveResult = { kind: 'saved'; responseId: number; revision: number } | { kind: 'conflict' };

/** Opens a new round; any other open round is closed, so organisations answer one at a time. Returns the new id and the ids closed. */
export async function openRound(db: Db, input: { year: number; title: string; questions: Question[]; createdBy: number | null }, now: Date): Promise<{ id: number; closed: number[] }> {
  return inTransaction(db, async (trx) => {
    const open = await store.listOpenRoundIds(trx);
    if (open.length > 0) await store.closeOpenRounds(trx, now);
    const id = await store.insertRound(trx, input, now);
    return { id, closed: open };
  });
}

/** Opens or closes a round; opening closes the others. */
export async function setRoundStatus(db: Db, id: number, status: RoundStatus, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (status === 'open') await store.closeOpenRounds(trx, now, id);
    await store.updateRoundStatus(trx, id, status, now);
  });
}

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
  return inTransaction(db, async (trx): Promise<SaveResult> => {
    const current = await store.findResponseRow(trx, p.roundId, p.organisationId);
    if ((current?.revision ?? 0) !== p.expectedRevision) return { kind: 'conflict' };
    const submittedAt = p.status === 'submitted' ? (current?.submittedAt ?? stamp) : null;
    // undefined: leave the talk as it was (an editor's save); null or a name: set by the coordinator.
    const talk = p.talkWith === undefined ? {} : { talkWith: p.talkWith, talkedAt: p.talkWith === null ? null : stamp };
    const values = { status: p.status, ...talk, updatedBy: p.userId, submittedAt };
    let responseId: number;
    if (!current) {
      const id = await store.insertResponse(trx, { roundId: p.roundId, organisationId: p.organisationId, ...values }, now);
      // Someone else started the same response a moment ago.
      if (id === undefined) return { kind: 'conflict' };
      responseId = id;
    } else {
      if (!(await store.updateResponse(trx, current.id, current.revision, values, now))) return { kind: 'conflict' };
      responseId = current.id;
      await store.deleteAnswers(trx, responseId);
    }
    await store.insertAnswers(trx, responseId, p.answers);
    return { kind: 'saved', responseId, revision: (current?.revision ?? 0) + 1 };
  });
}

/**
 * Saves an organisation's answers when nobody saved since `expectedRevision`, with an audit entry of
 * counts only (which questions were answered and shown, never what was said).
 */
export async function saveSurveyResponse(
  db: Db,
  p: { round: SurveyRound; organisationId: number; expectedRevision: number; status: ResponseStatus; answers: Answers; talkWith: string | null | undefined; actorUserId: number },
  now: Date,
): Promise<SaveResult> {
  return inTransaction(db, async (trx) => {
    const result = await saveResponse(trx, { roundId: p.round.id, organisationId: p.organisationId, expectedRevision: p.expectedRevision, status: p.status, answers: p.answers, talkWith: p.talkWith, userId: p.actorUserId }, now);
    if (result.kind === 'saved') {
      const answered = Object.values(p.answers).filter(isAnswered);
      await recordAudit(
        trx,
        {
          actorUserId: p.actorUserId,
          action: p.status === 'submitted' ? 'surveyResponse.submitted' : 'surveyResponse.saved',
          entity: 'surveyResponse',
          entityId: result.responseId,
          after: { roundId: p.round.id, organisationId: p.organisationId, answered: answered.length, public: answered.filter((a) => a.public).length, talk: p.talkWith ? true : p.talkWith === null ? false : undefined },
        },
        now,
      );
    }
    return result;
  });
}
