/**
 * Volunteer roles: the public "Jag vill hjälpa till" list and sign-up form (routed to the
 * organisation by e-mail), and the roles in an organisation's workspace (/hantera/<org>/volontarer),
 * which its editors and the coordinator keep. The coordinator's screens are in volunteers.admin.routes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../web/errors.js';
import { formBodySchema, type FormBody } from '../../web/form.js';
import { idParams, positiveId } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { canEditOrganisation, hitRateLimit } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { findAnyOrganisation, type Organisation } from '../organisations/index.js';
import { districtIdExists, listDistricts } from '../places/index.js';
import { confirmToVolunteer, forwardSignup } from './volunteers.mail.js';
import { RolePage, RolesPage, ThanksPage } from './volunteers.page.js';
import { deleteRole, insertRole, insertSignup, updateRole } from './volunteers.commands.js';
import { listRolesOfOrganisation } from './volunteers.queries.js';
import { countSignupsOfOrganisation, findCampaignBySlug, findOpenRole, findRole, listOpenRoles, type RoleWithOrganisation } from './volunteers.store.js';
import { RoleFormPage, WorkspaceRolesPage } from './volunteers.workspace.page.js';
import { CAMPAIGN_PARAM, emptyRoleForm, emptySignupForm, readRoleForm, readSignupForm, ROLE_KINDS, roleFormOf, type RoleForm, type SignupForm, type VolunteerRole } from './volunteers.js';

/** Sign-ups one address may send per hour (a class at an SFI school shares one). */
export const SIGNUPS_PER_HOUR = 30;
const SAVED = ['created', 'updated', 'deleted'] as const;

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const slugParam = { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' } as const;
const orgParams = { type: 'object', required: ['org'], properties: { org: slugParam } } as const;
const roleParams = { type: 'object', required: ['org', 'id'], properties: { org: slugParam, id: positiveId } } as const;
const listQuery = { type: 'object', properties: { typ: { type: 'string', enum: [...ROLE_KINDS] }, omrade: text(80), [CAMPAIGN_PARAM]: text(200) } } as const;

export async function volunteerRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;
  const deps = { db, mailer: app.deps.mailer, publicUrl: config.publicUrl };

  // --- the public list and form ------------------------------------------------------------------

  app.get<{ Querystring: { typ?: (typeof ROLE_KINDS)[number]; omrade?: string; kampanj?: string } }>(
    '/jag-vill-hjalpa-till',
    { config: { access: 'public' }, schema: { querystring: listQuery } },
    async (request, reply) => {
      const q = request.query;
      const districts = await listDistricts(db);
      // An unknown district is no filter (an old link), not an error.
      const district = districts.find((d) => d.slug === q.omrade);
      const roles = await listOpenRoles(db, { ...(q.typ ? { kind: q.typ } : {}), ...(district ? { districtId: district.id } : {}) });
      const campaign = q.kampanj && (await findCampaignBySlug(db, q.kampanj)) ? q.kampanj : '';
      return sendPage(reply, pageContext(request), <RolesPage roles={roles} districts={districts} filter={{ kind: q.typ ?? '', district: district?.slug ?? '' }} campaign={campaign} />);
    },
  );

  app.get('/jag-vill-hjalpa-till/tack', { config: { access: 'public' } }, async (request, reply) => sendPage(reply, pageContext(request), <ThanksPage />));

  const openRole = async (id: number): Promise<RoleWithOrganisation> => {
    const role = await findOpenRole(db, id);
    if (!role) throw notFound();
    return role;
  };

  const rolePage = async (request: FastifyRequest, reply: FastifyReply, role: RoleWithOrganisation, form: SignupForm, state: { errors?: Record<string, string>; notice?: string; status?: number } = {}) => {
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      pageContext(request),
      <RolePage role={role} districts={await listDistricts(db)} form={form} errors={state.errors ?? {}} notice={state.notice} csrf={reply.generateCsrf()} />,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { id: number }; Querystring: { kampanj?: string } }>(
    '/jag-vill-hjalpa-till/:id',
    { config: { access: 'public' }, schema: { params: idParams, querystring: { type: 'object', properties: { [CAMPAIGN_PARAM]: text(200) } } } },
    async (request, reply) => rolePage(request, reply, await openRole(request.params.id), emptySignupForm((request.query.kampanj ?? '').slice(0, 60))),
  );

  app.post<{ Params: { id: number }; Body: FormBody }>(
    '/jag-vill-hjalpa-till/:id',
    { config: { access: 'public' }, schema: { params: idParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const role = await openRole(request.params.id);
      const { form, errors, input, spam } = readSignupForm(request.body ?? {});
      if (!input) return rolePage(request, reply, role, form, { errors, status: 400 });
      const thanks = page.href('/jag-vill-hjalpa-till/tack');
      // A robot that filled in the hidden field is told the same as a person; nothing is stored or sent.
      if (spam) return reply.redirect(thanks, 303);
      const at = now();
      const limit = await hitRateLimit(db, `volunteer:${request.ip}`, at, 3600, SIGNUPS_PER_HOUR);
      if (!limit.allowed) return rolePage(request, reply, role, form, { notice: 'network.volunteers.errors.tooMany', status: 429 });
      const campaign = form.campaign ? await findCampaignBySlug(db, form.campaign) : undefined;
      const id = await insertSignup(db, { roleId: role.id, organisationId: role.organisationId, campaignId: campaign?.id ?? null, kind: role.kind, ...input, language: page.lang.code }, at);
      // Which role and campaign, never who.
      await recordAudit(db, { actorUserId: request.viewer?.id ?? null, action: 'volunteer.signedUp', entity: 'volunteerSignup', entityId: id, after: { roleId: role.id, campaignId: campaign?.id ?? null } }, at);
      await forwardSignup(deps, { id, roleId: role.id, ...input, campaignName: campaign?.name ?? null, roleTitle: role.title, contactEmail: role.contactEmail, organisationSlug: role.organisation.slug }, at);
      await confirmToVolunteer(deps, { id, email: input.email, language: page.lang.code, roleTitle: role.title, organisation: role.organisation.name, contactEmail: role.contactEmail });
      return reply.redirect(thanks, 303);
    },
  );

  // --- the organisation's workspace ----------------------------------------------------------------

  const organisationFor = async (request: FastifyRequest, slug: string): Promise<Organisation> => {
    const o = await findAnyOrganisation(db, { slug });
    if (!o) throw notFound();
    if (!canEditOrganisation(request.viewer, o.id)) throw new HttpError(403, 'errors.forbidden');
    return o;
  };
  const roleOf = async (o: Organisation, id: number): Promise<VolunteerRole> => {
    const role = await findRole(db, id);
    if (!role || role.organisationId !== o.id) throw notFound();
    return role;
  };
  const listPath = (request: FastifyRequest, o: Organisation, saved: (typeof SAVED)[number]) => `${pageContext(request).href(`/hantera/${o.slug}/volontarer`)}?sparad=${saved}`;

  app.get<{ Params: { org: string }; Querystring: { sparad?: (typeof SAVED)[number] } }>(
    '/hantera/:org/volontarer',
    { config: { access: 'editor' }, schema: { params: orgParams, querystring: { type: 'object', properties: { sparad: { type: 'string', enum: [...SAVED] } } } } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const [roles, counts, districts] = await Promise.all([listRolesOfOrganisation(db, o.id), countSignupsOfOrganisation(db, o.id), listDistricts(db)]);
      return sendPage(reply, pageContext(request), <WorkspaceRolesPage organisation={o} roles={roles} signups={counts.byRole} districts={districts} saved={request.query.sparad} />);
    },
  );

  const formPage = async (request: FastifyRequest, reply: FastifyReply, o: Organisation, role: VolunteerRole | undefined, form: RoleForm, errors: Record<string, string> = {}, status = 200) =>
    sendPage(reply, pageContext(request), <RoleFormPage organisation={o} role={role} form={form} errors={errors} districts={await listDistricts(db)} csrf={reply.generateCsrf()} />, status);

  /** Reads the role form and checks its district; undefined input when anything is wrong. */
  const readRole = async (body: FormBody) => {
    const read = readRoleForm(body);
    if (read.input?.districtId != null && !(await districtIdExists(db, read.input.districtId))) {
      read.errors.districtId = 'network.volunteers.errors.choiceInvalid';
      read.input = null;
    }
    return read;
  };

  app.get<{ Params: { org: string } }>('/hantera/:org/volontarer/ny', { config: { access: 'editor' }, schema: { params: orgParams } }, async (request, reply) => {
    const o = await organisationFor(request, request.params.org);
    return formPage(request, reply, o, undefined, emptyRoleForm(o.email ?? ''));
  });

  app.post<{ Params: { org: string }; Body: FormBody }>('/hantera/:org/volontarer/ny', { config: { access: 'editor' }, schema: { params: orgParams, body: formBodySchema } }, async (request, reply) => {
    const o = await organisationFor(request, request.params.org);
    const { form, errors, input } = await readRole(request.body ?? {});
    if (!input) return formPage(request, reply, o, undefined, form, errors, 400);
    const at = now();
    const id = await insertRole(db, o.id, input, at);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'volunteerRole.created', entity: 'volunteerRole', entityId: id, after: { organisationId: o.id, kind: input.kind, title: input.title, status: input.status } }, at);
    return reply.redirect(listPath(request, o, 'created'), 303);
  });

  app.get<{ Params: { org: string; id: number } }>('/hantera/:org/volontarer/:id', { config: { access: 'editor' }, schema: { params: roleParams } }, async (request, reply) => {
    const o = await organisationFor(request, request.params.org);
    const role = await roleOf(o, request.params.id);
    return formPage(request, reply, o, role, roleFormOf(role));
  });

  app.post<{ Params: { org: string; id: number }; Body: FormBody }>(
    '/hantera/:org/volontarer/:id',
    { config: { access: 'editor' }, schema: { params: roleParams, body: formBodySchema } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const role = await roleOf(o, request.params.id);
      const { form, errors, input } = await readRole(request.body ?? {});
      if (!input) return formPage(request, reply, o, role, form, errors, 400);
      const at = now();
      await updateRole(db, role.id, input, at);
      const changed = (Object.keys(input) as (keyof typeof input)[]).filter((k) => JSON.stringify(input[k]) !== JSON.stringify(role[k]));
      await recordAudit(db, { actorUserId: request.viewer!.id, action: 'volunteerRole.updated', entity: 'volunteerRole', entityId: role.id, after: { fields: changed } }, at);
      return reply.redirect(listPath(request, o, 'updated'), 303);
    },
  );

  app.post<{ Params: { org: string; id: number } }>('/hantera/:org/volontarer/:id/ta-bort', { config: { access: 'editor' }, schema: { params: roleParams } }, async (request, reply) => {
    const o = await organisationFor(request, request.params.org);
    const role = await roleOf(o, request.params.id);
    const at = now();
    await deleteRole(db, role.id);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'volunteerRole.deleted', entity: 'volunteerRole', entityId: role.id, before: { organisationId: o.id, kind: role.kind, title: role.title } }, at);
    return reply.redirect(listPath(request, o, 'deleted'), 303);
  });
}
