/**
 * The coordinator's volunteer screens: every organisation's roles with their sign-up counts,
 * recruitment campaigns (created here; a poster's link carries ?kampanj=<slug>), and one campaign's
 * counts per role and kind. Roles themselves are edited in the organisation's workspace.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { notFound } from '../../web/errors.js';
import { formBodySchema, type FormBody } from '../../web/form.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { recordAudit } from '../audit/index.js';
import { CampaignPage, VolunteersAdminPage } from './volunteers.admin.page.js';
import { insertCampaign } from './volunteers.commands.js';
import { countCampaignByKind, countSignupsByRole, findCampaign, findCampaignBySlug, listAllRoles, listCampaigns } from './volunteers.store.js';
import { CAMPAIGN_PARAM, readCampaignForm } from './volunteers.js';

export async function volunteerAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;

  const overview = async (request: FastifyRequest, reply: FastifyReply, state: { form?: { name: string; slug: string }; errors?: Record<string, string>; created?: boolean; status?: number } = {}) => {
    const [roles, counts, campaigns] = await Promise.all([listAllRoles(db), countSignupsByRole(db), listCampaigns(db)]);
    return sendPage(
      reply,
      pageContext(request),
      <VolunteersAdminPage
        roles={roles}
        counts={counts.byRole}
        total={counts.total}
        campaigns={campaigns}
        form={state.form ?? { name: '', slug: '' }}
        errors={state.errors ?? {}}
        created={state.created ?? false}
        csrf={reply.generateCsrf()}
      />,
      state.status ?? 200,
    );
  };

  app.get<{ Querystring: { klart?: string } }>(
    '/admin/volontarer',
    { config: { access: 'admin' }, schema: { querystring: { type: 'object', properties: { klart: { type: 'string', enum: ['kampanj'] } } } } },
    async (request, reply) => overview(request, reply, { created: request.query.klart === 'kampanj' }),
  );

  app.post<{ Body: FormBody }>('/admin/volontarer/kampanjer', { config: { access: 'admin' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const { form, errors, input } = readCampaignForm(request.body ?? {});
    if (!input) return overview(request, reply, { form, errors, status: 400 });
    if (await findCampaignBySlug(db, input.slug)) return overview(request, reply, { form, errors: { slug: 'network.volunteers.errors.slugTaken' }, status: 400 });
    const at = now();
    const id = await insertCampaign(db, { ...input, createdBy: request.viewer!.id }, at);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'volunteerCampaign.created', entity: 'volunteerCampaign', entityId: id, after: input }, at);
    return reply.redirect(`${pageContext(request).href('/admin/volontarer')}?klart=kampanj`, 303);
  });

  app.get<{ Params: { id: number } }>('/admin/volontarer/kampanjer/:id', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) => {
    const campaign = await findCampaign(db, request.params.id);
    if (!campaign) throw notFound();
    const [roles, counts, byKind] = await Promise.all([listAllRoles(db), countSignupsByRole(db, campaign.id), countCampaignByKind(db, campaign.id)]);
    const link = `${config.publicUrl}/jag-vill-hjalpa-till?${CAMPAIGN_PARAM}=${encodeURIComponent(campaign.slug)}`;
    const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    return sendPage(reply, pageContext(request), <CampaignPage campaign={campaign} link={link} qr={qr} roles={roles} counts={counts.byRole} total={counts.total} byKind={byKind} />);
  });
}
