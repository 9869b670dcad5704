/** The organisation directory and an organisation's profile. */
import { formatList } from '../../i18n/index.js';
import { Pager, telHref } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';

import { CategoryLabel, SubscribeLinks, SummaryList, categoryIcon, withQuery, type ActivitySummary } from '../calendar/index.js';
import type { District } from '../places/index.js';
import { CATEGORY_CODES, type Category } from '../taxonomy/index.js';
import type { Organisation } from './organisation.js';
import { TranslationNote, type LocalText } from '../translation/index.js';

export const PAGE_SIZE = 50;

function OrganisationCard(props: { org: Organisation }) {
  const { t, href } = usePage();
  const o = props.org;
  const summary = o.description.length > 220 ? `${o.description.slice(0, 217).replace(/\s+\S*$/, '')} …` : o.description;
  return (
    <li class="card">
      <h2>
        <a href={href(`/organisationer/${o.slug}`)}>{o.name}</a>
      </h2>
      <p class="kind">{t(`taxonomy.kind.${o.kind}`)}</p>
      {summary ? <p lang="sv">{summary}</p> : null}
      {o.categories.length > 0 ? (
        <ul class="icon-row" aria-label={t('organisations.categories')}>
          {o.categories.map((c) => (
            <li key={c} class={`cat-${c}`} title={t(`taxonomy.category.${c}`)}>
              <Icon name={categoryIcon(c)} label={t(`taxonomy.category.${c}`)} />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export interface DirectoryProps {
  organisations: Organisation[];
  total: number;
  page: number;
  category: Category | undefined;
  district: string | undefined;
  districts: District[];
}

export function DirectoryPage(props: DirectoryProps) {
  const { t, href } = usePage();
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  const params = { category: props.category, district: props.district };
  return (
    <Layout title={t('organisations.title')} section="organisations" description={t('organisations.lead')}>
      <header class="page-head">
        <h1>{t('organisations.title')}</h1>
        <p class="lead">{t('organisations.lead')}</p>
        <p>
          <a href={href('/var-med')}>{t('joining.public.link')}</a>
        </p>
      </header>
      <form method="get" action={href('/organisationer')} class="inline-filters">
        <div class="field">
          <label for="o-category">{t('filters.category')}</label>
          <select id="o-category" name="category">
            <option value="">{t('filters.anyCategory')}</option>
            {CATEGORY_CODES.map((c) => (
              <option key={c} value={c} selected={props.category === c}>
                {t(`taxonomy.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="o-district">{t('filters.district')}</label>
          <select id="o-district" name="district">
            <option value="">{t('filters.anyDistrict')}</option>
            {props.districts.map((d) => (
              <option key={d.slug} value={d.slug} selected={props.district === d.slug}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('filters.apply')}
        </button>
      </form>
      <p class="result-count" role="status">
        {t('organisations.count', { count: props.total })}
      </p>
      <ul class="cards">
        {props.organisations.map((o) => (
          <OrganisationCard key={o.id} org={o} />
        ))}
      </ul>
      <Pager page={props.page} pages={pages} hrefFor={(n) => withQuery(href('/organisationer'), { ...params, page: String(n) })} />
    </Layout>
  );
}

export function OrganisationPage(props: { org: Organisation; description: LocalText; activities: ActivitySummary[] }) {
  const { t, lang, href } = usePage();
  const o = props.org;
  return (
    <Layout title={o.name} section="organisations" description={o.description.slice(0, 160)}>
      <article class="organisation">
        <header class="page-head">
          <p class="crumbs">
            <a href={href('/organisationer')}>{t('organisations.title')}</a>
          </p>
          <h1>{o.name}</h1>
          <p class="kind">{t(`taxonomy.kind.${o.kind}`)}</p>
        </header>
        {o.description ? (
          <section aria-labelledby="what-heading">
            <h2 id="what-heading">{t('organisations.whatWeDo')}</h2>
            <div class="user-text" lang={props.description.lang === lang.code ? undefined : props.description.lang} dir="auto">
              {props.description.text.split(/\n{2,}/).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
            <TranslationNote value={props.description} />
          </section>
        ) : null}
        <dl class="facts">
          {o.categories.length > 0 ? (
            <div class="fact">
              <dt>{t('organisations.categories')}</dt>
              <dd>
                <ul class="plain inline">
                  {o.categories.map((c) => (
                    <li key={c}>
                      <a href={href(`/kategori/${c}`)}>
                        <CategoryLabel category={c} />
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          {o.districts.length > 0 ? (
            <div class="fact">
              <dt>
                <Icon name="map-pin" />
                {t('organisations.districts')}
              </dt>
              <dd>{formatList(lang, o.districts.map((d) => d.name))}</dd>
            </div>
          ) : null}
          <div class="fact">
            <dt>
              <Icon name="phone" />
              {t('organisations.contact')}
            </dt>
            <dd>
              {o.contactName ? <div>{o.contactName}</div> : null}
              {o.phone ? (
                <div>
                  <a href={telHref(o.phone)} class="contact-link">
                    <Icon name="phone" />
                    <bdi dir="ltr">{o.phone}</bdi>
                  </a>
                </div>
              ) : null}
              {o.email ? (
                <div>
                  <a href={`mailto:${o.email}`} class="contact-link">
                    <Icon name="mail" />
                    <bdi>{o.email}</bdi>
                  </a>
                </div>
              ) : null}
              {o.website ? (
                <div>
                  <a href={o.website} rel="external noopener" class="contact-link">
                    <Icon name="external-link" />
                    <bdi>{o.website.replace(/^https?:\/\//, '')}</bdi>
                  </a>
                </div>
              ) : null}
              {!o.phone && !o.email && !o.website && !o.contactName ? t('organisations.noContact') : null}
            </dd>
          </div>
        </dl>
        <section aria-labelledby="acts-heading">
          <h2 id="acts-heading">{t('organisations.activities')}</h2>
          {props.activities.length === 0 ? <p>{t('organisations.noActivities')}</p> : <SummaryList activities={props.activities} />}
        </section>
        {props.activities.length > 0 ? (
          <>
            <p class="actions">
              <a class="button secondary" href={href(`/skriv-ut/organisation/${o.slug}`)}>
                {t('common.print')}
              </a>
              <a class="button secondary" href={withQuery(href('/widget/installera'), { organisation: o.slug })}>
                {t('common.embed')}
              </a>
            </p>
            <SubscribeLinks params={{ organisation: o.slug }} />
          </>
        ) : null}
      </article>
    </Layout>
  );
}
