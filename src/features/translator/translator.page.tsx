/** The translator's pages: the queue of one language, the side-by-side editor, the glossary. */
import { LANGUAGES, findLanguage } from '../../i18n/index.js';
import { BackLink, CsrfField, ErrorSummary, Field, Notice, Pager } from '../../web/components.js';
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import type { Translation } from '../translation/index.js';
import type { GlossaryEntry } from './glossary.js';
import type { QueueItem, QueueState, SourceText } from './queue.js';

type T = (key: string, options?: Record<string, unknown>) => string;
const useT = () => usePage().t as unknown as T;

export interface CatalogueStatus {
  language: string;
  produced: string;
  nativeReview: boolean;
  reviewedBy: string | null;
  reviewedOn: string | null;
  notes?: string;
}

/** "العربية" in its own script and direction, wherever a page names the language being translated into. */
function LanguageName(props: { code: string }) {
  const l = findLanguage(props.code);
  return (
    <bdi lang={props.code} dir={l?.dir}>
      {l?.nativeName ?? props.code}
    </bdi>
  );
}

function LanguageTabs(props: { current: string; suffix?: string }) {
  const { href } = usePage();
  const t = useT();
  return (
    <nav class="chips" aria-label={t('translator.languages')}>
      <ul>
        {LANGUAGES.filter((l) => l.code !== 'sv').map((l) => (
          <li key={l.code}>
            <a class="chip" href={href(`/oversatt/${l.code}${props.suffix ?? ''}`)} aria-current={l.code === props.current ? 'page' : undefined} lang={l.code} dir={l.dir}>
              {l.nativeName}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function StateBadge(props: { state: QueueState | null }) {
  const t = useT();
  if (props.state === null) return <span class="badge badge-ok">{t('translator.state.done')}</span>;
  return <span class={props.state === 'missing' ? 'badge badge-cancelled' : 'badge badge-moved'}>{t(`translator.state.${props.state}`)}</span>;
}

export function QueuePage(props: {
  language: string;
  items: QueueItem[];
  total: number;
  counts: Record<QueueState, number>;
  page: number;
  pageSize: number;
  status: CatalogueStatus | null;
  saved?: string | undefined;
}) {
  const { href } = usePage();
  const t = useT();
  return (
    <Layout title={t('translator.title')}>
      <h1>{t('translator.title')}</h1>
      <LanguageTabs current={props.language} />
      {props.saved ? (
        <Notice>
          {t(`translator.saved.${props.saved}`)}
        </Notice>
      ) : null}
      <p class="lead">
        {t('translator.queueLead')} <LanguageName code={props.language} />
      </p>
      <ul class="stat-cards">
        {(['missing', 'outdated', 'machine'] as const).map((s) => (
          <li key={s} class="stat-card">
            <strong>{props.counts[s]}</strong> {t(`translator.counts.${s}`, { count: props.counts[s] })}
          </li>
        ))}
      </ul>
      <p>
        <a href={href(`/oversatt/${props.language}/ordlista`)}>{t('translator.glossary.link')}</a>
      </p>
      {props.total === 0 ? (
        <p>{t('translator.empty')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('translator.queueCaption')}>
          <table class="data-table">
            <caption>{t('translator.queueCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('translator.columns.text')}</th>
                <th scope="col">{t('translator.columns.field')}</th>
                <th scope="col">{t('translator.columns.state')}</th>
                <th scope="col">{t('translator.columns.views')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr key={`${i.entity}-${i.entityId}-${i.field}`}>
                  <td>
                    <a href={href(`/oversatt/${props.language}/${i.entity}/${i.entityId}/${i.field}`)} lang="sv">
                      {i.label}
                    </a>
                  </td>
                  <td>{t(`translator.fields.${i.entity}.${i.field}`)}</td>
                  <td>
                    <StateBadge state={i.state} />
                  </td>
                  <td>{i.views}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={props.page} pages={Math.max(1, Math.ceil(props.total / props.pageSize))} hrefFor={(p) => `${href(`/oversatt/${props.language}`)}?page=${p}`} />
      {props.status ? (
        <section class="panel" aria-labelledby="status-heading">
          <h2 id="status-heading">{t('translator.status.heading')}</h2>
          <p>{t(props.status.nativeReview ? 'translator.status.reviewed' : 'translator.status.notReviewed', { by: props.status.reviewedBy ?? '', on: props.status.reviewedOn ?? '' })}</p>
          <p class="hint" lang="en">
            {props.status.produced}
          </p>
          {props.status.notes ? (
            <p class="hint" lang="en">
              {props.status.notes}
            </p>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}

export function EditorPage(props: {
  language: string;
  source: SourceText;
  existing: Translation | undefined;
  state: QueueState | null;
  text: string;
  terms: GlossaryEntry[];
  maxLength: number;
  machineAvailable: boolean;
  error?: string | undefined;
  notice?: string | undefined;
  csrf: string;
  /** Where the form posts, and the page it came from (the queue, or the organisation's activity). */
  action: string;
  back: { href: string; label: string };
}) {
  const t = useT();
  const lang = findLanguage(props.language);
  const s = props.source;
  const action = props.action;
  const multiLine = s.field !== 'title';
  return (
    <Layout title={t('translator.editor.title', { label: s.label })}>
      <BackLink href={props.back.href}>{props.back.label}</BackLink>
      <h1>
        {t('translator.editor.title', { label: '' })}
        <bdi lang="sv">{s.label}</bdi>
      </h1>
      <p>
        {t(`translator.fields.${s.entity}.${s.field}`)} · <LanguageName code={props.language} /> · <StateBadge state={props.state} />
      </p>
      {props.notice ? (
        <Notice>
          {t(props.notice)}
        </Notice>
      ) : null}
      <ErrorSummary errors={props.error ? { text: props.error } : {}} labels={{ text: t('translator.editor.yours') }} />
      <div class="side-by-side">
        <section class="panel" aria-labelledby="source-heading">
          <h2 id="source-heading">{t('translator.editor.swedish')}</h2>
          <div class="user-text" lang="sv" dir="ltr">
            {s.swedish.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        </section>
        <section class="panel" aria-labelledby="existing-heading">
          <h2 id="existing-heading">{t('translator.editor.existing')}</h2>
          {props.existing ? (
            <>
              <div class="user-text" lang={props.language} dir={lang?.dir}>
                {props.existing.text}
              </div>
              <p class="hint">
                {t(props.existing.source === 'machine' ? 'translator.editor.byMachine' : 'translator.editor.byPerson', { who: props.existing.translator ?? '' })}
                {props.state === 'outdated' ? ` ${t('translator.editor.outdatedNote')}` : ''}
              </p>
            </>
          ) : (
            <p>{t('translator.editor.none')}</p>
          )}
        </section>
      </div>
      {props.terms.length > 0 ? (
        <section class="panel" aria-labelledby="terms-heading">
          <h2 id="terms-heading">{t('translator.glossary.inThisText')}</h2>
          <dl class="facts-inline">
            {props.terms.map((g) => (
              <>
                <dt lang="sv">{g.term}</dt>
                <dd lang={props.language} dir={lang?.dir}>
                  {g.translation}
                  {g.note ? <span class="hint"> ({g.note})</span> : null}
                </dd>
              </>
            ))}
          </dl>
        </section>
      ) : null}
      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrf} />
        <div class={props.error ? 'field has-error' : 'field'}>
          <label for="field-text">
            {t('translator.editor.yours')} (<LanguageName code={props.language} />)
          </label>
          {multiLine ? (
            <textarea
              id="field-text"
              name="text"
              rows={8}
              lang={props.language}
              dir={lang?.dir}
              maxLength={props.maxLength}
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? 'field-text-error' : undefined}
            >
              {props.text}
            </textarea>
          ) : (
            <input
              id="field-text"
              name="text"
              type="text"
              value={props.text}
              lang={props.language}
              dir={lang?.dir}
              maxLength={props.maxLength}
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? 'field-text-error' : undefined}
            />
          )}
          {props.error ? (
            <p class="field-error" id="field-text-error">
              {t(props.error)}
            </p>
          ) : null}
        </div>
        <div class="form-actions">
          <button type="submit" name="action" value="save" class="button">
            <Icon name="circle-check" />
            {t('translator.editor.save')}
          </button>
          {props.existing?.source === 'machine' && props.state === 'machine' ? (
            <button type="submit" name="action" value="approve" class="button secondary">
              {t('translator.editor.approve')}
            </button>
          ) : null}
          {props.machineAvailable ? (
            <button type="submit" name="action" value="machine" class="button secondary">
              <Icon name="languages" />
              {t('translator.editor.machine')}
            </button>
          ) : null}
          {props.machineAvailable ? <p class="hint">{t('translator.editor.machineHint')}</p> : null}
        </div>
      </form>
    </Layout>
  );
}

export function GlossaryPage(props: {
  language: string;
  entries: GlossaryEntry[];
  form: { term: string; translation: string; note: string };
  errors: Record<string, string>;
  saved: boolean;
  csrf: string;
}) {
  const { href } = usePage();
  const t = useT();
  const lang = findLanguage(props.language);
  return (
    <Layout title={t('translator.glossary.title')}>
      <BackLink href={href(`/oversatt/${props.language}`)}>{t('translator.title')}</BackLink>
      <h1>{t('translator.glossary.title')}</h1>
      <LanguageTabs current={props.language} suffix="/ordlista" />
      <p class="lead">{t('translator.glossary.lead')}</p>
      {props.saved ? (
        <Notice>
          {t('translator.glossary.saved')}
        </Notice>
      ) : null}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('translator.glossary.caption')}>
        <table class="data-table">
          <caption>
            {t('translator.glossary.caption')} <LanguageName code={props.language} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('translator.glossary.term')}</th>
              <th scope="col">{t('translator.glossary.translation')}</th>
              <th scope="col">{t('translator.glossary.note')}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((g) => (
              <tr key={g.term}>
                <th scope="row" lang="sv">
                  {g.term}
                </th>
                <td lang={props.language} dir={lang?.dir}>
                  {g.translation}
                </td>
                <td>{g.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action={href(`/oversatt/${props.language}/ordlista`)} class="panel" novalidate>
        <CsrfField token={props.csrf} />
        <h2>{t('translator.glossary.formHeading')}</h2>
        <p class="hint">{t('translator.glossary.formHint')}</p>
        <ErrorSummary errors={props.errors} labels={{ term: t('translator.glossary.term'), translation: t('translator.glossary.translation'), note: t('translator.glossary.note') }} />
        <Field name="term" label={t('translator.glossary.term')} value={props.form.term} error={props.errors.term} maxLength={80} required />
        <Field name="translation" label={t('translator.glossary.translation')} value={props.form.translation} error={props.errors.translation} maxLength={200} required />
        <Field name="note" label={t('translator.glossary.note')} value={props.form.note} error={props.errors.note} maxLength={500} />
        <button type="submit" class="button">
          {t('translator.glossary.save')}
        </button>
      </form>
    </Layout>
  );
}
