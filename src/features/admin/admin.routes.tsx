/** The coordinator's screens: users and the mail outbox here; organisations, activities, places and history in their own files. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/index.js';
import { notFound } from '../../web/errors.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { countUsers, findUserById, isEmail, listUsers, INVITE_DAYS, normaliseEmail } from '../accounts/index.js';
import { listAuditEntries } from '../audit/index.js';
import { countOutbox, listOutbox } from '../mail/index.js';
import { listOrganisations } from '../organisations/index.js';
import { changeUserActive, inviteUser } from './admin.commands.js';
import { OutboxPage, UsersPage, type InviteForm } from './admin.page.js';
import { DashboardPage } from './dashboard.page.js';
import { countRevisions } from '../workspace/index.js';
import { activityAdminRoutes } from './activity-admin.routes.js';
import { ADMIN_PAGE_SIZE as PAGE_SIZE, idParams, text } from './admin.schema.js';
import { historyRoutes } from './history.routes.js';
import { organisationAdminRoutes } from './organisation-admin.routes.js';
import { organisationNewRoutes } from './organisation-new.routes.js';
import { placeAdminRoutes } from './place-admin.routes.js';

/** How long an invitation link works (the accounts feature's invitations). */
export { INVITE_DAYS };

interface InviteBody {
  email?: string;
  name?: string;
  organisationId?: string;
  admin?: string;
  guide?: string;
  translator?: string;
}

/**
 * Work that another feature keeps for the coordinator (organisations asking to join the network),
 * counted on the dashboard. app.ts hands it in, as admin imports no feature that builds on it.
 */
export interface DashboardCount {
  path: string;
  /** A catalogue key with a `count`. */
  label: string;
  count: (db: Db) => Promise<number>;
}

export async function adminRoutes(app: FastifyInstance, options: { dashboard?: DashboardCount[] } = {}): Promise<void> {
  const { db, now, mailer } = app.deps;

  const usersPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { q?: string; page?: number; form?: InviteForm; errors?: Record<string, string>; message?: string; status?: number } = {},
  ) => {
    const q = (options.q ?? '').trim();
    const pageNo = options.page ?? 1;
    const [users, total, organisations] = await Promise.all([
      listUsers(db, { q, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
      countUsers(db, q),
      listOrganisations(db, {}),
    ]);
    return sendPage(
      reply,
      pageContext(request),
      <UsersPage
        users={users}
        total={total}
        q={q}
        page={pageNo}
        pageSize={PAGE_SIZE}
        organisations={organisations.map((o) => ({ id: o.id, name: o.name }))}
        csrf={reply.generateCsrf()}
        form={options.form ?? { email: '', name: '', organisationId: '', admin: false, guide: false, translator: false }}
        errors={options.errors ?? {}}
        message={options.message}
      />,
      options.status ?? 200,
    );
  };

  app.get<{ Querystring: { q?: string; page?: number } }>(
    '/admin/anvandare',
    {
      config: { access: 'admin' },
      schema: { querystring: { type: 'object', properties: { q: text(100), page: { type: 'integer', minimum: 1, maximum: 10000 } } } },
    },
    async (request, reply) => usersPage(request, reply, { q: request.query.q, page: request.query.page }),
  );

  app.post<{ Body: InviteBody }>(
    '/admin/anvandare/bjud-in',
    {
      config: { access: 'admin' },
      schema: {
        body: {
          type: 'object',
          properties: { email: text(254), name: text(200), organisationId: text(12), admin: text(5), guide: text(5), translator: text(5) },
        },
      },
    },
    async (request, reply) => {
      const page = pageContext(request);
      const b = request.body;
      const form: InviteForm = {
        email: b.email ?? '',
        name: (b.name ?? '').trim(),
        organisationId: b.organisationId ?? '',
        admin: b.admin === 'true',
        guide: b.guide === 'true',
        translator: b.translator === 'true',
      };
      const errors: Record<string, string> = {};
      const email = normaliseEmail(form.email);
      if (!isEmail(email)) errors.email = 'accounts.errors.emailInvalid';
      const organisationIds = /^\d+$/.test(form.organisationId) ? [Number(form.organisationId)] : [];
      const organisation = organisationIds.length > 0 ? (await listOrganisations(db, {})).find((o) => o.id === organisationIds[0])?.name : undefined;
      if (organisationIds.length > 0 && organisation === undefined) errors.roles = 'admin.errors.unknownOrganisation';
      if (organisationIds.length === 0 && !form.admin && !form.guide && !form.translator) errors.roles = 'admin.errors.noRole';
      if (Object.keys(errors).length > 0) return usersPage(request, reply, { form, errors, status: 400 });

      const viewer = request.viewer!;
      const roles = { isAdmin: form.admin, isGuide: form.guide, isTranslator: form.translator, organisationIds };
      await inviteUser(
        { db, mailer },
        { email, name: form.name, roles, next: '/konto', days: INVITE_DAYS },
        (invitation) => ({
          to: email,
          subject: organisation ? page.t('admin.mail.inviteSubjectEditor', { organisation }) : page.t('admin.mail.inviteSubject'),
          text: page.t('admin.mail.inviteBody', { link: `${app.deps.config.publicUrl}${invitation.linkPath(page.lang.code)}`, days: String(INVITE_DAYS), inviter: viewer.name || viewer.email }),
          purpose: 'invite',
        }),
        { actorUserId: viewer.id, now: now() },
      );
      // After the commit: a failure here only delays the invitation (the 'mail.deliver' job tries again).
      await mailer.deliverQueued?.().catch(() => 0);
      return usersPage(request, reply, { message: page.t('admin.users.invited', { email }) });
    },
  );

  for (const [path, active] of [
    ['aktivera', true],
    ['inaktivera', false],
  ] as const) {
    app.post<{ Params: { id: number } }>(`/admin/anvandare/:id/${path}`, { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
      const page = pageContext(request);
      const user = await findUserById(db, request.params.id);
      if (!user) throw notFound();
      if (!active && user.id === request.viewer!.id) {
        return usersPage(request, reply, { message: page.t('admin.errors.notYourself'), status: 400 });
      }
      await changeUserActive(db, user, active, { actorUserId: request.viewer!.id, now: now() });
      return usersPage(request, reply, { message: page.t(active ? 'admin.users.activated' : 'admin.users.deactivated', { email: user.email }) });
    });
  }

  app.get<{ Querystring: { page?: number } }>(
    '/admin/utkorg',
    { config: { access: 'admin' }, schema: { querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 10000 } } } } },
    async (request, reply) => {
      const pageNo = request.query.page ?? 1;
      const [entries, total] = await Promise.all([listOutbox(db, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }), countOutbox(db)]);
      return sendPage(reply, pageContext(request), <OutboxPage entries={entries} total={total} page={pageNo} pageSize={PAGE_SIZE} />);
    },
  );

  app.get('/admin', { config: { access: 'admin' } }, async (request, reply) => {
    const [toReview, proposalsOut, returned, recent, more] = await Promise.all([
      countRevisions(db, ['pending']),
      countRevisions(db, ['proposal']),
      countRevisions(db, ['returned']),
      listAuditEntries(db, { limit: 20, offset: 0 }),
      Promise.all((options.dashboard ?? []).map(async (c) => ({ path: c.path, label: c.label, count: await c.count(db) }))),
    ]);
    return sendPage(reply, pageContext(request), <DashboardPage toReview={toReview} proposalsOut={proposalsOut} returned={returned} recent={recent} more={more} />);
  });

  await organisationAdminRoutes(app);
  await organisationNewRoutes(app);
  await activityAdminRoutes(app);
  await placeAdminRoutes(app);
  await historyRoutes(app);
}
