/** Every migration, in order. One set for SQLite and PostgreSQL. */
import type { Migration } from 'kysely';
import * as initial from './2026-11-27-001-initial.js';
import * as translations from './2026-11-27-002-translations.js';

export const migrations: Record<string, Migration> = {
  '2026-11-27-001-initial': initial,
  '2026-11-27-002-translations': translations,
};
