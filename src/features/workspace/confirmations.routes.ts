/** The workspace's "still true" buttons: one activity, or every published activity of the organisation (POST, CSRF, audited). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../web/errors.js';
import { positiveId } from '../../web/params.js';
import { pageContext } from '../../web/server.js';
import { canEditOrganisation } from '../accounts/index.js';
import { findActivities, listActivityIdsOfOrganisation } from '../calendar/index.js';
import { findAnyOrganisation, type Organisation } from '../organisations/index.js';
import { confirmFromWorkspace } from './confirmations.js';

const slug = { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' } as const;
const orgParams = { type: 'object', properties: { org: slug }, required: ['org'] } as const;
const activityParams = { type: 'object', properties: { org: slug, id: positiveId }, required: ['org', 'id'] } as const;

export async function confirmationRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;

  const organisationFor = async (request: FastifyRequest, orgSlug: string): Promise<Organisation> => {
    const o = await findAnyOrganisation(db, { slug: orgSlug });
    if (!o) throw notFound();
    if (!canEditOrganisation(request.viewer, o.id)) throw new HttpError(403, 'errors.forbidden');
    return o;
  };
  /** The organisation's published activities (those that can be confirmed), by id. */
  const publishedOf = async (o: Organisation): Promise<number[]> => {
    const details = await findActivities(db, await listActivityIdsOfOrganisation(db, o.id));
    return [...details.values()].filter((a) => a.status === 'published').map((a) => a.id);
  };

  app.post<{ Params: { org: string } }>('/hantera/:org/bekrafta', { config: { access: 'editor' }, schema: { params: orgParams } }, async (request, reply) => {
    const page = pageContext(request);
    const o = await organisationFor(request, request.params.org);
    await confirmFromWorkspace(db, await publishedOf(o), request.viewer!.id, now());
    return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=confirmedAll`, 303);
  });

  app.post<{ Params: { org: string; id: number } }>(
    '/hantera/:org/aktivitet/:id/bekrafta',
    { config: { access: 'editor' }, schema: { params: activityParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      // Only a published activity of this organisation has anything to confirm.
      if (!(await publishedOf(o)).includes(request.params.id)) throw notFound();
      await confirmFromWorkspace(db, [request.params.id], request.viewer!.id, now());
      return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=confirmed`, 303);
    },
  );
}
