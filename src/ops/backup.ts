/**
 * Backups that are consistent while the server runs. SQLite: the online backup API (copying the
 * file with `cp` misses what still sits in the write-ahead log), then an integrity check of the copy.
 * PostgreSQL: pg_dump in its custom format, restored with pg_restore.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export class BackupError extends Error {}

/** A file name for a backup taken at `now`: tillsammans-2026-12-03T0915.sqlite (or .dump). */
export function backupName(now: Date, kind: 'sqlite' | 'postgres'): string {
  const stamp = now.toISOString().slice(0, 16).replace(':', '');
  return `tillsammans-${stamp}.${kind === 'sqlite' ? 'sqlite' : 'dump'}`;
}

/** Checks that `file` is an intact Tillsammans SQLite database; returns how many migrations it has. */
export function checkSqliteBackup(file: string): number {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`${file} is damaged: ${String(result)}`);
    const row = db.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`).get() as { n: number };
    if (row.n === 0) throw new BackupError(`${file} is not a Tillsammans database (no migrations table)`);
    return (db.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a readable SQLite database: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Copies the live database `source` to `target` (which must not exist) and checks the copy. */
export async function backupSqlite(source: string, target: string): Promise<void> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (fs.existsSync(target)) throw new BackupError(`${target} exists already`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  checkSqliteBackup(target);
}

/**
 * Puts the backup `backup` in place of the database file `target` (stop the server first). The
 * current file is kept beside it as <target>.before-restore-<time>; returns that name, or null when
 * there was none.
 */
export function restoreSqlite(backup: string, target: string, now: Date): string | null {
  checkSqliteBackup(backup);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(backup, incoming);
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    // Fold the write-ahead log into the current file before keeping it aside (a damaged one is kept as it is).
    try {
      const current = new SQLite(target, { fileMustExist: true });
      try {
        current.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        current.close();
      }
    } catch {
      // nothing to fold in
    }
    kept = `${target}.before-restore-${now.toISOString().slice(0, 19).replace(/:/g, '')}`;
    fs.renameSync(target, kept);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(incoming, target);
  return kept;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', (error) =>
      reject(new BackupError((error as NodeJS.ErrnoException).code === 'ENOENT' ? `${command} is not installed (Debian: apt-get install postgresql-client)` : error.message)),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (${code}): ${stderr.trim()}`))));
  });
}

/** pg_dump of the database at `url` into `target` (custom format). */
export async function backupPostgres(url: string, target: string): Promise<void> {
  if (fs.existsSync(target)) throw new BackupError(`${target} exists already`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, `--dbname=${url}`]);
}

/** pg_restore of `backup` into the database at `url`, replacing what is there. */
export async function restorePostgres(backup: string, url: string): Promise<void> {
  if (!fs.existsSync(backup)) throw new BackupError(`${backup} does not exist`);
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${url}`, backup]);
}
