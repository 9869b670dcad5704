/** /admin/jobb: the scheduled jobs, when each last ran, what it did, and failures, with "run now". */
import { AdminNav } from '../features/admin/index.js';
import { CsrfField, DateTime, Notice } from '../web/components.js';
import { Layout } from '../web/layout.js';
import { usePage } from '../web/page.js';
import type { JobName } from './jobs.js';
import type { JobRun } from './runs.store.js';

export interface JobsPageProps {
  jobs: { name: JobName; everyMinutes: number; run: JobRun | undefined }[];
  csrf: string;
  message?: string | undefined;
  now: Date;
}

type State = 'never' | 'running' | 'ok' | 'failing';

function stateOf(run: JobRun | undefined, now: Date): State {
  if (!run?.lastStartedAt) return 'never';
  if (run.leaseUntil && run.leaseUntil > now.toISOString()) return 'running';
  return run.failuresInRow > 0 ? 'failing' : 'ok';
}

export function JobsPage(props: JobsPageProps) {
  const { t, href } = usePage();
  // Job names are catalogue keys by the job's name (admin.jobs.names.<name>).
  const jobName = (name: JobName) => (t as unknown as (key: string) => string)(`admin.jobs.names.${name}`);
  const failing = props.jobs.filter((j) => stateOf(j.run, props.now) === 'failing').length;
  return (
    <Layout title={t('admin.jobs.title')}>
      <h1>{t('admin.jobs.title')}</h1>
      <AdminNav />
      <p>{t('admin.jobs.intro')}</p>
      {props.message ? <Notice>{props.message}</Notice> : null}
      {failing > 0 ? <Notice kind="error">{t('admin.jobs.failing', { count: failing })}</Notice> : null}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('admin.jobs.title')}>
        <table class="data-table admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.jobs.job')}</th>
              <th scope="col">{t('admin.jobs.state')}</th>
              <th scope="col">{t('admin.jobs.lastRun')}</th>
              <th scope="col">{t('admin.jobs.lastSuccess')}</th>
              <th scope="col">{t('admin.jobs.result')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('admin.jobs.runNow')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.jobs.map(({ name, everyMinutes, run }) => {
              const state = stateOf(run, props.now);
              const label = jobName(name);
              return (
                <tr key={name}>
                  <th scope="row">
                    {label}
                    <br />
                    <small>
                      {everyMinutes % 60 === 0
                        ? t('admin.jobs.everyHours', { count: everyMinutes / 60 })
                        : t('admin.jobs.everyMinutes', { count: everyMinutes })}
                    </small>
                  </th>
                  <td>
                    <span class={`badge badge-${state}`}>{t(`admin.jobs.states.${state}`)}</span>
                    {state === 'failing' && run ? <> {t('admin.jobs.failuresInRow', { count: run.failuresInRow })}</> : null}
                  </td>
                  <td>
                    {run?.lastStartedAt ? <DateTime iso={run.lastStartedAt} /> : t('admin.jobs.never')}
                    {run?.lastDurationMs != null ? <> ({t('admin.jobs.duration', { ms: run.lastDurationMs })})</> : null}
                  </td>
                  <td>{run?.lastSuccessAt ? <DateTime iso={run.lastSuccessAt} /> : t('admin.jobs.never')}</td>
                  <td>
                    {run?.lastResult ? <bdi>{run.lastResult}</bdi> : null}
                    {state === 'failing' && run?.lastError ? (
                      <p class="field-error">
                        <bdi>{run.lastError}</bdi>
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <form method="post" action={href(`/admin/jobb/${name}/kor`)}>
                      <CsrfField token={props.csrf} />
                      <button type="submit" class="button button-secondary" disabled={state === 'running'}>
                        {t('admin.jobs.runNow')}
                        <span class="visually-hidden">: {label}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
