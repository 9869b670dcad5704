/**
 * The mapping survey's public reports (/kartlaggning/<year> in every language, with its print page,
 * PDF and CSV: consented answers only) and an organisation's form in its workspace
 * (/hantera/<org>/kartlaggning) while a round is open. The coordinator's screens are in survey.admin.routes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../web/errors.js';
import { formBodySchema, type FormBody } from '../../web/form.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { canEditOrganisation } from '../accounts/index.js';
import { findAnyOrganisation, type Organisation } from '../organisations/index.js';
import { pdfFilename, sendPrintPdf } from '../print/index.js';
import { toCsv } from './signup.js';
import { postSurveyForm, SAVED, showSurveyForm, type SurveyFormTarget } from './survey.form.js';
import { NoRoundPage } from './survey.page.js';
import { ReportPage, ReportPrint, RoundListPage } from './survey.report.page.js';
import { reportData } from './survey.service.js';
import { findOpenRound, findRoundByYear, listRounds, type SurveyRound } from './survey.store.js';
import { csvRows, type Translate } from './survey.js';

const slugParam = { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' } as const;
const orgParams = { type: 'object', required: ['org'], properties: { org: slugParam } } as const;
const yearParams = { type: 'object', required: ['year'], properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } } as const;
const savedQuery = { type: 'object', properties: { sparad: { type: 'string', enum: [...SAVED] } } } as const;
/** Public report pages are cached in their own scope: a saved answer raises its version. */
const reportConfig = { access: 'public', cacheScope: 'survey' } as const;

export async function surveyRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;

  // --- the public reports ------------------------------------------------------------------------

  app.get('/kartlaggning', { config: reportConfig }, async (request, reply) => sendPage(reply, pageContext(request), <RoundListPage rounds={await listRounds(db)} />));

  const roundOfYear = async (year: number): Promise<SurveyRound> => {
    const round = await findRoundByYear(db, year);
    if (!round) throw notFound();
    return round;
  };

  app.get<{ Params: { year: number } }>('/kartlaggning/:year', { config: reportConfig, schema: { params: yearParams } }, async (request, reply) => {
    const page = pageContext(request);
    const round = await roundOfYear(request.params.year);
    const base = `/kartlaggning/${round.year}`;
    const links = { print: page.href(`${base}/skriv-ut`), pdf: page.href(`${base}/skriv-ut.pdf`), csv: page.href(`${base}/svar.csv`) };
    return sendPage(reply, page, <ReportPage data={await reportData(db, round, false)} links={links} />);
  });

  app.get<{ Params: { year: number } }>('/kartlaggning/:year/skriv-ut', { config: reportConfig, schema: { params: yearParams } }, async (request, reply) => {
    const page = pageContext(request);
    const round = await roundOfYear(request.params.year);
    return sendPage(reply, page, <ReportPrint data={await reportData(db, round, false)} backHref={page.href(`/kartlaggning/${round.year}`)} />);
  });

  app.get<{ Params: { year: number } }>('/kartlaggning/:year/skriv-ut.pdf', { config: { access: 'public' }, schema: { params: yearParams } }, async (request, reply) => {
    const page = pageContext(request);
    const round = await roundOfYear(request.params.year);
    const node = <ReportPrint data={await reportData(db, round, false)} backHref={page.href(`/kartlaggning/${round.year}`)} />;
    return sendPrintPdf(app, request, reply, node, pdfFilename(['kartlaggning', String(round.year)], page.lang.code, false));
  });

  app.get<{ Params: { year: number } }>('/kartlaggning/:year/svar.csv', { config: { access: 'public' }, schema: { params: yearParams } }, async (request, reply) => {
    const page = pageContext(request);
    const round = await roundOfYear(request.params.year);
    const data = await reportData(db, round, false);
    const rows = csvRows(page.t as unknown as Translate, round.questions, data.responses.map((r) => ({ ...r, organisation: r.organisationName })), true);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kartlaggning-${round.year}-${page.lang.code}.csv"`)
      .send(toCsv(rows));
  });

  // --- the organisation's form in its workspace ----------------------------------------------------

  const organisationFor = async (request: FastifyRequest, slug: string): Promise<Organisation> => {
    const o = await findAnyOrganisation(db, { slug });
    if (!o) throw notFound();
    if (!canEditOrganisation(request.viewer, o.id)) throw new HttpError(403, 'errors.forbidden');
    return o;
  };

  const targetFor = (request: FastifyRequest, o: Organisation, round: SurveyRound): SurveyFormTarget => {
    const t = pageContext(request).t as unknown as Translate;
    return {
      round,
      organisation: o,
      coordinator: false,
      action: `/hantera/${o.slug}/kartlaggning`,
      title: t('survey.workspace.title', { organisation: o.name }),
      back: { href: pageContext(request).href(`/hantera/${o.slug}`), label: t('survey.workspace.back') },
      savedText: (saved) => t(`survey.workspace.saved.${saved}`),
    };
  };

  app.get<{ Params: { org: string }; Querystring: { sparad?: (typeof SAVED)[number] } }>(
    '/hantera/:org/kartlaggning',
    { config: { access: 'editor' }, schema: { params: orgParams, querystring: savedQuery } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const round = await findOpenRound(db);
      if (!round) return sendPage(reply, pageContext(request), <NoRoundPage organisation={o} />);
      return showSurveyForm(db, request, reply, targetFor(request, o, round), { saved: request.query.sparad });
    },
  );

  app.post<{ Params: { org: string }; Body: FormBody }>(
    '/hantera/:org/kartlaggning',
    { config: { access: 'editor' }, schema: { params: orgParams, body: formBodySchema } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const round = await findOpenRound(db);
      // The round closed while the form was open: nothing is saved, and the page says so.
      if (!round) return sendPage(reply, pageContext(request), <NoRoundPage organisation={o} />, 409);
      return postSurveyForm(db, request, reply, targetFor(request, o, round), now());
    },
  );
}
