/**
 * The coordinator's mailing screens: messages and segments, a segment with "invite an organisation's
 * editors", composing (Swedish, other languages optional), the preview with the send button and the
 * progress of a send, and the addresses paused after failed deliveries.
 */
import { LANGUAGES, formatDate, nativeLanguageName, translator } from '../../i18n/index.js';
import { BackLink, ChoiceGroup, CsrfField, DateTime, ErrorSummary, Field, Notice, Pager, SelectField, TextArea } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { localToday } from '../../web/time.js';
import { AdminNav } from '../admin/index.js';
import { ORGANISATION_KINDS } from '../taxonomy/index.js';
import { SegmentName } from './mailing.page.js';
import type { Message, Subscriber } from './mailing.store.js';
import { AUDIENCES, composeListMail, MESSAGE_LIMITS, SEGMENT_LIMITS, segmentLabel, SUBSCRIBE_LIMITS, textFor, type MessageForm, type Segment, type SegmentForm } from './mailing.js';
import { useT } from './volunteers.page.js';
import type { Translate } from './volunteers.js';

type SegmentWithMembers = Segment & { members: number };
export type MessageRow = Message & { sent: number };
export type Lookup = { email: string; state: 'active' | 'paused' | 'left' | 'unknown'; at: string | null };

const segmentOf = (segments: Segment[], id: number | null) => segments.find((s) => s.id === id);

function MessageStatus(props: { message: Message; sent: number }) {
  const t = useT();
  const m = props.message;
  if (m.status === 'draft') return <>{t('network.mailing.admin.status.draft')}</>;
  if (m.status === 'sending') return <>{t('network.mailing.admin.status.sending', { sent: props.sent, total: m.recipients })}</>;
  return <>{t('network.mailing.admin.status.sent', { count: m.recipients })}</>;
}

/** The segment form's fields (create and change). */
function SegmentFields(props: { form: SegmentForm; errors: Record<string, string> }) {
  const t = useT();
  const { form, errors } = props;
  return (
    <>
      <SelectField
        name="audience"
        label={t('network.mailing.admin.segment.audience')}
        value={form.audience}
        error={errors.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: t(`network.mailing.admin.segment.audiences.${a}`) }))}
      />
      <SelectField
        name="organisationKind"
        label={t('network.mailing.admin.segment.kind')}
        hint={t('network.mailing.admin.segment.kindHint')}
        value={form.organisationKind}
        error={errors.organisationKind}
        options={[{ value: '', label: '—' }, ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`taxonomy.kind.${k}`) }))]}
      />
      <Field name="name" label={t('network.mailing.admin.segment.name')} hint={t('network.mailing.admin.segment.nameHint')} value={form.name} error={errors.name} maxLength={SEGMENT_LIMITS.name} />
      <Field name="description" label={t('network.mailing.admin.segment.description')} value={form.description} error={errors.description} maxLength={SEGMENT_LIMITS.description} />
      <ChoiceGroup
        name="flags"
        type="checkbox"
        legend={t('network.mailing.admin.segment.flags')}
        options={[
          { value: 'openSignup', label: t('network.mailing.admin.segment.openSignup') },
          { value: 'publicArchive', label: t('network.mailing.admin.segment.publicArchive') },
        ]}
        selected={[...(form.openSignup ? ['openSignup'] : []), ...(form.publicArchive ? ['publicArchive'] : [])]}
      />
    </>
  );
}

function segmentLabels(t: Translate): Record<string, string> {
  return { audience: t('network.mailing.admin.segment.audience'), organisationKind: t('network.mailing.admin.segment.kind'), name: t('network.mailing.admin.segment.name'), description: t('network.mailing.admin.segment.description') };
}

export interface MailingAdminProps {
  messages: MessageRow[];
  page: number;
  pages: number;
  segments: SegmentWithMembers[];
  paused: number;
  segmentForm: SegmentForm;
  segmentErrors: Record<string, string>;
  lookup?: Lookup | undefined;
  lookupError?: string | undefined;
  lookupValue?: string;
  notice?: string | undefined;
  csrf: string;
}

export function MailingAdminPage(props: MailingAdminProps) {
  const { href, lang } = usePage();
  const t = useT();
  return (
    <Layout title={t('network.mailing.admin.title')}>
      <h1>{t('network.mailing.admin.title')}</h1>
      <AdminNav />
      {props.notice ? <Notice>{t(props.notice)}</Notice> : null}
      <p>
        <a class="button" href={href('/admin/utskick/nytt')}>
          {t('network.mailing.admin.compose')}
        </a>{' '}
        <a href={href('/nyhetsbrev/arkiv')}>{t('network.mailing.public.archiveLink')}</a>
      </p>
      {props.paused > 0 ? (
        <Notice kind="warning">
          <a href={href('/admin/utskick/pausade')}>{t('network.mailing.admin.pausedCount', { count: props.paused })}</a>
        </Notice>
      ) : (
        <p>
          <a href={href('/admin/utskick/pausade')}>{t('network.mailing.admin.pausedTitle')}</a>
        </p>
      )}
      <section aria-labelledby="messages">
        <h2 id="messages">{t('network.mailing.admin.messages')}</h2>
        {props.messages.length === 0 ? (
          <p>{t('network.mailing.admin.noMessages')}</p>
        ) : (
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('network.mailing.admin.messages')}>
            <table class="data-table admin-table">
              <caption class="visually-hidden">{t('network.mailing.admin.messages')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.mailing.admin.subject')}</th>
                  <th scope="col">{t('network.mailing.admin.segmentColumn')}</th>
                  <th scope="col">{t('network.mailing.admin.statusColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {props.messages.map((m) => {
                  const segment = segmentOf(props.segments, m.segmentId);
                  return (
                    <tr key={m.id}>
                      <td>
                        <a href={href(`/admin/utskick/${m.id}`)}>
                          <bdi lang="sv" dir="auto">
                            {m.texts.sv?.subject ?? ''}
                          </bdi>
                        </a>
                        <div class="sub">{formatDate(lang, localToday(new Date(m.queuedAt ?? m.updatedAt)), 'dayMonthYear')}</div>
                      </td>
                      <td>{segment ? <SegmentName segment={segment} /> : '—'}</td>
                      <td>
                        <MessageStatus message={m} sent={m.sent} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={props.page} pages={props.pages} hrefFor={(p) => `${href('/admin/utskick')}?sida=${p}`} />
      </section>

      <section aria-labelledby="segments" class="panel">
        <h2 id="segments">{t('network.mailing.admin.segments')}</h2>
        {props.segments.length === 0 ? (
          <p>{t('network.mailing.admin.noSegments')}</p>
        ) : (
          <ul class="card-list">
            {props.segments.map((s) => (
              <li key={s.id}>
                <a href={href(`/admin/utskick/segment/${s.id}`)}>
                  <SegmentName segment={s} />
                </a>{' '}
                · {t('network.mailing.admin.members', { count: s.members })}
                {s.openSignup ? ` · ${t('network.mailing.admin.segment.openShort')}` : ''}
                {s.publicArchive ? ` · ${t('network.mailing.admin.segment.publicShort')}` : ''}
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={href('/admin/utskick/segment')} novalidate>
          <CsrfField token={props.csrf} />
          <h3>{t('network.mailing.admin.newSegment')}</h3>
          <ErrorSummary errors={props.segmentErrors} labels={segmentLabels(t)} />
          <SegmentFields form={props.segmentForm} errors={props.segmentErrors} />
          <button type="submit" class="button">
            {t('network.mailing.admin.createSegment')}
          </button>
        </form>
      </section>

      <section aria-labelledby="lookup" class="panel">
        <h2 id="lookup">{t('network.mailing.admin.lookup.title')}</h2>
        <p>{t('network.mailing.admin.lookup.lead')}</p>
        <form method="post" action={href('/admin/utskick/sok-adress')} novalidate>
          <CsrfField token={props.csrf} />
          <Field name="email" type="email" label={t('network.mailing.admin.lookup.email')} value={props.lookupValue ?? ''} error={props.lookupError} maxLength={SUBSCRIBE_LIMITS.email} />
          <button type="submit" class="button secondary">
            {t('network.mailing.admin.lookup.submit')}
          </button>
        </form>
        {props.lookup ? (
          <p role="status" id="lookup-result">
            {t(`network.mailing.admin.lookup.${props.lookup.state}`, { email: props.lookup.email })}
            {props.lookup.at ? (
              <>
                {' '}
                <DateTime iso={props.lookup.at} />
              </>
            ) : null}
          </p>
        ) : null}
      </section>
    </Layout>
  );
}

export function SegmentAdminPage(props: {
  segment: SegmentWithMembers;
  form: SegmentForm;
  errors: Record<string, string>;
  organisations: { id: number; name: string }[];
  organisationValue: string;
  organisationError?: string | undefined;
  notice?: string | undefined;
  csrf: string;
}) {
  const { href } = usePage();
  const t = useT();
  const base = `/admin/utskick/segment/${props.segment.id}`;
  return (
    <Layout title={segmentLabel(t, props.segment)}>
      <BackLink href={href('/admin/utskick')}>{t('network.mailing.admin.title')}</BackLink>
      <h1>
        <SegmentName segment={props.segment} />
      </h1>
      <AdminNav />
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <p>{t('network.mailing.admin.members', { count: props.segment.members })}</p>
      <form method="post" action={href(base)} novalidate class="panel">
        <CsrfField token={props.csrf} />
        <h2>{t('network.mailing.admin.segment.change')}</h2>
        <ErrorSummary errors={props.errors} labels={segmentLabels(t)} />
        <SegmentFields form={props.form} errors={props.errors} />
        <button type="submit" class="button">
          {t('network.mailing.admin.segment.save')}
        </button>
      </form>
      <section aria-labelledby="invite" class="panel">
        <h2 id="invite">{t('network.mailing.admin.invite.title')}</h2>
        <p>{t('network.mailing.admin.invite.lead')}</p>
        <form method="post" action={href(`${base}/redaktorer`)} novalidate>
          <CsrfField token={props.csrf} />
          <SelectField
            name="organisationId"
            label={t('network.mailing.admin.invite.organisation')}
            value={props.organisationValue}
            error={props.organisationError}
            options={[{ value: '', label: t('network.mailing.admin.invite.choose') }, ...props.organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
          />
          <button type="submit" class="button">
            {t('network.mailing.admin.invite.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** Languages the coordinator may write a message in besides Swedish. */
export const OTHER_LANGUAGES = LANGUAGES.filter((l) => l.code !== 'sv');

export function ComposePage(props: { messageId?: number; form: MessageForm; errors: Record<string, string>; segments: SegmentWithMembers[]; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  const { form, errors } = props;
  const title = props.messageId ? t('network.mailing.admin.editTitle') : t('network.mailing.admin.composeTitle');
  const labels: Record<string, string> = { segmentId: t('network.mailing.admin.segmentColumn') };
  for (const l of LANGUAGES) {
    labels[`subject.${l.code}`] = `${t('network.mailing.admin.subject')} (${nativeLanguageName(l.code)})`;
    labels[`body.${l.code}`] = `${t('network.mailing.admin.body')} (${nativeLanguageName(l.code)})`;
  }
  const fields = (code: string) => (
    <>
      <Field name={`subject.${code}`} label={labels[`subject.${code}`]!} value={form.texts[code]?.subject ?? ''} error={errors[`subject.${code}`]} maxLength={MESSAGE_LIMITS.subject} />
      <TextArea name={`body.${code}`} label={labels[`body.${code}`]!} value={form.texts[code]?.body ?? ''} error={errors[`body.${code}`]} maxLength={MESSAGE_LIMITS.body} rows={code === 'sv' ? 12 : 8} />
    </>
  );
  return (
    <Layout title={title}>
      <BackLink href={href(props.messageId ? `/admin/utskick/${props.messageId}` : '/admin/utskick')}>{t('network.mailing.admin.title')}</BackLink>
      <h1>{title}</h1>
      <AdminNav />
      <p>{t('network.mailing.admin.composeLead')}</p>
      <form method="post" action={href(props.messageId ? `/admin/utskick/${props.messageId}/andra` : '/admin/utskick/nytt')} novalidate>
        <CsrfField token={props.csrf} />
        <ErrorSummary errors={errors} labels={labels} />
        <SelectField
          name="segmentId"
          label={labels.segmentId!}
          value={form.segmentId}
          error={errors.segmentId}
          options={[{ value: '', label: t('network.mailing.admin.chooseSegment') }, ...props.segments.map((s) => ({ value: String(s.id), label: `${segmentLabel(t, s)} (${t('network.mailing.admin.members', { count: s.members })})` }))]}
        />
        <fieldset class="form-section">
          <legend>{t('network.mailing.admin.swedish')}</legend>
          {fields('sv')}
        </fieldset>
        <h2>{t('network.mailing.admin.otherLanguages')}</h2>
        <p class="hint">{t('network.mailing.admin.otherLanguagesHint')}</p>
        {OTHER_LANGUAGES.map((l) => {
          const open = (form.texts[l.code]?.subject ?? '') !== '' || (form.texts[l.code]?.body ?? '') !== '' || !!errors[`subject.${l.code}`] || !!errors[`body.${l.code}`];
          return (
            <details key={l.code} open={open} class="form-section" lang={l.code} dir={l.dir}>
              <summary>{nativeLanguageName(l.code)}</summary>
              {fields(l.code)}
            </details>
          );
        })}
        <div class="form-actions">
          <button type="submit" class="button">
            {t('network.mailing.admin.preview')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function MessageAdminPage(props: { message: Message; segment: SegmentWithMembers | undefined; counts: Record<string, number>; recipients: number; notice?: string | undefined; csrf: string }) {
  const { href, publicUrl } = usePage();
  const t = useT();
  const m = props.message;
  const languages = LANGUAGES.filter((l) => m.texts[l.code]);
  const sample = `${publicUrl}/nyhetsbrev/avsluta/…`;
  return (
    <Layout title={m.texts.sv?.subject ?? t('network.mailing.admin.title')}>
      <BackLink href={href('/admin/utskick')}>{t('network.mailing.admin.title')}</BackLink>
      <h1>
        <bdi lang="sv" dir="auto">
          {m.texts.sv?.subject ?? ''}
        </bdi>
      </h1>
      <AdminNav />
      {props.notice ? <Notice>{t(props.notice)}</Notice> : null}
      <dl class="facts-inline" id="message-facts">
        <dt>{t('network.mailing.admin.segmentColumn')}</dt>
        <dd>{props.segment ? <SegmentName segment={props.segment} /> : '—'}</dd>
        <dt>{t('network.mailing.admin.statusColumn')}</dt>
        <dd>
          <MessageStatus message={m} sent={props.counts.sent ?? 0} />
        </dd>
        {m.status === 'draft' ? null : (
          <>
            <dt>{t('network.mailing.admin.delivery.sent')}</dt>
            <dd>{props.counts.sent ?? 0}</dd>
            <dt>{t('network.mailing.admin.delivery.queued')}</dt>
            <dd>{(props.counts.queued ?? 0) + (props.counts.sending ?? 0)}</dd>
            <dt>{t('network.mailing.admin.delivery.failed')}</dt>
            <dd>{props.counts.failed ?? 0}</dd>
            <dt>{t('network.mailing.admin.delivery.skipped')}</dt>
            <dd>{props.counts.skipped ?? 0}</dd>
            {props.counts.unknown ? (
              <>
                <dt>{t('network.mailing.admin.delivery.unknown')}</dt>
                <dd>{props.counts.unknown}</dd>
              </>
            ) : null}
          </>
        )}
      </dl>
      {m.status === 'draft' ? (
        <section aria-labelledby="send" class="panel">
          <h2 id="send">{t('network.mailing.admin.sendHeading')}</h2>
          <p>
            <a href={href(`/admin/utskick/${m.id}/andra`)}>{t('network.mailing.admin.change')}</a>
          </p>
          {props.recipients === 0 ? (
            <p>{t('network.mailing.admin.noRecipients')}</p>
          ) : (
            <form method="post" action={href(`/admin/utskick/${m.id}/skicka`)}>
              <CsrfField token={props.csrf} />
              <p>{t('network.mailing.admin.sendLead')}</p>
              <button type="submit" class="button">
                {t('network.mailing.admin.send', { count: props.recipients })}
              </button>
            </form>
          )}
        </section>
      ) : null}
      <h2>{t('network.mailing.admin.previewHeading')}</h2>
      {languages.map((l) => {
        const lt = translator(l.code) as unknown as Translate;
        const mail = composeListMail(lt, { text: textFor(m.texts, l.code), segment: props.segment ? segmentLabel(lt, props.segment) : '', unsubscribeUrl: sample, archiveUrl: props.segment?.publicArchive ? `${publicUrl}/nyhetsbrev/arkiv/${m.id}` : null });
        return (
          <section key={l.code} class="panel" lang={l.code} dir={l.dir} aria-label={nativeLanguageName(l.code)}>
            <h3>{nativeLanguageName(l.code)}</h3>
            <p>
              <strong>
                <bdi dir="auto">{mail.subject}</bdi>
              </strong>
            </p>
            <div class="mail-text">{mail.text}</div>
          </section>
        );
      })}
    </Layout>
  );
}

export function PausedPage(props: { paused: Subscriber[]; notice?: string | undefined; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('network.mailing.admin.pausedTitle')}>
      <BackLink href={href('/admin/utskick')}>{t('network.mailing.admin.title')}</BackLink>
      <h1>{t('network.mailing.admin.pausedTitle')}</h1>
      <AdminNav />
      <p>{t('network.mailing.admin.pausedLead')}</p>
      {props.notice ? <Notice>{t(props.notice)}</Notice> : null}
      {props.paused.length === 0 ? (
        <p>{t('network.mailing.admin.pausedEmpty')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('network.mailing.admin.pausedTitle')}>
          <table class="data-table admin-table">
            <caption class="visually-hidden">{t('network.mailing.admin.pausedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('network.mailing.admin.address')}</th>
                <th scope="col">{t('network.mailing.admin.lastFailure')}</th>
                <th scope="col">{t('network.mailing.admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.paused.map((s) => (
                <tr key={s.id}>
                  <td>
                    <span class="contact-link" dir="ltr">
                      {s.email}
                    </span>
                    <div class="sub">
                      {t('network.mailing.admin.failures', { count: s.failures })}
                      {s.pausedAt ? (
                        <>
                          {' · '}
                          <DateTime iso={s.pausedAt} />
                        </>
                      ) : null}
                    </div>
                  </td>
                  <td class="user-text" dir="ltr">
                    {s.lastFailure ?? '—'}
                  </td>
                  <td>
                    <form method="post" action={href(`/admin/utskick/pausade/${s.id}`)} class="flag-form">
                      <CsrfField token={props.csrf} />
                      <button type="submit" name="action" value="resume" class="button secondary">
                        {t('network.mailing.admin.resume')} <span class="visually-hidden">{s.email}</span>
                      </button>{' '}
                      <button type="submit" name="action" value="remove" class="button danger">
                        {t('network.mailing.admin.remove')} <span class="visually-hidden">{s.email}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

