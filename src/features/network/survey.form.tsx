/**
 * Showing and saving one organisation's survey form, shared by the workspace route (its editors) and
 * the coordinator's route (during a mapping talk): bad input and edit conflicts re-render the form
 * with everything typed; a good save redirects with a notice.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/index.js';
import type { FormBody } from '../../web/form.js';
import { field } from '../../web/form.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { findResponse, type SurveyRound } from './survey.store.js';
import { SurveyFormPage } from './survey.page.js';
import { saveSurveyResponse } from './survey.commands.js';
import { effectiveIntent, readSurveyForm, surveyFormOf, type SurveyForm } from './survey.js';

export interface SurveyFormTarget {
  round: SurveyRound;
  organisation: { id: number; name: string; slug: string };
  /** The coordinator fills in (may mark a talk). */
  coordinator: boolean;
  /** The form's path (without language prefix); a save redirects back to it with ?sparad=. */
  action: string;
  title: string;
  back: { href: string; label: string };
  /** The notice after a save, by what was saved. */
  savedText: (saved: 'draft' | 'submitted') => string;
}

export const SAVED = ['draft', 'submitted'] as const;

/** The form as stored (or empty), or as typed after an error. */
export async function showSurveyForm(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  target: SurveyFormTarget,
  state: { form?: SurveyForm; errors?: Record<string, string>; saved?: (typeof SAVED)[number] | undefined; conflict?: boolean; status?: number } = {},
) {
  const response = await findResponse(db, target.round.id, target.organisation.id);
  const form = state.form ?? surveyFormOf(target.round.questions, response, target.coordinator);
  // After a conflict the form carries the stored revision, so saving again (after a look) goes through.
  if (state.conflict && response) form.revision = String(response.revision);
  reply.header('cache-control', 'no-store');
  return sendPage(
    reply,
    pageContext(request),
    <SurveyFormPage
      title={target.title}
      round={target.round}
      form={form}
      errors={state.errors ?? {}}
      csrf={reply.generateCsrf()}
      action={target.action}
      back={target.back}
      status={response?.status}
      talkWith={response?.talkWith ?? null}
      coordinator={target.coordinator}
      saved={state.saved ? target.savedText(state.saved) : undefined}
      conflict={state.conflict ? response : undefined}
    />,
    state.status ?? 200,
  );
}

/** Reads, checks and saves the form; redirects after a save, re-renders (400 or 409) otherwise. */
export async function postSurveyForm(db: Db, request: FastifyRequest<{ Body: FormBody }>, reply: FastifyReply, target: SurveyFormTarget, now: Date) {
  const body = request.body ?? {};
  const viewer = request.viewer!;
  const current = await findResponse(db, target.round.id, target.organisation.id);
  const intent = effectiveIntent(current?.status, field(body, 'intent') === 'draft' ? 'draft' : 'submit');
  const { form, errors, answers } = readSurveyForm(body, target.round.questions, intent);
  if (!answers) return showSurveyForm(db, request, reply, target, { form, errors, status: 400 });
  const status = intent === 'submit' ? 'submitted' : 'draft';
  // An editor's save keeps the talk as it was; the coordinator's says whether this was a talk.
  const talkWith = target.coordinator ? (form.talk ? viewer.name : null) : undefined;
  const result = await saveSurveyResponse(db, { round: target.round, organisationId: target.organisation.id, expectedRevision: Number(form.revision), status, answers, talkWith, actorUserId: viewer.id }, now);
  if (result.kind === 'conflict') return showSurveyForm(db, request, reply, target, { form, conflict: true, status: 409 });
  return reply.redirect(`${pageContext(request).href(target.action)}?sparad=${status}`, 303);
}
