/** The coordinator's form for creating an organisation directly, optionally inviting its first editor in the same step. */
import { CATEGORY_CODES } from '../taxonomy/index.js';
import { BackLink, ChoiceGroup, CheckboxField, CsrfField, ErrorSummary, Field, TextArea } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import type { District } from '../places/index.js';
import { LookAlikeWarning, NameKindFields, PROFILE_LIMITS, type ProfileForm } from '../workspace/index.js';
import { AdminNav } from './admin.components.js';

/** The form as typed: the profile's fields and what only the coordinator sets. */
export interface NewOrganisationForm extends ProfileForm {
  slug: string;
  published: boolean;
  trusted: boolean;
  inviteEmail: string;
  inviteName: string;
}

export function emptyNewOrganisationForm(): NewOrganisationForm {
  return { name: '', kind: '', description: '', website: '', email: '', phone: '', contactName: '', categories: [], districtIds: [], version: '', slug: '', published: true, trusted: false, inviteEmail: '', inviteName: '' };
}

export function NewOrganisationPage(props: { form: NewOrganisationForm; errors: Record<string, string>; districts: District[]; lookAlikes: { id: number; name: string }[]; csrf: string }) {
  const { t, href } = usePage();
  const tr = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const { form, errors } = props;
  const labels: Record<string, string> = {
    name: t('joining.form.name'),
    kind: t('joining.form.kind'),
    slug: t('joining.admin.slug'),
    description: t('workspace.profile.description'),
    website: t('workspace.profile.website'),
    email: t('workspace.profile.email'),
    phone: t('workspace.profile.phone'),
    contactName: t('workspace.profile.contactName'),
    categories: t('workspace.profile.categories'),
    districtIds: t('workspace.profile.districtIds'),
    inviteEmail: t('joining.create.inviteEmail'),
    inviteName: t('joining.create.inviteName'),
  };
  return (
    <Layout title={t('joining.create.title')}>
      <BackLink href={href('/admin/organisationer')}>{t('admin.organisations.title')}</BackLink>
      <h1>{t('joining.create.title')}</h1>
      <AdminNav />
      <p class="lead">{t('joining.create.lead')}</p>
      <form method="post" action={href('/admin/organisationer/ny')} novalidate>
        <CsrfField token={props.csrf} />
        <ErrorSummary errors={errors} labels={labels} />
        <LookAlikeWarning lookAlikes={props.lookAlikes}>
          <CheckboxField name="confirmedNew" label={t('joining.create.confirmNew')} checked={false} />
        </LookAlikeWarning>
        <NameKindFields value={form} errors={errors} maxLength={PROFILE_LIMITS.name} required choose />
        <Field name="slug" label={labels.slug!} hint={t('joining.create.slugHint')} value={form.slug} error={errors.slug} maxLength={60} />
        <TextArea name="description" label={labels.description!} value={form.description} error={errors.description} maxLength={PROFILE_LIMITS.description} rows={5} />
        <Field name="website" type="url" label={labels.website!} value={form.website} error={errors.website} maxLength={PROFILE_LIMITS.website} />
        <Field name="email" type="email" label={labels.email!} value={form.email} error={errors.email} maxLength={PROFILE_LIMITS.email} />
        <Field name="phone" type="tel" label={labels.phone!} value={form.phone} error={errors.phone} maxLength={PROFILE_LIMITS.phone} />
        <Field name="contactName" label={labels.contactName!} value={form.contactName} error={errors.contactName} maxLength={PROFILE_LIMITS.contactName} />
        <ChoiceGroup name="categories" type="checkbox" legend={labels.categories!} options={CATEGORY_CODES.map((c) => ({ value: c, label: tr(`taxonomy.category.${c}`) }))} selected={form.categories} error={errors.categories} />
        <ChoiceGroup name="districtIds" type="checkbox" legend={labels.districtIds!} options={props.districts.map((d) => ({ value: String(d.id), label: d.name }))} selected={form.districtIds} error={errors.districtIds} />
        <CheckboxField name="published" label={t('joining.create.published')} checked={form.published} />
        <CheckboxField name="trusted" label={t('joining.create.trusted')} hint={t('joining.create.trustedHint')} checked={form.trusted} />
        <section class="form-section" aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t('joining.create.inviteHeading')}</h2>
          <p class="hint">{t('joining.create.inviteHint')}</p>
          <Field name="inviteEmail" type="email" label={labels.inviteEmail!} value={form.inviteEmail} error={errors.inviteEmail} maxLength={254} />
          <Field name="inviteName" label={labels.inviteName!} value={form.inviteName} error={errors.inviteName} maxLength={200} />
        </section>
        <button type="submit" class="button big">
          <Icon name="building" />
          {t('joining.create.submit')}
        </button>
      </form>
    </Layout>
  );
}
