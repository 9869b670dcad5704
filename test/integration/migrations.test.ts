import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateAllDown, migrateToLatest } from '../../src/db/index.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createTestDatabase, skipDatabase, testDialect } from '../support/db.js';

async function tableNames(db: Parameters<typeof migrateToLatest>[0]): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
}

describe.skipIf(skipDatabase())(`migrations on ${testDialect}`, () => {
  it('run all the way up, all the way down and up again', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      await migrateToLatest(database.db);
      const up = await tableNames(database.db);
      expect(up).toEqual(expect.arrayContaining(['activities', 'occurrences', 'organisations', 'places', 'schedules', 'translations']));
      await migrateAllDown(database.db);
      expect(await tableNames(database.db)).toEqual([]);
      await migrateToLatest(database.db);
      expect(await tableNames(database.db)).toEqual(up);
    } finally {
      await database.dispose();
    }
  });

  it('are safe to run twice at once (two instances starting together)', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      await Promise.all([migrateToLatest(database.db), migrateToLatest(database.db)]);
      const rows = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(database.db);
      expect(Number(rows.rows[0]!.n)).toBe(Object.keys(migrations).length);
    } finally {
      await database.dispose();
    }
  });
});
