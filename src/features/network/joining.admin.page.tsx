/**
 * The coordinator's screens for organisations asking to join: the confirmed requests waiting, and one
 * request with a warning when its name looks like an organisation already in Tillsammans, the form
 * that approves it (name, kind and address in the directory can be changed first) and the decline form.
 */
import { formatDate } from '../../i18n/index.js';
import { BackLink, CsrfField, ErrorSummary, Field, Notice, TextArea } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { AdminNav } from '../admin/index.js';
import type { District } from '../places/index.js';
import { LookAlikeWarning, NameKindFields } from '../workspace/index.js';
import { JOIN_LIMITS, type ApproveForm, type JoinRequest } from './joining.js';
import { OwnText, useT } from './volunteers.page.js';

const DONE = ['approved', 'declined', 'gone'] as const;
export type JoinDone = (typeof DONE)[number];
export const JOIN_DONE = DONE;

export function JoinQueuePage(props: { requests: JoinRequest[]; done?: JoinDone | undefined; slug?: string | undefined }) {
  const { href, lang } = usePage();
  const t = useT();
  return (
    <Layout title={t('joining.admin.title')}>
      <h1>{t('joining.admin.title')}</h1>
      <AdminNav />
      {props.done ? (
        <Notice>
          {t(`joining.admin.done.${props.done}`)}
          {props.done === 'approved' && props.slug ? (
            <>
              {' '}
              <a href={href(`/hantera/${props.slug}`)}>{t('joining.admin.openWorkspace')}</a>
            </>
          ) : null}
        </Notice>
      ) : null}
      <p class="lead">{t('joining.admin.lead')}</p>
      <p>
        <a href={href('/admin/organisationer/ny')}>{t('joining.admin.createDirectly')}</a>
      </p>
      {props.requests.length === 0 ? (
        <p>{t('joining.admin.empty')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('joining.admin.caption')}>
          <table class="data-table admin-table">
            <caption>{t('joining.admin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('joining.admin.organisation')}</th>
                <th scope="col">{t('joining.admin.kind')}</th>
                <th scope="col">{t('joining.admin.confirmed')}</th>
              </tr>
            </thead>
            <tbody>
              {props.requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={href(`/admin/nya-foreningar/${r.id}`)}>
                      <OwnText>{r.name}</OwnText>
                    </a>
                  </td>
                  <td>{t(`taxonomy.kind.${r.kind}`)}</td>
                  <td>{formatDate(lang, (r.confirmedAt ?? r.createdAt).slice(0, 10), 'dayMonthYear')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface JoinDetailProps {
  request: JoinRequest;
  districts: District[];
  lookAlikes: { id: number; name: string }[];
  /** The slug the name gives when the coordinator leaves the field empty. */
  suggestedSlug: string;
  form: ApproveForm;
  message: string;
  errors: Record<string, string>;
  csrf: string;
}

export function JoinDetailPage(props: JoinDetailProps) {
  const { href } = usePage();
  const t = useT();
  const r = props.request;
  const { form, errors } = props;
  const districts = props.districts.filter((d) => r.districtIds.includes(d.id)).map((d) => d.name);
  const approveErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'message'));
  return (
    <Layout title={t('joining.admin.detailTitle', { name: r.name })}>
      <BackLink href={href('/admin/nya-foreningar')}>{t('joining.admin.title')}</BackLink>
      <h1>
        <OwnText>{r.name}</OwnText>
      </h1>
      <LookAlikeWarning lookAlikes={props.lookAlikes} linkOf={(id) => href(`/admin/historik/organisation/${id}`)} />
      <dl class="join-facts">
        <dt>{t('joining.admin.kind')}</dt>
        <dd>{t(`taxonomy.kind.${r.kind}`)}</dd>
        <dt>{t('joining.form.description')}</dt>
        <dd>
          <OwnText>{r.description}</OwnText>
        </dd>
        <dt>{t('joining.form.website')}</dt>
        <dd>{r.website ? <bdi>{r.website}</bdi> : '—'}</dd>
        <dt>{t('joining.form.districts')}</dt>
        <dd>{districts.length > 0 ? districts.join(', ') : '—'}</dd>
        <dt>{t('joining.form.contactName')}</dt>
        <dd>
          <bdi>{r.contactName}</bdi>
        </dd>
        <dt>{t('joining.form.email')}</dt>
        <dd>
          <bdi>{r.email}</bdi>
        </dd>
        <dt>{t('joining.form.phone')}</dt>
        <dd>{r.phone ? <bdi>{r.phone}</bdi> : '—'}</dd>
        <dt>{t('joining.admin.directory')}</dt>
        <dd>{t(r.showInDirectory ? 'joining.admin.shown' : 'joining.admin.notShown')}</dd>
      </dl>
      <div class="review-actions">
        <form method="post" action={href(`/admin/nya-foreningar/${r.id}/godkann`)} class="panel" novalidate>
          <CsrfField token={props.csrf} />
          <h2>{t('joining.admin.approveHeading')}</h2>
          <p class="hint">{t('joining.admin.approveHint')}</p>
          <ErrorSummary errors={approveErrors} labels={{ name: t('joining.form.name'), kind: t('joining.form.kind'), slug: t('joining.admin.slug') }} />
          <NameKindFields value={form} errors={errors} maxLength={JOIN_LIMITS.name} required />
          <Field name="slug" label={t('joining.admin.slug')} hint={t('joining.admin.slugHint', { slug: props.suggestedSlug })} value={form.slug} error={errors.slug} maxLength={60} />
          <button type="submit" class="button">
            <Icon name="circle-check" />
            {t('joining.admin.approve')}
          </button>
        </form>
        <form method="post" action={href(`/admin/nya-foreningar/${r.id}/avboj`)} class="panel" novalidate>
          <CsrfField token={props.csrf} />
          <h2>{t('joining.admin.declineHeading')}</h2>
          <TextArea name="message" label={t('joining.admin.message')} hint={t('joining.admin.messageHint')} value={props.message} error={errors.message} maxLength={JOIN_LIMITS.message} required />
          <button type="submit" class="button secondary">
            {t('joining.admin.decline')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
