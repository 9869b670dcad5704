/**
 * Demo requests to join the network: one confirmed and waiting for the coordinator, one whose contact
 * has not used the confirmation link yet (it expires in 48 hours like any other). Fictional people.
 */
import type { Db } from '../../db/index.js';
import { hashSecret } from '../accounts/index.js';
import { JOIN_CONFIRM_HOURS } from './joining.js';
import { confirmJoinRequest, insertJoinRequest } from './joining.store.js';

export const DEMO_JOIN_WAITING = 'Vivalla Schackklubb';

export async function seedJoiningDemo(db: Db, now: Date): Promise<void> {
  const districts = await db.selectFrom('districts').select(['id', 'slug']).execute();
  const district = (slug: string) => districts.filter((d) => d.slug === slug).map((d) => d.id);
  const expiresAt = new Date(now.getTime() + JOIN_CONFIRM_HOURS * 3600_000).toISOString();
  const earlier = new Date(now.getTime() - 864e5);
  const waitingToken = hashSecret('demo-join-request-vivalla-schackklubb');
  await insertJoinRequest(
    db,
    {
      name: DEMO_JOIN_WAITING,
      kind: 'sports_club',
      description: 'Vi spelar schack varje onsdag kväll i Vivalla. Alla är välkomna, också du som aldrig har spelat. Vi lär ut reglerna och pratar svenska under tiden.',
      website: 'https://schack-vivalla.example.org/',
      contactName: 'Hassan Ali',
      email: 'hassan.ali@schack-vivalla.example.org',
      phone: '070-123 45 67',
      districtIds: district('vivalla'),
      showInDirectory: true,
      language: 'sv',
      tokenHash: waitingToken,
      expiresAt,
    },
    earlier,
  );
  await confirmJoinRequest(db, waitingToken, earlier);
  await insertJoinRequest(
    db,
    {
      name: 'Kulturföreningen Mosaik',
      kind: 'association',
      description: 'Vi ordnar musikkvällar och matlagning där nya och gamla örebroare möts.',
      website: null,
      contactName: 'Olena Kovalenko',
      email: 'olena@mosaik.example.org',
      phone: null,
      districtIds: [],
      showInDirectory: false,
      language: 'uk',
      tokenHash: hashSecret('demo-join-request-mosaik'),
      expiresAt,
    },
    now,
  );
}
