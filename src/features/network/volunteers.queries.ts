/** Reads of volunteer roles other features use: an organisation's roles. */
import type { Db } from '../../db/index.js';
import { toRole } from './volunteers.store.js';
import type { VolunteerRole } from './volunteers.js';

export async function listRolesOfOrganisation(db: Db, organisationId: number): Promise<VolunteerRole[]> {
  const rows = await db.selectFrom('volunteerRoles').selectAll().where('organisationId', '=', organisationId).orderBy('status', 'desc').orderBy('title').execute();
  return rows.map(toRole);
}
