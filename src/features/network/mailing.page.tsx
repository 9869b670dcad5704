/**
 * The mailing list's public pages: subscribe (double opt-in), "check your inbox", confirm, unsubscribe
 * (a button, never a bare link: mail scanners open links), and the archive of sent messages.
 */
import { formatDate } from '../../i18n/index.js';
import { BackLink, CsrfField, ErrorSummary, Field, HoneypotField, Notice, Pager } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { localToday } from '../../web/time.js';
import { CONFIRM_HOURS, segmentLabel, SUBSCRIBE_HONEYPOT, SUBSCRIBE_LIMITS, textFor, type Segment, type SubscribeForm } from './mailing.js';
import type { Message } from './mailing.store.js';
import { useT } from './volunteers.page.js';
import type { Translate } from './volunteers.js';

/** A segment's name: translated for the named audiences, the coordinator's own words (Swedish) otherwise. */
export function SegmentName(props: { segment: Pick<Segment, 'audience' | 'organisationKind' | 'name'> }) {
  const t = useT() as Translate;
  const label = segmentLabel(t, props.segment);
  return props.segment.audience === 'custom' ? (
    <bdi lang="sv" dir="auto">
      {label}
    </bdi>
  ) : (
    <>{label}</>
  );
}

export function SubscribePage(props: { segments: Segment[]; form: SubscribeForm; errors: Record<string, string>; notice?: string | undefined; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  const { form, errors } = props;
  const labels: Record<string, string> = { email: t('network.mailing.form.email'), name: t('network.mailing.form.name'), segments: t('network.mailing.form.segments') };
  return (
    <Layout title={t('network.mailing.public.title')} description={t('network.mailing.public.lead')}>
      <div class="narrow-wide">
        <h1>{t('network.mailing.public.title')}</h1>
        <p class="lead">{t('network.mailing.public.lead')}</p>
        <p>
          <a href={href('/nyhetsbrev/arkiv')}>{t('network.mailing.public.archiveLink')}</a>
        </p>
        {props.segments.length === 0 ? (
          <p>{t('network.mailing.public.closed')}</p>
        ) : (
          <form method="post" action={href('/nyhetsbrev')} novalidate>
            <CsrfField token={props.csrf} />
            {props.notice ? <Notice kind="error">{t(props.notice)}</Notice> : null}
            <ErrorSummary errors={errors} labels={labels} />
            <HoneypotField name={SUBSCRIBE_HONEYPOT} label={t('network.mailing.form.honeypot')} value={form.website} />
            <fieldset class={errors.segments ? 'checks has-error' : 'checks'} id="field-segments" aria-describedby={errors.segments ? 'field-segments-error' : undefined}>
              <legend>{labels.segments}</legend>
              {props.segments.map((s) => (
                <label key={s.id}>
                  <input type="checkbox" name="segments" value={String(s.id)} checked={form.segments.includes(String(s.id))} />
                  {/* One flex item for the words, so a long description wraps instead of widening the page. */}
                  <span>
                    <SegmentName segment={s} />
                    {s.description ? (
                      <span class="sub">
                        {' – '}
                        <bdi lang="sv" dir="auto">
                          {s.description}
                        </bdi>
                      </span>
                    ) : null}
                  </span>
                </label>
              ))}
              {errors.segments ? (
                <p class="field-error" id="field-segments-error">
                  {t(errors.segments)}
                </p>
              ) : null}
            </fieldset>
            <Field name="email" type="email" label={labels.email!} value={form.email} error={errors.email} required maxLength={SUBSCRIBE_LIMITS.email} autocomplete="email" />
            <Field name="name" label={labels.name!} hint={t('network.mailing.form.nameHint')} value={form.name} error={errors.name} maxLength={SUBSCRIBE_LIMITS.name} autocomplete="name" />
            <section class="form-section consent" aria-labelledby="privacy-heading">
              <h2 id="privacy-heading">{t('network.mailing.form.privacyHeading')}</h2>
              <ul>
                <li>{t('network.mailing.form.privacyConfirm', { hours: CONFIRM_HOURS })}</li>
                <li>{t('network.mailing.form.privacyKeep')}</li>
                <li>{t('network.mailing.form.privacyLeave')}</li>
              </ul>
              <p>
                <a href={href('/integritet')}>{t('network.mailing.form.privacyLink')}</a>
              </p>
            </section>
            <button type="submit" class="button big">
              <Icon name="mail" />
              {t('network.mailing.form.submit')}
            </button>
          </form>
        )}
      </div>
    </Layout>
  );
}

/** After the form ('sent': look in your inbox) or after confirming ('done'). */
export function SubscribeNoticePage(props: { step: 'sent' | 'done' }) {
  const { href } = usePage();
  const t = useT();
  const title = t(props.step === 'sent' ? 'network.mailing.sent.title' : 'network.mailing.done.title');
  return (
    <Layout title={title}>
      <div class="narrow-wide">
        <h1>{title}</h1>
        <Notice>{props.step === 'sent' ? t('network.mailing.sent.text', { hours: CONFIRM_HOURS }) : t('network.mailing.done.text')}</Notice>
        <p>{t(props.step === 'sent' ? 'network.mailing.sent.nothingElse' : 'network.mailing.done.leave')}</p>
        <p>
          <a href={href('/nyhetsbrev/arkiv')}>{t('network.mailing.public.archiveLink')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** What a link from a mail is about (its segments) and the one button that acts on it: opening the link changes nothing. */
function SegmentsAndButton(props: { lead: string; segments: Segment[]; note?: string; action: string; csrf: string; submit: string }) {
  const { href } = usePage();
  return (
    <>
      <p>{props.lead}</p>
      <ul>
        {props.segments.map((s) => (
          <li key={s.id}>
            <SegmentName segment={s} />
          </li>
        ))}
      </ul>
      {props.note ? <p>{props.note}</p> : null}
      <form method="post" action={href(props.action)}>
        <CsrfField token={props.csrf} />
        <button type="submit" class="button big">
          {props.submit}
        </button>
      </form>
    </>
  );
}

export function ConfirmPage(props: { segments: Segment[]; action: string; csrf: string }) {
  const t = useT();
  return (
    <Layout title={t('network.mailing.confirm.title')}>
      <div class="narrow-wide">
        <h1>{t('network.mailing.confirm.title')}</h1>
        <SegmentsAndButton lead={t('network.mailing.confirm.lead')} segments={props.segments} action={props.action} csrf={props.csrf} submit={t('network.mailing.confirm.submit')} />
      </div>
    </Layout>
  );
}

/** Leave the list: a button ('ask'), done ('left'), or nothing to leave ('notSubscribed'). */
export function UnsubscribePage(props: { state: 'ask' | 'left' | 'notSubscribed'; segments: Segment[]; action: string; csrf: string }) {
  const { href } = usePage();
  const t = useT();
  const title = t(props.state === 'ask' ? 'network.mailing.unsubscribe.title' : props.state === 'left' ? 'network.mailing.unsubscribe.leftTitle' : 'network.mailing.unsubscribe.notSubscribedTitle');
  return (
    <Layout title={title}>
      <div class="narrow-wide">
        <h1>{title}</h1>
        {props.state === 'ask' ? (
          <SegmentsAndButton
            lead={t('network.mailing.unsubscribe.lead')}
            segments={props.segments}
            note={t('network.mailing.unsubscribe.erase')}
            action={props.action}
            csrf={props.csrf}
            submit={t('network.mailing.unsubscribe.submit')}
          />
        ) : (
          <>
            <Notice>{t(props.state === 'left' ? 'network.mailing.unsubscribe.left' : 'network.mailing.unsubscribe.notSubscribed')}</Notice>
            <p>
              <a href={href('/nyhetsbrev')}>{t('network.mailing.unsubscribe.again')}</a>
            </p>
          </>
        )}
      </div>
    </Layout>
  );
}

type ArchivedMessage = Message & { segment: Segment };

/** A message's subject in the reader's language, or the Swedish one marked as Swedish. */
function Subject(props: { message: Message }) {
  const { lang } = usePage();
  const text = textFor(props.message.texts, lang.code);
  return text.language === lang.code ? (
    <bdi dir="auto">{text.subject}</bdi>
  ) : (
    <bdi lang="sv" dir="auto">
      {text.subject}
    </bdi>
  );
}

export function ArchivePage(props: { messages: ArchivedMessage[]; page: number; pages: number }) {
  const { href, lang } = usePage();
  const t = useT();
  return (
    <Layout title={t('network.mailing.archive.title')} description={t('network.mailing.archive.lead')}>
      <h1>{t('network.mailing.archive.title')}</h1>
      <p class="lead">{t('network.mailing.archive.lead')}</p>
      <p>
        <a href={href('/nyhetsbrev')}>{t('network.mailing.archive.subscribe')}</a>
      </p>
      {props.messages.length === 0 ? (
        <p>{t('network.mailing.archive.empty')}</p>
      ) : (
        <ul class="card-list">
          {props.messages.map((m) => (
            <li key={m.id} class="card">
              <h2>
                <a href={href(`/nyhetsbrev/arkiv/${m.id}`)}>
                  <Subject message={m} />
                </a>
              </h2>
              <p class="sub">
                <SegmentName segment={m.segment} /> · {formatDate(lang, localToday(new Date(m.queuedAt ?? m.createdAt)), 'dayMonthYear')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={props.page} pages={props.pages} hrefFor={(p) => `${href('/nyhetsbrev/arkiv')}?sida=${p}`} />
    </Layout>
  );
}

export function ArchiveMessagePage(props: { message: ArchivedMessage }) {
  const { href, lang } = usePage();
  const t = useT();
  const text = textFor(props.message.texts, lang.code);
  const own = text.language === lang.code;
  return (
    <Layout title={text.subject}>
      <BackLink href={href('/nyhetsbrev/arkiv')}>{t('network.mailing.archive.title')}</BackLink>
      <article class="narrow-wide" lang={own ? undefined : 'sv'}>
        <h1>
          <bdi dir="auto">{text.subject}</bdi>
        </h1>
        <p class="sub" lang={lang.code}>
          <SegmentName segment={props.message.segment} /> · {formatDate(lang, localToday(new Date(props.message.queuedAt ?? props.message.createdAt)), 'dayMonthYear')}
        </p>
        {own ? null : (
          <p class="translation-note" lang={lang.code}>
            {t('network.mailing.archive.inSwedish')}
          </p>
        )}
        <div class="mail-text" dir="auto">
          {text.body}
        </div>
      </article>
    </Layout>
  );
}
