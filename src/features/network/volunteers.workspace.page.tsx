/** The organisation's volunteer roles in its workspace: the list with sign-up counts, and the role form. */
import { languageName } from '../../i18n/index.js';
import { BackLink, ChoiceGroup, CsrfField, ErrorSummary, Field, Notice, SelectField, TextArea } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import type { Organisation } from '../organisations/index.js';
import type { District } from '../places/index.js';
import { OwnText, RoleFacts, useT } from './volunteers.page.js';
import { BENEFITS, FREQUENCIES, ROLE_KINDS, ROLE_LANGUAGES, ROLE_LIMITS, ROLE_STATUSES, SWEDISH_LEVELS, type RoleForm, type VolunteerRole } from './volunteers.js';

export function WorkspaceRolesPage(props: { organisation: Organisation; roles: VolunteerRole[]; signups: Map<number, number>; districts: District[]; saved?: string | undefined }) {
  const { href } = usePage();
  const t = useT();
  const base = `/hantera/${props.organisation.slug}`;
  return (
    <Layout title={t('network.volunteers.workspace.title', { organisation: props.organisation.name })}>
      <BackLink href={href(base)}>{props.organisation.name}</BackLink>
      <h1>{t('network.volunteers.workspace.title', { organisation: props.organisation.name })}</h1>
      <p>{t('network.volunteers.workspace.lead')}</p>
      {props.saved ? <Notice>{t(`network.volunteers.workspace.saved.${props.saved}`)}</Notice> : null}
      <p>
        <a class="button" href={href(`${base}/volontarer/ny`)}>
          {t('network.volunteers.workspace.new')}
        </a>
      </p>
      {props.roles.length === 0 ? (
        <p>{t('network.volunteers.workspace.empty')}</p>
      ) : (
        <ul class="card-list">
          {props.roles.map((r) => (
            <li key={r.id} class="card">
              <h2>
                <OwnText>{r.title}</OwnText>
              </h2>
              <p>
                <span class="tag">{t(`network.volunteers.kind.${r.kind}`)}</span> <span class={r.status === 'open' ? 'badge badge-ok' : 'badge'}>{t(`network.volunteers.status.${r.status}`)}</span>
              </p>
              <RoleFacts role={r} districts={props.districts} />
              <p>{t('network.volunteers.workspace.signups', { count: props.signups.get(r.id) ?? 0 })}</p>
              <ul class="link-list">
                <li>
                  <a href={href(`${base}/volontarer/${r.id}`)}>
                    {t('network.volunteers.workspace.edit')} <span class="visually-hidden">{r.title}</span>
                  </a>
                </li>
                {r.status === 'open' ? (
                  <li>
                    <a href={href(`/jag-vill-hjalpa-till/${r.id}`)}>
                      {t('network.volunteers.workspace.publicPage')} <span class="visually-hidden">{r.title}</span>
                    </a>
                  </li>
                ) : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function RoleFormPage(props: { organisation: Organisation; role?: VolunteerRole | undefined; form: RoleForm; errors: Record<string, string>; districts: District[]; csrf: string }) {
  const { href, lang } = usePage();
  const t = useT();
  const { form, errors } = props;
  const base = `/hantera/${props.organisation.slug}/volontarer`;
  const action = props.role ? `${base}/${props.role.id}` : `${base}/ny`;
  const title = props.role ? t('network.volunteers.workspace.editTitle') : t('network.volunteers.workspace.newTitle');
  const labels: Record<string, string> = {
    kind: t('network.volunteers.field.kind'),
    title: t('network.volunteers.field.title'),
    description: t('network.volunteers.field.description'),
    frequency: t('network.volunteers.field.frequency'),
    hours: t('network.volunteers.field.hours'),
    minMonths: t('network.volunteers.field.minMonths'),
    swedish: t('network.volunteers.field.swedish'),
    languages: t('network.volunteers.field.languages'),
    benefits: t('network.volunteers.field.benefits'),
    districtId: t('network.volunteers.field.district'),
    contactEmail: t('network.volunteers.field.contactEmail'),
    status: t('network.volunteers.field.status'),
  };
  return (
    <Layout title={title}>
      <BackLink href={href(base)}>{t('network.volunteers.workspace.back')}</BackLink>
      <h1>{title}</h1>
      <p>
        <bdi>{props.organisation.name}</bdi>
      </p>
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={props.csrf} />
        <ErrorSummary errors={errors} labels={labels} />
        <ChoiceGroup name="kind" type="radio" legend={labels.kind!} options={ROLE_KINDS.map((k) => ({ value: k, label: t(`network.volunteers.kind.${k}`) }))} selected={[form.kind]} error={errors.kind} />
        <Field name="title" label={labels.title!} hint={t('network.volunteers.field.titleHint')} value={form.title} error={errors.title} required maxLength={ROLE_LIMITS.title} />
        <TextArea name="description" label={labels.description!} hint={t('network.volunteers.field.descriptionHint')} value={form.description} error={errors.description} maxLength={ROLE_LIMITS.description} rows={5} required />
        <fieldset class="form-section">
          <legend>{t('network.volunteers.field.commitment')}</legend>
          <SelectField name="frequency" label={labels.frequency!} value={form.frequency} error={errors.frequency} options={FREQUENCIES.map((f) => ({ value: f, label: t(`network.volunteers.frequency.${f}`) }))} />
          <Field name="hours" type="text" label={labels.hours!} hint={t('network.volunteers.field.hoursHint')} value={form.hours} error={errors.hours} maxLength={3} />
          <Field name="minMonths" type="text" label={labels.minMonths!} hint={t('network.volunteers.field.minMonthsHint')} value={form.minMonths} error={errors.minMonths} maxLength={3} />
          <ChoiceGroup name="swedish" type="radio" legend={labels.swedish!} options={SWEDISH_LEVELS.map((s) => ({ value: s, label: t(`network.volunteers.swedish.${s}`) }))} selected={[form.swedish]} error={errors.swedish} />
          <ChoiceGroup name="languages" type="checkbox" legend={labels.languages!} options={ROLE_LANGUAGES.map((l) => ({ value: l, label: languageName(lang, l) }))} selected={form.languages} error={errors.languages} />
          <ChoiceGroup name="benefits" type="checkbox" legend={labels.benefits!} options={BENEFITS.map((b) => ({ value: b, label: t(`network.volunteers.benefit.${b}`) }))} selected={form.benefits} error={errors.benefits} />
        </fieldset>
        <SelectField
          name="districtId"
          label={labels.districtId!}
          value={form.districtId}
          error={errors.districtId}
          options={[{ value: '', label: t('network.volunteers.wholeCity') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
        <Field name="contactEmail" type="email" label={labels.contactEmail!} hint={t('network.volunteers.field.contactHint')} value={form.contactEmail} error={errors.contactEmail} required maxLength={ROLE_LIMITS.contactEmail} autocomplete="email" />
        <ChoiceGroup name="status" type="radio" legend={labels.status!} options={ROLE_STATUSES.map((s) => ({ value: s, label: t(`network.volunteers.status.${s}`) }))} selected={[form.status]} error={errors.status} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('network.volunteers.workspace.save')}
          </button>
        </div>
      </form>
      {props.role ? (
        <section aria-labelledby="delete-role" class="panel">
          <h2 id="delete-role">{t('network.volunteers.workspace.deleteHeading')}</h2>
          <p class="hint">{t('network.volunteers.workspace.deleteHint')}</p>
          <form method="post" action={href(`${action}/ta-bort`)}>
            <CsrfField token={props.csrf} />
            <button type="submit" class="button danger">
              {t('network.volunteers.workspace.delete')}
            </button>
          </form>
        </section>
      ) : null}
      <p class="hint">{t('network.volunteers.workspace.languageNote')}</p>
    </Layout>
  );
}
