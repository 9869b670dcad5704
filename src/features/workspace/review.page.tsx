/** The review queue and one change to review; a proposal as its organisation sees it; the suggestion form. */
import { formatDate } from '../../i18n/index.js';
import { BackLink, CsrfField, ErrorSummary, Field, Notice, Pager, SelectField, TextArea } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { ActivityArticle, type ActivityDetail, type ExpandedOccurrence, type SkippedDate } from '../calendar/index.js';
import type { District } from '../places/index.js';
import type { ActivityForm } from './activity-form.js';
import { ActivityFields, type ActivityFieldChoices } from './activity-fields.js';
import { noteDates, type FactNames } from './facts.js';
import { NewHostFields, type HostChoice } from './review-host.js';
export type { HostChoice };
import type { ProfileForm } from './profile-form.js';
import type { Revision } from './revision.store.js';
import { ChangeTable, ProfileFields } from './workspace.page.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

export interface ReviewItem {
  revision: Revision;
  organisationName: string | null;
  title: string;
  /** The published version's facts; null for something new. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  isNew: boolean;
  /** For a co-host request: the organisation asked. */
  coHostName?: string | null;
}

type Preview = { activity: ActivityDetail; upcoming: ExpandedOccurrence[]; skipped: SkippedDate[] };

function PreviewArticle(props: { preview: Preview }) {
  const a = props.preview.activity;
  const text = (s: string) => ({ text: s, lang: 'sv', machine: false, outdated: false });
  return (
    <div class="preview-frame">
      <ActivityArticle
        activity={a}
        texts={{ title: text(a.title), description: text(a.description), directions: a.place?.directions ? text(a.place.directions) : null }}
        upcoming={props.preview.upcoming}
        skipped={props.preview.skipped}
        preview
        headingLevel={2}
      />
    </div>
  );
}

function kindOf(t: T, item: ReviewItem): string {
  const r = item.revision;
  if (r.entity === 'organisation') return t('review.kind.profile');
  if (r.entity === 'note') return t(r.data.kind === 'pause' ? 'review.kind.pauseNote' : 'review.kind.cancelNote');
  if (r.entity === 'cohost') return t('review.kind.coHost');
  if (r.entityId === null) return t('review.kind.suggestion');
  return t(item.isNew ? 'review.kind.newActivity' : 'review.kind.change');
}

function ItemRow(props: { item: ReviewItem }) {
  const { lang, href } = usePage();
  const t = useT();
  const r = props.item.revision;
  return (
    <tr>
      <td>
        <a href={href(`/admin/granska/${r.id}`)}>{props.item.title}</a>
      </td>
      <td>{kindOf(t, props.item)}</td>
      <td>{props.item.organisationName ?? '—'}</td>
      <td>{t(`review.status.${r.status}`)}</td>
      <td>{formatDate(lang, r.updatedAt.slice(0, 10), 'dayMonthYear')}</td>
    </tr>
  );
}

function ItemTable(props: { items: ReviewItem[]; caption: string }) {
  const t = useT();
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.columns.what')}</th>
            <th scope="col">{t('review.columns.kind')}</th>
            <th scope="col">{t('review.columns.organisation')}</th>
            <th scope="col">{t('review.columns.status')}</th>
            <th scope="col">{t('review.columns.date')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i) => (
            <ItemRow key={i.revision.id} item={i} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReviewQueuePage(props: { pending: ReviewItem[]; total: number; page: number; pageSize: number; waitingOnOthers: ReviewItem[] }) {
  const { href, search } = usePage();
  const t = useT();
  const done = /[?&]klar=(approved|returned|declined|gone)/.exec(search)?.[1];
  return (
    <Layout title={t('review.title')}>
      <h1>{t('review.title')}</h1>
      {done ? <Notice kind={done === 'gone' ? 'warning' : 'info'}>{t(`review.done.${done}`)}</Notice> : null}
      <h2>{t('review.pending', { count: props.total })}</h2>
      {props.pending.length === 0 ? <p>{t('review.empty')}</p> : <ItemTable items={props.pending} caption={t('review.pendingCaption')} />}
      <Pager page={props.page} pages={Math.max(1, Math.ceil(props.total / props.pageSize))} hrefFor={(p) => `${href('/admin/granska')}?page=${p}`} />
      <h2>{t('review.waitingOnOthers', { count: props.waitingOnOthers.length })}</h2>
      {props.waitingOnOthers.length === 0 ? <p>{t('review.noneWaiting')}</p> : <ItemTable items={props.waitingOnOthers} caption={t('review.waitingCaption')} />}
    </Layout>
  );
}

export function ReviewDetailPage(props: {
  item: ReviewItem;
  names: FactNames;
  preview: Preview | undefined;
  organisations: { id: number; name: string }[];
  /** Set when the tip names an organisation that is not in Tillsammans (or the coordinator chose to create one). */
  host?: HostChoice | undefined;
  /** Organisations whose names look like the one the tip names. */
  lookAlikes?: { id: number; name: string }[];
  csrf: string;
  errors: Record<string, string>;
}) {
  const { lang, href } = usePage();
  const t = useT();
  const { item } = props;
  const r = item.revision;
  const coHost = r.entity === 'cohost';
  const open = coHost ? r.status === 'requested' : r.status === 'pending';
  const changes = (before: Record<string, unknown>) => (
    <ChangeTable before={before} after={item.after} names={props.names} beforeLabel={t('review.published')} afterLabel={t('review.proposed')} caption={t('review.changesCaption')} />
  );
  return (
    <Layout title={t('review.detailTitle', { title: item.title })}>
      <BackLink href={href('/admin/granska')}>{t('review.title')}</BackLink>
      <h1>{t('review.detailTitle', { title: item.title })}</h1>
      <dl class="facts-inline">
        <dt>{t('review.columns.kind')}</dt>
        <dd>{kindOf(t, item)}</dd>
        <dt>{t('review.columns.organisation')}</dt>
        <dd>{item.organisationName ?? '—'}</dd>
        {coHost ? (
          <>
            <dt>{t('review.coHost')}</dt>
            <dd>{item.coHostName ?? '—'}</dd>
          </>
        ) : null}
        {r.entity === 'note' ? (
          <>
            <dt>{t('review.noteDate')}</dt>
            <dd>{noteDates(lang, r.data)}</dd>
          </>
        ) : null}
        <dt>{t('review.columns.status')}</dt>
        <dd>{t(`review.status.${r.status}`)}</dd>
        <dt>{t('review.columns.date')}</dt>
        <dd>{formatDate(lang, r.updatedAt.slice(0, 10), 'dayMonthYear')}</dd>
        {r.submitterEmail ? (
          <>
            <dt>{t('review.sender')}</dt>
            <dd>
              {r.submitterName} &lt;<bdi>{r.submitterEmail}</bdi>&gt;
            </dd>
          </>
        ) : null}
        {r.message ? (
          <>
            <dt>{t('review.message')}</dt>
            <dd class="user-text">{r.message}</dd>
          </>
        ) : null}
      </dl>
      {coHost ? <p>{t('review.coHostLead', { organisation: item.organisationName ?? '', coHost: item.coHostName ?? '' })}</p> : null}
      {item.before ? changes(item.before) : null}
      {props.preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('workspace.form.previewHeading')}</h2>
          <PreviewArticle preview={props.preview} />
        </section>
      ) : !item.before ? (
        changes({})
      ) : null}
      {open ? (
        <div class="review-actions">
          <form method="post" action={href(`/admin/granska/${r.id}/godkann`)} class="panel">
            <CsrfField token={props.csrf} />
            <h2>{t('review.approveHeading')}</h2>
            {props.organisations.length > 0 ? (
              <SelectField
                name="organisationId"
                label={t('review.hostOrganisation')}
                hint={t('review.hostHint')}
                value={props.host?.organisationId ?? ''}
                error={props.errors.organisationId}
                options={[
                  { value: '', label: t('workspace.choose') },
                  ...(props.host ? [{ value: 'new', label: t('joining.review.createOption') }] : []),
                  ...props.organisations.map((o) => ({ value: String(o.id), label: o.name })),
                ]}
              />
            ) : null}
            {props.organisations.length > 0 && props.host ? <NewHostFields host={props.host} lookAlikes={props.lookAlikes ?? []} errors={props.errors} /> : null}
            <button type="submit" class="button">
              <Icon name="circle-check" />
              {t(coHost ? 'review.coHostApprove' : 'review.approve')}
            </button>
          </form>
          {coHost ? (
            <form method="post" action={href(`/admin/granska/${r.id}/avboj`)} class="panel">
              <CsrfField token={props.csrf} />
              <h2>{t('review.declineHeading')}</h2>
              <p class="hint">{t('review.declineHint', { organisation: item.organisationName ?? '' })}</p>
              <button type="submit" class="button secondary">
                {t('review.decline')}
              </button>
            </form>
          ) : (
            <form method="post" action={href(`/admin/granska/${r.id}/skicka-tillbaka`)} class="panel" novalidate>
              <CsrfField token={props.csrf} />
              <h2>{t('review.returnHeading')}</h2>
              <TextArea name="message" label={t('review.returnMessage')} hint={t('review.returnHint')} value="" error={props.errors.message} maxLength={2000} required />
              <button type="submit" class="button secondary">
                {t('review.return')}
              </button>
            </form>
          )}
        </div>
      ) : null}
    </Layout>
  );
}

export function ProposalPage(props: {
  token: string;
  item: ReviewItem;
  names: FactNames;
  preview: Preview | undefined;
  form: ActivityForm | undefined;
  profileForm: ProfileForm | undefined;
  choices: ActivityFieldChoices | undefined;
  districts: District[];
  errors: Record<string, string>;
  editing: boolean;
  csrf: string;
}) {
  const { href } = usePage();
  const t = useT();
  const { item } = props;
  const action = href(`/forslag/${props.token}`);
  return (
    <Layout title={t('proposal.title', { organisation: item.organisationName ?? '' })}>
      <h1>{t('proposal.title', { organisation: item.organisationName ?? '' })}</h1>
      <p class="lead">{t('proposal.lead')}</p>
      {item.revision.message ? (
        <section class="panel" aria-labelledby="message-heading">
          <h2 id="message-heading">{t('proposal.message')}</h2>
          <p class="user-text">{item.revision.message}</p>
        </section>
      ) : null}
      {props.editing ? (
        <form method="post" action={action} novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="edited" value="true" />
          {props.form && props.choices ? <ActivityFields form={props.form} errors={props.errors} choices={props.choices} /> : null}
          {props.profileForm ? <ProfileFields form={props.profileForm} errors={props.errors} districts={props.districts} /> : null}
          <button type="submit" class="button">
            <Icon name="circle-check" />
            {t('proposal.saveAndApprove')}
          </button>
        </form>
      ) : (
        <>
          {item.before ? (
            <ChangeTable before={item.before} after={item.after} names={props.names} beforeLabel={t('review.published')} afterLabel={t('review.proposed')} caption={t('review.changesCaption')} />
          ) : null}
          {props.preview ? <PreviewArticle preview={props.preview} /> : null}
          {!props.preview && !item.before ? (
            <ChangeTable before={{}} after={item.after} names={props.names} beforeLabel={t('review.published')} afterLabel={t('review.proposed')} caption={t('review.changesCaption')} />
          ) : null}
          <form method="post" action={action} class="form-actions">
            <CsrfField token={props.csrf} />
            <button type="submit" class="button">
              <Icon name="circle-check" />
              {t('proposal.approve')}
            </button>
            <a class="button secondary" href={`${action}?andra=1`}>
              <Icon name="pencil" />
              {t('proposal.edit')}
            </a>
          </form>
        </>
      )}
    </Layout>
  );
}

export interface SuggestForm {
  activity: ActivityForm;
  senderName: string;
  senderEmail: string;
  organisationId: string;
  organisationName: string;
}

export function SuggestPage(props: {
  form: SuggestForm;
  errors: Record<string, string>;
  /** Why the tip was not taken although nothing typed was wrong (too many tips or mails): a catalogue key. */
  refused?: string | undefined;
  choices: ActivityFieldChoices;
  organisations: { id: number; name: string }[];
  csrf: string;
}) {
  const { href } = usePage();
  const t = useT();
  const { form, errors } = props;
  const senderErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => ['senderName', 'senderEmail', 'organisationId'].includes(k)));
  const activityErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => !(k in senderErrors)));
  return (
    <Layout title={t('suggest.title')}>
      <h1>{t('suggest.title')}</h1>
      <p class="lead">{t('suggest.lead')}</p>
      <form method="post" action={href('/tipsa')} novalidate class="activity-form">
        <CsrfField token={props.csrf} />
        {props.refused ? <Notice kind="error">{t(props.refused)}</Notice> : null}
        <ErrorSummary errors={senderErrors} labels={{ senderName: t('suggest.senderName'), senderEmail: t('suggest.senderEmail'), organisationId: t('suggest.organisation') }} />
        <fieldset class="form-section">
          <legend>{t('suggest.aboutYou')}</legend>
          <Field name="senderName" label={t('suggest.senderName')} value={form.senderName} error={errors.senderName} required maxLength={200} autocomplete="name" />
          <Field name="senderEmail" type="email" label={t('suggest.senderEmail')} hint={t('suggest.senderEmailHint')} value={form.senderEmail} error={errors.senderEmail} required maxLength={254} autocomplete="email" />
          <SelectField
            name="organisationId"
            label={t('suggest.organisation')}
            value={form.organisationId}
            error={errors.organisationId}
            options={[{ value: '', label: t('suggest.organisationNotListed') }, ...props.organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
          />
          <Field name="organisationName" label={t('suggest.organisationName')} hint={t('suggest.organisationNameHint')} value={form.organisationName} maxLength={200} />
        </fieldset>
        <ActivityFields form={form.activity} errors={activityErrors} choices={props.choices} />
        <p class="hint">{t('suggest.privacy')}</p>
        <button type="submit" class="button">
          <Icon name="mail" />
          {t('suggest.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function SuggestConfirmPage(props: { kind: 'sent' | 'confirm' | 'confirmed' | 'proposalApproved'; csrf: string; token?: string; email?: string }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t(`suggest.${props.kind}.title`)}>
      <div class="narrow">
        <h1>{t(`suggest.${props.kind}.title`)}</h1>
        <p class="lead">{t(`suggest.${props.kind}.lead`, { email: props.email ?? '' })}</p>
        {props.kind === 'confirm' ? (
          <form method="post" action={href(`/tipsa/bekrafta/${props.token}`)}>
            <CsrfField token={props.csrf} />
            <button type="submit" class="button">
              <Icon name="circle-check" />
              {t('suggest.confirm.button')}
            </button>
          </form>
        ) : (
          <p>
            <a class="button secondary" href={href('/')}>
              {t('errors.backToCalendar')}
            </a>
          </p>
        )}
      </div>
    </Layout>
  );
}

