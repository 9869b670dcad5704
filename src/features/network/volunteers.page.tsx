/**
 * "Jag vill hjälpa till": open volunteer roles by kind and district, one role with its sign-up form,
 * and the thank-you page. What a role asks and gives is shown in the reader's language; the
 * organisation's own texts as written (in Swedish).
 */
import { formatList, languageName } from '../../i18n/index.js';
import { BackLink, ConsentFieldset, CsrfField, ErrorSummary, Field, HoneypotField, Notice, SelectField, TextArea } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import type { District } from '../places/index.js';
import type { RoleWithOrganisation } from './volunteers.store.js';
import { CAMPAIGN_PARAM, ROLE_KINDS, SIGNUP_HONEYPOT, SIGNUP_LIMITS, SIGNUP_RETENTION_DAYS, type SignupForm, type VolunteerRole } from './volunteers.js';

type T = (key: string, options?: Record<string, unknown>) => string;
export const useT = () => usePage().t as unknown as T;

/** A role's text as its organisation wrote it (Swedish, or whatever it is: the browser finds its direction). */
export function OwnText(props: { children: string }) {
  return (
    <bdi lang="sv" dir="auto" class="user-text">
      {props.children}
    </bdi>
  );
}

/** What a role asks and gives, as a definition list in the reader's language. */
export function RoleFacts(props: { role: VolunteerRole; districts: District[] }) {
  const { lang } = usePage();
  const t = useT();
  const r = props.role;
  const often = [t(`network.volunteers.frequency.${r.frequency}`), ...(r.hours === null ? [] : [t('network.volunteers.hoursEach', { count: r.hours })])].join(', ');
  const district = r.districtId === null ? t('network.volunteers.wholeCity') : (props.districts.find((d) => d.id === r.districtId)?.name ?? t('network.volunteers.wholeCity'));
  return (
    <dl class="facts-inline">
      <dt>{t('network.volunteers.facts.often')}</dt>
      <dd>{often}</dd>
      <dt>{t('network.volunteers.facts.period')}</dt>
      <dd>{r.minMonths === null ? t('network.volunteers.noMinimum') : t('network.volunteers.minMonths', { count: r.minMonths })}</dd>
      <dt>{t('network.volunteers.facts.swedish')}</dt>
      <dd>{t(`network.volunteers.swedish.${r.swedish}`)}</dd>
      {r.languages.length > 0 ? (
        <>
          <dt>{t('network.volunteers.facts.languages')}</dt>
          <dd>{formatList(lang, r.languages.map((l) => languageName(lang, l)))}</dd>
        </>
      ) : null}
      <dt>{t('network.volunteers.facts.benefits')}</dt>
      <dd>{r.benefits.length === 0 ? t('network.volunteers.benefitsNone') : formatList(lang, r.benefits.map((b) => t(`network.volunteers.benefit.${b}`)))}</dd>
      <dt>{t('network.volunteers.facts.where')}</dt>
      <dd>{district}</dd>
    </dl>
  );
}

export interface RolesPageProps {
  roles: RoleWithOrganisation[];
  districts: District[];
  filter: { kind: string; district: string };
  /** The campaign slug the page was reached with, carried on to each role's form. */
  campaign: string;
}

export function RolesPage(props: RolesPageProps) {
  const { href } = usePage();
  const t = useT();
  const withCampaign = (path: string) => (props.campaign ? `${path}?${CAMPAIGN_PARAM}=${encodeURIComponent(props.campaign)}` : path);
  return (
    <Layout title={t('network.volunteers.public.title')} description={t('network.volunteers.public.lead')}>
      <header class="page-head">
        <h1>{t('network.volunteers.public.title')}</h1>
        <p class="lead">{t('network.volunteers.public.lead')}</p>
      </header>
      <form method="get" action={href('/jag-vill-hjalpa-till')} class="inline-filters">
        {props.campaign ? <input type="hidden" name={CAMPAIGN_PARAM} value={props.campaign} /> : null}
        <SelectField
          name="typ"
          label={t('network.volunteers.public.kindFilter')}
          value={props.filter.kind}
          options={[{ value: '', label: t('network.volunteers.public.allKinds') }, ...ROLE_KINDS.map((k) => ({ value: k, label: t(`network.volunteers.kind.${k}`) }))]}
        />
        <SelectField
          name="omrade"
          label={t('network.volunteers.public.districtFilter')}
          value={props.filter.district}
          options={[{ value: '', label: t('network.volunteers.public.allDistricts') }, ...props.districts.map((d) => ({ value: d.slug, label: d.name }))]}
        />
        <div>
          <button type="submit" class="button">
            {t('network.volunteers.public.show')}
          </button>
        </div>
      </form>
      <p class="result-count" role="status">
        {t('network.volunteers.public.count', { count: props.roles.length })}
      </p>
      {props.roles.length === 0 ? (
        <p>{t('network.volunteers.public.empty')}</p>
      ) : (
        <ul class="card-list">
          {props.roles.map((r) => (
            <li key={r.id} class="card">
              <h2>
                <a href={href(withCampaign(`/jag-vill-hjalpa-till/${r.id}`))}>
                  <OwnText>{r.title}</OwnText>
                </a>
              </h2>
              <p>
                <span class="tag">{t(`network.volunteers.kind.${r.kind}`)}</span> <bdi>{r.organisation.name}</bdi>
              </p>
              <RoleFacts role={r} districts={props.districts} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={href('/nyhetsbrev')}>{t('network.volunteers.public.newsLink')}</a>
      </p>
    </Layout>
  );
}

export interface RolePageProps {
  role: RoleWithOrganisation;
  districts: District[];
  form: SignupForm;
  errors: Record<string, string>;
  /** A message about the whole form (too many sign-ups from here), a catalogue key. */
  notice?: string | undefined;
  csrf: string;
}

export function RolePage(props: RolePageProps) {
  const { href } = usePage();
  const t = useT();
  const { role, form, errors } = props;
  const labels: Record<string, string> = {
    name: t('network.volunteers.form.name'),
    email: t('network.volunteers.form.email'),
    phone: t('network.volunteers.form.phone'),
    message: t('network.volunteers.form.message'),
    consent: t('network.volunteers.form.consentLegend'),
  };
  const action = `/jag-vill-hjalpa-till/${role.id}`;
  return (
    <Layout title={role.title} description={t('network.volunteers.public.lead')}>
      <BackLink href={href('/jag-vill-hjalpa-till')}>{t('network.volunteers.public.back')}</BackLink>
      <article class="narrow-wide">
        <h1>
          <OwnText>{role.title}</OwnText>
        </h1>
        <p>
          <span class="tag">{t(`network.volunteers.kind.${role.kind}`)}</span> <bdi>{role.organisation.name}</bdi>
        </p>
        <p class="prose">
          <OwnText>{role.description}</OwnText>
        </p>
        <RoleFacts role={role} districts={props.districts} />

        <section aria-labelledby="signup-heading" class="panel">
          <h2 id="signup-heading">{t('network.volunteers.form.heading')}</h2>
          <p>{t('network.volunteers.form.lead', { organisation: role.organisation.name })}</p>
          <form method="post" action={href(action)} novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name={CAMPAIGN_PARAM} value={form.campaign} />
            {props.notice ? <Notice kind="error">{t(props.notice)}</Notice> : null}
            <ErrorSummary errors={errors} labels={labels} />
            <HoneypotField name={SIGNUP_HONEYPOT} label={t('network.volunteers.form.honeypot')} value={form.website} />
            <Field name="name" label={labels.name!} value={form.name} error={errors.name} required maxLength={SIGNUP_LIMITS.name} autocomplete="name" />
            <Field name="email" type="email" label={labels.email!} value={form.email} error={errors.email} required maxLength={SIGNUP_LIMITS.email} autocomplete="email" />
            <Field name="phone" type="tel" label={labels.phone!} hint={t('network.volunteers.form.optional')} value={form.phone} error={errors.phone} maxLength={SIGNUP_LIMITS.phone} autocomplete="tel" />
            <TextArea name="message" label={labels.message!} hint={t('network.volunteers.form.messageHint')} value={form.message} error={errors.message} maxLength={SIGNUP_LIMITS.message} rows={4} />
            <ConsentFieldset
              legend={labels.consent!}
              points={[t('network.volunteers.form.consentShare', { organisation: role.organisation.name }), t('network.volunteers.form.consentHowLong', { days: SIGNUP_RETENTION_DAYS })]}
              privacyLink={t('network.volunteers.form.privacyLink')}
              label={t('network.volunteers.form.consent')}
              checked={form.consent}
              error={errors.consent}
            />
            <button type="submit" class="button big">
              <Icon name="mail" />
              {t('network.volunteers.form.submit')}
            </button>
          </form>
        </section>
      </article>
    </Layout>
  );
}

export function ThanksPage() {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('network.volunteers.thanks.title')}>
      <div class="narrow-wide">
        <h1>{t('network.volunteers.thanks.title')}</h1>
        <Notice>{t('network.volunteers.thanks.sent')}</Notice>
        <p>{t('network.volunteers.thanks.next')}</p>
        <ul class="link-list">
          <li>
            <a href={href('/jag-vill-hjalpa-till')}>{t('network.volunteers.thanks.more')}</a>
          </li>
          <li>
            <a href={href('/nyhetsbrev')}>{t('network.volunteers.public.newsLink')}</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}
