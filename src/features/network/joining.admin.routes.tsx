/**
 * The coordinator's queue of organisations asking to join (/admin/nya-foreningar): confirmed requests
 * only, each approved (the organisation is created and its contact invited as editor) or declined
 * with a message. Deciding twice is harmless: the second finds the request gone and says so.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../web/errors.js';
import { formBodySchema, type FormBody } from '../../web/form.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { freeSlug, listOrganisationNames, lookAlikes, organisationSlug } from '../organisations/index.js';
import { listDistricts } from '../places/index.js';
import { readApproveForm, readDeclineForm, type ApproveForm, type JoinRequest } from './joining.js';
import { JOIN_DONE, JoinDetailPage, JoinQueuePage, type JoinDone } from './joining.admin.page.js';
import { approveJoin, declineJoin, type JoiningDeps } from './joining.service.js';
import { findConfirmedJoinRequest, listConfirmedJoinRequests } from './joining.store.js';

export async function joiningAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;
  const deps: JoiningDeps = { db, mailer: app.deps.mailer, publicUrl: config.publicUrl, adminEmail: config.adminEmail };
  const queuePath = (request: FastifyRequest) => pageContext(request).href('/admin/nya-foreningar');

  app.get<{ Querystring: { klar?: JoinDone; adress?: string } }>(
    '/admin/nya-foreningar',
    {
      config: { access: 'admin' },
      schema: { querystring: { type: 'object', properties: { klar: { type: 'string', enum: [...JOIN_DONE] }, adress: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' } } } },
    },
    async (request, reply) => sendPage(reply, pageContext(request), <JoinQueuePage requests={await listConfirmedJoinRequests(db)} done={request.query.klar} slug={request.query.adress} />),
  );

  const detail = async (request: FastifyRequest, reply: FastifyReply, r: JoinRequest, state: { form?: ApproveForm; message?: string; errors?: Record<string, string>; status?: number } = {}) => {
    // The address an empty field gives: the name's slug, numbered when taken.
    const name = state.form?.name || r.name;
    return sendPage(
      reply,
      pageContext(request),
      <JoinDetailPage
        request={r}
        districts={await listDistricts(db)}
        lookAlikes={lookAlikes(r.name, await listOrganisationNames(db))}
        suggestedSlug={await freeSlug(db, organisationSlug(name))}
        form={state.form ?? { name: r.name, kind: r.kind, slug: '' }}
        message={state.message ?? ''}
        errors={state.errors ?? {}}
        csrf={reply.generateCsrf()}
      />,
      state.status ?? 200,
    );
  };

  const requestOr404 = async (id: number) => {
    const r = await findConfirmedJoinRequest(db, id);
    if (!r) throw notFound();
    return r;
  };

  app.get<{ Params: { id: number } }>('/admin/nya-foreningar/:id', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) =>
    detail(request, reply, await requestOr404(request.params.id)),
  );

  app.post<{ Params: { id: number }; Body: FormBody }>(
    '/admin/nya-foreningar/:id/godkann',
    { config: { access: 'admin' }, schema: { params: idParams, body: formBodySchema } },
    async (request, reply) => {
      const r = await findConfirmedJoinRequest(db, request.params.id);
      // Decided already (another click, another coordinator): nothing happens twice.
      if (!r) return reply.redirect(`${queuePath(request)}?klar=gone`, 303);
      const { form, errors, input } = readApproveForm(request.body ?? {});
      if (!input) return detail(request, reply, r, { form, errors, status: 400 });
      const result = await approveJoin(deps, r.id, { actor: request.viewer!.id, ...input }, now());
      if (result.kind === 'slugTaken') return detail(request, reply, r, { form, errors: { slug: 'joining.errors.slugTaken' }, status: 400 });
      if (result.kind === 'gone') return reply.redirect(`${queuePath(request)}?klar=gone`, 303);
      return reply.redirect(`${queuePath(request)}?klar=approved&adress=${result.slug}`, 303);
    },
  );

  app.post<{ Params: { id: number }; Body: FormBody }>(
    '/admin/nya-foreningar/:id/avboj',
    { config: { access: 'admin' }, schema: { params: idParams, body: formBodySchema } },
    async (request, reply) => {
      const r = await findConfirmedJoinRequest(db, request.params.id);
      if (!r) return reply.redirect(`${queuePath(request)}?klar=gone`, 303);
      const { message, error } = readDeclineForm(request.body ?? {});
      if (error) return detail(request, reply, r, { message, errors: { message: error }, status: 400 });
      const done = await declineJoin(deps, r.id, { actor: request.viewer!.id, message }, now());
      return reply.redirect(`${queuePath(request)}?klar=${done ? 'declined' : 'gone'}`, 303);
    },
  );
}
