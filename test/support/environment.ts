/** Finds out which external test dependencies this machine has (PostgreSQL, Chromium). */
import fs from 'node:fs';
import pg from 'pg';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const PG_ADMIN_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${PG_ADMIN_URL} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export function chromiumMissing(): string | null {
  return fs.existsSync(CHROMIUM_PATH) ? null : `Chromium not found at ${CHROMIUM_PATH}`;
}
