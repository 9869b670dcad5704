/** Scheduled work: the job list, the scheduler that runs each job once per period across instances, their record. */
export { createJobs, JOB_NAMES, type JobDeps, type JobName } from './jobs.js';
export { jobsRoutes } from './jobs.routes.js';
export { createScheduler, type Job, type Scheduler } from './scheduler.js';
export { listJobRuns, makeJobDue, type JobRun } from './runs.store.js';
