/** The organisation's workspace: its activities and profile, created and changed by its editors and the coordinator. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../web/errors.js';
import { formBodySchema, trimmed, type FormBody } from '../../web/form.js';
import { idParams, positiveId } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { addDays, isIsoDate } from '../../web/time.js';
import { canEditOrganisation } from '../accounts/index.js';
import {
  activityDates,
  DATE_PATTERN,
  changeSchedule,
  removeActivity,
  expandSchedule,
  findActivities,
  freshnessCutoffs,
  findActivity,
  listActivityIdsOfOrganisation,
  listOccurrences,
  type ActivityDetail,
  type ActivityInput,
} from '../calendar/index.js';
import { clashWindow, findNearbyClashes, plannedActivities, type PlannedActivity } from '../planning/index.js';
import { findAnyOrganisation, findOrganisationsByIds, listOrganisationNames, type Organisation } from '../organisations/index.js';
import { districtIdExists, listDistricts, listPlaceNames, findPlace, type District } from '../places/index.js';
import { activityFormOf, emptyActivityForm, readActivityForm, type ActivityForm, type ReadActivityForm } from './activity-form.js';
import type { ActivityFieldChoices } from './activity-fields.js';
import { profileFormOf, readProfileForm, type ProfileForm } from './profile-form.js';
import { answerCoHostRequest, leaveAsCoHost, listCoHostRequests, splitHosts, type CoHostRevision } from './cohosts.js';
import { listWaitingNotes, noteToStore, shownNote, syncDateNote, type NoteKind } from './date-notes.js';
import { activityFacts, profileFacts, referencesOf, type FactNames } from './facts.js';
import { closeRevisionsOfActivity } from './revision.commands.js';
import { findOpenRevision, findRevision, listOpenRevisionsOfOrganisation } from './revision.queries.js';
import { saveActivity, saveModeFor, saveProfile, activityVersion, profileVersion, type WorkflowDeps } from './workflow.js';
import { organisationClashes } from './confirmations.js';
import { confirmationRoutes } from './confirmations.routes.js';
import { atomically, type SignupChanges } from './notify.js';
import type { Db } from '../../db/index.js';
import type { VNode } from 'preact';
import {
  ActivityFormPage,
  CancelDatePage,
  DeleteActivityPage,
  LeaveCoHostPage,
  OrganisationWorkspacePage,
  PausePage,
  ProfileFormPage,
  WorkspaceHomePage,
  type ClashNote,
  type CoHostAsk,
  type Conflict,
  type TranslationRow,
  type WorkspaceActivity,
} from './workspace.page.js';
import { LANGUAGES } from '../../i18n/index.js';
import { findAllTranslations, sourceHash } from '../translation/index.js';

const PAUSE_NOTE_MAX = 200;
const MESSAGE_MAX = 2000;
/** What the workspace says was just done (`?sparad=`). */
const SAVED = [
  'published',
  'submitted',
  'proposed',
  'deleted',
  'paused',
  'pausedNoteWaiting',
  'cancelled',
  'cancelledNoteWaiting',
  'restored',
  'coHostAccepted',
  'coHostDeclined',
  'coHostLeft',
  'confirmed',
  'confirmedAll',
] as const;

const orgParams = { type: 'object', properties: { org: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' } }, required: ['org'] } as const;
const activityParams = {
  type: 'object',
  properties: { org: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' }, id: positiveId },
  required: ['org', 'id'],
} as const;


type Body = FormBody;

export function workflowDeps(app: FastifyInstance, signups?: SignupChanges): WorkflowDeps {
  return { db: app.deps.db, mailer: app.deps.mailer, publicUrl: app.deps.config.publicUrl, adminEmail: app.deps.config.adminEmail, signups };
}

/** What app.ts hands the workspace from features that depend on it (see SignupChanges). */
export interface WorkspaceOptions {
  signups?: SignupChanges;
  /** Drawn on an organisation's workspace page below its notices (the mapping survey while a round is open). */
  organisationSlot?: OrganisationSlot;
}

/** A part of an organisation's workspace page that another feature draws (null: nothing to show). */
export type OrganisationSlot = (db: Db, organisation: { id: number; slug: string }) => Promise<VNode | null>;

/** Each interface language but Swedish, with the state of each text of an entity in it. */
async function translationRows(app: FastifyInstance, entity: 'activity' | 'organisation', id: number, fields: { field: string; swedish: string }[]): Promise<TranslationRow[]> {
  const all = await findAllTranslations(app.deps.db, entity, id);
  return LANGUAGES.filter((l) => l.code !== 'sv').map((l) => ({
    language: l.code,
    states: fields
      .filter((f) => f.swedish.trim() !== '')
      .map((f) => {
        const tr = all.find((x) => x.language === l.code && x.field === f.field);
        const state = !tr || tr.text.trim() === '' ? 'missing' : tr.sourceHash !== sourceHash(f.swedish) ? 'outdated' : tr.source === 'machine' ? 'machine' : 'done';
        return { field: f.field, state };
      }),
  }));
}

/** Names for the places, organisations and districts some facts mention (for showing a comparison). */
export async function factNames(app: FastifyInstance, districts: District[], ...facts: Record<string, unknown>[]): Promise<FactNames> {
  const { db } = app.deps;
  const refs = referencesOf(...facts);
  const [places, organisations] = await Promise.all([Promise.all(refs.places.map((id) => findPlace(db, id))), findOrganisationsByIds(db, refs.organisations)]);
  return {
    places: Object.fromEntries(places.flatMap((p) => (p ? [[String(p.id), `${p.name}, ${p.address}`]] : []))),
    organisations: Object.fromEntries(organisations.map((o) => [String(o.id), o.name])),
    districts: Object.fromEntries(districts.filter((d) => refs.districts.includes(d.slug)).map((d) => [d.slug, d.name])),
  };
}

/** Both versions of an edit that met someone else's save, ready to compare. */
async function conflictOf(app: FastifyInstance, mine: Record<string, unknown>, theirs: Record<string, unknown>, districts: District[] = []): Promise<Conflict> {
  return { mine, theirs, names: await factNames(app, districts, mine, theirs) };
}

/** The choices the activity form offers: places, districts and possible co-hosts. */
export async function activityChoices(app: FastifyInstance, organisationId: number | null): Promise<ActivityFieldChoices> {
  const { db } = app.deps;
  const [places, districts, organisations] = await Promise.all([listPlaceNames(db), listDistricts(db), listOrganisationNames(db)]);
  return { places, districts, coHosts: organisationId === null ? [] : organisations.filter((o) => o.id !== organisationId) };
}

/** Checks what the pure form reader cannot: the place, the district of a new place and the co-host exist. */
export async function checkReferences(app: FastifyInstance, read: ReadActivityForm): Promise<void> {
  const { db } = app.deps;
  const { form, errors } = read;
  if (/^\d+$/.test(form.placeId) && !(await findPlace(db, Number(form.placeId)))) errors.placeId = 'workspace.errors.choiceInvalid';
  if (form.placeId === 'new' && /^\d+$/.test(form.newPlace.districtId) && !(await districtIdExists(db, Number(form.newPlace.districtId)))) {
    errors['newPlace.districtId'] = 'places.errors.districtInvalid';
  }
  if (/^\d+$/.test(form.coHostId) && !(await findAnyOrganisation(db, { id: Number(form.coHostId) }))) errors.coHostId = 'workspace.errors.choiceInvalid';
  if (Object.keys(errors).length > 0) {
    read.input = null;
    read.newPlace = null;
  }
}

/** The activity as the public would see it, from the form's input (for the preview). */
export async function previewDetail(app: FastifyInstance, input: ActivityInput, id = 0): Promise<ActivityDetail> {
  const { db } = app.deps;
  const [place, hosts] = await Promise.all([input.placeId === null ? undefined : findPlace(db, input.placeId), findOrganisationsByIds(db, input.hostIds)]);
  return {
    id,
    slug: 'x',
    ...input,
    updatedAt: '',
    confirmedAt: '',
    place: place ? { ...place } : null,
    hosts: input.hostIds.flatMap((hid) => {
      const h = hosts.find((o) => o.id === hid);
      return h ? [{ id: h.id, slug: h.slug, name: h.name, phone: h.phone, email: h.email, website: h.website }] : [];
    }),
  };
}

/**
 * Other activities of the same category meeting at the same time in the next weeks: the editor sees
 * them before saving ("two language cafés at the same hour in the same area").
 */
async function clashesFor(app: FastifyInstance, input: ActivityInput, selfId: number | null, today: string): Promise<ClashNote[]> {
  const { db } = app.deps;
  const window = clashWindow(today);
  const place = input.placeId === null ? undefined : await findPlace(db, input.placeId);
  const subject: PlannedActivity = {
    id: selfId ?? 0,
    category: input.category,
    districtSlug: place?.district?.slug ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    occurrences: expandSchedule(input.schedule, window.from, window.to)
      .filter((o) => o.status !== 'cancelled')
      .map((o) => ({ startsAt: o.startsAt, endsAt: o.endsAt, localDate: o.localDate })),
  };
  const items = await listOccurrences(db, { category: input.category, from: window.from, to: window.to });
  const others = plannedActivities(items.filter((o) => o.activityId !== selfId));
  return findNearbyClashes(subject, [...others.values()])
    .slice(0, 5)
    .map((c) => {
      const { first } = others.get(c.activityId)!;
      const place = first.place ? `${first.place.name}${first.place.districtName ? `, ${first.place.districtName}` : ''}` : null;
      return { id: first.activityId, slug: first.slug, title: first.title, place, firstDate: c.firstDate, dates: c.overlappingDates, sameDistrict: c.sameDistrict };
    });
}

export async function workspaceRoutes(app: FastifyInstance, options: WorkspaceOptions = {}): Promise<void> {
  const { db, now } = app.deps;
  const deps = workflowDeps(app, options.signups);
  await confirmationRoutes(app);

  /** The organisation of the URL, when the viewer may edit it; 404 or 403 otherwise. */
  const organisationFor = async (request: FastifyRequest, slug: string): Promise<Organisation> => {
    const o = await findAnyOrganisation(db, { slug });
    if (!o) throw notFound();
    if (!canEditOrganisation(request.viewer, o.id)) throw new HttpError(403, 'errors.forbidden');
    return o;
  };
  /** One of the organisation's activities (any status), or 404. */
  const activityOf = async (o: Organisation, id: number): Promise<ActivityDetail> => {
    const a = await findActivity(db, id, { includeUnpublished: true });
    if (!a || !a.hosts.some((h) => h.id === o.id)) throw notFound();
    return a;
  };

  /** What the asked organisation's editors see of each request: the activity and who asks. */
  const coHostAsks = async (asked: CoHostRevision[]): Promise<CoHostAsk[]> => {
    if (asked.length === 0) return [];
    const [activities, hosts] = await Promise.all([
      findActivities(db, asked.flatMap((r) => (r.entityId === null ? [] : [r.entityId])), { includeUnpublished: true }),
      findOrganisationsByIds(db, asked.map((r) => r.data.hostId)),
    ]);
    return asked.flatMap((r) => {
      const activity = r.entityId === null ? undefined : activities.get(r.entityId);
      return activity ? [{ revisionId: r.id, activity, hostName: hosts.find((h) => h.id === r.data.hostId)?.name ?? '' }] : [];
    });
  };

  app.get('/hantera', { config: { access: 'editor' } }, async (request, reply) => {
    const page = pageContext(request);
    const viewer = request.viewer!;
    const organisations = await findOrganisationsByIds(db, viewer.organisationIds);
    if (organisations.length === 1 && !viewer.isAdmin) return reply.redirect(page.href(`/hantera/${organisations[0]!.slug}`), 303);
    return sendPage(reply, page, <WorkspaceHomePage organisations={organisations} isAdmin={viewer.isAdmin} />);
  });

  app.get<{ Params: { id: number } }>(
    '/hantera/aktivitet/:id',
    { config: { access: 'editor' }, schema: { params: idParams } },
    async (request, reply) => {
      const a = await findActivity(db, request.params.id, { includeUnpublished: true });
      const host = a?.hosts.find((h) => canEditOrganisation(request.viewer, h.id));
      if (!a || !host) throw notFound();
      return reply.redirect(pageContext(request).href(`/hantera/${host.slug}/aktivitet/${a.id}`), 303);
    },
  );

  app.get<{ Params: { org: string }; Querystring: { sparad?: string } }>(
    '/hantera/:org',
    { config: { access: 'editor' }, schema: { params: orgParams, querystring: { type: 'object', properties: { sparad: { type: 'string', enum: SAVED } } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      const ids = await listActivityIdsOfOrganisation(db, o.id);
      const [details, revisions, requested, clashes] = await Promise.all([
        findActivities(db, ids, { includeUnpublished: true }),
        listOpenRevisionsOfOrganisation(db, o.id),
        listCoHostRequests(deps, ids),
        organisationClashes(db, o.id, page.today),
      ]);
      // Requests this organisation asked and still waits for, with the names of those asked.
      const askedNames = new Map((await findOrganisationsByIds(db, requested.map((r) => r.data.coHostId))).map((x) => [x.id, x.name]));
      const activities: WorkspaceActivity[] = ids.flatMap((id) => {
        const a = details.get(id);
        if (!a) return [];
        const revision = revisions.find((r) => r.entity === 'activity' && r.entityId === id);
        const next = expandSchedule(a.schedule, page.today, addDays(page.today, 366)).find((x) => x.status !== 'cancelled');
        const asked = requested.filter((r) => r.entityId === id).map((r) => askedNames.get(r.data.coHostId) ?? '');
        const notes = revisions.filter((r) => r.entity === 'note' && r.entityId === id);
        return [{ activity: a, revision, nextDate: next?.localDate ?? null, asked, notes }];
      });
      const profileRevision = revisions.find((r) => r.entity === 'organisation');
      const asks = await coHostAsks(revisions.filter((r): r is CoHostRevision => r.entity === 'cohost' && r.status === 'requested'));
      return sendPage(
        reply,
        page,
        <OrganisationWorkspacePage
          organisation={o}
          activities={activities}
          asks={asks}
          profileRevision={profileRevision}
          csrf={reply.generateCsrf()}
          saved={request.query.sparad}
          freshness={{ staleBefore: freshnessCutoffs(now()).staleBefore, clashes }}
          slot={options.organisationSlot ? await options.organisationSlot(db, o) : null}
        />,
      );
    },
  );

  // --- the activity form -------------------------------------------------------------------------

  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: Organisation,
    state: {
      activity?: ActivityDetail;
      form: ActivityForm;
      errors?: Record<string, string>;
      preview?: ActivityDetail;
      clashes?: ClashNote[];
      /** Set when saving stopped to show the clashes: sent back, it confirms they were seen. */
      clashKey?: string;
      conflict?: Conflict;
      waiting?: boolean;
      status?: number;
    },
  ) => {
    const page = pageContext(request);
    const choices = await activityChoices(app, o.id);
    const a = state.activity;
    const asked = a ? await findOrganisationsByIds(db, (await listCoHostRequests(deps, [a.id])).map((r) => r.data.coHostId)) : [];
    const translations = a
      ? { rows: await translationRows(app, 'activity', a.id, [{ field: 'title', swedish: a.title }, { field: 'description', swedish: a.description }]), saved: /[?&]oversatt=1/.test(page.search) }
      : undefined;
    const preview = state.preview ? { activity: state.preview, ...activityDates(state.preview.schedule, page.today) } : undefined;
    return sendPage(
      reply,
      page,
      <ActivityFormPage
        organisation={o}
        activity={state.activity}
        form={state.form}
        errors={state.errors ?? {}}
        choices={choices}
        csrf={reply.generateCsrf()}
        preview={preview}
        clashes={state.clashes ?? []}
        clashKey={state.clashKey}
        conflict={state.conflict}
        waiting={state.waiting ?? false}
        coHostsAsked={asked.map((x) => x.name)}
        isAdmin={request.viewer!.isAdmin}
        direct={saveModeFor(request.viewer!, o, false) === 'direct'}
        translations={translations}
      />,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { org: string }; Querystring: { fran?: number } }>(
    '/hantera/:org/ny',
    { config: { access: 'editor' }, schema: { params: orgParams, querystring: { type: 'object', properties: { fran: { type: 'integer', minimum: 1, maximum: 999999999 } } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      let form = emptyActivityForm(page.today);
      if (request.query.fran !== undefined) {
        // Duplicate: the same activity as a new one, starting today or later.
        const source = await activityOf(o, request.query.fran);
        const open = await findOpenRevision(db, 'activity', source.id);
        form = activityFormOf(open?.entity === 'activity' ? open.data.input : source, o.id, '');
        if (form.startDate < page.today) form.startDate = page.today;
      }
      return formPage(request, reply, o, { form });
    },
  );

  const saveFromForm = async (request: FastifyRequest<{ Body: Body }>, reply: FastifyReply, o: Organisation, activity: ActivityDetail | undefined) => {
    const page = pageContext(request);
    const viewer = request.viewer!;
    const body = request.body ?? {};
    const action = typeof body.action === 'string' ? body.action : 'save';
    const read = readActivityForm(body, { hostId: o.id, status: 'published' });
    await checkReferences(app, read);
    if (!read.input) return formPage(request, reply, o, { activity, form: read.form, errors: read.errors, status: 400 });
    const input = read.input;
    const clashes = await clashesFor(app, input, activity?.id ?? null, page.today);
    if (action === 'preview') {
      // As the public will see it: a co-host shows once it has said yes.
      const mayActFor = saveModeFor(viewer, o, false) === 'direct' ? (id: number) => canEditOrganisation(viewer, id) : () => false;
      const { hostIds } = splitHosts(input.hostIds, activity?.hosts.map((h) => h.id) ?? [], mayActFor);
      const shown = { ...input, hostIds, ...(read.newPlace ? { placeId: null } : {}) };
      return formPage(request, reply, o, { activity, form: read.form, preview: await previewDetail(app, shown, activity?.id ?? 0), clashes });
    }
    // A clash is a warning, not an error: the form comes back once with it, and saving again saves.
    const clashKey = clashes.map((c) => c.id).join(',');
    if (clashes.length > 0 && body.clashesSeen !== clashKey) {
      return formPage(request, reply, o, { activity, form: read.form, clashes, clashKey });
    }
    const message = typeof body.message === 'string' ? body.message.trim().slice(0, MESSAGE_MAX) || null : null;
    const mode = saveModeFor(viewer, o, action === 'proposal');
    const result = await saveActivity(deps, {
      viewer,
      organisation: o,
      activityId: activity?.id ?? null,
      change: { input, newPlace: read.newPlace },
      version: read.form.version,
      mode,
      message,
      now: now(),
      today: page.today,
    });
    if (result.kind === 'conflict') {
      return formPage(request, reply, o, {
        activity,
        form: { ...read.form, version: result.version },
        conflict: await conflictOf(app, activityFacts(input), activityFacts(result.current)),
        status: 409,
      });
    }
    return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=${result.kind}`, 303);
  };

  app.post<{ Params: { org: string }; Body: Body }>(
    '/hantera/:org/ny',
    { config: { access: 'editor' }, schema: { params: orgParams, body: formBodySchema } },
    async (request, reply) => saveFromForm(request, reply, await organisationFor(request, request.params.org), undefined),
  );

  app.get<{ Params: { org: string; id: number } }>(
    '/hantera/:org/aktivitet/:id',
    { config: { access: 'editor' }, schema: { params: activityParams } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const a = await activityOf(o, request.params.id);
      const open = await findOpenRevision(db, 'activity', a.id);
      const source = open?.entity === 'activity' ? open.data.input : a;
      const form = activityFormOf(source, o.id, activityVersion(a, open));
      // A co-host that was asked and has not answered stays chosen: saving again keeps asking it.
      if (form.coHostId === '') form.coHostId = String((await listCoHostRequests(deps, [a.id]))[0]?.data.coHostId ?? '');
      return formPage(request, reply, o, { activity: a, form, waiting: open?.status === 'pending' });
    },
  );

  app.post<{ Params: { org: string; id: number }; Body: Body }>(
    '/hantera/:org/aktivitet/:id',
    { config: { access: 'editor' }, schema: { params: activityParams, body: formBodySchema } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      return saveFromForm(request, reply, o, await activityOf(o, request.params.id));
    },
  );

  // --- pause, cancel one date, delete ----------------------------------------------------------------

  const writeSchedule = async (request: FastifyRequest, a: ActivityDetail, schedule: ActivityDetail['schedule'], action: string, after: unknown, into: Db = db) => {
    const page = pageContext(request);
    await changeSchedule(into, a, schedule, { actor: request.viewer!.id, now: now(), today: page.today }, { action, after });
  };

  /**
   * A pause or a cancelled date: the schedule and the mails to those signed up for the dates it
   * takes away, in one transaction (the mails go once it commits).
   */
  const writeScheduleTelling = (request: FastifyRequest, a: ActivityDetail, schedule: ActivityDetail['schedule'], action: string, after: unknown) =>
    atomically(deps, async (d) => {
      await writeSchedule(request, a, schedule, action, after, d.db);
      await d.signups?.tell(d, { before: a, after: schedule, actorUserId: request.viewer!.id, now: now() });
    });

  /** People signed up per date from today on, for "3 signed up will get an e-mail". */
  const signupCounts = async (a: ActivityDetail): Promise<Record<string, number>> => Object.fromEntries((await deps.signups?.count(db, a.id, now())) ?? []);

  /**
   * After a pause or cancellation was saved or undone: its note goes to review when the saver
   * does not publish directly (`review`), and a note that waited for that date is closed otherwise.
   */
  const settleNote = (request: FastifyRequest, o: Organisation, a: ActivityDetail, kind: NoteKind, date: string, waiting: { toDate: string | null; note: string } | null) =>
    syncDateNote(deps, { viewer: request.viewer!, organisation: o, activity: a, kind, date, change: waiting ? { kind, date, ...waiting } : null, now: now() });

  /** The note the form shows for a date being changed: the one waiting for review, else the one shown. */
  const noteOf = async (a: ActivityDetail, kind: NoteKind, date: string): Promise<string> => {
    const waiting = (await listWaitingNotes(deps, [a.id])).find((r) => r.data.kind === kind && r.data.date === date);
    return waiting?.data.note ?? shownNote(a.schedule, kind, date) ?? '';
  };

  const datedPageProps = async (request: FastifyRequest, o: Organisation, a: ActivityDetail) => ({
    notes: await listWaitingNotes(deps, [a.id]),
    reviewed: saveModeFor(request.viewer!, o, false) !== 'direct',
    signupCounts: await signupCounts(a),
  });

  const dateQuery = { type: 'object', properties: { datum: { type: 'string', pattern: DATE_PATTERN } } } as const;

  const pausePage = async (request: FastifyRequest, reply: FastifyReply, o: Organisation, a: ActivityDetail, form = { fromDate: '', toDate: '', note: '' }, errors: Record<string, string> = {}, status = 200) =>
    sendPage(reply, pageContext(request), <PausePage organisation={o} activity={a} form={form} errors={errors} {...await datedPageProps(request, o, a)} csrf={reply.generateCsrf()} />, status);

  app.get<{ Params: { org: string; id: number }; Querystring: { datum?: string } }>(
    '/hantera/:org/aktivitet/:id/paus',
    { config: { access: 'editor' }, schema: { params: activityParams, querystring: dateQuery } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const a = await activityOf(o, request.params.id);
      // ?datum= opens an existing pause to change its message.
      const pause = a.schedule.pauses.find((p) => p.fromDate === request.query.datum);
      const form = pause ? { fromDate: pause.fromDate, toDate: pause.toDate, note: await noteOf(a, 'pause', pause.fromDate) } : undefined;
      return pausePage(request, reply, o, a, form);
    },
  );

  app.post<{ Params: { org: string; id: number }; Body: Body }>(
    '/hantera/:org/aktivitet/:id/paus',
    { config: { access: 'editor' }, schema: { params: activityParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      const a = await activityOf(o, request.params.id);
      const body = request.body ?? {};
      const str = (k: string) => trimmed(body, k);
      if (str('remove') !== '') {
        const pauses = a.schedule.pauses.filter((p) => p.fromDate !== str('remove'));
        await writeSchedule(request, a, { ...a.schedule, pauses }, 'activity.pauseRemoved', { fromDate: str('remove') });
        await settleNote(request, o, a, 'pause', str('remove'), null);
        return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=restored`, 303);
      }
      const form = { fromDate: str('fromDate'), toDate: str('toDate'), note: str('note') };
      const errors: Record<string, string> = {};
      if (!isIsoDate(form.fromDate)) errors.fromDate = form.fromDate === '' ? 'workspace.errors.dateRequired' : 'workspace.errors.dateInvalid';
      if (!isIsoDate(form.toDate)) errors.toDate = form.toDate === '' ? 'workspace.errors.dateRequired' : 'workspace.errors.dateInvalid';
      else if (isIsoDate(form.fromDate) && form.toDate < form.fromDate) errors.toDate = 'workspace.errors.pauseEndBeforeStart';
      if (form.note.length > PAUSE_NOTE_MAX) errors.note = 'workspace.errors.noteTooLong';
      if (Object.keys(errors).length > 0) return pausePage(request, reply, o, a, form, errors, 400);
      // The pause counts at once; its note is shown at once only from those who publish directly.
      const { note, review } = noteToStore(form.note, shownNote(a.schedule, 'pause', form.fromDate), saveModeFor(request.viewer!, o, false) === 'direct');
      const pauses = [...a.schedule.pauses.filter((p) => p.fromDate !== form.fromDate), { fromDate: form.fromDate, toDate: form.toDate, note }].sort((x, y) =>
        x.fromDate.localeCompare(y.fromDate),
      );
      await writeScheduleTelling(request, a, { ...a.schedule, pauses }, 'activity.paused', { ...form, noteWaiting: review });
      await settleNote(request, o, a, 'pause', form.fromDate, review ? { toDate: form.toDate, note: form.note } : null);
      return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=${review ? 'pausedNoteWaiting' : 'paused'}`, 303);
    },
  );

  const cancelPage = async (request: FastifyRequest, reply: FastifyReply, o: Organisation, a: ActivityDetail, form = { date: '', note: '' }, errors: Record<string, string> = {}, status = 200) => {
    const page = pageContext(request);
    const dates = expandSchedule(a.schedule, page.today, addDays(page.today, 120)).slice(0, 20);
    return sendPage(
      reply,
      page,
      <CancelDatePage organisation={o} activity={a} dates={dates} form={form} errors={errors} {...await datedPageProps(request, o, a)} csrf={reply.generateCsrf()} />,
      status,
    );
  };

  app.get<{ Params: { org: string; id: number }; Querystring: { datum?: string } }>(
    '/hantera/:org/aktivitet/:id/installt',
    { config: { access: 'editor' }, schema: { params: activityParams, querystring: dateQuery } },
    async (request, reply) => {
      const o = await organisationFor(request, request.params.org);
      const a = await activityOf(o, request.params.id);
      // ?datum= opens a cancelled date to change its message.
      const date = request.query.datum;
      const form = date !== undefined && shownNote(a.schedule, 'cancel', date) !== undefined ? { date, note: await noteOf(a, 'cancel', date) } : undefined;
      return cancelPage(request, reply, o, a, form);
    },
  );

  app.post<{ Params: { org: string; id: number }; Body: Body }>(
    '/hantera/:org/aktivitet/:id/installt',
    { config: { access: 'editor' }, schema: { params: activityParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      const a = await activityOf(o, request.params.id);
      const body = request.body ?? {};
      const str = (k: string) => trimmed(body, k);
      if (str('restore') !== '') {
        const changes = a.schedule.changes.filter((c) => !(c.kind === 'cancelled' && c.originalDate === str('restore')));
        await writeSchedule(request, a, { ...a.schedule, changes }, 'activity.dateRestored', { date: str('restore') });
        await settleNote(request, o, a, 'cancel', str('restore'), null);
        return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=restored`, 303);
      }
      const form = { date: str('date'), note: str('note') };
      const errors: Record<string, string> = {};
      const dates = expandSchedule(a.schedule, addDays(page.today, -1), addDays(page.today, 400));
      if (!isIsoDate(form.date)) errors.date = 'workspace.errors.dateRequired';
      else if (!dates.some((d) => d.originalDate === form.date)) errors.date = 'workspace.errors.notAMeetingDate';
      if (form.note.length > PAUSE_NOTE_MAX) errors.note = 'workspace.errors.noteTooLong';
      if (Object.keys(errors).length > 0) return cancelPage(request, reply, o, a, form, errors, 400);
      // The date is off at once; its note is shown at once only from those who publish directly.
      const { note, review } = noteToStore(form.note, shownNote(a.schedule, 'cancel', form.date), saveModeFor(request.viewer!, o, false) === 'direct');
      const changes = [
        ...a.schedule.changes.filter((c) => c.originalDate !== form.date),
        { originalDate: form.date, kind: 'cancelled' as const, newDate: null, newStartTime: null, newEndTime: null, note },
      ].sort((x, y) => x.originalDate.localeCompare(y.originalDate));
      await writeScheduleTelling(request, a, { ...a.schedule, changes }, 'activity.dateCancelled', { ...form, noteWaiting: review });
      await settleNote(request, o, a, 'cancel', form.date, review ? { toDate: null, note: form.note } : null);
      return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=${review ? 'cancelledNoteWaiting' : 'cancelled'}`, 303);
    },
  );

  app.get<{ Params: { org: string; id: number } }>('/hantera/:org/aktivitet/:id/ta-bort', { config: { access: 'editor' }, schema: { params: activityParams } }, async (request, reply) => {
    const o = await organisationFor(request, request.params.org);
    const a = await activityOf(o, request.params.id);
    const told = Object.values(await signupCounts(a)).reduce((sum, n) => sum + n, 0);
    return sendPage(reply, pageContext(request), <DeleteActivityPage organisation={o} activity={a} told={told} csrf={reply.generateCsrf()} />);
  });

  app.post<{ Params: { org: string; id: number } }>(
    '/hantera/:org/aktivitet/:id/ta-bort',
    { config: { access: 'editor' }, schema: { params: activityParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      const a = await activityOf(o, request.params.id);
      // Those signed up are told before the activity (and its sign-ups) go, in the same transaction.
      await atomically(deps, async (d) => {
        await d.signups?.tell(d, { before: a, after: null, actorUserId: request.viewer!.id, now: now() });
        await closeRevisionsOfActivity(d.db, a.id, now());
        await removeActivity(d.db, a.id, { actor: request.viewer!.id, now: now() }, { action: 'activity.deleted', before: { ...activityFacts(a), status: a.status } });
      });
      return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=deleted`, 303);
    },
  );

  // --- co-hosts: answering a request, stepping down -------------------------------------------------

  app.post<{ Params: { org: string; id: number }; Body: Body }>(
    '/hantera/:org/samarbete/:id',
    { config: { access: 'editor' }, schema: { params: activityParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      // The request's id; only the organisation asked answers it here.
      const r = await findRevision(db, request.params.id);
      if (!r || r.entity !== 'cohost' || r.organisationId !== o.id) throw notFound();
      const answer = trimmed(request.body ?? {}, 'answer');
      if (answer !== 'accept' && answer !== 'decline') throw new HttpError(400, 'errors.badRequest');
      const result = await answerCoHostRequest(deps, r, { accept: answer === 'accept', actor: request.viewer!.id, now: now(), today: page.today });
      const saved = result.kind === 'accepted' ? '?sparad=coHostAccepted' : result.kind === 'declined' ? '?sparad=coHostDeclined' : '';
      return reply.redirect(`${page.href(`/hantera/${o.slug}`)}${saved}`, 303);
    },
  );

  /** An activity the organisation co-hosts (not its own, which it cannot step down from), or 404. */
  const coHostedBy = async (o: Organisation, id: number): Promise<ActivityDetail> => {
    const a = await activityOf(o, id);
    if (a.hosts[0]?.id === o.id) throw notFound();
    return a;
  };

  app.get<{ Params: { org: string; id: number } }>('/hantera/:org/aktivitet/:id/lamna', { config: { access: 'editor' }, schema: { params: activityParams } }, async (request, reply) => {
    const o = await organisationFor(request, request.params.org);
    const a = await coHostedBy(o, request.params.id);
    return sendPage(reply, pageContext(request), <LeaveCoHostPage organisation={o} activity={a} csrf={reply.generateCsrf()} />);
  });

  app.post<{ Params: { org: string; id: number } }>(
    '/hantera/:org/aktivitet/:id/lamna',
    { config: { access: 'editor' }, schema: { params: activityParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      const a = await coHostedBy(o, request.params.id);
      await leaveAsCoHost(deps, a, o.id, { actor: request.viewer!.id, now: now(), today: page.today });
      return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=coHostLeft`, 303);
    },
  );

  // --- the profile ----------------------------------------------------------------------------------

  const profilePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: Organisation,
    form: ProfileForm,
    extra: { errors?: Record<string, string>; conflict?: Conflict; waiting?: boolean; status?: number } = {},
  ) => {
    const districts = await listDistricts(db);
    const page = pageContext(request);
    const translations = { rows: await translationRows(app, 'organisation', o.id, [{ field: 'description', swedish: o.description }]), saved: /[?&]oversatt=1/.test(page.search) };
    return sendPage(
      reply,
      page,
      <ProfileFormPage
        translations={translations}
        organisation={o}
        form={form}
        errors={extra.errors ?? {}}
        districts={districts}
        csrf={reply.generateCsrf()}
        conflict={extra.conflict}
        waiting={extra.waiting ?? false}
        isAdmin={request.viewer!.isAdmin}
        direct={saveModeFor(request.viewer!, o, false) === 'direct'}
      />,
      extra.status ?? 200,
    );
  };

  app.get<{ Params: { org: string } }>('/hantera/:org/profil', { config: { access: 'editor' }, schema: { params: orgParams } }, async (request, reply) => {
    const o = await organisationFor(request, request.params.org);
    const districts = await listDistricts(db);
    const open = await findOpenRevision(db, 'organisation', o.id);
    const idOf = (slug: string) => districts.find((d) => d.slug === slug)?.id;
    const form = profileFormOf(open?.entity === 'organisation' ? open.data : o, idOf);
    return profilePage(request, reply, o, { ...form, version: profileVersion(o, open) }, { waiting: open?.status === 'pending' });
  });

  app.post<{ Params: { org: string }; Body: Body }>(
    '/hantera/:org/profil',
    { config: { access: 'editor' }, schema: { params: orgParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const o = await organisationFor(request, request.params.org);
      const body = request.body ?? {};
      const { form, errors, profile } = readProfileForm(body);
      if (profile) {
        for (const id of profile.districtIds) if (!(await districtIdExists(db, id))) errors.districtIds = 'workspace.errors.choiceInvalid';
      }
      if (!profile || Object.keys(errors).length > 0) return profilePage(request, reply, o, form, { errors, status: 400 });
      const message = typeof body.message === 'string' ? body.message.trim().slice(0, MESSAGE_MAX) || null : null;
      const mode = saveModeFor(request.viewer!, o, body.action === 'proposal');
      const result = await saveProfile(deps, { viewer: request.viewer!, organisation: o, profile, version: form.version, mode, message, now: now() });
      if (result.kind === 'conflict') {
        const districts = await listDistricts(db);
        const conflict = await conflictOf(app, profileFacts(profile, districts), profileFacts(result.current, districts), districts);
        return profilePage(request, reply, o, { ...form, version: result.version }, { conflict, status: 409 });
      }
      return reply.redirect(`${page.href(`/hantera/${o.slug}`)}?sparad=${result.kind}`, 303);
    },
  );
}
