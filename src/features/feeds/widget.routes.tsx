/**
 * The embeddable widget (/widget, per language), the page that makes its code (/widget/installera)
 * and the widget script under a stable address for other sites (/static/widget.js, once).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES } from '../../i18n/index.js';
import { badParameter, errorMessage, type ErrorCode } from '../../web/errors.js';
import type { PageContext } from '../../web/page.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { addDays } from '../../web/time.js';
import { filterProperties, listOccurrences, publicListCutoffs, localiseTitles, toFilters, withQuery, type FilterQuery } from '../calendar/index.js';
import { findOrganisationBySlug, listOrganisations } from '../organisations/index.js';
import { listDistricts } from '../places/index.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';
import { DEFAULT_WIDGET_LIMIT, WidgetDocument, WidgetSettingsPage } from './widget.page.js';

const MAX_LIMIT = 50;
const DEFAULT_DAYS = 14;
const MAX_DAYS = 60;
const SLUG = { type: 'string', pattern: '^[a-z0-9-]{1,100}$' } as const;

interface WidgetQuery extends FilterQuery {
  organisation?: string;
  limit?: number;
  days?: number;
}

interface SettingsQuery {
  organisation?: string;
  category?: Category;
  district?: string;
  lang?: string;
  limit?: number;
}

/**
 * Lets any site frame this reply: the app's policy (frame-ancestors 'self', X-Frame-Options
 * SAMEORIGIN) is for the site's own pages. An onSend hook, so cached replies are changed too.
 */
async function frameableAnywhere(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp === 'string') reply.header('content-security-policy', csp.replace(/frame-ancestors[^;]*/, 'frame-ancestors *'));
  reply.removeHeader('x-frame-options');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  return payload;
}

/** The parameter a schema error is about (the widget answers its own errors, inside the frame). */
function invalidParameter(error: { validation?: { instancePath: string; params: Record<string, unknown> }[] }): string {
  const v = error.validation?.[0];
  const missing = v?.params.missingProperty;
  if (typeof missing === 'string') return missing;
  return v?.instancePath.replace(/^\//, '').split('/')[0] || 'query';
}

function sendWidgetError(reply: FastifyReply, page: PageContext, status: 400 | 404, code: ErrorCode, params: Record<string, string>) {
  const heading = status === 404 ? page.t('errors.notFoundTitle') : page.t('errors.badRequestTitle');
  return sendPage(reply, page, <WidgetDocument heading={heading} error={errorMessage(page.t, code, params)} moreHref={page.href('/')} />, status);
}

/** The query parameters that reproduce a widget's filters on the week view ("More on Tillsammans"). */
function weekParams(q: WidgetQuery): Record<string, string | undefined> {
  return {
    category: q.category,
    district: q.district,
    audience: q.audience,
    age: q.age,
    women: q.women ? 'true' : undefined,
    free: q.free ? 'true' : undefined,
    language: q.language,
  };
}

export async function widgetRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get<{ Querystring: WidgetQuery }>(
    '/widget',
    {
      config: { access: 'public' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            ...filterProperties,
            organisation: SLUG,
            limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_WIDGET_LIMIT },
            days: { type: 'integer', minimum: 1, maximum: MAX_DAYS, default: DEFAULT_DAYS },
          },
        },
      },
      attachValidation: true,
      onSend: frameableAnywhere,
    },
    async (request, reply) => {
      const page = pageContext(request);
      if (request.validationError) {
        return sendWidgetError(reply, page, 400, 'errors.badParameter', { parameter: invalidParameter(request.validationError) });
      }
      const q = request.query;
      const filters = toFilters(q);
      const [organisation, districts] = await Promise.all([
        q.organisation ? findOrganisationBySlug(db, q.organisation) : Promise.resolve(undefined),
        filters.district ? listDistricts(db) : Promise.resolve([]),
      ]);
      if (q.organisation && !organisation) return sendWidgetError(reply, page, 404, 'errors.notFound', {});
      if (filters.district && !districts.some((d) => d.slug === filters.district)) {
        return sendWidgetError(reply, page, 400, 'errors.badParameter', { parameter: 'district' });
      }
      const listed = await listOccurrences(db, {
        ...filters,
        organisationId: organisation?.id,
        from: page.today,
        to: addDays(page.today, (q.days ?? DEFAULT_DAYS) - 1),
        limit: q.limit ?? DEFAULT_WIDGET_LIMIT,
        // As the week: activities unconfirmed for 180 days are left out, those unconfirmed for 90 say so.
        ...publicListCutoffs(app.deps.now()),
      });
      const items = await localiseTitles(db, listed, page.lang.code, (o) => o.activityId);
      const heading = organisation ? page.t('feeds.widget.headingFor', { name: organisation.name }) : page.t('feeds.widget.heading');
      const moreHref = organisation ? page.href(`/organisationer/${organisation.slug}`) : withQuery(page.href('/'), weekParams(q));
      return sendPage(reply, page, <WidgetDocument heading={heading} items={items} moreHref={moreHref} />);
    },
  );

  app.get<{ Querystring: SettingsQuery }>(
    '/widget/installera',
    {
      config: { access: 'public' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            organisation: SLUG,
            category: { type: 'string', enum: CATEGORY_CODES },
            district: filterProperties.district,
            lang: { type: 'string', enum: LANGUAGES.map((l) => l.code) },
            limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
          },
        },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const q = request.query;
      const [organisations, districts] = await Promise.all([listOrganisations(db), listDistricts(db)]);
      if (q.organisation && !organisations.some((o) => o.slug === q.organisation)) throw badParameter('organisation');
      if (q.district && !districts.some((d) => d.slug === q.district)) throw badParameter('district');
      const choice = {
        lang: q.lang ?? page.lang.code,
        organisation: q.organisation,
        category: q.category,
        district: q.district,
        limit: q.limit ?? DEFAULT_WIDGET_LIMIT,
      };
      return sendPage(reply, page, <WidgetSettingsPage choice={choice} organisations={organisations} districts={districts} />);
    },
  );
}

/**
 * /static/widget.js under an address that never changes, for the <script> other sites paste
 * (the content-hashed copy changes with every release). Cached for an hour, so fixes reach them soon.
 * Registered once, at the root.
 */
export async function widgetScriptRoutes(app: FastifyInstance): Promise<void> {
  const script = app.deps.assets.bytes('widget.js');
  app.get('/static/widget.js', { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      // Other sites load it with <script>; the app's default (same-origin) would block that.
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(script),
  );
}
