/** buildApp(deps): the whole application as a Fastify instance, without listening. Tests and benchmarks build the same. */
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import { sql } from 'kysely';
import { Fragment, h } from 'preact';
import { accountsRoutes, sessionPlugin } from './features/accounts/index.js';
import { reviewRoutes, workspaceRoutes } from './features/workspace/index.js';
import { translatorRoutes } from './features/translator/index.js';
import { guideRoutes } from './features/guide/index.js';
import { referralRoutes } from './features/guide/index.js';
import { wishesRoutes } from './features/guide/index.js';
import { associationNeedsSlot, associationRoutes } from './features/guide/index.js';
import { adminRoutes } from './features/admin/index.js';
import { importRoutes } from './features/imports/index.js';
import { calendarRoutes } from './features/calendar/index.js';
import { eventsRoutes, mailingAdminRoutes, mailingRoutes, signupSlot, volunteerAdminRoutes, volunteerRoutes } from './features/network/index.js';
import { listRolesOfOrganisation, signupChangeHook } from './features/network/index.js';
import { countConfirmedJoinRequests, joiningAdminRoutes, joiningRoutes } from './features/network/index.js';
import { surveyAdminRoutes, surveyRoutes, surveyWorkspaceSlot } from './features/network/index.js';
import { createMailer, type Mailer } from './features/mail/index.js';
import {
  apiRoutes,
  icalFeedRoutes,
  openApiGenerator,
  openApiRoutes,
  rssRoutes,
  sitemapRoutes,
  widgetRoutes,
  widgetScriptRoutes,
} from './features/feeds/index.js';
import { planningRoutes } from './features/planning/index.js';
import { countStaleActivities, freshnessRoutes } from './features/freshness/index.js';
import { printRoutes } from './features/print/index.js';
import { infoRoutes } from './features/info/index.js';
import { organisationRoutes } from './features/organisations/index.js';
import { searchRoutes } from './features/search/index.js';
import { jobsRoutes } from './jobs/index.js';
import { registerOperations, requestId } from './ops/index.js';
import { LANGUAGES, languagePrefix } from './i18n/index.js';
import { buildAssets, registerAssetRoutes } from './web/assets.js';
import { registerErrorHandlers } from './web/errors.js';
import { registerLanguageRouting } from './web/language.js';
import { requestSerializer, UrlRedactor } from './web/log.js';
import { BROTLI_OPTIONS, COMPRESSION_THRESHOLD, registerCompression } from './web/compression.js';
import { ContentVersions, ResponseCache, registerResponseCache } from './web/response-cache.js';
import type { AppDeps, RouteEntry } from './web/server.js';
import { stripControls } from './web/text.js';

/**
 * What buildApp needs; assets, the mailer and sleep are made from the config when not given (tests
 * pass their own), and the log goes to standard output unless a stream is given.
 */
export type BuildDeps = Omit<AppDeps, 'assets' | 'mailer' | 'sleep'> & {
  assets?: AppDeps['assets'];
  mailer?: AppDeps['mailer'];
  sleep?: AppDeps['sleep'];
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: { write(line: string): void };
};

/** The calendar's pages, with the sign-up of events (network) under an activity's dates, and the needs guides let it show (guide). */
const needsSlot = associationNeedsSlot(listRolesOfOrganisation);
const calendarWithSignup = (scope: FastifyInstance) =>
  calendarRoutes(scope, {
    activitySlot: async (...args) => {
      const [needs, signup] = await Promise.all([needsSlot(...args), signupSlot(...args)]);
      return needs && signup ? h(Fragment, null, needs, signup) : (needs ?? signup);
    },
  });

/** The coordinator's screens, with the count of organisations asking to join (network) on the dashboard. */
const adminWithJoining = (scope: FastifyInstance) =>
  adminRoutes(scope, {
    dashboard: [
      { path: '/admin/nya-foreningar', label: 'joining.admin.waiting', count: countConfirmedJoinRequests },
      // Activities nobody confirmed for 90 days (freshness).
      { path: '/admin/inaktuella', label: 'freshness.admin.dashboard', count: (db) => countStaleActivities(db, scope.deps.now()) },
    ],
  });

/** The workspace and its review, telling people signed up for a date (network) when it is cancelled or moved; the workspace shows the open mapping survey (network). */
const workspaceWithSignups = (scope: FastifyInstance) => workspaceRoutes(scope, { signups: signupChangeHook, organisationSlot: surveyWorkspaceSlot });
const reviewWithSignups = (scope: FastifyInstance) => reviewRoutes(scope, { signups: signupChangeHook });
const importsWithSignups = (scope: FastifyInstance) => importRoutes(scope, { signups: signupChangeHook });

/** The pages every language serves, each under its prefix ('' for Swedish, '/en' for English). */
const PAGE_FEATURES = [
  accountsRoutes,
  calendarWithSignup,
  eventsRoutes,
  organisationRoutes,
  searchRoutes,
  infoRoutes,
  icalFeedRoutes,
  rssRoutes,
  widgetRoutes,
  printRoutes,
  planningRoutes,
  adminWithJoining,
  jobsRoutes,
  workspaceWithSignups,
  reviewWithSignups,
  importsWithSignups,
  translatorRoutes,
  wishesRoutes,
  guideRoutes,
  associationRoutes,
  referralRoutes,
  volunteerRoutes,
  volunteerAdminRoutes,
  mailingRoutes,
  mailingAdminRoutes,
  surveyRoutes,
  surveyAdminRoutes,
  joiningRoutes,
  joiningAdminRoutes,
  freshnessRoutes,
];

export async function buildApp(deps: BuildDeps): Promise<FastifyInstance> {
  // One-time links carry their secret in the path: the request log shows those paths redacted.
  const redactor = new UrlRedactor();
  const { logLevel, trustProxy } = deps.config;
  const app = Fastify({
    logger:
      logLevel === 'silent' ? false : { level: logLevel, serializers: { req: requestSerializer(redactor) }, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    genReqId: requestId,
    // Off unless TRUST_PROXY names the proxies: otherwise anyone could choose the address every rate limit
    // counts by. Fastify takes a bare hop count as "trust nobody", so a count becomes the rule it stands for.
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true, allErrors: false } },
  });
  const assets = deps.assets ?? buildAssets();
  const mailer =
    deps.mailer ?? createMailer({ smtpUrl: deps.config.smtpUrl, from: deps.config.mailFrom, db: deps.db, log: app.log, now: deps.now });
  if (!deps.mailer) app.addHook('onClose', async () => (mailer as Mailer).close());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  app.decorate('deps', { ...deps, assets, mailer, sleep });

  // Every route says who may use it; a route without a declaration is a programming error.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    redactor.addRoute(route.url);
    if (route.method === 'HEAD') return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access`);
    routeTable.push({ method: String(route.method), url: route.url, access });
  });

  // A GET form sends its empty fields ("category=&day="): an empty value means "no filter". And no text
  // that arrives may carry control characters (NUL breaks PostgreSQL, the rest breaks layouts): they go.
  app.addHook('preValidation', async (request) => {
    for (const input of [request.query, request.body]) {
      if (!input || typeof input !== 'object') continue;
      const fields = input as Record<string, unknown>;
      for (const key of Object.keys(fields)) {
        const value = fields[key];
        if (typeof value === 'string') fields[key] = stripControls(value);
        else if (Array.isArray(value)) fields[key] = value.map((v) => (typeof v === 'string' ? stripControls(v) : v));
        if (input === request.query && fields[key] === '') delete fields[key];
      }
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.publicUrl.startsWith('https:') ? undefined : false,
    crossOriginEmbedderPolicy: false,
  });
  // Before compression, so the cache keeps the rendered text and every hit is compressed as usual.
  // At most 32 MB of text (counted as two bytes a character, which leaves room for the compressed copies).
  const cache = new ResponseCache({ ttlMs: deps.config.cacheTtlSeconds * 1000, maxBytes: 32 * 2 ** 20 });
  app.decorate('responseCache', cache);
  if (deps.config.cacheTtlSeconds > 0) registerResponseCache(app, cache, deps.config.cacheTtlSeconds * 1000, deps.now, new ContentVersions(deps.db));

  // Answers held in memory are compressed in one go (web/compression.ts); files as streams, by the plugin.
  registerCompression(app);
  await app.register(compress, { global: true, threshold: COMPRESSION_THRESHOLD, encodings: ['br', 'gzip'], brotliOptions: BROTLI_OPTIONS });

  registerErrorHandlers(app);
  registerLanguageRouting(app);
  await app.register(sessionPlugin);
  registerAssetRoutes(app, assets as ReturnType<typeof buildAssets>);

  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  registerOperations(app);

  // The generator must see the API routes being added, so it comes first.
  await app.register(openApiGenerator);
  await app.register(apiRoutes);
  await app.register(openApiRoutes);
  await app.register(sitemapRoutes);
  await app.register(widgetScriptRoutes);
  for (const lang of LANGUAGES) {
    await app.register(
      async (scope) => {
        for (const feature of PAGE_FEATURES) await scope.register(feature);
      },
      { prefix: languagePrefix(lang.code) },
    );
  }
  return app;
}
