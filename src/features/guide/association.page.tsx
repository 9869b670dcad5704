/**
 * The guides' pages about associations: the list with what is known of each and one organisation's
 * page (needs flags, which activities show a need publicly, contacts for integration, the visit log).
 * The forms that change one contact or one log entry are in association.forms.tsx. Guides and the
 * coordinator only.
 */
import { formatDate } from '../../i18n/index.js';
import { BackLink, ChoiceGroup, CsrfField, ErrorSummary, Notice, telHref } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { activityPath } from '../calendar/index.js';
import { ASSOCIATION_FLAGS, FLAG_VALUES, NEED_FLAG, PUBLIC_NEEDS, type ContactForm, type Flags, type FlagValues, type PublicNeed, type VisitForm } from './association.js';
import { ContactFields, EntryForm, labels, useT, VisitFields } from './association.forms.js';
import type { AssociationContact, AssociationVisit } from './association.store.js';

/** "Har plats: ja" as a small badge; nothing for an unknown flag. */
export function FlagBadges(props: { values: Partial<FlagValues> }) {
  const t = useT();
  const known = ASSOCIATION_FLAGS.filter((f) => props.values[f] === 'yes' || props.values[f] === 'no');
  if (known.length === 0) return <span class="sub">{t('guide.associations.nothingKnown')}</span>;
  return (
    <ul class="tags">
      {known.map((f) => (
        <li key={f} class={props.values[f] === 'no' ? 'tag badge-cancelled' : 'tag'}>
          {t(`guide.associations.flags.${f}`)}: {t(`guide.associations.value.${props.values[f]}`)}
        </li>
      ))}
    </ul>
  );
}

export interface AssociationListItem {
  slug: string;
  name: string;
  flags: Partial<FlagValues>;
  lastVisit: string | null;
}

export function AssociationsPage(props: { items: AssociationListItem[] }) {
  const { href, lang } = usePage();
  const t = useT();
  return (
    <Layout title={t('guide.associations.title')}>
      <BackLink href={href('/lots')}>{t('guide.cases.title')}</BackLink>
      <h1>{t('guide.associations.title')}</h1>
      <p class="lead">{t('guide.associations.lead')}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('guide.associations.title')}>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('guide.associations.organisation')}</th>
              <th scope="col">{t('guide.associations.flagsHeading')}</th>
              <th scope="col">{t('guide.associations.lastVisit')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((o) => (
              <tr key={o.slug}>
                <td>
                  <a href={href(`/lots/foreningar/${o.slug}`)}>{o.name}</a>
                </td>
                <td>
                  <FlagBadges values={o.flags} />
                </td>
                <td>{o.lastVisit ? formatDate(lang, o.lastVisit, 'dayMonthYear') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export interface NeedsActivity {
  id: number;
  slug: string;
  title: string;
  needs: PublicNeed[];
}

export interface AssociationPageProps {
  organisation: { id: number; slug: string; name: string; published: boolean };
  flags: Flags;
  activities: NeedsActivity[];
  contacts: AssociationContact[];
  visits: AssociationVisit[];
  guides: { id: number; name: string }[];
  viewer: { id: number; isAdmin: boolean };
  contactForm: ContactForm;
  visitForm: VisitForm;
  /** Flags as sent back with an error, else the stored ones. */
  flagForm: Partial<FlagValues> | null;
  errors: Record<string, string>;
  saved?: string | undefined;
  csrf: string;
}

function FlagsSection(props: AssociationPageProps) {
  const { href } = usePage();
  const t = useT();
  const base = `/lots/foreningar/${props.organisation.slug}`;
  return (
    <section aria-labelledby="flags-heading" class="panel">
      <h2 id="flags-heading">{t('guide.associations.flagsHeading')}</h2>
      <form method="post" action={href(`${base}/behov`)} novalidate>
        <CsrfField token={props.csrf} />
        {ASSOCIATION_FLAGS.map((f) => {
          const state = props.flags[f];
          return (
            <ChoiceGroup
              key={f}
              name={f}
              type="radio"
              legend={t(`guide.associations.flags.${f}`)}
              options={FLAG_VALUES.map((v) => ({ value: v, label: t(`guide.associations.value.${v}`) }))}
              selected={[props.flagForm?.[f] ?? state.value]}
              error={props.errors[f]}
              hint={state.setAt ? t('guide.associations.setBy', { date: state.setAt.slice(0, 10), name: state.setBy ?? t('guide.associations.someone') }) : t('guide.associations.neverSet')}
            />
          );
        })}
        <div class="form-actions">
          <button type="submit" class="button">
            {t('guide.associations.saveFlags')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PublicNeedsSection(props: AssociationPageProps) {
  const { href } = usePage();
  const t = useT();
  if (props.activities.length === 0) return null;
  return (
    <section aria-labelledby="public-heading">
      <h2 id="public-heading">{t('guide.associations.publicHeading')}</h2>
      <p>{t('guide.associations.publicLead')}</p>
      <form method="post" action={href(`/lots/foreningar/${props.organisation.slug}/visas`)}>
        <CsrfField token={props.csrf} />
        {props.activities.map((a) => (
          <fieldset key={a.id} class="checks">
            <legend>
              <a href={href(activityPath(a))}>{a.title}</a>
            </legend>
            {PUBLIC_NEEDS.map((n) => (
              <label key={n}>
                <input type="checkbox" name={`needs-${a.id}`} value={n} checked={a.needs.includes(n)} /> {t(`guide.associations.public.${n}`)}
                {props.flags[NEED_FLAG[n]].value !== 'yes' ? <span class="sub"> ({t('guide.associations.publicHidden')})</span> : null}
              </label>
            ))}
            <input type="hidden" name="activityIds" value={String(a.id)} />
          </fieldset>
        ))}
        <div class="form-actions">
          <button type="submit" class="button secondary">
            {t('guide.associations.savePublic')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ContactsSection(props: AssociationPageProps) {
  const { href } = usePage();
  const t = useT();
  const base = `/lots/foreningar/${props.organisation.slug}`;
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t('guide.associations.contactsHeading')}</h2>
      {props.contacts.length === 0 ? (
        <p>{t('guide.associations.noContacts')}</p>
      ) : (
        <ul class="card-list">
          {props.contacts.map((c) => (
            <li key={c.id} class="card">
              <h3>{c.name}</h3>
              {c.role ? <p>{c.role}</p> : null}
              <ul class="link-list">
                {c.phone ? (
                  <li>
                    <a href={telHref(c.phone)} class="contact-link">
                      <bdi dir="ltr">{c.phone}</bdi>
                    </a>
                  </li>
                ) : null}
                {c.email ? (
                  <li>
                    <a href={`mailto:${c.email}`} class="contact-link">
                      <bdi>{c.email}</bdi>
                    </a>
                  </li>
                ) : null}
              </ul>
              {c.reach ? (
                <p>
                  {t('guide.associations.contact.reach')}: {c.reach}
                </p>
              ) : null}
              <p>
                <a href={href(`${base}/kontakter/${c.id}`)}>
                  {t('guide.associations.change')} <span class="visually-hidden">{c.name}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <EntryForm action={href(`${base}/kontakter`)} csrf={props.csrf} heading={t('guide.associations.addContact')} submit={t('guide.associations.addContact')}>
        <ContactFields form={props.contactForm} errors={props.errors} />
      </EntryForm>
    </section>
  );
}

function VisitsSection(props: AssociationPageProps) {
  const { href, lang } = usePage();
  const t = useT();
  const base = `/lots/foreningar/${props.organisation.slug}`;
  return (
    <section aria-labelledby="visits-heading">
      <h2 id="visits-heading">{t('guide.associations.visitsHeading')}</h2>
      <EntryForm action={href(`${base}/besok`)} csrf={props.csrf} heading={t('guide.associations.addVisit')} submit={t('guide.associations.addVisit')}>
        <VisitFields form={props.visitForm} errors={props.errors} guides={props.guides} />
      </EntryForm>
      {props.visits.length === 0 ? (
        <p>{t('guide.associations.noVisits')}</p>
      ) : (
        <ol class="card-list">
          {props.visits.map((v) => (
            <li key={v.id} class="card">
              <h3>
                {formatDate(lang, v.date, 'dayMonthYear')} · {t(`guide.associations.kind.${v.kind}`)}
              </h3>
              {v.guideName ? <p class="sub">{v.guideName}</p> : null}
              <p>{v.note}</p>
              {props.viewer.isAdmin || v.authorId === props.viewer.id ? (
                <p>
                  <a href={href(`${base}/besok/${v.id}`)}>
                    {t('guide.associations.change')} <span class="visually-hidden">{formatDate(lang, v.date, 'dayMonthYear')}</span>
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function AssociationPage(props: AssociationPageProps) {
  const { href } = usePage();
  const t = useT();
  const o = props.organisation;
  return (
    <Layout title={`${o.name} – ${t('guide.associations.title')}`}>
      <BackLink href={href('/lots/foreningar')}>{t('guide.associations.title')}</BackLink>
      <h1>{o.name}</h1>
      <p class="lead">{t('guide.associations.onlyGuides')}</p>
      {o.published ? (
        <p>
          <a href={href(`/organisationer/${o.slug}`)}>{t('guide.associations.publicPage')}</a>
        </p>
      ) : null}
      {props.saved ? <Notice>{t(`guide.associations.saved.${props.saved}`)}</Notice> : null}
      <ErrorSummary errors={props.errors} labels={labels(t)} />
      <FlagsSection {...props} />
      <PublicNeedsSection {...props} />
      <ContactsSection {...props} />
      <VisitsSection {...props} />
    </Layout>
  );
}
