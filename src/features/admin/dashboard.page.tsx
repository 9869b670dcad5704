/** The coordinator's start: what waits for review, what waits for others, and the latest changes. */
import { Icon } from '../../web/icon.js';
import { Layout } from '../../web/layout.js';
import { usePage } from '../../web/page.js';
import type { AuditEntry } from '../audit/index.js';
import { AdminNav, DateTime } from './admin.components.js';

export interface DashboardProps {
  toReview: number;
  proposalsOut: number;
  returned: number;
  recent: AuditEntry[];
  /** Counts other features hand in (organisations asking to join). */
  more?: { path: string; label: string; count: number }[];
}

const HISTORY_ENTITIES = ['organisation', 'activity', 'user', 'place'];

export function DashboardPage(props: DashboardProps) {
  const { t, href } = usePage();
  const tr = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (
    <Layout title={t('admin.dashboard.title')}>
      <h1>{t('admin.dashboard.title')}</h1>
      <AdminNav />
      <ul class="stat-cards">
        <li>
          <a href={href('/admin/granska')} class={props.toReview > 0 ? 'stat-card is-hot' : 'stat-card'}>
            <Icon name="inbox" />
            <strong>{props.toReview}</strong> {t('admin.dashboard.toReview', { count: props.toReview })}
          </a>
        </li>
        <li>
          <a href={href('/admin/granska')} class="stat-card">
            <Icon name="mail" />
            <strong>{props.proposalsOut}</strong> {t('admin.dashboard.proposalsOut', { count: props.proposalsOut })}
          </a>
        </li>
        <li>
          <a href={href('/admin/granska')} class="stat-card">
            <Icon name="repeat" />
            <strong>{props.returned}</strong> {t('admin.dashboard.returned', { count: props.returned })}
          </a>
        </li>
        {(props.more ?? []).map((c) => (
          <li key={c.path}>
            <a href={href(c.path)} class={c.count > 0 ? 'stat-card is-hot' : 'stat-card'}>
              <Icon name="building" />
              <strong>{c.count}</strong> {tr(c.label, { count: c.count })}
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('admin.dashboard.recent')}</h2>
      {props.recent.length === 0 ? <p>{t('admin.dashboard.noRecent')}</p> : null}
      <ul class="recent-changes">
        {props.recent.map((e) => (
          <li key={e.id}>
            <DateTime iso={e.at} /> · {tr(`audit.actions.${e.action}`, { defaultValue: e.action })}
            {e.entityId !== null && HISTORY_ENTITIES.includes(e.entity) ? (
              <>
                {' · '}
                <a href={href(`/admin/historik/${e.entity}/${e.entityId}`)}>{tr(`admin.history.entities.${e.entity}`)} {e.entityId}</a>
              </>
            ) : null}
            {e.actor ? (
              <>
                {' · '}
                <bdi>{e.actor.name || e.actor.email}</bdi>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
