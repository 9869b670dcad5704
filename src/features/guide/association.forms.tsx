/**
 * The forms of the guides' association pages: the fields of a contact and of a log entry, the form
 * that adds or changes one, and the pages that change or remove one. Guides and the coordinator only.
 */
import { BackLink, CsrfField, DateTime, ErrorSummary, Field, SelectField, TextArea } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { ASSOCIATION_FLAGS, CONTACT_LIMITS, VISIT_KINDS, VISIT_NOTE_MAX, type ContactForm, type VisitForm } from './association.js';
import type { AssociationContact, AssociationVisit } from './association.store.js';

export type T = (key: string, options?: Record<string, unknown>) => string;
export const useT = () => usePage().t as unknown as T;

const CONTACT_FIELDS = ['name', 'role', 'phone', 'email', 'reach'] as const;
const VISIT_FIELDS = ['visitDate', 'visitKind', 'guideId', 'visitNote'] as const;

/** Labels of every field, for the error summary. */
export function labels(t: T): Record<string, string> {
  return {
    ...Object.fromEntries(CONTACT_FIELDS.map((f) => [f, t(`guide.associations.contact.${f}`)])),
    ...Object.fromEntries(VISIT_FIELDS.map((f) => [f, t(`guide.associations.visit.${f}`)])),
    ...Object.fromEntries(ASSOCIATION_FLAGS.map((f) => [f, t(`guide.associations.flags.${f}`)])),
  };
}

/**
 * A form that adds or changes one contact or log entry: its fields and one submit button. The add
 * forms on the organisation's page are panels with a heading; the edit pages' forms stand alone.
 */
export function EntryForm(props: { action: string; csrf: string; submit: string; heading?: string; children: preact.ComponentChildren }) {
  return (
    <form method="post" action={props.action} class={props.heading ? 'panel' : undefined} novalidate>
      {props.heading ? <h3>{props.heading}</h3> : null}
      <CsrfField token={props.csrf} />
      {props.children}
      <div class="form-actions">
        <button type="submit" class="button">
          {props.submit}
        </button>
      </div>
    </form>
  );
}

/** The page that changes or removes one contact or log entry (`base` is the entry's own path). */
function EntryEditPage(props: {
  organisation: { slug: string; name: string };
  title: string;
  base: string;
  errors: Record<string, string>;
  csrf: string;
  /** Shown under the heading. */
  intro?: preact.ComponentChildren;
  /** Said above the remove button. */
  removeLead?: string;
  children: preact.ComponentChildren;
}) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={props.title}>
      <BackLink href={href(`/lots/foreningar/${props.organisation.slug}`)}>{props.organisation.name}</BackLink>
      <h1>{props.title}</h1>
      {props.intro}
      <ErrorSummary errors={props.errors} labels={labels(t)} />
      <EntryForm action={href(props.base)} csrf={props.csrf} submit={t('guide.associations.save')}>
        {props.children}
      </EntryForm>
      <form method="post" action={href(`${props.base}/ta-bort`)} class="panel">
        <CsrfField token={props.csrf} />
        {props.removeLead ? <p>{props.removeLead}</p> : null}
        <button type="submit" class="button danger">
          {t('guide.associations.remove')}
        </button>
      </form>
    </Layout>
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

/** Change or remove one contact. */
export function ContactEditPage(props: { organisation: { slug: string; name: string }; contact: AssociationContact; form: ContactForm; errors: Record<string, string>; csrf: string }) {
  const t = useT();
  return (
    <EntryEditPage
      organisation={props.organisation}
      title={t('guide.associations.editContact')}
      base={`/lots/foreningar/${props.organisation.slug}/kontakter/${props.contact.id}`}
      errors={props.errors}
      csrf={props.csrf}
      removeLead={t('guide.associations.removeContactLead')}
    >
      <ContactFields form={props.form} errors={props.errors} />
    </EntryEditPage>
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
  const t = useT();
  return (
    <EntryEditPage
      organisation={props.organisation}
      title={t('guide.associations.editVisit')}
      base={`/lots/foreningar/${props.organisation.slug}/besok/${props.visit.id}`}
      errors={props.errors}
      csrf={props.csrf}
      intro={
        <p class="sub">
          {t('guide.associations.written')} <DateTime iso={props.visit.createdAt} />
        </p>
      }
    >
      <VisitFields form={props.form} errors={props.errors} guides={props.guides} />
    </EntryEditPage>
  );
}
