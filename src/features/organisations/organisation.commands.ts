/**
 * Every change to an organisation, as one step: its row, the search text of the activities it hosts
 * (when its name changes) and its audit entry, in the transaction the caller gives or one of their
 * own. Other features change organisations only through these.
 */
import { inTransaction, type Db } from '../../db/index.js';
import { recordChange, type Actor, type AuditNote } from '../audit/index.js';
import { refreshSearchText } from '../calendar/index.js';
import { organisationSlug } from './naming.js';
import type { OrganisationInput, OrganisationProfile } from './organisation.js';
import { freeSlug } from './organisation.queries.js';
import { insertOrganisation, setOrganisationFlags, updateOrganisationProfile } from './organisation.store.js';

export interface OrganisationChangeContext {
  actor: Actor;
  now: Date;
}

const audit = (db: Db, id: number, note: AuditNote, ctx: OrganisationChangeContext) => recordChange(db, { entity: 'organisation', entityId: id }, note, ctx);

/** Creates an organisation; without a slug, a free one is made from its name. Returns its id and slug. */
export async function createOrganisation(
  db: Db,
  input: Omit<OrganisationInput, 'slug'> & { slug?: string },
  ctx: OrganisationChangeContext,
  note: AuditNote,
): Promise<{ id: number; slug: string }> {
  return inTransaction(db, async (trx) => {
    const slug = input.slug ?? (await freeSlug(trx, organisationSlug(input.name)));
    const id = await insertOrganisation(trx, { ...input, slug }, ctx.now);
    await audit(trx, id, note, ctx);
    return { id, slug };
  });
}

/**
 * Replaces an organisation's profile. With `expectedVersion` (the `updatedAt` it was edited on), only
 * when nobody saved since: returns false then, and nothing is written. A renamed organisation's
 * activities are found by the new name at once.
 */
export async function changeProfile(
  db: Db,
  organisation: { id: number; name: string },
  profile: OrganisationProfile,
  ctx: OrganisationChangeContext,
  note: AuditNote,
  options: { expectedVersion?: string } = {},
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    if (!(await updateOrganisationProfile(trx, organisation.id, profile, ctx.now, options.expectedVersion))) return false;
    if (profile.name !== organisation.name) await refreshSearchText(trx, { organisationId: organisation.id });
    await audit(trx, organisation.id, note, ctx);
    return true;
  });
}

/** Marks an organisation trusted (publishes without review) or shown in the directory. */
export async function changeFlags(db: Db, id: number, flags: { trusted?: boolean; published?: boolean }, ctx: OrganisationChangeContext, note: AuditNote): Promise<void> {
  await inTransaction(db, async (trx) => {
    await setOrganisationFlags(trx, id, flags, ctx.now);
    await audit(trx, id, note, ctx);
  });
}
