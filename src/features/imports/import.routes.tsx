/** Calendar import routes: connect, sync now and disconnect in the workspace; the coordinator's list of every feed. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../web/errors.js';
import { positiveId } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { canEditOrganisation } from '../accounts/index.js';
import { findAnyOrganisation, type Organisation } from '../organisations/index.js';
import { createFeedFetcher, DEFAULT_FETCH_OPTIONS } from './feed-fetcher.js';
import { emptyFeedForm, MAX_FEEDS, readFeedForm, type FeedForm } from './feed-form.js';
import { CalendarFeedsAdminPage, CalendarImportPage } from './import.page.js';
import { connectFeed, disconnectFeed } from './import.commands.js';
import { findFeed, findFeedByUrl, listAllFeeds, listFeedsOfOrganisation, type CalendarFeed } from './import.store.js';
import { publishesDirectly, syncFeed, type ImportDeps } from './sync.js';

const SAVED = ['connected', 'disconnected', 'synced', 'notModified', 'failed', 'busy'] as const;

const orgParams = { type: 'object', properties: { org: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' } }, required: ['org'] } as const;
const feedParams = {
  type: 'object',
  properties: { org: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' }, id: positiveId },
  required: ['org', 'id'],
} as const;
const formBody = { type: 'object', additionalProperties: { type: 'string', maxLength: 5000 } } as const;

/** What the import needs from the app: its database, mailer and configuration, and a fetcher with the production limits. */
export function createImportDeps(deps: {
  db: ImportDeps['db'];
  mailer: ImportDeps['mailer'];
  config: { publicUrl: string; adminEmail: string; importAllowPrivateHosts: boolean };
  log?: ImportDeps['log'];
  signups?: ImportDeps['signups'];
}): ImportDeps {
  return {
    db: deps.db,
    mailer: deps.mailer,
    publicUrl: deps.config.publicUrl,
    adminEmail: deps.config.adminEmail,
    fetchFeed: createFeedFetcher({
      ...DEFAULT_FETCH_OPTIONS,
      allowPrivateHosts: deps.config.importAllowPrivateHosts,
      userAgent: `Tillsammans calendar import (+${deps.config.publicUrl})`,
    }),
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.signups ? { signups: deps.signups } : {}),
  };
}

export async function importRoutes(app: FastifyInstance, options: { signups?: ImportDeps['signups'] } = {}): Promise<void> {
  const { db, now, config } = app.deps;
  const deps = createImportDeps({ db, mailer: app.deps.mailer, config, log: app.log, signups: options.signups });

  /** The organisation of the URL, when the viewer may edit it; 404 or 403 otherwise. */
  const organisationFor = async (request: FastifyRequest, slug: string): Promise<Organisation> => {
    const o = await findAnyOrganisation(db, { slug });
    if (!o) throw notFound();
    if (!canEditOrganisation(request.viewer, o.id)) throw new HttpError(403, 'errors.forbidden');
    return o;
  };
  /** One of the organisation's connected feeds, or 404. */
  const feedOf = async (o: Organisation, id: number): Promise<CalendarFeed> => {
    const feed = await findFeed(db, id);
    if (!feed || feed.organisationId !== o.id || !feed.active) throw notFound();
    return feed;
  };

  const page = async (request: FastifyRequest, reply: FastifyReply, o: Organisation, state: { form?: FeedForm; errors?: Record<string, string>; saved?: string; status?: number } = {}) => {
    const feeds = await listFeedsOfOrganisation(db, o.id);
    return sendPage(
      reply,
      pageContext(request),
      <CalendarImportPage
        organisation={o}
        feeds={feeds}
        form={state.form ?? emptyFeedForm()}
        errors={state.errors ?? {}}
        csrf={reply.generateCsrf()}
        direct={publishesDirectly(o)}
        saved={state.saved}
      />,
      state.status ?? 200,
    );
  };
  const back = (request: FastifyRequest, reply: FastifyReply, o: Organisation, saved: (typeof SAVED)[number]) =>
    reply.redirect(`${pageContext(request).href(`/hantera/${o.slug}/kalender`)}?sparad=${saved}`, 303);

  app.get<{ Params: { org: string }; Querystring: { sparad?: string } }>(
    '/hantera/:org/kalender',
    { config: { access: 'editor' }, schema: { params: orgParams, querystring: { type: 'object', properties: { sparad: { type: 'string', enum: [...SAVED] } } } } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      return page(request, reply, o, request.query.sparad ? { saved: request.query.sparad } : {});
    },
  );

  app.post<{ Params: { org: string }; Body: Record<string, unknown> }>(
    '/hantera/:org/kalender',
    { config: { access: 'editor' }, schema: { params: orgParams, body: formBody } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const read = readFeedForm(request.body ?? {}, { allowPrivateHosts: config.importAllowPrivateHosts });
      if (read.url && read.category) {
        const existing = await findFeedByUrl(db, o.id, read.url);
        if (existing?.active) read.errors.url = 'imports.errors.alreadyConnected';
        else if ((await listFeedsOfOrganisation(db, o.id)).length >= MAX_FEEDS) read.errors.url = 'imports.errors.tooManyFeeds';
        if (Object.keys(read.errors).length === 0) {
          // Connecting a disconnected calendar again takes up its history: nothing is imported twice.
          await connectFeed(db, o.id, { url: read.url, category: read.category }, existing, { actorUserId: request.viewer!.id, now: now() });
          return back(request, reply, o, 'connected');
        }
      }
      return page(request, reply, o, { form: read.form, errors: read.errors, status: 400 });
    },
  );

  app.post<{ Params: { org: string; id: number } }>(
    '/hantera/:org/kalender/:id/hamta',
    { config: { access: 'editor' }, schema: { params: feedParams } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const feed = await feedOf(o, request.params.id);
      const outcome = await syncFeed(deps, feed.id, now());
      return back(request, reply, o, outcome.kind === 'gone' ? 'failed' : outcome.kind);
    },
  );

  app.post<{ Params: { org: string; id: number } }>(
    '/hantera/:org/kalender/:id/koppla-bort',
    { config: { access: 'editor' }, schema: { params: feedParams } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const feed = await feedOf(o, request.params.id);
      await disconnectFeed(db, feed, { actorUserId: request.viewer!.id, now: now() });
      return back(request, reply, o, 'disconnected');
    },
  );

  app.get('/admin/kalendrar', { config: { access: 'admin' } }, async (request, reply) => {
    return sendPage(reply, pageContext(request), <CalendarFeedsAdminPage feeds={await listAllFeeds(db)} />);
  });
}
