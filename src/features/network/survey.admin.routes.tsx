/**
 * The coordinator's survey screens (/admin/kartlaggning): open a round with its questions, see per
 * round who answered, has a draft or has not started, remind editors by mail, close or reopen it,
 * fill in an organisation's answers during a mapping talk, the whole report (page, print, PDF) and
 * the CSV of every answer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../web/errors.js';
import { formBodySchema, trimmed, type FormBody } from '../../web/form.js';
import { idParams, positiveId } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { localToday } from '../../web/time.js';
import { recordAudit } from '../audit/index.js';
import { pdfFilename, sendPrintPdf } from '../print/index.js';
import { toCsv } from './signup.js';
import { RoundPage, SurveyAdminPage, type RoundForm } from './survey.admin.page.js';
import { postSurveyForm, SAVED, showSurveyForm, type SurveyFormTarget } from './survey.form.js';
import { ReportPage, ReportPrint } from './survey.report.page.js';
import { remindEditors, reportData } from './survey.service.js';
import { openRound, setRoundStatus } from './survey.commands.js';
import { findRound, findRoundByYear, listResponses, listRounds, listSurveyOrganisations, type SurveyRound } from './survey.store.js';
import { csvRows, DEFAULT_QUESTIONS, readRoundForm, roundProgress, type Translate } from './survey.js';

const fillParams = { type: 'object', required: ['id', 'organisation'], properties: { id: positiveId, organisation: positiveId } } as const;
const NOTICES = ['reminded', 'closed', 'reopened'] as const;

export async function surveyAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, mailer, config } = app.deps;

  const progressOf = async (round: SurveyRound) => {
    const [organisations, responses] = await Promise.all([listSurveyOrganisations(db), listResponses(db, round.id)]);
    return { organisations, responses, progress: roundProgress(organisations.map((o) => o.id), responses) };
  };

  const overview = async (request: FastifyRequest, reply: FastifyReply, state: { form?: RoundForm; errors?: Record<string, string>; opened?: boolean; status?: number } = {}) => {
    const rounds = await listRounds(db);
    const withProgress = await Promise.all(rounds.map(async (r) => ({ ...r, progress: (await progressOf(r)).progress })));
    const year = Number(localToday(now()).slice(0, 4));
    // A new round asks what the last one asked, unless the coordinator changes it.
    const form = state.form ?? { year: String(year), title: `Kartläggning ${year}`, questions: (rounds[0]?.questions ?? DEFAULT_QUESTIONS).map((q) => q.key) };
    return sendPage(reply, pageContext(request), <SurveyAdminPage rounds={withProgress} form={form} errors={state.errors ?? {}} csrf={reply.generateCsrf()} opened={state.opened ?? false} />, state.status ?? 200);
  };

  app.get<{ Querystring: { klart?: string } }>(
    '/admin/kartlaggning',
    { config: { access: 'admin' }, schema: { querystring: { type: 'object', properties: { klart: { type: 'string', enum: ['oppnad'] } } } } },
    async (request, reply) => overview(request, reply, { opened: request.query.klart === 'oppnad' }),
  );

  app.post<{ Body: FormBody }>('/admin/kartlaggning', { config: { access: 'admin' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const at = now();
    const { form, errors, input } = readRoundForm(request.body ?? {}, Number(localToday(at).slice(0, 4)));
    if (!input) return overview(request, reply, { form, errors, status: 400 });
    if (await findRoundByYear(db, input.year)) return overview(request, reply, { form, errors: { year: 'survey.errors.yearTaken' }, status: 400 });
    const { id, closed } = await openRound(db, { ...input, createdBy: request.viewer!.id }, at);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'surveyRound.opened', entity: 'surveyRound', entityId: id, after: { year: input.year, questions: input.questions.map((q) => q.key), closed } }, at);
    return reply.redirect(`${pageContext(request).href('/admin/kartlaggning')}?klart=oppnad`, 303);
  });

  const roundOf = async (id: number): Promise<SurveyRound> => {
    const round = await findRound(db, id);
    if (!round) throw notFound();
    return round;
  };
  const roundPath = (request: FastifyRequest, round: SurveyRound) => pageContext(request).href(`/admin/kartlaggning/${round.id}`);

  app.get<{ Params: { id: number }; Querystring: { klart?: (typeof NOTICES)[number]; antal?: number } }>(
    '/admin/kartlaggning/:id',
    {
      config: { access: 'admin' },
      schema: { params: idParams, querystring: { type: 'object', properties: { klart: { type: 'string', enum: [...NOTICES] }, antal: { type: 'integer', minimum: 0, maximum: 100000 } } } },
    },
    async (request, reply) => {
      const round = await roundOf(request.params.id);
      const { organisations, responses, progress } = await progressOf(round);
      const byOrg = new Map(responses.map((r) => [r.organisationId, r]));
      const rows = organisations.map((o) => ({ id: o.id, name: o.name, state: byOrg.get(o.id)?.status ?? ('notStarted' as const), talkWith: byOrg.get(o.id)?.talkWith ?? null }));
      const q = request.query;
      const notice = q.klart === 'reminded' ? { key: 'survey.admin.round.reminded', count: q.antal ?? 0 } : q.klart ? { key: `survey.admin.round.${q.klart}` } : undefined;
      return sendPage(reply, pageContext(request), <RoundPage round={round} organisations={rows} progress={progress} csrf={reply.generateCsrf()} notice={notice} />);
    },
  );

  app.post<{ Params: { id: number } }>('/admin/kartlaggning/:id/paminnelse', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const round = await roundOf(request.params.id);
    const sent = await remindEditors({ db, mailer, publicUrl: config.publicUrl }, round, request.viewer!.id, now());
    return reply.redirect(`${roundPath(request, round)}?klart=reminded&antal=${sent}`, 303);
  });

  app.post<{ Params: { id: number }; Body: FormBody }>('/admin/kartlaggning/:id/status', { config: { access: 'admin' }, schema: { params: idParams, body: formBodySchema } }, async (request, reply) => {
    const round = await roundOf(request.params.id);
    const status = trimmed(request.body ?? {}, 'status');
    if (status !== 'open' && status !== 'closed') return reply.redirect(roundPath(request, round), 303);
    const at = now();
    await setRoundStatus(db, round.id, status, at);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: status === 'open' ? 'surveyRound.reopened' : 'surveyRound.closed', entity: 'surveyRound', entityId: round.id }, at);
    return reply.redirect(`${roundPath(request, round)}?klart=${status === 'open' ? 'reopened' : 'closed'}`, 303);
  });

  // --- filling in during a mapping talk ----------------------------------------------------------

  const fillTarget = async (request: FastifyRequest, roundId: number, organisationId: number): Promise<SurveyFormTarget> => {
    const round = await roundOf(roundId);
    const organisation = (await listSurveyOrganisations(db)).find((o) => o.id === organisationId);
    if (!organisation) throw notFound();
    const page = pageContext(request);
    const t = page.t as unknown as Translate;
    return {
      round,
      organisation,
      coordinator: true,
      action: `/admin/kartlaggning/${round.id}/organisation/${organisation.id}`,
      title: t('survey.admin.fill.title', { round: round.title, organisation: organisation.name }),
      back: { href: page.href(`/admin/kartlaggning/${round.id}`), label: t('survey.admin.fill.back') },
      savedText: () => t('survey.admin.fill.saved', { organisation: organisation.name }),
    };
  };

  app.get<{ Params: { id: number; organisation: number }; Querystring: { sparad?: (typeof SAVED)[number] } }>(
    '/admin/kartlaggning/:id/organisation/:organisation',
    { config: { access: 'admin' }, schema: { params: fillParams, querystring: { type: 'object', properties: { sparad: { type: 'string', enum: [...SAVED] } } } } },
    async (request, reply) => showSurveyForm(db, request, reply, await fillTarget(request, request.params.id, request.params.organisation), { saved: request.query.sparad }),
  );

  app.post<{ Params: { id: number; organisation: number }; Body: FormBody }>(
    '/admin/kartlaggning/:id/organisation/:organisation',
    { config: { access: 'admin' }, schema: { params: fillParams, body: formBodySchema } },
    async (request, reply) => postSurveyForm(db, request, reply, await fillTarget(request, request.params.id, request.params.organisation), now()),
  );

  // --- the whole report and every answer ----------------------------------------------------------

  app.get<{ Params: { id: number } }>('/admin/kartlaggning/:id/rapport', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const page = pageContext(request);
    const round = await roundOf(request.params.id);
    const base = `/admin/kartlaggning/${round.id}`;
    reply.header('cache-control', 'no-store');
    return sendPage(reply, page, <ReportPage data={await reportData(db, round, true)} links={{ print: page.href(`${base}/rapport/skriv-ut`), pdf: page.href(`${base}/rapport/skriv-ut.pdf`), csv: page.href(`${base}/svar.csv`) }} />);
  });

  app.get<{ Params: { id: number } }>('/admin/kartlaggning/:id/rapport/skriv-ut', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const page = pageContext(request);
    const round = await roundOf(request.params.id);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, page, <ReportPrint data={await reportData(db, round, true)} backHref={page.href(`/admin/kartlaggning/${round.id}/rapport`)} />);
  });

  app.get<{ Params: { id: number } }>('/admin/kartlaggning/:id/rapport/skriv-ut.pdf', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const page = pageContext(request);
    const round = await roundOf(request.params.id);
    const node = <ReportPrint data={await reportData(db, round, true)} backHref={page.href(`/admin/kartlaggning/${round.id}/rapport`)} />;
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'surveyRound.printed', entity: 'surveyRound', entityId: round.id }, now());
    reply.header('cache-control', 'no-store');
    return sendPrintPdf(app, request, reply, node, pdfFilename(['kartlaggning', String(round.year), 'hela'], page.lang.code, false));
  });

  app.get<{ Params: { id: number } }>('/admin/kartlaggning/:id/svar.csv', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const page = pageContext(request);
    const round = await roundOf(request.params.id);
    const responses = await listResponses(db, round.id);
    const rows = csvRows(page.t as unknown as Translate, round.questions, responses.map((r) => ({ ...r, organisation: r.organisationName })), false);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'surveyRound.exported', entity: 'surveyRound', entityId: round.id, after: { rows: responses.length } }, now());
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="kartlaggning-${round.year}-alla-svar.csv"`)
      .send(toCsv(rows));
  });
}
