/** A backup taken while the server writes holds the latest write, and a restored database serves it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../src/db/index.js';
import { seedDemo } from '../../src/demo/seed.js';
import { BackupError, backupPostgres, backupSqlite, checkSqliteBackup, restorePostgres, restoreSqlite } from '../../src/ops/backup.js';
import { createTestApp, FIXED_NOW } from '../support/app.js';
import { createTestDatabase, skipDatabase, testDialect, type TestDatabase } from '../support/db.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Renames the first activity as the last write before the backup; returns its id. */
async function lastWrite(db: Db): Promise<number> {
  const first = await db.selectFrom('activities').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db.updateTable('activities').set({ title: 'Skrivet strax före säkerhetskopian' }).where('id', '=', first.id).execute();
  return first.id;
}

/** The restored database serves the activity page with the last write. */
async function expectServes(db: Awaited<ReturnType<typeof openDatabase>>, id: number): Promise<void> {
  const t = await createTestApp({ database: db });
  try {
    let res = await t.app.inject({ method: 'GET', url: `/aktivitet/${id}` });
    if (res.statusCode === 301 || res.statusCode === 308) res = await t.app.inject({ method: 'GET', url: String(res.headers.location) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Skrivet strax före säkerhetskopian');
  } finally {
    await t.close();
  }
}

// Each database has its own tools: the SQLite tests run in the sqlite project, the pg_dump tests in the postgres one.
if (testDialect === 'sqlite') describe('backup and restore of SQLite', () => {
  it('copies a database in use, with what is still in the write-ahead log, and restores it to serve', async () => {
    const live = path.join(dir, 'live', 'tillsammans.sqlite');
    const running = openDatabase({ sqliteFile: live });
    await migrateToLatest(running.db);
    await seedDemo(running.db, FIXED_NOW);
    const id = await lastWrite(running.db);
    // The server keeps its connection open: the last write may be only in tillsammans.sqlite-wal.
    const backup = path.join(dir, 'backups', 'b.sqlite');
    await backupSqlite(live, backup);
    await running.close();
    expect(checkSqliteBackup(backup)).toBeGreaterThan(5);

    const target = path.join(dir, 'restored', 'tillsammans.sqlite');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'an older database');
    const kept = restoreSqlite(backup, target, FIXED_NOW);
    expect(kept && fs.readFileSync(kept, 'utf8')).toBe('an older database');
    const restored = openDatabase({ sqliteFile: target });
    await expectServes(restored, id);
  }, 60_000);

  it('refuses a damaged or foreign file and leaves the database alone', async () => {
    const target = path.join(dir, 'safe', 'tillsammans.sqlite');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'current');
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database');
    expect(() => restoreSqlite(junk, target, FIXED_NOW)).toThrow(BackupError);
    const empty = path.join(dir, 'empty.sqlite');
    const other = openDatabase({ sqliteFile: empty });
    await other.close();
    expect(() => restoreSqlite(empty, target, FIXED_NOW)).toThrow(/not a Tillsammans database/);
    expect(fs.readFileSync(target, 'utf8')).toBe('current');
    await expect(backupSqlite(path.join(dir, 'missing.sqlite'), path.join(dir, 'x.sqlite'))).rejects.toThrow(BackupError);
  });
});

if (testDialect === 'postgres') describe.skipIf(skipDatabase())('backup and restore of PostgreSQL', () => {
  let source: TestDatabase | undefined;
  let target: TestDatabase | undefined;
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
  });

  it('dumps with pg_dump and restores into an empty database that then serves', async () => {
    source = await createTestDatabase();
    await seedDemo(source.db, FIXED_NOW);
    const id = await lastWrite(source.db);
    const dump = path.join(dir, 'pg.dump');
    await backupPostgres(source.url!, dump);
    expect(fs.statSync(dump).size).toBeGreaterThan(10_000);
    target = await createTestDatabase({ migrate: false });
    await restorePostgres(dump, target.url!);
    await expectServes(target.openAnother(), id);
  }, 60_000);
});
