/** Reads of join requests other features use: how many wait for the coordinator. */
import type { Db } from '../../db/index.js';

export async function countConfirmedJoinRequests(db: Db): Promise<number> {
  const row = await db
    .selectFrom('joinRequests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
