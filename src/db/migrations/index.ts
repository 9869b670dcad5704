/** Every migration, in order. One set for SQLite and PostgreSQL. */
import type { Migration } from 'kysely';
import * as initial from './2026-11-27-001-initial.js';

export const migrations: Record<string, Migration> = {
  '2026-11-27-001-initial': initial,
};
