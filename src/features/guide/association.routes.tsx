/**
 * The guides' knowledge of associations: the list, one organisation's page, its needs flags, which
 * of its activities show a need publicly, contacts for integration and the visit log. Guides and the
 * coordinator only (route access 'guide'); an organisation's editors never see it. Every change is
 * audited with ids and field names, never the contact's details or the note.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { HttpError, notFound } from '../../web/errors.js';
import { formBodySchema, values } from '../../web/form.js';
import { positiveId } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { listUsers } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { findActivities, listActivityIdsOfOrganisation } from '../calendar/index.js';
import { findAnyOrganisation, listOrganisations, type Organisation } from '../organisations/index.js';
import {
  canChangeVisit,
  changedFlags,
  contactFormOf,
  emptyContactForm,
  emptyVisitForm,
  flagValues,
  PUBLIC_NEEDS,
  readContactForm,
  readFlagsForm,
  readVisitForm,
  visitFormOf,
  type ContactForm,
  type ContactInput,
  type FlagValues,
  type PublicNeed,
  type VisitForm,
  type VisitInput,
} from './association.js';
import { ContactEditPage, VisitEditPage } from './association.forms.js';
import { AssociationPage, AssociationsPage } from './association.page.js';
import { setFlags, setPublicNeeds } from './association.commands.js';
import {
  deleteContact,
  deleteVisit,
  findContact,
  findFlags,
  findVisit,
  lastVisitDates,
  listContacts,
  listFlagValues,
  listPublicNeeds,
  listVisits,
  insertContact,
  insertVisit,
  updateContact,
  updateVisit,
  type AssociationContact,
  type AssociationVisit,
} from './association.store.js';

const SAVED = ['flags', 'public', 'contactAdded', 'contactChanged', 'contactRemoved', 'visitAdded', 'visitChanged', 'visitRemoved'] as const;
const slugParams = { type: 'object', required: ['slug'], properties: { slug: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' } } } as const;
const itemParams = { type: 'object', required: ['slug', 'id'], properties: { ...slugParams.properties, id: positiveId } } as const;
const savedQuery = { type: 'object', properties: { sparad: { type: 'string', enum: [...SAVED] } } } as const;

type Body = Record<string, unknown>;

export async function associationRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;

  const organisationOr404 = async (slug: string): Promise<Organisation> => {
    const o = await findAnyOrganisation(db, { slug });
    if (!o) throw notFound();
    return o;
  };

  /** The guide team: active guides and coordinators, for "who met them". */
  const guideTeam = async () =>
    (await listUsers(db, { limit: 500, offset: 0 })).filter((u) => u.active && (u.isGuide || u.isAdmin)).map((u) => ({ id: u.id, name: u.name || u.email }));

  const audit = (request: FastifyRequest, action: string, organisationId: number, after: Record<string, unknown> = {}) =>
    recordAudit(db, { actorUserId: request.viewer!.id, action, entity: 'organisation', entityId: organisationId, after }, now());

  /** The organisation's activities that can show a need publicly (published), with what each shows. */
  const needsActivities = async (o: Organisation) => {
    const ids = await listActivityIdsOfOrganisation(db, o.id);
    const [details, needs] = await Promise.all([findActivities(db, ids), listPublicNeeds(db, ids)]);
    return [...details.values()]
      .filter((a) => a.status === 'published')
      .sort((x, y) => x.title.localeCompare(y.title, 'sv'))
      .map((a) => ({ id: a.id, slug: a.slug, title: a.title, needs: needs.get(a.id) ?? [] }));
  };

  const organisationPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: Organisation,
    state: { contactForm?: ContactForm; visitForm?: VisitForm; flagForm?: Partial<FlagValues>; errors?: Record<string, string>; saved?: string | undefined; status?: number } = {},
  ) => {
    const page = pageContext(request);
    const viewer = request.viewer!;
    const [flags, activities, contacts, visits, guides] = await Promise.all([findFlags(db, o.id), needsActivities(o), listContacts(db, o.id), listVisits(db, o.id), guideTeam()]);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      page,
      <AssociationPage
        organisation={{ id: o.id, slug: o.slug, name: o.name, published: o.published }}
        flags={flags}
        activities={activities}
        contacts={contacts}
        visits={visits}
        guides={guides}
        viewer={{ id: viewer.id, isAdmin: viewer.isAdmin }}
        contactForm={state.contactForm ?? emptyContactForm()}
        visitForm={state.visitForm ?? emptyVisitForm(page.today, viewer.id)}
        flagForm={state.flagForm ?? null}
        errors={state.errors ?? {}}
        saved={state.saved}
        csrf={reply.generateCsrf()}
      />,
      state.status ?? 200,
    );
  };

  const back = (request: FastifyRequest, reply: FastifyReply, o: Organisation, saved: (typeof SAVED)[number]) =>
    reply.redirect(`${pageContext(request).href(`/lots/foreningar/${o.slug}`)}?sparad=${saved}`, 303);

  app.get('/lots/foreningar', { config: { access: 'guide' } }, async (request, reply) => {
    const [organisations, flags, visits] = await Promise.all([listOrganisations(db), listFlagValues(db), lastVisitDates(db)]);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      pageContext(request),
      <AssociationsPage items={organisations.map((o) => ({ slug: o.slug, name: o.name, flags: flags.get(o.id) ?? {}, lastVisit: visits.get(o.id) ?? null }))} />,
    );
  });

  app.get<{ Params: { slug: string }; Querystring: { sparad?: string } }>(
    '/lots/foreningar/:slug',
    { config: { access: 'guide' }, schema: { params: slugParams, querystring: savedQuery } },
    async (request, reply) => organisationPage(request, reply, await organisationOr404(request.params.slug), { saved: request.query.sparad }),
  );

  // --- needs flags, and which activities show them ---------------------------------------------------

  app.post<{ Params: { slug: string }; Body: Body }>(
    '/lots/foreningar/:slug/behov',
    { config: { access: 'guide' }, schema: { params: slugParams, body: formBodySchema } },
    async (request, reply) => {
      const o = await organisationOr404(request.params.slug);
      const { values: sent, errors } = readFlagsForm(request.body ?? {});
      if (Object.keys(errors).length > 0) return organisationPage(request, reply, o, { flagForm: sent, errors, status: 400 });
      const changed = changedFlags(flagValues(await findFlags(db, o.id)), sent);
      await setFlags(db, o.id, changed, request.viewer!.id, now());
      if (Object.keys(changed).length > 0) await audit(request, 'association.flagsSet', o.id, changed);
      return back(request, reply, o, 'flags');
    },
  );

  app.post<{ Params: { slug: string }; Body: Body }>(
    '/lots/foreningar/:slug/visas',
    { config: { access: 'guide' }, schema: { params: slugParams, body: formBodySchema } },
    async (request, reply) => {
      const o = await organisationOr404(request.params.slug);
      const body = request.body ?? {};
      const own = new Set((await needsActivities(o)).map((a) => a.id));
      const ids = values(body, 'activityIds').map(Number);
      if (ids.some((id) => !own.has(id))) throw new HttpError(400, 'errors.badRequest');
      for (const id of ids) {
        const sent = values(body, `needs-${id}`);
        if (sent.some((n) => !(PUBLIC_NEEDS as readonly string[]).includes(n))) throw new HttpError(400, 'errors.badRequest');
        if (await setPublicNeeds(db, id, sent as PublicNeed[], request.viewer!.id, now())) {
          await recordAudit(db, { actorUserId: request.viewer!.id, action: 'activity.publicNeedsSet', entity: 'activity', entityId: id, after: { needs: sent } }, now());
        }
      }
      return back(request, reply, o, 'public');
    },
  );

  // --- contacts --------------------------------------------------------------------------------------

  app.post<{ Params: { slug: string }; Body: Body }>(
    '/lots/foreningar/:slug/kontakter',
    { config: { access: 'guide' }, schema: { params: slugParams, body: formBodySchema } },
    async (request, reply) => {
      const o = await organisationOr404(request.params.slug);
      const { form, errors, input } = readContactForm(request.body ?? {});
      if (!input) return organisationPage(request, reply, o, { contactForm: form, errors, status: 400 });
      const id = await insertContact(db, o.id, input, request.viewer!.id, now());
      await audit(request, 'association.contactAdded', o.id, { contactId: id });
      return back(request, reply, o, 'contactAdded');
    },
  );

  entryRoutes<AssociationContact, ContactForm, ContactInput>({
    path: 'kontakter',
    name: 'contact',
    find: async (_request, o, id) => {
      const c = await findContact(db, o.id, id);
      if (!c) throw notFound();
      return c;
    },
    page: async (o, c, form, errors, csrf) => <ContactEditPage organisation={o} contact={c} form={form ?? contactFormOf(c)} errors={errors} csrf={csrf} />,
    read: async (request) => readContactForm(request.body ?? {}),
    update: (id, input) => updateContact(db, id, input, now()),
    remove: (id) => deleteContact(db, id),
    changed: (c, input) => ({ fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== c[k as keyof typeof input]) }),
  });

  // --- visits and meetings ---------------------------------------------------------------------------

  app.post<{ Params: { slug: string }; Body: Body }>(
    '/lots/foreningar/:slug/besok',
    { config: { access: 'guide' }, schema: { params: slugParams, body: formBodySchema } },
    async (request, reply) => {
      const o = await organisationOr404(request.params.slug);
      const guides = await guideTeam();
      const { form, errors, input } = readVisitForm(request.body ?? {}, { today: pageContext(request).today, guideIds: guides.map((g) => g.id) });
      if (!input) return organisationPage(request, reply, o, { visitForm: form, errors, status: 400 });
      const id = await insertVisit(db, o.id, input, request.viewer!.id, now());
      await audit(request, 'association.visitAdded', o.id, { visitId: id, kind: input.kind, date: input.date });
      return back(request, reply, o, 'visitAdded');
    },
  );

  /** A log entry of this organisation the viewer may change (its author or the coordinator). */
  const ownVisit = async (request: FastifyRequest, o: Organisation, id: number) => {
    const v = await findVisit(db, o.id, id);
    if (!v) throw notFound();
    if (!canChangeVisit(request.viewer!, v)) throw new HttpError(403, 'errors.forbidden');
    return v;
  };

  entryRoutes<AssociationVisit, VisitForm, VisitInput>({
    path: 'besok',
    name: 'visit',
    find: ownVisit,
    page: async (o, v, form, errors, csrf) => <VisitEditPage organisation={o} visit={v} form={form ?? visitFormOf(v)} errors={errors} guides={await guideTeam()} csrf={csrf} />,
    read: async (request) => readVisitForm(request.body ?? {}, { today: pageContext(request).today, guideIds: (await guideTeam()).map((g) => g.id) }),
    update: (id, input) => updateVisit(db, id, input, now()),
    remove: (id) => deleteVisit(db, id),
    changed: (_v, input) => ({ kind: input.kind, date: input.date }),
  });

  /**
   * The routes of one contact or log entry: its edit page, saving it (400 with the page again and
   * what was typed on bad input) and removing it; each change audited under the organisation with
   * the entry's id (`contactId`, `visitId`) and what `changed` says, never the entry's text.
   */
  function entryRoutes<E extends { id: number }, F, I>(kind: {
    path: 'kontakter' | 'besok';
    name: 'contact' | 'visit';
    /** The entry of this organisation the viewer may change; throws 404 (or 403). */
    find: (request: FastifyRequest, o: Organisation, id: number) => Promise<E>;
    page: (o: Organisation, entry: E, form: F | undefined, errors: Record<string, string>, csrf: string) => Promise<VNode>;
    read: (request: FastifyRequest<{ Body: Body }>) => Promise<{ form: F; errors: Record<string, string>; input: I | null }>;
    update: (id: number, input: I) => Promise<unknown>;
    remove: (id: number) => Promise<boolean>;
    changed: (entry: E, input: I) => Record<string, unknown>;
  }): void {
    const path = `/lots/foreningar/:slug/${kind.path}/:id`;
    const idKey = `${kind.name}Id`;
    const editPage = async (request: FastifyRequest, reply: FastifyReply, o: Organisation, entry: E, form?: F, errors: Record<string, string> = {}) => {
      reply.header('cache-control', 'no-store');
      return sendPage(reply, pageContext(request), await kind.page(o, entry, form, errors, reply.generateCsrf()), form ? 400 : 200);
    };

    app.get<{ Params: { slug: string; id: number } }>(path, { config: { access: 'guide' }, schema: { params: itemParams } }, async (request, reply) => {
      const o = await organisationOr404(request.params.slug);
      return editPage(request, reply, o, await kind.find(request, o, request.params.id));
    });

    app.post<{ Params: { slug: string; id: number }; Body: Body }>(path, { config: { access: 'guide' }, schema: { params: itemParams, body: formBodySchema } }, async (request, reply) => {
      const o = await organisationOr404(request.params.slug);
      const entry = await kind.find(request, o, request.params.id);
      const { form, errors, input } = await kind.read(request);
      if (!input) return editPage(request, reply, o, entry, form, errors);
      await kind.update(entry.id, input);
      await audit(request, `association.${kind.name}Changed`, o.id, { [idKey]: entry.id, ...kind.changed(entry, input) });
      return back(request, reply, o, `${kind.name}Changed`);
    });

    app.post<{ Params: { slug: string; id: number } }>(`${path}/ta-bort`, { config: { access: 'guide' }, schema: { params: itemParams } }, async (request, reply) => {
      const o = await organisationOr404(request.params.slug);
      const entry = await kind.find(request, o, request.params.id);
      if (await kind.remove(entry.id)) await audit(request, `association.${kind.name}Removed`, o.id, { [idKey]: entry.id });
      return back(request, reply, o, `${kind.name}Removed`);
    });
  }
}
