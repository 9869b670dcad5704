/** The coordinator's list of every activity (drafts, pending, proposals, published, cancelled). */
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { listOrganisationNames } from '../organisations/index.js';
import { ACTIVITY_STATUSES } from '../taxonomy/index.js';
import { ActivitiesAdminPage } from './activity-admin.page.js';
import { ADMIN_PAGE_SIZE, pageNumber, positiveId, text } from './admin.schema.js';
import { countActivitiesForAdmin, listActivitiesForAdmin } from './admin.store.js';

export async function activityAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get<{ Querystring: { q?: string; status?: string; organisation?: number; page?: number } }>(
    '/admin/aktiviteter',
    {
      config: { access: 'admin' },
      schema: {
        querystring: {
          type: 'object',
          properties: {
            q: text(100),
            status: { type: 'string', enum: [...ACTIVITY_STATUSES] },
            organisation: positiveId,
            page: pageNumber,
          },
        },
      },
    },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim();
      const filter = { q, status: request.query.status, organisationId: request.query.organisation };
      const [total, organisations] = await Promise.all([countActivitiesForAdmin(db, filter), listOrganisationNames(db)]);
      const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
      const pageNo = Math.min(request.query.page ?? 1, pages);
      const activities = await listActivitiesForAdmin(db, { ...filter, limit: ADMIN_PAGE_SIZE, offset: (pageNo - 1) * ADMIN_PAGE_SIZE });
      return sendPage(
        reply,
        pageContext(request),
        <ActivitiesAdminPage
          activities={activities}
          organisations={organisations}
          total={total}
          q={q}
          status={request.query.status ?? ''}
          organisationId={request.query.organisation}
          page={pageNo}
          pageSize={ADMIN_PAGE_SIZE}
        />,
      );
    },
  );
}
