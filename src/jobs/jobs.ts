/** The periodic work of Tillsammans: what runs, how often. Each job runs once per period across instances. */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { analyzeDatabase, type Db } from '../db/index.js';
import { pruneRateLimits } from '../features/accounts/index.js';
import { refreshOccurrenceWindow } from '../features/calendar/index.js';
import { eraseExpired, sendFollowUpReminders } from '../features/guide/index.js';
import { createImportDeps, runImports } from '../features/imports/index.js';
import { pruneOutbox } from '../features/mail/index.js';
import { deleteExpiredUnconfirmed } from '../features/workspace/index.js';
import { eraseEventSignups, eraseVolunteerSignups, expireMailingRequests, forwardVolunteerSignups, runMailingSend, sendEventReminders } from '../features/network/index.js';
import { expireJoinRequests, signupChangeHook } from '../features/network/index.js';
import { sendMonthlyReminders } from '../features/freshness/index.js';
import type { MailSender } from '../web/server.js';
import { localToday } from '../web/time.js';
import type { Job } from './scheduler.js';

export interface JobDeps {
  db: Db;
  mailer: MailSender;
  config: Config;
  log: FastifyBaseLogger;
}

const HOUR = 60;

/** Every job's name, in the order the coordinator sees them. */
export const JOB_NAMES = [
  'occurrences.refresh',
  'imports.sync',
  'guide.reminders',
  'guide.erasure',
  'suggestions.expire',
  'rate-limits.prune',
  'outbox.prune',
  'mail.deliver',
  'events.reminders',
  'events.erasure',
  'volunteers.forward',
  'volunteers.erasure',
  'mailing.send',
  'mailing.expire',
  'freshness.reminders',
  'joining.expire',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** How often each job runs, in minutes. */
export const JOB_EVERY_MINUTES: Record<JobName, number> = {
  'occurrences.refresh': HOUR,
  'imports.sync': HOUR,
  'guide.reminders': HOUR,
  'guide.erasure': 6 * HOUR,
  'suggestions.expire': 6 * HOUR,
  'rate-limits.prune': 6 * HOUR,
  'outbox.prune': 6 * HOUR,
  'mail.deliver': 1,
  'events.reminders': HOUR,
  'events.erasure': 6 * HOUR,
  'volunteers.forward': HOUR,
  'volunteers.erasure': 6 * HOUR,
  'mailing.send': 1,
  'mailing.expire': HOUR,
  // Daily, but each organisation is mailed at most once a calendar month: a monthly reminder that a missed day cannot skip.
  'freshness.reminders': 24 * HOUR,
  'joining.expire': HOUR,
};

export function createJobs(deps: JobDeps): (Job & { name: JobName })[] {
  const { db, config } = deps;
  const importDeps = createImportDeps({ db, mailer: deps.mailer, config, log: deps.log, signups: signupChangeHook });
  return [
    {
      // Keeps the materialised occurrences a rolling window ahead of today.
      name: 'occurrences.refresh',
      everyMinutes: JOB_EVERY_MINUTES['occurrences.refresh'],
      async run(now) {
        const refreshed = await refreshOccurrenceWindow(db, localToday(now));
        if (refreshed) await analyzeDatabase(db);
        return refreshed ? 'refreshed' : 'current';
      },
    },
    {
      // Connected calendars are synced every hour.
      name: 'imports.sync',
      everyMinutes: JOB_EVERY_MINUTES['imports.sync'],
      leaseMinutes: 50,
      async run(now) {
        const summary = await runImports(importDeps, now);
        return `${summary.feeds} feeds, ${summary.failed} failed`;
      },
    },
    {
      // Guides hear about follow-ups that have come due.
      name: 'guide.reminders',
      everyMinutes: JOB_EVERY_MINUTES['guide.reminders'],
      run: (now) => sendFollowUpReminders({ db, mailer: deps.mailer, publicUrl: config.publicUrl }, now),
    },
    {
      // Personal data of föreningslots cases is erased after the retention period.
      name: 'guide.erasure',
      everyMinutes: JOB_EVERY_MINUTES['guide.erasure'],
      run: (now) => eraseExpired(db, now, config.guideRetentionMonths),
    },
    {
      // Suggestions nobody confirmed are deleted when their link expires (their senders' addresses with them).
      name: 'suggestions.expire',
      everyMinutes: JOB_EVERY_MINUTES['suggestions.expire'],
      run: (now) => deleteExpiredUnconfirmed(db, now),
    },
    {
      // Rate-limit windows that ended a day ago are forgotten.
      name: 'rate-limits.prune',
      everyMinutes: JOB_EVERY_MINUTES['rate-limits.prune'],
      run: (now) => pruneRateLimits(db, new Date(now.getTime() - 864e5)),
    },
    {
      // Copies of sent mail are kept OUTBOX_RETENTION_DAYS, then deleted.
      name: 'outbox.prune',
      everyMinutes: JOB_EVERY_MINUTES['outbox.prune'],
      run: (now) => pruneOutbox(db, now, config.outboxRetentionDays),
    },
    {
      // Mail written in a transaction goes out after the commit; what the server refused is tried again here.
      name: 'mail.deliver',
      everyMinutes: JOB_EVERY_MINUTES['mail.deliver'],
      leaseMinutes: 5,
      run: async () => (await deps.mailer.deliverQueued?.(200)) ?? 0,
    },
    {
      // People signed up for an event hear about it the day before (each once).
      name: 'events.reminders',
      everyMinutes: JOB_EVERY_MINUTES['events.reminders'],
      run: (now) => sendEventReminders({ db, mailer: deps.mailer, publicUrl: config.publicUrl, retentionDays: config.signupRetentionDays }, now),
    },
    {
      // Sign-ups' personal data is erased SIGNUP_RETENTION_DAYS after the event; the counts stay.
      name: 'events.erasure',
      everyMinutes: JOB_EVERY_MINUTES['events.erasure'],
      run: (now) => eraseEventSignups({ db, retentionDays: config.signupRetentionDays }, now),
    },
    {
      // Volunteer sign-ups that could not be mailed to their organisation when they came in are sent again.
      name: 'volunteers.forward',
      everyMinutes: JOB_EVERY_MINUTES['volunteers.forward'],
      run: (now) => forwardVolunteerSignups({ db, mailer: deps.mailer, publicUrl: config.publicUrl }, now),
    },
    {
      // A volunteer's name and contact are erased 30 days after they were forwarded; the counts stay.
      name: 'volunteers.erasure',
      everyMinutes: JOB_EVERY_MINUTES['volunteers.erasure'],
      run: (now) => eraseVolunteerSignups(db, now),
    },
    {
      // The mailing list goes out in batches of 50 a minute; each recipient's delivery is recorded, so none gets it twice.
      name: 'mailing.send',
      everyMinutes: JOB_EVERY_MINUTES['mailing.send'],
      leaseMinutes: 5,
      run: (now) => runMailingSend({ db, mailer: deps.mailer, publicUrl: config.publicUrl }, now),
    },
    {
      // Subscriptions nobody confirmed within 48 hours are deleted, addresses and confirmation mails with them.
      name: 'mailing.expire',
      everyMinutes: JOB_EVERY_MINUTES['mailing.expire'],
      run: (now) => expireMailingRequests(db, now),
    },
    {
      // Organisations with activities not confirmed for 30 days are asked "still true?" (at most once a month each).
      name: 'freshness.reminders',
      everyMinutes: JOB_EVERY_MINUTES['freshness.reminders'],
      run: (now) => sendMonthlyReminders({ db, mailer: deps.mailer, publicUrl: config.publicUrl }, now),
    },
    {
      // Requests to join the network nobody confirmed within 48 hours are deleted, with their confirmation mails.
      name: 'joining.expire',
      everyMinutes: JOB_EVERY_MINUTES['joining.expire'],
      run: (now) => expireJoinRequests(db, now),
    },
  ];
}
