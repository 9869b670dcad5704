/** The coordinator's places: search the list, create and edit a place, merge a duplicate into another. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../web/errors.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import {
  countPlaceActivities,
  countPlaces,
  districtIdExists,
  emptyPlaceForm,
  findPlace,
  listDistricts,
  listPlaceNames,
  listPlaces,
  placeFormOf,
  readPlaceForm,
  type PlaceForm,
  type StoredPlace,
} from '../places/index.js';
import { changePlace, createPlace, mergePlace } from './admin.commands.js';
import { ADMIN_PAGE_SIZE, idParams, listQuery, text } from './admin.schema.js';
import { PlaceEditPage, PlaceMergePage, PlacesAdminPage } from './place-admin.page.js';

// Generous limits: longer text than the form allows gets an error beside its field, not a bare 400.
const placeBody = {
  type: 'object',
  properties: {
    name: text(2000),
    address: text(2000),
    postalCode: text(100),
    city: text(1000),
    districtId: text(20),
    latitude: text(100),
    longitude: text(100),
    accessibility: text(10000),
    stepFree: text(5),
    directions: text(10000),
  },
} as const;

export async function placeAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.deps;

  const listPage = async (request: FastifyRequest, reply: FastifyReply, options: { q?: string | undefined; page?: number | undefined; message?: string }) => {
    const q = (options.q ?? '').trim();
    const total = await countPlaces(db, q);
    const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
    const pageNo = Math.min(options.page ?? 1, pages);
    const places = await listPlaces(db, { q, limit: ADMIN_PAGE_SIZE, offset: (pageNo - 1) * ADMIN_PAGE_SIZE });
    return sendPage(
      reply,
      pageContext(request),
      <PlacesAdminPage places={places} total={total} q={q} page={pageNo} pageSize={ADMIN_PAGE_SIZE} message={options.message} />,
    );
  };

  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    place: StoredPlace | null,
    options: { form?: PlaceForm; errors?: Record<string, string>; message?: string; status?: number } = {},
  ) =>
    sendPage(
      reply,
      pageContext(request),
      <PlaceEditPage
        place={place}
        form={options.form ?? (place ? placeFormOf(place) : emptyPlaceForm())}
        errors={options.errors ?? {}}
        districts={await listDistricts(db)}
        csrf={reply.generateCsrf()}
        message={options.message}
      />,
      options.status ?? 200,
    );

  /** The form's input, or its errors: readPlaceForm's checks plus whether the chosen district exists. */
  const readForm = async (body: Record<string, unknown>) => {
    const result = readPlaceForm(body);
    if (result.input?.districtId != null && !(await districtIdExists(db, result.input.districtId))) {
      return { form: result.form, errors: { districtId: 'places.errors.districtInvalid' }, input: null };
    }
    return result;
  };

  const findOr404 = async (id: number) => {
    const place = await findPlace(db, id);
    if (!place) throw notFound();
    return place;
  };

  app.get<{ Querystring: { q?: string; page?: number } }>(
    '/admin/platser',
    { config: { access: 'admin' }, schema: { querystring: listQuery } },
    async (request, reply) => listPage(request, reply, request.query),
  );

  app.get('/admin/platser/ny', { config: { access: 'admin' } }, async (request, reply) => editPage(request, reply, null));

  app.post<{ Body: Record<string, unknown> }>('/admin/platser/ny', { config: { access: 'admin' }, schema: { body: placeBody } }, async (request, reply) => {
    const { form, errors, input } = await readForm(request.body);
    if (!input) return editPage(request, reply, null, { form, errors, status: 400 });
    const place = await createPlace(db, input, { actorUserId: request.viewer!.id, now: now() });
    return editPage(request, reply, place, { message: pageContext(request).t('admin.places.created', { name: place.name }) });
  });

  app.get<{ Params: { id: number } }>('/admin/platser/:id', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) =>
    editPage(request, reply, await findOr404(request.params.id)),
  );

  app.post<{ Params: { id: number }; Body: Record<string, unknown> }>(
    '/admin/platser/:id',
    { config: { access: 'admin' }, schema: { params: idParams, body: placeBody } },
    async (request, reply) => {
      const before = await findOr404(request.params.id);
      const { form, errors, input } = await readForm(request.body);
      if (!input) return editPage(request, reply, before, { form, errors, status: 400 });
      const after = await changePlace(db, before, input, { actorUserId: request.viewer!.id, now: now() });
      return editPage(request, reply, after, { message: pageContext(request).t('admin.places.saved') });
    },
  );

  const mergePage = async (request: FastifyRequest, reply: FastifyReply, place: StoredPlace, options: { intoId?: string; error?: string; status?: number } = {}) => {
    const [activityCount, all] = await Promise.all([countPlaceActivities(db, place.id), listPlaceNames(db)]);
    return sendPage(
      reply,
      pageContext(request),
      <PlaceMergePage
        place={place}
        activityCount={activityCount}
        others={all.filter((p) => p.id !== place.id)}
        intoId={options.intoId ?? ''}
        error={options.error}
        csrf={reply.generateCsrf()}
      />,
      options.status ?? 200,
    );
  };

  app.get<{ Params: { id: number } }>('/admin/platser/:id/sla-ihop', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) =>
    mergePage(request, reply, await findOr404(request.params.id)),
  );

  app.post<{ Params: { id: number }; Body: { intoId?: string } }>(
    '/admin/platser/:id/sla-ihop',
    { config: { access: 'admin' }, schema: { params: idParams, body: { type: 'object', properties: { intoId: text(20) } } } },
    async (request, reply) => {
      const from = await findOr404(request.params.id);
      const intoText = (request.body.intoId ?? '').trim();
      const into = /^\d{1,9}$/.test(intoText) && Number(intoText) !== from.id ? await findPlace(db, Number(intoText)) : undefined;
      if (!into) return mergePage(request, reply, from, { intoId: intoText, error: 'admin.places.errors.chooseTarget', status: 400 });
      const moved = await mergePlace(db, from, into, { actorUserId: request.viewer!.id, now: now() });
      const message = pageContext(request).t('admin.places.merged', { count: moved, from: from.name, into: into.name });
      return listPage(request, reply, { message });
    },
  );
}
