/**
 * The coordinator's review queue, proposals an organisation approves by link (no account needed),
 * and the public "suggest an activity" form whose sender confirms by e-mail first.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../../i18n/index.js';
import { HttpError, notFound } from '../../web/errors.js';
import { formBodySchema, trimmed, type FormBody } from '../../web/form.js';
import { idParams } from '../../web/params.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { hashSecret, hitRateLimit, isEmail, newSecret, normaliseEmail } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { activityDates, findActivity } from '../calendar/index.js';
import { findAnyOrganisation, listOrganisationNames, lookAlikes } from '../organisations/index.js';
import { ORGANISATION_KINDS, isOneOf, type OrganisationKind } from '../taxonomy/index.js';
import { listDistricts, type District } from '../places/index.js';
import { activityFormOf, emptyActivityForm, readActivityForm, type ActivityForm } from './activity-form.js';
import { PROFILE_LIMITS, profileFormOf, readProfileForm } from './profile-form.js';
import { answerCoHostRequest, splitHosts } from './cohosts.js';
import { shownNote } from './date-notes.js';
import { activityFacts, profileFacts } from './facts.js';
import { insertRevision, setRevisionStatus } from './revision.commands.js';
import { countRevisions, findRevision, findRevisionByToken, listRevisions } from './revision.queries.js';
import type { Revision } from './revision.store.js';
import {
  ProposalPage,
  ReviewDetailPage,
  ReviewQueuePage,
  SuggestConfirmPage,
  SuggestPage,
  type HostChoice,
  type ReviewItem,
  type SuggestForm,
} from './review.page.js';
import { approveRevision, CONFIRM_DAYS, returnRevision } from './workflow.js';
import { activityChoices, checkReferences, factNames, previewDetail, workflowDeps, type WorkspaceOptions } from './workspace.routes.js';

const PAGE_SIZE = 30;
/** Suggestions one client address may send per hour. */
const SUGGESTIONS_PER_HOUR = 5;
/**
 * Confirmation mails one recipient address gets per day. Anyone can type anyone's address into
 * the form; this keeps it from becoming a way to flood someone's inbox from many client addresses.
 */
const CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3;

/**
 * The rate-limit key of a recipient: one per mailbox (without case or a "+tag", which most mail
 * services deliver to the same inbox), hashed so the rate-limit table holds no address.
 */
function mailboxKey(email: string): string {
  const [local = '', domain = ''] = normaliseEmail(email).split(/@(?=[^@]*$)/);
  const mailbox = `${local.replace(/\+.*$/, '')}@${domain}`;
  return `suggest-mail:${crypto.createHash('sha256').update(mailbox).digest('base64url')}`;
}

type Body = FormBody;
const str = trimmed;
const tokenParams = { type: 'object', properties: { token: { type: 'string', minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' } }, required: ['token'] } as const;

export async function reviewRoutes(app: FastifyInstance, options: WorkspaceOptions = {}): Promise<void> {
  const { db, now } = app.deps;
  const deps = workflowDeps(app, options.signups);

  /** What the queue and the detail page show of a revision: the names, the current version. */
  const describe = async (r: Revision, districts: District[]): Promise<ReviewItem> => {
    const organisation = r.organisationId === null ? undefined : await findAnyOrganisation(db, { id: r.organisationId });
    if (r.entity === 'organisation') {
      const current = r.entityId === null ? undefined : await findAnyOrganisation(db, { id: r.entityId });
      return {
        revision: r,
        organisationName: organisation?.name ?? null,
        title: current?.name ?? r.data.name,
        before: current ? profileFacts(current) : null,
        after: profileFacts(r.data, districts),
        isNew: false,
      };
    }
    const current = r.entityId === null ? undefined : await findActivity(db, r.entityId, { includeUnpublished: true });
    if (r.entity === 'note') {
      const shown = current ? (shownNote(current.schedule, r.data.kind, r.data.date) ?? null) : null;
      return { revision: r, organisationName: organisation?.name ?? null, title: current?.title ?? '—', before: { note: shown }, after: { note: r.data.note }, isNew: false };
    }
    if (r.entity === 'cohost') {
      // The organisation asked is the revision's; the one asking is the main host.
      const host = await findAnyOrganisation(db, { id: r.data.hostId });
      const hosts = current?.hosts.map((h) => h.id) ?? [r.data.hostId];
      return {
        revision: r,
        organisationName: host?.name ?? null,
        coHostName: organisation?.name ?? null,
        title: current?.title ?? '—',
        before: { hosts },
        after: { hosts: hosts.includes(r.data.coHostId) ? hosts : [...hosts, r.data.coHostId] },
        isNew: false,
      };
    }
    const isNew = !current || current.status !== 'published';
    return {
      revision: r,
      organisationName: organisation?.name ?? r.data.organisationName ?? null,
      title: r.data.input.title,
      before: current && !isNew ? activityFacts(current) : null,
      after: activityFacts(r.data.input),
      isNew,
    };
  };

  app.get<{ Querystring: { page?: number } }>(
    '/admin/granska',
    { config: { access: 'admin' }, schema: { querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 10000 } } } } },
    async (request, reply) => {
      const pageNo = request.query.page ?? 1;
      const [pending, total, proposals, districts] = await Promise.all([
        listRevisions(db, { statuses: ['pending'], limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
        countRevisions(db, ['pending']),
        listRevisions(db, { statuses: ['proposal', 'requested', 'returned'], limit: 100, offset: 0 }),
        listDistricts(db),
      ]);
      const described = (list: Revision[]) => Promise.all(list.map((r) => describe(r, districts)));
      return sendPage(
        reply,
        pageContext(request),
        <ReviewQueuePage pending={await described(pending)} total={total} page={pageNo} pageSize={PAGE_SIZE} waitingOnOthers={await described(proposals)} />,
      );
    },
  );

  const detailPage = async (request: FastifyRequest, reply: FastifyReply, r: Revision, errors: Record<string, string> = {}, status = 200, host?: HostChoice) => {
    const page = pageContext(request);
    const districts = await listDistricts(db);
    const item = await describe(r, districts);
    const names = await factNames(app, districts, item.before ?? {}, item.after);
    let preview;
    if (r.entity === 'activity') {
      const named = r.data.input.hostIds.length > 0 ? r.data.input.hostIds : r.organisationId !== null ? [r.organisationId] : [];
      // As the public will see it once approved: co-hosts it names show when they have said yes.
      const current = r.entityId === null ? undefined : await findActivity(db, r.entityId, { includeUnpublished: true });
      const { hostIds } = splitHosts(named, current?.hosts.map((h) => h.id) ?? [], () => false);
      const detail = await previewDetail(app, { ...r.data.input, hostIds }, r.entityId ?? 0);
      preview = { activity: detail, ...activityDates(detail.schedule, page.today) };
    }
    const organisations = r.organisationId === null ? await listOrganisationNames(db) : [];
    // A tip naming an organisation that is not in Tillsammans: offer to create it, and warn of look-alikes.
    const named = r.entity === 'activity' && r.organisationId === null ? (r.data.organisationName ?? '') : '';
    const hostChoice = host ?? (named ? { organisationId: 'new', newOrganisationName: named, newOrganisationKind: 'association' } : undefined);
    const alike = named ? lookAlikes(named, organisations) : [];
    return sendPage(
      reply,
      page,
      <ReviewDetailPage item={item} names={names} preview={preview} organisations={organisations} host={hostChoice} lookAlikes={alike} csrf={reply.generateCsrf()} errors={errors} />,
      status,
    );
  };

  const revisionOr404 = async (id: number) => {
    const r = await findRevision(db, id);
    if (!r || r.status === 'unconfirmed') throw notFound();
    return r;
  };

  app.get<{ Params: { id: number } }>('/admin/granska/:id', { config: { access: 'admin' }, schema: { params: idParams } }, async (request, reply) =>
    detailPage(request, reply, await revisionOr404(request.params.id)),
  );

  app.post<{ Params: { id: number }; Body: Body }>(
    '/admin/granska/:id/godkann',
    { config: { access: 'admin' }, schema: { params: idParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const r = await revisionOr404(request.params.id);
      const body = request.body ?? {};
      const orgText = str(body, 'organisationId');
      const organisationId = /^\d{1,9}$/.test(orgText) && (await findAnyOrganisation(db, { id: Number(orgText) })) ? Number(orgText) : undefined;
      // 'new': the coordinator creates the tip's organisation as it is approved.
      const host: HostChoice = { organisationId: orgText, newOrganisationName: str(body, 'newOrganisationName').slice(0, 200), newOrganisationKind: str(body, 'newOrganisationKind') };
      let newOrganisation: { name: string; kind: OrganisationKind } | undefined;
      if (orgText === 'new' && r.organisationId === null) {
        const errors: Record<string, string> = {};
        if (host.newOrganisationName === '') errors.newOrganisationName = 'joining.errors.nameRequired';
        else if (host.newOrganisationName.length > PROFILE_LIMITS.name) errors.newOrganisationName = 'joining.errors.tooLong';
        if (!isOneOf(ORGANISATION_KINDS, host.newOrganisationKind)) errors.newOrganisationKind = 'joining.errors.kindRequired';
        if (Object.keys(errors).length > 0) return detailPage(request, reply, r, errors, 400, host);
        newOrganisation = { name: host.newOrganisationName, kind: host.newOrganisationKind as OrganisationKind };
      }
      const result = await approveRevision(deps, r, { actor: request.viewer!.id, now: now(), today: page.today, organisationId, newOrganisation, via: 'review' });
      if (result.kind === 'needsOrganisation') return detailPage(request, reply, r, { organisationId: 'workspace.errors.organisationRequired' }, 400, host);
      if (result.kind === 'gone') return reply.redirect(`${page.href('/admin/granska')}?klar=gone`, 303);
      return reply.redirect(`${page.href('/admin/granska')}?klar=approved`, 303);
    },
  );

  app.post<{ Params: { id: number }; Body: Body }>(
    '/admin/granska/:id/skicka-tillbaka',
    { config: { access: 'admin' }, schema: { params: idParams, body: formBodySchema } },
    async (request, reply) => {
      const page = pageContext(request);
      const r = await revisionOr404(request.params.id);
      const message = str(request.body ?? {}, 'message').slice(0, 2000);
      if (message === '') return detailPage(request, reply, r, { message: 'workspace.errors.messageRequired' }, 400);
      const done = await returnRevision(deps, r, { actor: request.viewer!.id, message, now: now() });
      return reply.redirect(`${page.href('/admin/granska')}?klar=${done ? 'returned' : 'gone'}`, 303);
    },
  );

  app.post<{ Params: { id: number } }>(
    '/admin/granska/:id/avboj',
    { config: { access: 'admin' }, schema: { params: idParams } },
    async (request, reply) => {
      const page = pageContext(request);
      const r = await revisionOr404(request.params.id);
      // Only a co-host request is declined; every other change is sent back with a message.
      if (r.entity !== 'cohost') throw notFound();
      const answer = await answerCoHostRequest(deps, r, { accept: false, actor: request.viewer!.id, now: now(), today: page.today });
      return reply.redirect(`${page.href('/admin/granska')}?klar=${answer.kind === 'gone' ? 'gone' : 'declined'}`, 303);
    },
  );

  // --- proposals: the organisation's contact approves by link -----------------------------------------

  const proposalOr404 = async (token: string): Promise<Revision> => {
    const r = await findRevisionByToken(db, hashSecret(token), now());
    if (!r || r.status !== 'proposal') throw new HttpError(404, 'errors.linkExpired');
    return r;
  };

  const proposalPage = async (request: FastifyRequest, reply: FastifyReply, token: string, r: Revision, state: { form?: ActivityForm; errors?: Record<string, string>; profileForm?: ReturnType<typeof readProfileForm>['form']; status?: number; editing?: boolean } = {}) => {
    const page = pageContext(request);
    const districts = await listDistricts(db);
    const item = await describe(r, districts);
    const names = await factNames(app, districts, item.before ?? {}, item.after);
    let preview;
    let choices;
    if (r.entity === 'activity') {
      const detail = await previewDetail(app, r.data.input, r.entityId ?? 0);
      preview = { activity: detail, ...activityDates(detail.schedule, page.today) };
      choices = await activityChoices(app, r.organisationId);
    }
    const form = state.form ?? (r.entity === 'activity' ? activityFormOf(r.data.input, r.organisationId ?? 0, '') : undefined);
    const profileForm = state.profileForm ?? (r.entity === 'organisation' ? profileFormOf(r.data, (slug) => districts.find((d) => d.slug === slug)?.id) : undefined);
    return sendPage(
      reply,
      page,
      <ProposalPage
        token={token}
        item={item}
        names={names}
        preview={preview}
        form={form}
        profileForm={profileForm}
        choices={choices}
        districts={districts}
        errors={state.errors ?? {}}
        editing={state.editing ?? false}
        csrf={reply.generateCsrf()}
      />,
      state.status ?? 200,
    );
  };

  app.get<{ Params: { token: string }; Querystring: { andra?: string } }>(
    '/forslag/:token',
    { config: { access: 'public' }, schema: { params: tokenParams, querystring: { type: 'object', properties: { andra: { type: 'string', maxLength: 1 } } } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const r = await proposalOr404(request.params.token);
      return proposalPage(request, reply, request.params.token, r, { editing: request.query.andra !== undefined });
    },
  );

  app.post<{ Params: { token: string }; Body: Body }>(
    '/forslag/:token',
    { config: { access: 'public' }, schema: { params: tokenParams, body: formBodySchema } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      const page = pageContext(request);
      const token = request.params.token;
      const r = await proposalOr404(token);
      const body = request.body ?? {};
      let data;
      if (str(body, 'edited') === 'true') {
        if (r.entity === 'activity') {
          const current = r.entityId === null ? undefined : await findActivity(db, r.entityId, { includeUnpublished: true });
          const read = readActivityForm(body, { hostId: r.organisationId!, status: 'published', keep: current?.schedule });
          await checkReferences(app, read);
          if (!read.input) return proposalPage(request, reply, token, r, { form: read.form, errors: read.errors, editing: true, status: 400 });
          data = { input: read.input, newPlace: read.newPlace };
        } else {
          const read = readProfileForm(body);
          if (!read.profile) return proposalPage(request, reply, token, r, { profileForm: read.form, errors: read.errors, editing: true, status: 400 });
          data = read.profile;
        }
      }
      const result = await approveRevision(deps, r, { actor: null, now: now(), today: page.today, data, via: 'proposal' });
      if (result.kind !== 'approved') throw new HttpError(404, 'errors.linkExpired');
      return sendPage(reply, page, <SuggestConfirmPage kind="proposalApproved" csrf="" />);
    },
  );

  // --- suggestions from anyone -------------------------------------------------------------------------

  const suggestPage = async (request: FastifyRequest, reply: FastifyReply, state: { form: SuggestForm; errors?: Record<string, string>; refused?: string; status?: number }) => {
    const page = pageContext(request);
    const [choices, organisations] = await Promise.all([activityChoices(app, null), listOrganisationNames(db)]);
    return sendPage(
      reply,
      page,
      <SuggestPage form={state.form} errors={state.errors ?? {}} refused={state.refused} choices={choices} organisations={organisations} csrf={reply.generateCsrf()} />,
      state.status ?? 200,
    );
  };

  app.get('/tipsa', { config: { access: 'public' } }, async (request, reply) => {
    const page = pageContext(request);
    return suggestPage(request, reply, { form: { activity: emptyActivityForm(page.today), senderName: '', senderEmail: '', organisationId: '', organisationName: '' } });
  });

  app.post<{ Body: Body }>('/tipsa', { config: { access: 'public' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const page = pageContext(request);
    const body = request.body ?? {};
    const organisationId = str(body, 'organisationId');
    const hostId = /^\d{1,9}$/.test(organisationId) ? Number(organisationId) : 0;
    const read = readActivityForm(body, { hostId, status: 'pending' });
    await checkReferences(app, read);
    const form: SuggestForm = {
      activity: read.form,
      senderName: str(body, 'senderName').slice(0, 200),
      senderEmail: str(body, 'senderEmail'),
      organisationId,
      organisationName: str(body, 'organisationName').slice(0, 200),
    };
    const errors = { ...read.errors };
    const email = normaliseEmail(form.senderEmail);
    if (!isEmail(email) || email.length > 254) errors.senderEmail = 'workspace.errors.emailInvalid';
    if (form.senderName === '') errors.senderName = 'suggest.errors.nameRequired';
    if (hostId !== 0 && !(await findAnyOrganisation(db, { id: hostId }))) errors.organisationId = 'workspace.errors.choiceInvalid';
    if (hostId === 0 && form.organisationName === '') errors.organisationId = 'suggest.errors.organisationRequired';
    if (Object.keys(errors).length > 0 || !read.input) return suggestPage(request, reply, { form, errors, status: 400 });
    const limit = await hitRateLimit(db, `suggest:${request.ip}`, now(), 3600, SUGGESTIONS_PER_HOUR);
    if (!limit.allowed) return suggestPage(request, reply, { form, refused: 'suggest.errors.tooMany', status: 429 });
    const mails = await hitRateLimit(db, mailboxKey(email), now(), 24 * 3600, CONFIRMATIONS_PER_ADDRESS_PER_DAY);
    if (!mails.allowed) return suggestPage(request, reply, { form, refused: 'suggest.errors.tooManyMails', status: 429 });

    const at = now();
    const { secret, hash } = newSecret();
    const input = { ...read.input, hostIds: hostId === 0 ? [] : [hostId] };
    const revisionId = await insertRevision(
      db,
      {
        entity: 'activity',
        entityId: null,
        organisationId: hostId === 0 ? null : hostId,
        data: { input, newPlace: read.newPlace, ...(form.organisationName ? { organisationName: form.organisationName } : {}) },
        baseVersion: null,
        status: 'unconfirmed',
        submitterName: form.senderName,
        submitterEmail: email,
        tokenHash: hash,
        tokenExpiresAt: new Date(at.getTime() + CONFIRM_DAYS * 864e5).toISOString(),
        createdBy: request.viewer?.id ?? null,
      },
      at,
    );
    // Nobody has shown yet that the address is theirs: the mail says nothing the sender typed.
    await app.deps.mailer.send({
      to: email,
      subject: page.t('suggest.mail.confirmSubject'),
      text: page.t('suggest.mail.confirmBody', { link: `${app.deps.config.publicUrl}${page.href(`/tipsa/bekrafta/${secret}`)}`, days: String(CONFIRM_DAYS) }),
      purpose: 'suggestion',
    });
    await recordAudit(db, { actorUserId: request.viewer?.id ?? null, action: 'suggestion.received', entity: 'revision', entityId: revisionId, after: { title: input.title, email } }, at);
    return sendPage(reply, page, <SuggestConfirmPage kind="sent" csrf="" email={email} />);
  });

  app.get<{ Params: { token: string } }>('/tipsa/bekrafta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const r = await findRevisionByToken(db, hashSecret(request.params.token), now());
    if (!r || r.status !== 'unconfirmed') throw new HttpError(404, 'errors.linkExpired');
    // A button, not the link itself, confirms: mail scanners that follow links confirm nothing.
    return sendPage(reply, pageContext(request), <SuggestConfirmPage kind="confirm" csrf={reply.generateCsrf()} token={request.params.token} />);
  });

  app.post<{ Params: { token: string } }>('/tipsa/bekrafta/:token', { config: { access: 'public' }, schema: { params: tokenParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const page = pageContext(request);
    const r = await findRevisionByToken(db, hashSecret(request.params.token), now());
    if (!r || r.status !== 'unconfirmed') throw new HttpError(404, 'errors.linkExpired');
    await setRevisionStatus(db, r.id, { from: ['unconfirmed'], to: 'pending' }, now());
    const sv = translator('sv');
    await app.deps.mailer.send({
      to: app.deps.config.adminEmail,
      subject: sv('workspace.mail.reviewSubject', { organisation: r.submitterName ?? '' }),
      text: sv('workspace.mail.reviewBody', { organisation: r.submitterName ?? '', title: r.entity === 'activity' ? r.data.input.title : '', link: `${app.deps.config.publicUrl}/admin/granska/${r.id}` }),
      purpose: 'review',
    });
    return sendPage(reply, page, <SuggestConfirmPage kind="confirmed" csrf="" />);
  });
}
