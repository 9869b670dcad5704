/**
 * Events with sign-up, the routes: the public form of a date (/anmalan/<activity>/<date>) and the
 * cancel link (/anmalan/avboka/<token>) in every language, and the organiser's pages in the
 * workspace (/hantera/<org>/aktivitet/<id>/anmalan/...), for the editors of a hosting organisation
 * and the coordinator. Everything that changes a sign-up is audited without personal data.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, notFound } from '../../web/errors.js';
import { field, formBodySchema, type FormBody } from '../../web/form.js';
import { positiveId } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { addDays, isIsoDate } from '../../web/time.js';
import { canEditOrganisation, hitRateLimit } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { findActivity, localiseActivity, type ActivityDetail, type ExpandedOccurrence } from '../calendar/index.js';
import { findAnyOrganisation, type Organisation } from '../organisations/index.js';
import { occurrenceOn, occurrencesBetween } from './events.dates.js';
import {
  AttendeesPage,
  AttendeesPrintPage,
  CancelledPage,
  CancelLinkInvalidPage,
  CancelPage,
  CheckInPage,
  OrganiserOverviewPage,
  SettingsPage,
  SignupClosedPage,
  SignupDonePage,
  SignupFormPage,
  organiserBase,
  questionColumns,
  type DateRow,
} from './events.page.js';
import { notifySignup, occurrenceOf, type EventDeps } from './events.service.js';
import { cancelByToken, deleteSettings, saveSettings, setCheckedIn, signUp } from './events.commands.js';
import { attendeeSecret, findSettings, listSignups } from './events.queries.js';
import { countSignups, findByToken, listAttendance, listSettings, type Signup } from './events.store.js';
import { signupPath } from './events.slot.js';
import {
  attendanceOverTime,
  attendeeKey,
  availability,
  emptySignupForm,
  readSettingsForm,
  readSignupForm,
  settingsForDate,
  settingsFormOf,
  toCsv,
  type SignupForm,
  type SignupSettings,
} from './signup.js';

/** Sign-ups one address may send per hour (a whole class signing up from the school's network passes). */
export const SIGNUPS_PER_HOUR = 60;
/** How far ahead the organiser's list of dates reaches, and how many it shows. */
const DATES_AHEAD = 400;
const DATES_SHOWN = 24;

const publicParams = { type: 'object', required: ['id', 'date'], properties: { id: positiveId, date: { type: 'string', maxLength: 20 } } } as const;
const tokenParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 100 } } } as const;
const orgProperties = { org: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' }, id: positiveId } as const;
const activityParams = { type: 'object', required: ['org', 'id'], properties: orgProperties } as const;
// The date is checked in the handler, after the organisation: an editor of another organisation learns nothing from a 400.
const dateParams = { type: 'object', required: ['org', 'id', 'date'], properties: { ...orgProperties, date: { type: 'string', maxLength: 20 } } } as const;

type PublicParams = { id: number; date: string };
type OrgParams = { org: string; id: number };
type DateParams = OrgParams & { date: string };

export async function eventsRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;
  const deps: EventDeps = { db, mailer: app.deps.mailer, publicUrl: config.publicUrl, retentionDays: config.signupRetentionDays };
  let secret: Promise<string> | undefined;
  const keyOf = async (activityId: number, email: string) => attendeeKey(await (secret ??= attendeeSecret(db)), activityId, email);
  const audit = (request: FastifyRequest, action: string, entity: string, entityId: number | null, after: Record<string, unknown>) =>
    recordAudit(db, { actorUserId: request.viewer?.id ?? null, action, entity, entityId, after }, now());

  // --- the public form -----------------------------------------------------------------------------

  /** The published activity and the occurrence of a date, or 404. */
  const publicEvent = async (params: PublicParams, lang: string) => {
    if (!isIsoDate(params.date)) throw notFound();
    const activity = await findActivity(db, params.id);
    const occurrence = activity ? occurrenceOn(activity.schedule, params.date) : undefined;
    if (!activity || !occurrence) throw notFound();
    const texts = await localiseActivity(db, activity, lang);
    const settings = activity.registration === 'signup' ? await findSettings(db, activity.id, params.date) : undefined;
    const counts = (await countSignups(db, activity.id, [params.date])).get(params.date)!;
    const open = settings ? availability(settings, occurrence, counts, now()) : undefined;
    return { activity, occurrence, title: texts.title.text, settings, open };
  };

  const formPage = async (
    request: FastifyRequest<{ Params: PublicParams }>,
    reply: FastifyReply,
    form: SignupForm,
    state: { errors?: Record<string, string>; notice?: string; status?: number } = {},
  ) => {
    const page = pageContext(request);
    const e = await publicEvent(request.params, page.lang.code);
    reply.header('cache-control', 'no-store');
    if (!e.settings || !e.open) return sendPage(reply, page, <SignupClosedPage activity={e.activity} title={e.title} occurrence={e.occurrence} reason="notOpen" />);
    if (e.open.state === 'closed') return sendPage(reply, page, <SignupClosedPage activity={e.activity} title={e.title} occurrence={e.occurrence} reason={e.open.reason} />);
    return sendPage(
      reply,
      page,
      <SignupFormPage
        activity={e.activity}
        title={e.title}
        occurrence={e.occurrence}
        settings={e.settings}
        availability={e.open}
        form={form}
        errors={state.errors ?? {}}
        notice={state.notice}
        csrf={reply.generateCsrf()}
        retentionDays={config.signupRetentionDays}
      />,
      state.status ?? 200,
    );
  };

  app.get<{ Params: PublicParams }>('/anmalan/:id/:date', { config: { access: 'public' }, schema: { params: publicParams } }, (request, reply) =>
    formPage(request, reply, emptySignupForm()),
  );

  app.post<{ Params: PublicParams; Body: FormBody }>(
    '/anmalan/:id/:date',
    { config: { access: 'public' }, schema: { params: publicParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const e = await publicEvent(request.params, page.lang.code);
      reply.header('cache-control', 'no-store');
      // Past, after the deadline, cancelled or not open: said in the reader's language, nothing stored.
      if (!e.settings || !e.open || e.open.state === 'closed') {
        const reason = e.open?.state === 'closed' ? e.open.reason : 'notOpen';
        return sendPage(reply, page, <SignupClosedPage activity={e.activity} title={e.title} occurrence={e.occurrence} reason={reason} />, 409);
      }
      const { form, errors, input, spam } = readSignupForm(request.body ?? {}, e.settings.questions);
      if (!input) return formPage(request, reply, form, { errors, status: 400 });
      const at = now();
      const limit = await hitRateLimit(db, `event-signup:${request.ip}`, at, 3600, SIGNUPS_PER_HOUR);
      if (!limit.allowed) return formPage(request, reply, form, { notice: 'events.signup.errors.tooMany', status: 429 });
      const done = (full: boolean) => reply.redirect(`${page.href(`${signupPath(e.activity.id, e.occurrence.originalDate)}/klart`)}${full ? '?fullt=1' : ''}`, 303);
      // A robot filled the hidden field: the same answer as anyone gets, and nothing is stored.
      if (spam) return done(e.open.state === 'waitlist');
      const result = await signUp(db, { activityId: e.activity.id, date: e.occurrence.originalDate, input, language: page.lang.code, attendeeKey: await keyOf(e.activity.id, input.email) }, at);
      if (result.kind === 'closed') return sendPage(reply, page, <SignupClosedPage activity={e.activity} title={e.title} occurrence={e.occurrence} reason="notOpen" />, 409);
      const { signup } = result;
      if (result.kind === 'created') {
        await audit(request, 'signup.created', 'signup', signup.id, { activityId: e.activity.id, date: signup.date, status: signup.status });
        await notifySignup(deps, signup.status === 'waiting' ? 'waiting' : 'confirmed', signup, { activity: e.activity, token: result.token, position: result.position, now: at });
        return done(signup.status === 'waiting');
      }
      // Already on the list: the details go to that address, never onto this page.
      await audit(request, 'signup.repeated', 'signup', signup.id, { activityId: e.activity.id, date: signup.date });
      await notifySignup(deps, 'already', signup, { activity: e.activity, token: result.token, position: result.position, now: at });
      return done(e.open.state === 'waitlist');
    },
  );

  app.get<{ Params: PublicParams; Querystring: { fullt?: string } }>(
    '/anmalan/:id/:date/klart',
    { config: { access: 'public' }, schema: { params: publicParams, querystring: { type: 'object', properties: { fullt: { type: 'string', enum: ['1'] } } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const e = await publicEvent(request.params, page.lang.code);
      return sendPage(reply, page, <SignupDonePage activity={e.activity} title={e.title} occurrence={e.occurrence} full={request.query.fullt === '1'} />);
    },
  );

  // --- cancelling by link --------------------------------------------------------------------------

  /** The sign-up of a link and its event, or the "link no longer works" page. */
  const linked = async (token: string, lang: string): Promise<{ signup: Signup; activity: ActivityDetail; occurrence: ExpandedOccurrence; title: string } | undefined> => {
    const signup = await findByToken(db, token);
    const activity = signup ? await findActivity(db, signup.activityId, { includeUnpublished: true }) : undefined;
    if (!signup || !activity) return undefined;
    return { signup, activity, occurrence: occurrenceOf(activity, signup.date), title: (await localiseActivity(db, activity, lang)).title.text };
  };

  app.get<{ Params: { token: string } }>('/anmalan/avboka/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const page = pageContext(request);
    reply.header('cache-control', 'no-store');
    const found = await linked(request.params.token, page.lang.code);
    if (!found) return sendPage(reply, page, <CancelLinkInvalidPage />, 404);
    return sendPage(reply, page, <CancelPage title={found.title} occurrence={found.occurrence} signup={found.signup} csrf={reply.generateCsrf()} />);
  });

  app.post<{ Params: { token: string } }>('/anmalan/avboka/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    const page = pageContext(request);
    reply.header('cache-control', 'no-store');
    const found = await linked(request.params.token, page.lang.code);
    const at = now();
    const result = found ? await cancelByToken(db, request.params.token, at) : undefined;
    if (!found || !result) return sendPage(reply, page, <CancelLinkInvalidPage />, 404);
    await audit(request, 'signup.cancelled', 'signup', result.cancelled.id, { activityId: found.activity.id, date: result.cancelled.date, was: found.signup.status });
    for (const p of result.promoted) {
      await recordAudit(db, { actorUserId: null, action: 'signup.promoted', entity: 'signup', entityId: p.id, after: { activityId: p.activityId, date: p.date } }, at);
      await notifySignup(deps, 'promoted', p, { activity: found.activity, now: at });
    }
    return sendPage(reply, page, <CancelledPage title={found.title} wasWaiting={found.signup.status === 'waiting'} activity={found.activity} />);
  });

  // --- the organiser's pages -----------------------------------------------------------------------

  /** The organisation of the URL when the viewer edits it, and its activity (any status); 403 or 404 otherwise. */
  const organiserActivity = async (request: FastifyRequest, params: OrgParams): Promise<{ o: Organisation; a: ActivityDetail }> => {
    const o = await findAnyOrganisation(db, { slug: params.org });
    if (!o) throw notFound();
    if (!canEditOrganisation(request.viewer, o.id)) throw new HttpError(403, 'errors.forbidden');
    const a = await findActivity(db, params.id, { includeUnpublished: true });
    if (!a || !a.hosts.some((h) => h.id === o.id)) throw notFound();
    return { o, a };
  };

  /** …and a date of it: one the schedule gives, or one that has sign-ups; 404 otherwise. */
  const organiserDate = async (request: FastifyRequest, params: DateParams) => {
    const { o, a } = await organiserActivity(request, params);
    if (!isIsoDate(params.date)) throw notFound();
    const [settings, signups] = await Promise.all([findSettings(db, a.id, params.date), listSignups(db, a.id, params.date)]);
    if (!occurrenceOn(a.schedule, params.date) && signups.length === 0 && !settings) throw notFound();
    return { o, a, occurrence: occurrenceOf(a, params.date), settings, signups };
  };

  app.get<{ Params: OrgParams; Querystring: { sparad?: string } }>(
    '/hantera/:org/aktivitet/:id/anmalan',
    { config: { access: 'editor' }, schema: { params: activityParams, querystring: { type: 'object', properties: { sparad: { type: 'string', enum: ['on', 'off'] } } } } },
    async (request, reply) => {
      const page = pageContext(request);
      const { o, a } = await organiserActivity(request, request.params);
      const occurrences = occurrencesBetween(a.schedule, page.today, addDays(page.today, DATES_AHEAD)).slice(0, DATES_SHOWN);
      const dates = occurrences.map((x) => x.originalDate);
      const [settings, counts, attendance] = await Promise.all([listSettings(db, a.id, page.today), countSignups(db, a.id, dates), listAttendance(db, a.id)]);
      const rows: DateRow[] = occurrences.map((occurrence) => ({
        occurrence,
        settings: settings.find((s) => s.date === occurrence.originalDate),
        ...counts.get(occurrence.originalDate)!,
      }));
      return sendPage(reply, page, <OrganiserOverviewPage orgSlug={o.slug} orgName={o.name} activity={a} dates={rows} attendance={attendanceOverTime(attendance)} saved={request.query.sparad} />);
    },
  );

  /** The dates after this one that settings can be copied to (not cancelled). */
  const laterDates = (a: ActivityDetail, date: string) =>
    occurrencesBetween(a.schedule, addDays(date, 1), addDays(date, DATES_AHEAD)).filter((x) => x.status !== 'cancelled' && x.originalDate > date);

  app.get<{ Params: DateParams }>('/hantera/:org/aktivitet/:id/anmalan/:date/installningar', { config: { access: 'editor' }, schema: { params: dateParams } }, async (request, reply) => {
    const { o, a, occurrence, settings } = await organiserDate(request, request.params);
    return sendPage(
      reply,
      pageContext(request),
      <SettingsPage orgSlug={o.slug} activity={a} occurrence={occurrence} form={settingsFormOf(settings)} errors={{}} csrf={reply.generateCsrf()} laterDates={laterDates(a, occurrence.originalDate).length} />,
    );
  });

  app.post<{ Params: DateParams; Body: FormBody }>(
    '/hantera/:org/aktivitet/:id/anmalan/:date/installningar',
    { config: { access: 'editor' }, schema: { params: dateParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const { o, a, occurrence } = await organiserDate(request, request.params);
      const { form, errors, settings } = readSettingsForm(request.body ?? {}, { activityId: a.id, date: occurrence.originalDate, startsAt: occurrence.startsAt });
      const later = form.applyToLater ? laterDates(a, occurrence.originalDate) : [];
      if (Object.keys(errors).length > 0) {
        return sendPage(reply, page, <SettingsPage orgSlug={o.slug} activity={a} occurrence={occurrence} form={form} errors={errors} csrf={reply.generateCsrf()} laterDates={laterDates(a, occurrence.originalDate).length} />, 400);
      }
      const at = now();
      const all: SignupSettings[] | string[] = settings ? [settings, ...later.map((x) => settingsForDate(settings, x.originalDate))] : [occurrence.originalDate, ...later.map((x) => x.originalDate)];
      const promoted: Signup[] = [];
      for (const item of all) {
        if (typeof item === 'string') await deleteSettings(db, a.id, item);
        else promoted.push(...(await saveSettings(db, item, at)));
      }
      await audit(request, settings ? 'event.signupOpened' : 'event.signupClosed', 'activity', a.id, {
        date: occurrence.originalDate,
        ...(settings ? { capacity: settings.capacity, deadline: settings.deadlineDate ? `${settings.deadlineDate} ${settings.deadlineTime}` : null, questions: settings.questions } : {}),
        laterDates: later.length,
      });
      for (const p of promoted) {
        await recordAudit(db, { actorUserId: request.viewer!.id, action: 'signup.promoted', entity: 'signup', entityId: p.id, after: { activityId: a.id, date: p.date } }, at);
        await notifySignup(deps, 'promoted', p, { activity: a, now: at });
      }
      return reply.redirect(`${page.href(organiserBase(o.slug, a.id))}?sparad=${settings ? 'on' : 'off'}`, 303);
    },
  );

  app.get<{ Params: DateParams }>('/hantera/:org/aktivitet/:id/anmalan/:date', { config: { access: 'editor' }, schema: { params: dateParams } }, async (request, reply) => {
    const { o, a, occurrence, settings, signups } = await organiserDate(request, request.params);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, pageContext(request), <AttendeesPage orgSlug={o.slug} activity={a} occurrence={occurrence} settings={settings} signups={signups} />);
  });

  app.get<{ Params: DateParams }>('/hantera/:org/aktivitet/:id/anmalan/:date/utskrift', { config: { access: 'editor' }, schema: { params: dateParams } }, async (request, reply) => {
    const { o, a, occurrence, settings, signups } = await organiserDate(request, request.params);
    reply.header('cache-control', 'no-store');
    await audit(request, 'signup.listPrinted', 'activity', a.id, { date: occurrence.originalDate });
    return sendPage(reply, pageContext(request), <AttendeesPrintPage orgSlug={o.slug} activity={a} occurrence={occurrence} settings={settings} signups={signups} />);
  });

  app.get<{ Params: DateParams }>('/hantera/:org/aktivitet/:id/anmalan/:date/deltagare.csv', { config: { access: 'editor' }, schema: { params: dateParams } }, async (request, reply) => {
    const page = pageContext(request);
    const t = page.t as unknown as (key: string) => string;
    const { a, occurrence, settings, signups } = await organiserDate(request, request.params);
    const questions = questionColumns(settings, signups);
    const header = ['status', 'name', 'email', 'phone', ...questions, 'signedUpAt', 'arrived'].map((k) =>
      (questions as string[]).includes(k) ? t(`events.signup.fields.${k}`) : t(`events.csv.${k}`),
    );
    const rows = signups
      .filter((s) => s.status !== 'cancelled')
      .map((s) => [t(`events.status.${s.status}`), s.name, s.email, s.phone, ...questions.map((q) => s[q]), s.createdAt, s.checkedInAt ? t('events.attendees.arrivedYes') : '']);
    await audit(request, 'signup.listExported', 'activity', a.id, { date: occurrence.originalDate, rows: rows.length });
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="anmalda-${a.id}-${occurrence.originalDate}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(toCsv([header, ...rows]));
  });

  app.get<{ Params: DateParams }>('/hantera/:org/aktivitet/:id/anmalan/:date/incheckning', { config: { access: 'editor' }, schema: { params: dateParams } }, async (request, reply) => {
    const { o, a, occurrence, settings, signups } = await organiserDate(request, request.params);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, pageContext(request), <CheckInPage orgSlug={o.slug} activity={a} occurrence={occurrence} signups={signups} csrf={reply.generateCsrf()} capacity={settings?.capacity ?? null} />);
  });

  app.post<{ Params: DateParams; Body: FormBody }>(
    '/hantera/:org/aktivitet/:id/anmalan/:date/incheckning',
    { config: { access: 'editor' }, schema: { params: dateParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const { o, a, occurrence } = await organiserDate(request, request.params);
      const id = field(request.body ?? {}, 'signupId');
      const arrived = field(request.body ?? {}, 'arrived') !== 'false';
      if (!/^\d{1,9}$/.test(id)) throw notFound();
      const changed = await setCheckedIn(db, { activityId: a.id, date: occurrence.originalDate, signupId: Number(id), arrived }, now());
      if (!changed) throw notFound();
      await audit(request, arrived ? 'signup.checkedIn' : 'signup.checkInUndone', 'signup', Number(id), { activityId: a.id, date: occurrence.originalDate });
      return reply.redirect(`${page.href(`${organiserBase(o.slug, a.id)}/${occurrence.originalDate}/incheckning`)}#s-${id}`, 303);
    },
  );
}
