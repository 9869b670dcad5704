/** One entity's audit history: what happened, when, by whom, and which fields changed. */
import { Pager } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import { withQuery } from '../calendar/index.js';
import type { AuditEntry } from '../audit/index.js';
import { AdminNav, DateTime } from './admin.components.js';
import { actorKind, changedFields, shorten, type AuditValue, type HistoryEntity } from './history.js';

export interface HistoryProps {
  entity: HistoryEntity;
  entityId: number;
  /** The entity's name, or null when it no longer exists. */
  name: string | null;
  /** Where the entity is managed, when it still exists. */
  manageHref: string | null;
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

type Tr = (key: string, options?: Record<string, unknown>) => string;

/** A recorded value as text; long text is shortened with the whole of it one click away. */
function Value(props: { value: AuditValue }) {
  const { t } = usePage();
  const v = props.value;
  if (v.kind === 'empty') return <span class="sub">{t('admin.history.empty')}</span>;
  if (v.kind === 'boolean') return <>{v.value ? t('admin.history.yes') : t('admin.history.no')}</>;
  const short = shorten(v.text);
  if (!short.cut) return <bdi class="audit-value">{v.text}</bdi>;
  return (
    <>
      <bdi class="audit-value">{short.text}</bdi>
      <details>
        <summary>{t('admin.history.showAll')}</summary>
        <bdi class="audit-value">{v.text}</bdi>
      </details>
    </>
  );
}

function Entry(props: { entry: AuditEntry }) {
  const { t } = usePage();
  const tr = t as unknown as Tr;
  const e = props.entry;
  const changes = changedFields(e.before, e.after);
  const kind = actorKind(e);
  const who =
    kind === 'user' ? (
      <bdi>{e.actor!.name ? `${e.actor!.name} (${e.actor!.email})` : e.actor!.email}</bdi>
    ) : kind === 'removedUser' ? (
      `${t('admin.history.removedUser')} (${e.actorUserId})`
    ) : e.systemActor?.kind === 'importer' ? (
      t('admin.history.importer', { feed: e.systemActor.feedId })
    ) : e.systemActor?.kind === 'job' ? (
      t('admin.history.job', { job: tr(`admin.jobs.names.${e.systemActor.job}`, { defaultValue: e.systemActor.job }) })
    ) : kind === 'system' ? (
      t('admin.history.system')
    ) : (
      t('admin.history.anonymous')
    );
  const headingId = `entry-${e.id}`;
  return (
    <li class="card history-entry">
      <h2 id={headingId}>{tr(`audit.actions.${e.action}`, { defaultValue: e.action })}</h2>
      <p class="sub">
        <DateTime iso={e.at} /> · {t('admin.history.by')} {who}
      </p>
      {changes.length === 0 ? (
        <p class="sub">{t('admin.history.noFields')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table admin-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('admin.history.field')}</th>
                <th scope="col">{t('admin.history.before')}</th>
                <th scope="col">{t('admin.history.after')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{c.field === '' ? t('admin.history.value') : tr(`admin.history.fields.${c.field}`, { defaultValue: c.field })}</th>
                  <td>
                    <Value value={c.before} />
                  </td>
                  <td>
                    <Value value={c.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

export function HistoryPage(props: HistoryProps) {
  const { t, href } = usePage();
  const tr = t as unknown as Tr;
  const entityLabel = tr(`admin.history.entities.${props.entity}`);
  const name = props.name ?? t('admin.history.removed', { entity: entityLabel, id: String(props.entityId) });
  const title = t('admin.history.title', { name });
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <AdminNav />
      <p class="sub">
        {entityLabel}
        {props.manageHref ? (
          <>
            {' · '}
            <a href={props.manageHref}>{name}</a>
          </>
        ) : null}
      </p>
      <p class="result-count">{t('admin.history.count', { count: props.total })}</p>
      {props.entries.length === 0 ? (
        <p>{t('admin.history.none')}</p>
      ) : (
        <ol class="cards history">
          {props.entries.map((e) => (
            <Entry key={e.id} entry={e} />
          ))}
        </ol>
      )}
      <Pager page={props.page} pages={pages} hrefFor={(n) => withQuery(href(`/admin/historik/${props.entity}/${props.entityId}`), { page: String(n) })} />
    </Layout>
  );
}
