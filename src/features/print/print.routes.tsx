/**
 * Print routes: a week's poster, a category's leaflet and an organisation's sheet, each as an A4
 * print page and, with '.pdf' after the path, as the same page drawn to a PDF by headless Chromium.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteGenericInterface } from 'fastify';
import type { VNode } from 'preact';
import { badParameter, notFound } from '../../web/errors.js';
import type { PageContext } from '../../web/page.js';
import { renderPage, sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { addDays, startOfIsoWeek } from '../../web/time.js';
import {
  activityPath,
  countOccurrences,
  filterProperties,
  listActivitySummaries,
  listOccurrences,
  localiseTitles,
  withQuery,
  type ActivitySummary,
  type OccurrenceItem,
} from '../calendar/index.js';
import { findOrganisationBySlug } from '../organisations/index.js';
import { listDistricts } from '../places/index.js';
import { isCategory, type Category } from '../taxonomy/index.js';
import { findTranslations, localText, type LocalText } from '../translation/index.js';
import { PdfRenderer, PdfUnavailableError, type StaticFile } from './pdf.renderer.js';
import { voicesOf } from './print.components.js';
import { CategoryLeaflet, OrganisationSheet, PdfUnavailablePage, WeekPoster } from './print.page.js';
import { MAX_POSTER_ROWS, mondayOfWeekParam, pdfFilename, weekParam, type PrintRow } from './print.js';
import { qrSvg } from './qr.js';

/** PDFs drawn at the same time across all languages; each holds a Chromium page (tens of MB). */
const PDF_CONCURRENCY = 2;

/** The assets a print page links to, which Chromium gets from memory. */
const PDF_ASSETS = [
  ['styles.css', 'text/css; charset=utf-8'],
  ['print.css', 'text/css; charset=utf-8'],
  ['icons.svg', 'image/svg+xml'],
  ['favicon.svg', 'image/svg+xml'],
] as const;

/** One renderer per app, shared by the routes of every language, closed with the app. */
const renderers = new WeakMap<object, PdfRenderer>();

function pdfRendererFor(app: FastifyInstance): PdfRenderer {
  const { deps } = app;
  const existing = renderers.get(deps);
  if (existing) return existing;
  const renderer = new PdfRenderer({
    executablePath: () => deps.config.chromiumPath,
    files: () => new Map<string, StaticFile>(PDF_ASSETS.map(([name, type]) => [deps.assets.url(name), { body: deps.assets.bytes(name), type }])),
    concurrency: PDF_CONCURRENCY,
  });
  renderers.set(deps, renderer);
  app.addHook('onClose', async () => renderer.close());
  return renderer;
}

interface Printout {
  node: VNode;
  filename: string;
}

/** The absolute address of an activity's page in this page's language: what its QR code says. */
function activityUrl(page: PageContext, a: { id: number; slug: string }): string {
  return `${page.publicUrl}${page.href(activityPath(a))}`;
}

async function occurrenceRow(page: PageContext, o: OccurrenceItem & { localTitle: LocalText }): Promise<PrintRow> {
  const url = activityUrl(page, { id: o.activityId, slug: o.slug });
  return {
    key: `${o.activityId}-${o.originalDate}`,
    localDate: o.localDate,
    category: o.category,
    startTime: o.startTime,
    endTime: o.endTime,
    title: o.title,
    localTitle: o.localTitle,
    schedule: null,
    status: o.status === 'cancelled' ? { kind: 'cancelled', note: o.note } : o.status === 'moved' ? { kind: 'moved', from: o.originalDate } : null,
    place: o.place ? { name: o.place.name, districtName: o.place.districtName } : null,
    hosts: o.hosts.map((h) => h.name),
    url,
    qrSvg: await qrSvg(url),
  };
}

async function summaryRow(page: PageContext, a: ActivitySummary & { localTitle: LocalText }): Promise<PrintRow> {
  const url = activityUrl(page, a);
  return {
    key: String(a.id),
    localDate: null,
    category: a.category,
    startTime: a.schedule.startTime,
    endTime: a.schedule.endTime,
    title: a.title,
    localTitle: a.localTitle,
    schedule: a.schedule,
    status: null,
    place: a.place,
    hosts: a.hosts.map((h) => h.name),
    url,
    qrSvg: await qrSvg(url),
  };
}

const bilingualProperty = { type: 'boolean' } as const;

interface WeekRoute extends RouteGenericInterface {
  Querystring: { week?: string; category?: Category; district?: string; bilingual?: boolean };
}
interface CategoryRoute extends RouteGenericInterface {
  Params: { category: string };
  Querystring: { bilingual?: boolean };
}
interface OrganisationRoute extends RouteGenericInterface {
  Params: { slug: string };
  Querystring: { bilingual?: boolean };
}

const weekSchema: FastifySchema = {
  querystring: {
    type: 'object',
    properties: {
      week: { type: 'string', pattern: '^\\d{4}-W\\d{2}$' },
      category: filterProperties.category,
      district: filterProperties.district,
      bilingual: bilingualProperty,
    },
  },
};
const bilingualQuery = { type: 'object', properties: { bilingual: bilingualProperty } } as const;
const categorySchema: FastifySchema = {
  params: { type: 'object', properties: { category: { type: 'string', maxLength: 40 } } },
  querystring: bilingualQuery,
};
const organisationSchema: FastifySchema = {
  params: { type: 'object', properties: { slug: { type: 'string', maxLength: 100 } } },
  querystring: bilingualQuery,
};

/**
 * Draws a print page (a PrintDocument) to an A4 PDF with the app's shared Chromium and sends it as a
 * download; when no PDF can be made, a 503 page points to the print page (the path without '.pdf').
 * Other features' printouts use this too, so every PDF is drawn the same way.
 */
export async function sendPrintPdf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, node: VNode, filename: string): Promise<FastifyReply> {
  const page = pageContext(request);
  let pdf: Buffer;
  try {
    pdf = await pdfRendererFor(app).render(renderPage(page, node));
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    request.log.warn({ err: error }, 'PDF unavailable; pointing the reader to the print page');
    const printHref = page.href(page.path.replace(/\.pdf$/, '')) + page.search;
    return sendPage(reply, page, <PdfUnavailablePage printHref={printHref} />, 503);
  }
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
}

export async function printRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  // Started with the routes, so the renderer is closed with the app even if no PDF was asked for here.
  pdfRendererFor(app);

  /** The print page at `path` and its PDF at `pdfPath`, both made by `build`. */
  function printout<R extends RouteGenericInterface>(
    path: string,
    pdfPath: string,
    schema: FastifySchema,
    build: (request: FastifyRequest<R>, page: PageContext) => Promise<Printout>,
  ): void {
    // The schema has checked params and query, so the request has the shape R describes.
    const typed = (request: FastifyRequest) => request as FastifyRequest<R>;

    app.get(path, { config: { access: 'public' }, schema }, async (request, reply) => {
      const page = pageContext(request);
      const { node } = await build(typed(request), page);
      return sendPage(reply, page, node);
    });

    app.get(pdfPath, { config: { access: 'public' }, schema }, async (request, reply) => {
      const page = pageContext(request);
      const { node, filename } = await build(typed(request), page);
      return sendPrintPdf(app, request, reply, node, filename);
    });
  }

  printout<WeekRoute>('/skriv-ut/vecka', '/skriv-ut/vecka.pdf', weekSchema, async (request, page) => {
    const q = request.query;
    const monday = q.week === undefined ? startOfIsoWeek(page.today) : mondayOfWeekParam(q.week);
    if (!monday) throw badParameter('week');
    const district = q.district === undefined ? undefined : (await listDistricts(db)).find((d) => d.slug === q.district);
    if (q.district !== undefined && !district) throw badParameter('district');
    const sunday = addDays(monday, 6);
    const range = { from: monday, to: sunday, category: q.category, district: district?.slug };
    const [listed, total] = await Promise.all([listOccurrences(db, { ...range, limit: MAX_POSTER_ROWS }), countOccurrences(db, range)]);
    const items = await localiseTitles(db, listed, page.lang.code, (o) => o.activityId);
    const rows = await Promise.all(items.map((o) => occurrenceRow(page, o)));
    const bilingual = q.bilingual === true;
    const week = weekParam(monday);
    const backHref = withQuery(page.href('/'), { category: q.category, district: district?.slug, week: q.week === undefined ? undefined : week });
    return {
      node: (
        <WeekPoster
          monday={monday}
          sunday={sunday}
          voices={voicesOf(page, bilingual)}
          category={q.category}
          district={district}
          rows={rows}
          total={total}
          backHref={backHref}
        />
      ),
      filename: pdfFilename(['vecka', week, q.category ?? '', district?.slug ?? ''], page.lang.code, bilingual),
    };
  });

  printout<CategoryRoute>('/skriv-ut/kategori/:category', '/skriv-ut/kategori/:category.pdf', categorySchema, async (request, page) => {
    const { category } = request.params;
    if (!isCategory(category)) throw notFound();
    const summaries = await listActivitySummaries(db, { category, from: page.today });
    const activities = await localiseTitles(db, summaries, page.lang.code, (a) => a.id);
    const rows = await Promise.all(activities.map((a) => summaryRow(page, a)));
    const bilingual = request.query.bilingual === true;
    return {
      node: <CategoryLeaflet category={category} voices={voicesOf(page, bilingual)} rows={rows} backHref={page.href(`/kategori/${category}`)} />,
      filename: pdfFilename(['kategori', category], page.lang.code, bilingual),
    };
  });

  printout<OrganisationRoute>('/skriv-ut/organisation/:slug', '/skriv-ut/organisation/:slug.pdf', organisationSchema, async (request, page) => {
    const org = await findOrganisationBySlug(db, request.params.slug);
    if (!org) throw notFound();
    const [summaries, translations] = await Promise.all([
      listActivitySummaries(db, { organisationId: org.id, from: page.today }),
      findTranslations(db, 'organisation', [org.id], page.lang.code),
    ]);
    const activities = await localiseTitles(db, summaries, page.lang.code, (a) => a.id);
    const rows = await Promise.all(activities.map((a) => summaryRow(page, a)));
    const description = localText(org.description, page.lang.code, translations.get(`${org.id}:description`));
    const bilingual = request.query.bilingual === true;
    return {
      node: (
        <OrganisationSheet
          org={org}
          description={description}
          voices={voicesOf(page, bilingual)}
          rows={rows}
          backHref={page.href(`/organisationer/${org.slug}`)}
        />
      ),
      filename: pdfFilename(['organisation', org.slug], page.lang.code, bilingual),
    };
  });
}
