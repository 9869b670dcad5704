/**
 * Suggestions for a föreningslots case, referrals to an activity's organisation by e-mail, and the
 * single-use link the organisation answers by. The mail holds no personal data, only that link: the
 * organisation sees what the person agreed to share on the page behind it, which stops working when
 * the link expires or the case is erased (an inbox keeps what it is sent for ever). Every page that
 * shows the case is audited; audit entries and the guide's notice carry no personal data.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../../i18n/index.js';
import { HttpError, notFound } from '../../web/errors.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { addDays } from '../../web/time.js';
import { findUserById, hashSecret, newSecret } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { expandSchedule, findActivities, findActivity, listActivitySummaries, localiseTitles, type ActivityDetail } from '../calendar/index.js';
import { caseSubject } from '../mail/index.js';
import { listOrganisations } from '../organisations/index.js';
import { listDistricts, type District } from '../places/index.js';
import type { GuideCase } from './case.js';
import { listFlagValues } from './association.store.js';
import { findCase } from './case.store.js';
import { rankOrganisations, rankSuggestions, type Candidate, type OrganisationCandidate } from './ranking.js';
import { AnswerPage, SuggestionsPage, type AnswerState, type CaseNeedsView, type SharedPerson } from './referral.page.js';
import { answerReferral, referCase } from './referral.commands.js';
import { findReferralByToken, listReferralsOfCase, listWishCategoriesOfCase, type Referral } from './referral.store.js';
import { insertWish } from './wish.commands.js';

/** A referral link works this long. */
export const REFERRAL_DAYS = 30;
/** How far ahead an activity's dates count for "the person is free then". */
const CANDIDATE_DAYS = 56;
const TOP_ACTIVITIES = 10;
const TOP_ORGANISATIONS = 5;
const MESSAGE_MAX = 500;

const tokenParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' } } } as const;
const referBody = { type: 'object', required: ['activityId'], properties: { activityId: { type: 'integer', minimum: 1, maximum: 999999999 } } } as const;
const answerBody = { type: 'object', properties: { answer: { type: 'string', maxLength: 20 }, message: { type: 'string', maxLength: 5000 } } } as const;
const sentQuery = { type: 'object', properties: { skickad: { type: 'integer', minimum: 1, maximum: 999999999 } } } as const;

/** Where a referral to this activity is mailed: its contact address, else its main organiser's. */
export function referralRecipient(a: Pick<ActivityDetail, 'contactEmail' | 'hosts'>): string | null {
  return a.contactEmail ?? a.hosts[0]?.email ?? null;
}

/** Published activities with something coming, as ranking reads them. */
async function loadCandidates(db: FastifyInstance['deps']['db'], today: string, districts: District[]): Promise<Candidate[]> {
  const summaries = await listActivitySummaries(db, { from: today });
  const details = await findActivities(db, summaries.map((s) => s.id));
  const bySlug = new Map(districts.map((d) => [d.slug, d]));
  const until = addDays(today, CANDIDATE_DAYS - 1);
  const out: Candidate[] = [];
  for (const a of details.values()) {
    if (a.status !== 'published') continue;
    const district = a.place?.district ? bySlug.get(a.place.district.slug) : undefined;
    out.push({
      id: a.id,
      slug: a.slug,
      title: a.title,
      category: a.category,
      audience: a.audience,
      ageGroups: a.ageGroups,
      gender: a.gender,
      isFree: a.isFree,
      languages: a.languages,
      place: a.place ? { districtId: district?.id ?? null, districtName: district?.name ?? null, latitude: a.place.latitude, longitude: a.place.longitude } : null,
      hosts: a.hosts.map((h) => ({ id: h.id, slug: h.slug, name: h.name, email: h.email })),
      occurrences: expandSchedule(a.schedule, today, until)
        .filter((o) => o.status !== 'cancelled')
        .map((o) => ({ date: o.localDate, startTime: o.startTime })),
    });
  }
  return out;
}

/** What the person agreed to share with an organisation, or null once erased. */
function sharedPerson(c: GuideCase): SharedPerson | null {
  if (c.erasedAt !== null || c.firstName === null) return null;
  return { firstName: c.firstName, phone: c.phone, email: c.email, contactLanguage: c.contactLanguage, ageGroup: c.ageGroup, reference: c.reference };
}

export async function referralRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.deps;
  const sv = translator('sv');

  const caseOr404 = async (id: number) => {
    const c = await findCase(db, id);
    if (!c) throw notFound();
    return c;
  };

  const suggestionsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    c: GuideCase,
    state: { errors?: Record<string, string>; sentTo?: string | null; status?: number } = {},
  ) => {
    const page = pageContext(request);
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'case.read', entity: 'case', entityId: c.id, after: { page: 'suggestions' } }, now());
    const [districts, organisations, referrals, flags] = await Promise.all([listDistricts(db), listOrganisations(db), listReferralsOfCase(db, c.id), listFlagValues(db)]);
    const centres = new Map(districts.map((d) => [d.id, { latitude: d.latitude, longitude: d.longitude }]));
    // What the guides know of the main organiser ranks with the rest (ranking.ts, flagScore).
    const candidates = (await loadCandidates(db, page.today, districts)).map((a) => ({ ...a, flags: a.hosts[0] ? flags.get(a.hosts[0].id) : undefined }));
    const top = rankSuggestions(c, candidates, { today: page.today, districtCentres: centres }).slice(0, TOP_ACTIVITIES);
    const shown = await localiseTitles(db, top.map((s) => ({ ...s, title: s.activity.title })), page.lang.code, (s) => s.activity.id);
    const bySlug = new Map(districts.map((d) => [d.slug, d]));
    const orgCandidates: OrganisationCandidate[] = organisations.map((o) => ({
      id: o.id,
      slug: o.slug,
      name: o.name,
      categories: o.categories,
      flags: flags.get(o.id),
      districts: o.districts.flatMap((d) => {
        const found = bySlug.get(d.slug);
        return found ? [{ id: found.id, name: found.name }] : [];
      }),
    }));
    const view: CaseNeedsView = {
      id: c.id,
      reference: c.reference,
      interests: c.interests,
      ageGroup: c.ageGroup,
      districtName: districts.find((d) => d.id === c.districtId)?.name ?? null,
      contactLanguage: c.contactLanguage,
      freeDays: c.freeDays,
      freeTimes: c.freeTimes,
      erased: sharedPerson(c) === null,
    };
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      page,
      <SuggestionsPage
        c={view}
        suggestions={shown}
        organisations={rankOrganisations(c, orgCandidates).slice(0, TOP_ORGANISATIONS)}
        referrals={referrals}
        errors={state.errors ?? {}}
        sentTo={state.sentTo ?? null}
        csrf={reply.generateCsrf()}
      />,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { id: number }; Querystring: { skickad?: number } }>(
    '/lots/arende/:id/forslag',
    { config: { access: 'guide' }, schema: { params: idParams, querystring: sentQuery } },
    async (request, reply) => {
      const c = await caseOr404(request.params.id);
      let sentTo: string | null = null;
      if (request.query.skickad !== undefined) {
        const sent = (await listReferralsOfCase(db, c.id)).find((r) => r.id === request.query.skickad);
        const activity = sent?.activityId ? await findActivity(db, sent.activityId, { includeUnpublished: true }) : undefined;
        sentTo = activity ? referralRecipient(activity) : null;
      }
      return suggestionsPage(request, reply, c, { sentTo });
    },
  );

  app.post<{ Params: { id: number }; Body: { activityId: number } }>(
    '/lots/arende/:id/hanvisa',
    { config: { access: 'guide' }, schema: { params: idParams, body: referBody } },
    async (request, reply) => {
      const page = pageContext(request);
      const c = await caseOr404(request.params.id);
      const activityId = request.body.activityId;
      const refuse = (key: string, status: number) => suggestionsPage(request, reply, c, { errors: { [String(activityId)]: key }, status });
      const person = sharedPerson(c);
      if (!person) return refuse('guide.referral.errors.erased', 409);
      const activity = await findActivity(db, activityId);
      if (!activity || activity.status !== 'published') return refuse('guide.referral.errors.unknownActivity', 404);
      if ((await listReferralsOfCase(db, c.id)).some((r) => r.activityId === activityId && r.status === 'sent')) return refuse('guide.referral.errors.alreadySent', 409);
      const to = referralRecipient(activity);
      if (!to) return refuse('guide.referral.errors.noContact', 422);

      const at = now();
      const { secret, hash } = newSecret();
      const referralId = await referCase(
        db,
        c,
        {
          caseId: c.id,
          activityId,
          organisationId: activity.hosts[0]?.id ?? null,
          tokenHash: hash,
          tokenExpiresAt: new Date(at.getTime() + REFERRAL_DAYS * 864e5).toISOString(),
          createdBy: request.viewer!.id,
        },
        at,
      );
      // Only the link: who the person is and how to reach them stay behind it, for the link's lifetime.
      await app.deps.mailer.send({
        to,
        subject: sv('guide.referral.mail.subject', { activity: activity.title, reference: person.reference }),
        text: sv('guide.referral.mail.body', {
          activity: activity.title,
          reference: person.reference,
          link: `${config.publicUrl}/svar/${secret}`,
          days: String(REFERRAL_DAYS),
        }),
        purpose: 'referral',
        subjectRef: caseSubject(c.id),
      });
      await recordAudit(db, { actorUserId: request.viewer!.id, action: 'case.referred', entity: 'case', entityId: c.id, after: { referralId, activityId, status: 'referred' } }, at);
      return reply.redirect(`${page.href(`/lots/arende/${c.id}/forslag`)}?skickad=${referralId}`, 303);
    },
  );

  app.post<{ Params: { id: number } }>('/lots/arende/:id/onskemal', { config: { access: 'guide' }, schema: { params: idParams } }, async (request, reply) => {
    const page = pageContext(request);
    const c = await caseOr404(request.params.id);
    const at = now();
    const saved = new Set(await listWishCategoriesOfCase(db, c.id));
    // One wish per interest; the free text stays out: it may say who the person is.
    const categories: (string | null)[] = c.interests.length > 0 ? c.interests : [null];
    const wishIds: number[] = [];
    for (const category of categories) {
      if (saved.has(category)) continue;
      wishIds.push(await insertWish(db, { category, text: null, ageGroup: c.ageGroup, districtId: c.districtId, source: 'case', caseId: c.id }, at));
    }
    await recordAudit(db, { actorUserId: request.viewer!.id, action: 'case.wishesSaved', entity: 'case', entityId: c.id, after: { wishIds } }, at);
    return reply.redirect(page.href(`/lots/arende/${c.id}`), 303);
  });

  // --- the organisation's answer ------------------------------------------------------------------

  /** The referral behind a link and its case, or 404 once the link has expired or the case was erased. */
  const referralOr404 = async (token: string): Promise<{ r: Referral; c: GuideCase; person: SharedPerson }> => {
    const r = await findReferralByToken(db, hashSecret(token), now());
    const c = r ? await findCase(db, r.caseId) : undefined;
    const person = c ? sharedPerson(c) : null;
    if (!r || !c || !person) throw new HttpError(404, 'errors.linkExpired');
    return { r, c, person };
  };

  /** Draws the organisation's page; every drawing that shows the person is audited. */
  const answerPage = async (request: FastifyRequest, reply: FastifyReply, token: string, r: Referral, state: AnswerState, status = 200) => {
    if (state.kind === 'form' || (state.kind === 'thanks' && state.person)) {
      await recordAudit(db, { actorUserId: request.viewer?.id ?? null, action: 'case.read', entity: 'case', entityId: r.caseId, after: { page: 'answer', referralId: r.id } }, now());
    }
    return sendPage(reply, pageContext(request), <AnswerPage token={token} activityTitle={r.activityTitle ?? ''} state={state} csrf={state.kind === 'form' ? reply.generateCsrf() : ''} />, status);
  };

  app.get<{ Params: { token: string } }>('/svar/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const { r, person } = await referralOr404(request.params.token);
    if (r.status !== 'sent') return answerPage(request, reply, request.params.token, r, { kind: 'answered', answer: r.status });
    return answerPage(request, reply, request.params.token, r, { kind: 'form', person, message: '', errors: {} });
  });

  app.post<{ Params: { token: string }; Body: { answer?: string; message?: string } }>(
    '/svar/:token',
    { config: { access: 'public' }, schema: { params: tokenParams, body: answerBody } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const token = request.params.token;
      const { r, c, person } = await referralOr404(token);
      if (r.status !== 'sent') return answerPage(request, reply, token, r, { kind: 'answered', answer: r.status });
      const message = (request.body?.message ?? '').trim();
      const answer = request.body?.answer;
      const errors: Record<string, string> = {};
      if (answer !== 'welcome' && answer !== 'decline') errors.answer = 'guide.answer.errors.answer';
      if ([...message].length > MESSAGE_MAX) errors.message = 'guide.answer.errors.message';
      if (Object.keys(errors).length > 0) return answerPage(request, reply, token, r, { kind: 'form', person, message, errors }, 400);

      const at = now();
      const status = answer === 'welcome' ? 'welcomed' : 'declined';
      if (!(await answerReferral(db, r.id, { status, message: message === '' ? null : message }, at))) {
        const current = await findReferralByToken(db, hashSecret(token), at);
        return answerPage(request, reply, token, r, { kind: 'answered', answer: current?.status ?? status });
      }
      const guide = c.assignedTo === null ? undefined : await findUserById(db, c.assignedTo);
      await app.deps.mailer.send({
        to: guide?.active ? guide.email : config.adminEmail,
        subject: sv('guide.answer.mail.subject', { reference: c.reference }),
        text: sv('guide.answer.mail.body', {
          activity: r.activityTitle ?? '',
          reference: c.reference,
          answer: sv(`guide.referral.status.${status}`),
          link: `${config.publicUrl}/lots/arende/${c.id}/forslag`,
        }),
        purpose: 'referral',
        subjectRef: caseSubject(c.id),
      });
      await recordAudit(db, { actorUserId: request.viewer?.id ?? null, action: 'case.referralAnswered', entity: 'case', entityId: c.id, after: { referralId: r.id, status } }, at);
      // A welcome is the start of the contact: how to reach the person is shown once more, as the mail has none.
      return answerPage(request, reply, token, r, status === 'welcomed' ? { kind: 'thanks', answer: status, person } : { kind: 'thanks', answer: status });
    },
  );
}
