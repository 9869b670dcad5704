/**
 * npm run backup [-- <file>]: a consistent copy of the database while the server runs.
 * npm run restore -- <file>: puts a backup in place (stop the server first).
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { BackupError, backupName, backupPostgres, backupSqlite, checkSqliteBackup, restorePostgres, restoreSqlite } from './backup.js';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  const config = loadConfig();
  const sqliteFile = path.join(config.dataDir, 'tillsammans.sqlite');
  const kind = config.databaseUrl ? 'postgres' : 'sqlite';
  if (command === 'backup') {
    const target = path.resolve(file ?? path.join(config.dataDir, 'backups', backupName(new Date(), kind)));
    if (config.databaseUrl) await backupPostgres(config.databaseUrl, target);
    else await backupSqlite(sqliteFile, target);
    console.log(`Backup written to ${target}${kind === 'sqlite' ? ` (checked: ${checkSqliteBackup(target)} migrations)` : ''}`);
  } else if (command === 'restore') {
    if (!file) throw new BackupError('say which backup to restore: npm run restore -- <file>');
    if (config.databaseUrl) {
      await restorePostgres(path.resolve(file), config.databaseUrl);
      console.log('Restored into the PostgreSQL database. Start the server again.');
    } else {
      const kept = restoreSqlite(path.resolve(file), sqliteFile, new Date());
      console.log(`Restored ${file} to ${sqliteFile}.${kept ? ` The database it replaced is kept as ${kept}.` : ''} Start the server again.`);
    }
  } else {
    throw new BackupError('usage: backup-cli backup [file] | restore <file>');
  }
}

main().catch((error) => {
  if (error instanceof BackupError || error instanceof ConfigError) {
    console.error(`${error instanceof ConfigError ? 'Configuration error' : 'Backup error'}: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
