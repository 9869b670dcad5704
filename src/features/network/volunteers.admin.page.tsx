/** The coordinator's volunteer screens: every role with its sign-ups, campaigns, and one campaign's counts with its poster link. */
import { Fragment } from 'preact';
import { formatDate } from '../../i18n/index.js';
import { BackLink, CsrfField, ErrorSummary, Field, Notice } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { localToday } from '../../web/time.js';
import { AdminNav } from '../admin/index.js';
import type { Campaign, RoleWithOrganisation } from './volunteers.store.js';
import { OwnText, useT } from './volunteers.page.js';
import { CAMPAIGN_LIMITS, CAMPAIGN_PARAM, ROLE_KINDS } from './volunteers.js';

const number = (lang: string, n: number) => new Intl.NumberFormat(lang, { numberingSystem: 'latn' } as Intl.NumberFormatOptions).format(n);

/** Roles with their sign-up counts, as a table. */
function RolesTable(props: { roles: RoleWithOrganisation[]; counts: Map<number, number>; caption: string }) {
  const { href, lang } = usePage();
  const t = useT();
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="data-table admin-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.volunteers.admin.role')}</th>
            <th scope="col">{t('network.volunteers.admin.organisation')}</th>
            <th scope="col">{t('network.volunteers.admin.signups')}</th>
          </tr>
        </thead>
        <tbody>
          {props.roles.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={href(`/hantera/${r.organisation.slug}/volontarer/${r.id}`)}>
                  <OwnText>{r.title}</OwnText>
                </a>
                <div class="sub">
                  {t(`network.volunteers.kind.${r.kind}`)} · {t(`network.volunteers.status.${r.status}`)}
                </div>
              </td>
              <td>
                <bdi>{r.organisation.name}</bdi>
              </td>
              <td>{number(lang.intl, props.counts.get(r.id) ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface VolunteersAdminProps {
  roles: RoleWithOrganisation[];
  counts: Map<number, number>;
  total: number;
  campaigns: (Campaign & { signups: number })[];
  form: { name: string; slug: string };
  errors: Record<string, string>;
  created?: boolean;
  csrf: string;
}

export function VolunteersAdminPage(props: VolunteersAdminProps) {
  const { href, lang } = usePage();
  const t = useT();
  const labels = { name: t('network.volunteers.admin.campaignName'), slug: t('network.volunteers.admin.campaignSlug') };
  return (
    <Layout title={t('network.volunteers.admin.title')}>
      <h1>{t('network.volunteers.admin.title')}</h1>
      <AdminNav />
      <p>{t('network.volunteers.admin.lead')}</p>
      <p>
        <a href={href('/jag-vill-hjalpa-till')}>{t('network.volunteers.admin.publicLink')}</a>
      </p>
      {props.created ? <Notice>{t('network.volunteers.admin.campaignCreated')}</Notice> : null}
      <section aria-labelledby="campaigns" class="panel">
        <h2 id="campaigns">{t('network.volunteers.admin.campaigns')}</h2>
        {props.campaigns.length === 0 ? (
          <p>{t('network.volunteers.admin.noCampaigns')}</p>
        ) : (
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('network.volunteers.admin.campaigns')}>
            <table class="data-table admin-table">
              <caption class="visually-hidden">{t('network.volunteers.admin.campaigns')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.volunteers.admin.campaignName')}</th>
                  <th scope="col">{t('network.volunteers.admin.started')}</th>
                  <th scope="col">{t('network.volunteers.admin.signups')}</th>
                </tr>
              </thead>
              <tbody>
                {props.campaigns.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <a href={href(`/admin/volontarer/kampanjer/${c.id}`)}>
                        <OwnText>{c.name}</OwnText>
                      </a>
                      <div class="sub" dir="ltr">
                        {`?${CAMPAIGN_PARAM}=${c.slug}`}
                      </div>
                    </td>
                    <td>{formatDate(lang, localToday(new Date(c.createdAt)), 'dayMonthYear')}</td>
                    <td>{number(lang.intl, c.signups)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form method="post" action={href('/admin/volontarer/kampanjer')} novalidate>
          <CsrfField token={props.csrf} />
          <h3>{t('network.volunteers.admin.newCampaign')}</h3>
          <ErrorSummary errors={props.errors} labels={labels} />
          <Field name="name" label={labels.name} hint={t('network.volunteers.admin.campaignNameHint')} value={props.form.name} error={props.errors.name} required maxLength={CAMPAIGN_LIMITS.name} />
          <Field name="slug" label={labels.slug} hint={t('network.volunteers.admin.campaignSlugHint')} value={props.form.slug} error={props.errors.slug} maxLength={CAMPAIGN_LIMITS.slug} />
          <button type="submit" class="button">
            {t('network.volunteers.admin.createCampaign')}
          </button>
        </form>
      </section>
      <section aria-labelledby="all-roles">
        <h2 id="all-roles">{t('network.volunteers.admin.roles')}</h2>
        <p>{t('network.volunteers.admin.totalSignups', { count: props.total })}</p>
        {props.roles.length === 0 ? <p>{t('network.volunteers.admin.noRoles')}</p> : <RolesTable roles={props.roles} counts={props.counts} caption={t('network.volunteers.admin.roles')} />}
      </section>
    </Layout>
  );
}

export interface CampaignPageProps {
  campaign: Campaign;
  link: string;
  /** The link as a QR code (an SVG data URL) for posters. */
  qr: string;
  roles: RoleWithOrganisation[];
  counts: Map<number, number>;
  total: number;
  byKind: Map<string, number>;
}

export function CampaignPage(props: CampaignPageProps) {
  const { href, lang } = usePage();
  const t = useT();
  const withSignups = props.roles.filter((r) => (props.counts.get(r.id) ?? 0) > 0);
  return (
    <Layout title={props.campaign.name}>
      <BackLink href={href('/admin/volontarer')}>{t('network.volunteers.admin.title')}</BackLink>
      <h1>
        <OwnText>{props.campaign.name}</OwnText>
      </h1>
      <AdminNav />
      <dl class="facts-inline">
        <dt>{t('network.volunteers.admin.signups')}</dt>
        <dd id="campaign-total">{number(lang.intl, props.total)}</dd>
        <dt>{t('network.volunteers.admin.link')}</dt>
        <dd>
          <a href={props.link} dir="ltr" class="contact-link">
            <bdi>{props.link}</bdi>
          </a>
        </dd>
      </dl>
      <p>{t('network.volunteers.admin.linkHint')}</p>
      <img src={props.qr} alt={t('network.volunteers.admin.qrAlt', { link: props.link })} width="200" height="200" />
      <h2>{t('network.volunteers.admin.byKind')}</h2>
      <dl class="facts-inline" id="campaign-kinds">
        {ROLE_KINDS.map((k) => (
          <Fragment key={k}>
            <dt>{t(`network.volunteers.kind.${k}`)}</dt>
            <dd>{number(lang.intl, props.byKind.get(k) ?? 0)}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t('network.volunteers.admin.byRole')}</h2>
      {withSignups.length === 0 ? <p>{t('network.volunteers.admin.noSignups')}</p> : <RolesTable roles={withSignups} counts={props.counts} caption={t('network.volunteers.admin.byRole')} />}
    </Layout>
  );
}
