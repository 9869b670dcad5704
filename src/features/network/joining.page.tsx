/**
 * "Vill er förening vara med?": the public form an organisation asks to join with, "check your
 * inbox", the confirmation page (a button, never the bare link: mail scanners open links) and done.
 */
import { ChoiceGroup, ConsentFieldset, CsrfField, ErrorSummary, Field, HoneypotField, Notice, TextArea } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import type { District } from '../places/index.js';
import { NameKindFields } from '../workspace/index.js';
import { JOIN_CONFIRM_HOURS, JOIN_HONEYPOT, JOIN_LIMITS, type JoinForm } from './joining.js';
import { useT } from './volunteers.page.js';

export function JoinPage(props: { form: JoinForm; errors: Record<string, string>; notice?: string | undefined; districts: District[]; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  const { form, errors } = props;
  const labels: Record<string, string> = {
    name: t('joining.form.name'),
    kind: t('joining.form.kind'),
    description: t('joining.form.description'),
    website: t('joining.form.website'),
    contactName: t('joining.form.contactName'),
    email: t('joining.form.email'),
    phone: t('joining.form.phone'),
    districtIds: t('joining.form.districts'),
    consent: t('joining.form.consentLegend'),
  };
  return (
    <Layout title={t('joining.public.title')} description={t('joining.public.lead')}>
      <div class="narrow-wide">
        <h1>{t('joining.public.title')}</h1>
        <p class="lead">{t('joining.public.lead')}</p>
        <ul>
          <li>{t('joining.public.step1')}</li>
          <li>{t('joining.public.step2', { hours: JOIN_CONFIRM_HOURS })}</li>
          <li>{t('joining.public.step3')}</li>
        </ul>
        <form method="post" action={href('/var-med')} novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="stamp" value={form.stamp} />
          {props.notice ? <Notice kind="error">{t(props.notice)}</Notice> : null}
          <ErrorSummary errors={errors} labels={labels} />
          <HoneypotField name={JOIN_HONEYPOT} label={t('joining.form.honeypot')} value={form.hemsida} />
          <section class="form-section" aria-labelledby="org-heading">
            <h2 id="org-heading">{t('joining.form.organisationHeading')}</h2>
            <NameKindFields value={form} errors={errors} maxLength={JOIN_LIMITS.name} required choose autocomplete="organization" />
            <TextArea name="description" label={labels.description!} hint={t('joining.form.descriptionHint')} value={form.description} error={errors.description} maxLength={JOIN_LIMITS.description} rows={5} required />
            <Field name="website" type="url" label={labels.website!} hint={t('joining.form.websiteHint')} value={form.website} error={errors.website} maxLength={JOIN_LIMITS.website} autocomplete="url" />
            <ChoiceGroup
              name="districtIds"
              legend={labels.districtIds!}
              hint={t('joining.form.districtsHint')}
              type="checkbox"
              options={props.districts.map((d) => ({ value: String(d.id), label: d.name }))}
              selected={form.districtIds}
              error={errors.districtIds}
            />
          </section>
          <section class="form-section" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t('joining.form.contactHeading')}</h2>
            <p class="hint">{t('joining.form.contactHint')}</p>
            <Field name="contactName" label={labels.contactName!} value={form.contactName} error={errors.contactName} required maxLength={JOIN_LIMITS.contactName} autocomplete="name" />
            <Field name="email" type="email" label={labels.email!} hint={t('joining.form.emailHint')} value={form.email} error={errors.email} required maxLength={JOIN_LIMITS.email} autocomplete="email" />
            <Field name="phone" type="tel" label={labels.phone!} hint={t('joining.form.phoneHint')} value={form.phone} error={errors.phone} maxLength={JOIN_LIMITS.phone} autocomplete="tel" />
          </section>
          <div class="checks">
            <label for="field-showInDirectory">
              <input id="field-showInDirectory" type="checkbox" name="showInDirectory" value="true" checked={form.showInDirectory} aria-describedby="field-showInDirectory-hint" /> {t('joining.form.showInDirectory')}
            </label>
            <p class="hint" id="field-showInDirectory-hint">
              {t('joining.form.showInDirectoryHint')}
            </p>
          </div>
          <ConsentFieldset
            legend={labels.consent!}
            points={[t('joining.form.consentWho'), t('joining.form.consentConfirm', { hours: JOIN_CONFIRM_HOURS }), t('joining.form.consentKeep'), t('joining.form.consentShown')]}
            privacyLink={t('joining.form.privacyLink')}
            label={t('joining.form.consent')}
            checked={form.consent}
            error={errors.consent}
          />
          <button type="submit" class="button big">
            <Icon name="mail" />
            {t('joining.form.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

/** After sending ('sent': look in your inbox) and after confirming ('done'). */
export function JoinNoticePage(props: { step: 'sent' | 'done' }) {
  const { href } = usePage();
  const t = useT();
  const title = t(props.step === 'sent' ? 'joining.sent.title' : 'joining.done.title');
  return (
    <Layout title={title}>
      <div class="narrow-wide">
        <h1>{title}</h1>
        <Notice>{props.step === 'sent' ? t('joining.sent.text', { hours: JOIN_CONFIRM_HOURS }) : t('joining.done.text')}</Notice>
        <p>{t(props.step === 'sent' ? 'joining.sent.nothingElse' : 'joining.done.next')}</p>
        <p>
          <a href={href('/organisationer')}>{t('organisations.title')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** The page the confirmation link opens: only the button confirms. */
export function JoinConfirmPage(props: { token: string; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('joining.confirm.title')}>
      <div class="narrow-wide">
        <h1>{t('joining.confirm.title')}</h1>
        <p>{t('joining.confirm.lead')}</p>
        <form method="post" action={href(`/var-med/bekrafta/${props.token}`)}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="button big">
            <Icon name="circle-check" />
            {t('joining.confirm.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
