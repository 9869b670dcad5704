/**
 * The coordinator creates an organisation directly (/admin/organisationer/ny): the profile's fields,
 * its address in the directory, shown or not, trusted or not, and optionally its first editor, invited
 * in the same step. Organisation, invitation, mail and audit entries happen in one transaction; a
 * name like one already in Tillsammans is only created once the coordinator says it is another.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { field, ticked, trimmed, type FormBody, formBodySchema } from '../../web/form.js';
import { sendPage } from '../../web/render.js';
import { pageContext } from '../../web/server.js';
import { INVITE_DAYS, isEmail, normaliseEmail } from '../accounts/index.js';
import { isSlugTaken, isValidSlug, listOrganisationNames, lookAlikes } from '../organisations/index.js';
import { listDistricts } from '../places/index.js';
import { readProfileForm } from '../workspace/index.js';
import { createOrganisationWithEditor, type FirstEditor } from './admin.commands.js';
import { emptyNewOrganisationForm, NewOrganisationPage, type NewOrganisationForm } from './organisation-new.page.js';

export async function organisationNewRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config, mailer } = app.deps;

  const formPage = async (request: FastifyRequest, reply: FastifyReply, form: NewOrganisationForm, errors: Record<string, string> = {}, alike: { id: number; name: string }[] = [], status = 200) =>
    sendPage(reply, pageContext(request), <NewOrganisationPage form={form} errors={errors} districts={await listDistricts(db)} lookAlikes={alike} csrf={reply.generateCsrf()} />, status);

  app.get('/admin/organisationer/ny', { config: { access: 'admin' } }, async (request, reply) => formPage(request, reply, emptyNewOrganisationForm()));

  app.post<{ Body: FormBody }>('/admin/organisationer/ny', { config: { access: 'admin' }, schema: { body: formBodySchema } }, async (request, reply) => {
    const page = pageContext(request);
    const body = request.body ?? {};
    const read = readProfileForm(body);
    const form: NewOrganisationForm = {
      ...read.form,
      slug: trimmed(body, 'slug').toLowerCase(),
      published: ticked(body, 'published'),
      trusted: ticked(body, 'trusted'),
      inviteEmail: field(body, 'inviteEmail').trim(),
      inviteName: trimmed(body, 'inviteName').slice(0, 200),
    };
    const errors = { ...read.errors };
    if (form.kind === '' && !errors.kind) errors.kind = 'joining.errors.kindRequired';
    if (form.slug !== '' && !isValidSlug(form.slug)) errors.slug = 'joining.errors.slugInvalid';
    else if (form.slug !== '' && (await isSlugTaken(db, form.slug))) errors.slug = 'joining.errors.slugTaken';
    const inviteEmail = normaliseEmail(form.inviteEmail);
    if (inviteEmail !== '' && !isEmail(inviteEmail)) errors.inviteEmail = 'accounts.errors.emailInvalid';
    const known = new Set((await listDistricts(db)).map((d) => d.id));
    if (read.profile && !read.profile.districtIds.every((d) => known.has(d))) errors.districtIds = 'joining.errors.choiceInvalid';
    const alike = form.name === '' ? [] : lookAlikes(form.name, await listOrganisationNames(db));
    if (alike.length > 0 && !ticked(body, 'confirmedNew') && !errors.name) errors.name = 'joining.errors.confirmLookAlike';
    if (!read.profile || Object.keys(errors).length > 0) return formPage(request, reply, form, errors, alike, 400);

    const profile = read.profile;
    const viewer = request.viewer!;
    const editor: FirstEditor | null =
      inviteEmail === ''
        ? null
        : {
            email: inviteEmail,
            name: form.inviteName,
            next: (organisation) => page.href(`/hantera/${organisation.slug}`),
            mail: (invitation) => ({
              to: inviteEmail,
              subject: page.t('admin.mail.inviteSubjectEditor', { organisation: profile.name }),
              text: page.t('admin.mail.inviteBody', { link: `${config.publicUrl}${invitation.linkPath(page.lang.code)}`, days: String(INVITE_DAYS), inviter: viewer.name || viewer.email }),
              purpose: 'invite',
            }),
          };
    const created = await createOrganisationWithEditor(
      { db, mailer },
      { ...profile, ...(form.slug ? { slug: form.slug } : {}), trusted: form.trusted, published: form.published },
      { action: 'organisation.created', after: { kind: profile.kind, published: form.published, trusted: form.trusted } },
      editor,
      { actorUserId: viewer.id, now: now() },
    );
    // After the commit: a failure here only delays the invitation (the 'mail.deliver' job tries again).
    await mailer.deliverQueued?.().catch(() => 0);
    return reply.redirect(`${page.href('/admin/organisationer')}?skapad=${created.slug}`, 303);
  });
}
