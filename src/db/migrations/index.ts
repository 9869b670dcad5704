/** Every migration, in order. One set for SQLite and PostgreSQL. */
import type { Migration } from 'kysely';
import * as initial from './2026-11-27-001-initial.js';
import * as translations from './2026-11-27-002-translations.js';
import * as outbox from './2026-11-27-003-outbox.js';
import * as accounts from './2026-11-27-004-accounts.js';
import * as holidays from './2026-11-27-005-holidays.js';
import * as revisions from './2026-11-28-006-revisions.js';
import * as calendarImports from './2026-11-28-007-calendar-imports.js';
import * as translator from './2026-11-28-008-translator.js';
import * as guide from './2026-11-28-009-guide.js';
import * as guideTrust from './2026-12-03-010-guide-trust.js';
import * as jobs from './2026-12-03-013-jobs.js';
import * as occurrenceOrder from './2026-12-03-014-occurrence-order.js';
import * as cacheVersions from './2026-12-03-015-cache-versions.js';
import * as auditActors from './2026-12-03-016-audit-actors.js';
import * as mailQueue from './2026-12-03-019-mail-queue.js';
import * as events from './2026-12-03-017-events.js';
import * as network from './2026-12-03-018-network.js';
import * as joining from './2026-12-03-020-joining.js';
import * as freshness from './2026-12-03-021-freshness.js';
import * as survey from './2026-12-03-022-survey.js';
import * as associationNotes from './2026-12-03-023-association-notes.js';
import * as activityVersions from './2026-12-03-024-activity-versions.js';

export const migrations: Record<string, Migration> = {
  '2026-11-27-001-initial': initial,
  '2026-11-27-002-translations': translations,
  '2026-11-27-003-outbox': outbox,
  '2026-11-27-004-accounts': accounts,
  '2026-11-27-005-holidays': holidays,
  '2026-11-28-006-revisions': revisions,
  '2026-11-28-007-calendar-imports': calendarImports,
  '2026-11-28-008-translator': translator,
  '2026-11-28-009-guide': guide,
  '2026-12-03-010-guide-trust': guideTrust,
  '2026-12-03-013-jobs': jobs,
  '2026-12-03-014-occurrence-order': occurrenceOrder,
  '2026-12-03-015-cache-versions': cacheVersions,
  '2026-12-03-016-audit-actors': auditActors,
  '2026-12-03-019-mail-queue': mailQueue,
  '2026-12-03-017-events': events,
  '2026-12-03-018-network': network,
  '2026-12-03-020-joining': joining,
  '2026-12-03-021-freshness': freshness,
  '2026-12-03-022-survey': survey,
  '2026-12-03-023-association-notes': associationNotes,
  '2026-12-03-024-activity-versions': activityVersions,
};
