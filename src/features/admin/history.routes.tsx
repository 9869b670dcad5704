/** /admin/historik/<entity>/<id>: the audit entries of an organisation, activity, user or place, newest first. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../web/errors.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { withQuery } from '../calendar/index.js';
import { findUserById } from '../accounts/index.js';
import { countAuditEntries, listAuditEntries } from '../audit/index.js';
import { findAnyOrganisation } from '../organisations/index.js';
import { findPlace } from '../places/index.js';
import { ADMIN_PAGE_SIZE, pageNumber, positiveId } from './admin.schema.js';
import { findActivityTitle } from './admin.store.js';
import { HistoryPage } from './history.page.js';
import { HISTORY_ENTITIES, type HistoryEntity } from './history.js';

export async function historyRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  /** The entity's name and the admin path where it is managed; null when it no longer exists. */
  const describe = async (entity: HistoryEntity, id: number): Promise<{ name: string; manage: string } | null> => {
    switch (entity) {
      case 'organisation': {
        const o = await findAnyOrganisation(db, { id });
        return o ? { name: o.name, manage: withQuery('/admin/organisationer', { q: o.name }) } : null;
      }
      case 'activity': {
        const a = await findActivityTitle(db, id);
        return a ? { name: a.title, manage: `/hantera/aktivitet/${a.id}` } : null;
      }
      case 'user': {
        const u = await findUserById(db, id);
        return u ? { name: u.name ? `${u.name} (${u.email})` : u.email, manage: withQuery('/admin/anvandare', { q: u.email }) } : null;
      }
      case 'place': {
        const p = await findPlace(db, id);
        return p ? { name: p.name, manage: `/admin/platser/${p.id}` } : null;
      }
    }
  };

  app.get<{ Params: { entity: HistoryEntity; id: number }; Querystring: { page?: number } }>(
    '/admin/historik/:entity/:id',
    {
      config: { access: 'admin' },
      schema: {
        params: {
          type: 'object',
          required: ['entity', 'id'],
          properties: { entity: { type: 'string', enum: [...HISTORY_ENTITIES] }, id: positiveId },
        },
        querystring: { type: 'object', properties: { page: pageNumber } },
      },
    },
    async (request, reply) => {
      const { entity, id } = request.params;
      const [found, total] = await Promise.all([describe(entity, id), countAuditEntries(db, { entity, entityId: id })]);
      // An entity that is gone still has its history (a merged place); one that never existed has none.
      if (!found && total === 0) throw notFound();
      const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
      const pageNo = Math.min(request.query.page ?? 1, pages);
      const entries = await listAuditEntries(db, { entity, entityId: id, limit: ADMIN_PAGE_SIZE, offset: (pageNo - 1) * ADMIN_PAGE_SIZE });
      const page = pageContext(request);
      return sendPage(
        reply,
        page,
        <HistoryPage
          entity={entity}
          entityId={id}
          name={found?.name ?? null}
          manageHref={found ? page.href(found.manage) : null}
          entries={entries}
          total={total}
          page={pageNo}
          pageSize={ADMIN_PAGE_SIZE}
        />,
      );
    },
  );
}
