/**
 * The guides' pages about associations: the list with what is known of each, one organisation's page
 * (needs flags, which activities show a need publicly, contacts for integration, the visit log) and
 * the forms that change one contact or one log entry. Guides and the coordinator only.
 */
import { formatDate } from '../../i18n/index.js';
import { BackLink, ChoiceGroup, CsrfField, DateTime, ErrorSummary, Field, Notice, SelectField, telHref, TextArea } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { activityPath } from '../calendar/index.js';
import {
  ASSOCIATION_FLAGS,
  CONTACT_LIMITS,
  FLAG_VALUES,
  NEED_FLAG,
  PUBLIC_NEEDS,
  VISIT_KINDS,
  VISIT_NOTE_MAX,
  type ContactForm,
  type Flags,
  type FlagValues,
  type PublicNeed,
  type VisitForm,
} from './association.js';
import type { AssociationContact, AssociationVisit } from './association.store.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

const CONTACT_FIELDS = ['name', 'role', 'phone', 'email', 'reach'] as const;
const VISIT_FIELDS = ['visitDate', 'visitKind', 'guideId', 'visitNote'] as const;

/** Labels of every field, for the error summary. */
function labels(t: T): Record<string, string> {
  return {
    ...Object.fromEntries(CONTACT_FIELDS.map((f) => [f, t(`guide.associations.contact.${f}`)])),
    ...Object.fromEntries(VISIT_FIELDS.map((f) => [f, t(`guide.associations.visit.${f}`)])),
    ...Object.fromEntries(ASSOCIATION_FLAGS.map((f) => [f, t(`guide.associations.flags.${f}`)])),
  };
}

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

/** The fields of a contact (shared by the add and the edit form). */
export function ContactFields(props: { form: ContactForm; errors: Record<string, string> }) {
  const t = useT();
  const f = props.form;
  const e = props.errors;
  return (
    <>
      <Field name="name" label={t('guide.associations.contact.name')} value={f.name} error={e.name} required maxLength={CONTACT_LIMITS.name} autocomplete="off" />
      <Field name="role" label={t('guide.associations.contact.role')} value={f.role} error={e.role} maxLength={CONTACT_LIMITS.role} hint={t('guide.associations.contact.roleHint')} />
      <Field name="phone" type="tel" label={t('guide.associations.contact.phone')} value={f.phone} error={e.phone} maxLength={CONTACT_LIMITS.phone} autocomplete="off" />
      <Field name="email" type="email" label={t('guide.associations.contact.email')} value={f.email} error={e.email} maxLength={CONTACT_LIMITS.email} autocomplete="off" />
      <TextArea name="reach" label={t('guide.associations.contact.reach')} value={f.reach} error={e.reach} maxLength={CONTACT_LIMITS.reach} hint={t('guide.associations.contact.reachHint')} rows={2} />
    </>
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
      <form method="post" action={href(`${base}/kontakter`)} class="panel" novalidate>
        <h3>{t('guide.associations.addContact')}</h3>
        <CsrfField token={props.csrf} />
        <ContactFields form={props.contactForm} errors={props.errors} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('guide.associations.addContact')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The fields of a log entry (shared by the add and the edit form). */
export function VisitFields(props: { form: VisitForm; errors: Record<string, string>; guides: { id: number; name: string }[] }) {
  const t = useT();
  const f = props.form;
  const e = props.errors;
  return (
    <>
      <Field name="visitDate" type="date" label={t('guide.associations.visit.visitDate')} value={f.visitDate} error={e.visitDate} required />
      <SelectField
        name="visitKind"
        label={t('guide.associations.visit.visitKind')}
        value={f.visitKind}
        error={e.visitKind}
        options={VISIT_KINDS.map((k) => ({ value: k, label: t(`guide.associations.kind.${k}`) }))}
      />
      <SelectField
        name="guideId"
        label={t('guide.associations.visit.guideId')}
        value={f.guideId}
        error={e.guideId}
        options={[{ value: '', label: t('guide.associations.visit.nobody') }, ...props.guides.map((g) => ({ value: String(g.id), label: g.name }))]}
      />
      <TextArea name="visitNote" label={t('guide.associations.visit.visitNote')} value={f.visitNote} error={e.visitNote} maxLength={VISIT_NOTE_MAX} required rows={3} />
    </>
  );
}

function VisitsSection(props: AssociationPageProps) {
  const { href, lang } = usePage();
  const t = useT();
  const base = `/lots/foreningar/${props.organisation.slug}`;
  return (
    <section aria-labelledby="visits-heading">
      <h2 id="visits-heading">{t('guide.associations.visitsHeading')}</h2>
      <form method="post" action={href(`${base}/besok`)} class="panel" novalidate>
        <h3>{t('guide.associations.addVisit')}</h3>
        <CsrfField token={props.csrf} />
        <VisitFields form={props.visitForm} errors={props.errors} guides={props.guides} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('guide.associations.addVisit')}
          </button>
        </div>
      </form>
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

/** Change or remove one contact. */
export function ContactEditPage(props: { organisation: { slug: string; name: string }; contact: AssociationContact; form: ContactForm; errors: Record<string, string>; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  const base = `/lots/foreningar/${props.organisation.slug}/kontakter/${props.contact.id}`;
  return (
    <Layout title={t('guide.associations.editContact')}>
      <BackLink href={href(`/lots/foreningar/${props.organisation.slug}`)}>{props.organisation.name}</BackLink>
      <h1>{t('guide.associations.editContact')}</h1>
      <ErrorSummary errors={props.errors} labels={labels(t)} />
      <form method="post" action={href(base)} novalidate>
        <CsrfField token={props.csrf} />
        <ContactFields form={props.form} errors={props.errors} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('guide.associations.save')}
          </button>
        </div>
      </form>
      <form method="post" action={href(`${base}/ta-bort`)} class="panel">
        <CsrfField token={props.csrf} />
        <p>{t('guide.associations.removeContactLead')}</p>
        <button type="submit" class="button danger">
          {t('guide.associations.remove')}
        </button>
      </form>
    </Layout>
  );
}

/** Change or remove one log entry (its author and the coordinator). */
export function VisitEditPage(props: {
  organisation: { slug: string; name: string };
  visit: AssociationVisit;
  form: VisitForm;
  errors: Record<string, string>;
  guides: { id: number; name: string }[];
  csrf: string;
}) {
  const { href } = usePage();
  const t = useT();
  const base = `/lots/foreningar/${props.organisation.slug}/besok/${props.visit.id}`;
  return (
    <Layout title={t('guide.associations.editVisit')}>
      <BackLink href={href(`/lots/foreningar/${props.organisation.slug}`)}>{props.organisation.name}</BackLink>
      <h1>{t('guide.associations.editVisit')}</h1>
      <p class="sub">
        {t('guide.associations.written')} <DateTime iso={props.visit.createdAt} />
      </p>
      <ErrorSummary errors={props.errors} labels={labels(t)} />
      <form method="post" action={href(base)} novalidate>
        <CsrfField token={props.csrf} />
        <VisitFields form={props.form} errors={props.errors} guides={props.guides} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('guide.associations.save')}
          </button>
        </div>
      </form>
      <form method="post" action={href(`${base}/ta-bort`)} class="panel">
        <CsrfField token={props.csrf} />
        <button type="submit" class="button danger">
          {t('guide.associations.remove')}
        </button>
      </form>
    </Layout>
  );
}
