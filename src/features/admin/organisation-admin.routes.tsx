/** The coordinator's organisation list, and marking an organisation trusted or shown in the directory. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../web/errors.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { listEditorsOf } from '../accounts/index.js';
import { countOrganisationsForAdmin, findAnyOrganisation, listOrganisationsForAdmin, changeFlags } from '../organisations/index.js';
import { OrganisationsAdminPage } from './organisation-admin.page.js';
import { ADMIN_PAGE_SIZE, idParams, listQuery, text } from './admin.schema.js';

export async function organisationAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;

  const listPage = async (request: FastifyRequest, reply: FastifyReply, options: { q?: string | undefined; page?: number | undefined; message?: string }) => {
    const q = (options.q ?? '').trim();
    const total = await countOrganisationsForAdmin(db, q);
    const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
    const pageNo = Math.min(options.page ?? 1, pages);
    const organisations = await listOrganisationsForAdmin(db, { q, limit: ADMIN_PAGE_SIZE, offset: (pageNo - 1) * ADMIN_PAGE_SIZE });
    const editors = await listEditorsOf(db, organisations.map((o) => o.id));
    return sendPage(
      reply,
      pageContext(request),
      <OrganisationsAdminPage
        organisations={organisations}
        editors={Object.fromEntries(editors)}
        total={total}
        q={q}
        page={pageNo}
        pageSize={ADMIN_PAGE_SIZE}
        csrf={reply.generateCsrf()}
        message={options.message}
      />,
    );
  };

  app.get<{ Querystring: { q?: string; page?: number; skapad?: string } }>(
    '/admin/organisationer',
    {
      config: { access: 'admin' },
      // skapad: the slug of an organisation just created (/admin/organisationer/ny), named in a notice.
      schema: { querystring: { type: 'object', properties: { ...listQuery.properties, skapad: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' } } } },
    },
    async (request, reply) => {
      const created = request.query.skapad ? await findAnyOrganisation(db, { slug: request.query.skapad }) : undefined;
      const message = created ? pageContext(request).t('joining.create.created', { name: created.name }) : undefined;
      return listPage(request, reply, { ...request.query, ...(message ? { message } : {}) });
    },
  );

  const flags = [
    { path: 'betrodd', field: 'trusted', on: 'organisation.trusted', off: 'organisation.untrusted', onMessage: 'admin.organisations.markedTrusted', offMessage: 'admin.organisations.markedNotTrusted' },
    { path: 'publicerad', field: 'published', on: 'organisation.published', off: 'organisation.hidden', onMessage: 'admin.organisations.shown', offMessage: 'admin.organisations.hiddenNow' },
  ] as const;
  for (const flag of flags) {
    app.post<{ Params: { id: number }; Body: { trusted?: 'true' | 'false'; published?: 'true' | 'false'; q?: string; page?: number } }>(
      `/admin/organisationer/:id/${flag.path}`,
      {
        config: { access: 'admin' },
        schema: {
          params: idParams,
          body: {
            type: 'object',
            required: [flag.field],
            properties: { [flag.field]: { type: 'string', enum: ['true', 'false'] }, q: text(100), page: { type: 'integer', minimum: 1, maximum: 10000 } },
          },
        },
      },
      async (request, reply) => {
        const page = pageContext(request);
        const organisation = await findAnyOrganisation(db, { id: request.params.id });
        if (!organisation) throw notFound();
        const value = request.body[flag.field] === 'true';
        const before = organisation[flag.field];
        const at = now();
        if (before !== value) {
          await changeFlags(db, organisation.id, { [flag.field]: value }, { actor: request.viewer!.id, now: at }, { action: value ? flag.on : flag.off, before: { [flag.field]: before }, after: { [flag.field]: value } });
        }
        const message = page.t(value ? flag.onMessage : flag.offMessage, { name: organisation.name });
        return listPage(request, reply, { q: request.body.q, page: request.body.page, message });
      },
    );
  }
}
