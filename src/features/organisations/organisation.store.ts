/**
 * SQL that writes organisations, their categories and districts. A write of several statements runs
 * in the transaction its caller gives (organisation.commands.ts); the reads are in organisation.queries.ts.
 */
import type { Db } from '../../db/index.js';
import { cleanUserText, foldForSearch } from '../../web/text.js';
import type { OrganisationInput, OrganisationProfile } from './organisation.js';

/** Inserts an organisation with its categories and districts (three statements: run it in a transaction); returns its id. */
export async function insertOrganisation(db: Db, raw: OrganisationInput, now: Date): Promise<number> {
  const input = { ...raw, name: cleanUserText(raw.name), description: cleanUserText(raw.description) };
  const stamp = now.toISOString();
  const { id } = await db
    .insertInto('organisations')
    .values({
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      description: input.description,
      website: input.website,
      email: input.email,
      phone: input.phone,
      contactName: input.contactName,
      trusted: input.trusted ? 1 : 0,
      published: input.published ? 1 : 0,
      searchText: foldForSearch(`${input.name} ${input.description}`),
      createdAt: stamp,
      updatedAt: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.categories.length > 0) {
    await db.insertInto('organisationCategories').values(input.categories.map((category) => ({ organisationId: id, category }))).execute();
  }
  if (input.districtIds.length > 0) {
    await db.insertInto('organisationDistricts').values(input.districtIds.map((districtId) => ({ organisationId: id, districtId }))).execute();
  }
  return id;
}

/**
 * Replaces what an organisation says about itself, categories and districts included (several
 * statements: run it in a transaction). With `expectedVersion`, only when nobody saved since; returns
 * false when someone did (or the organisation is gone), having written nothing.
 */
export async function updateOrganisationProfile(
  db: Db,
  id: number,
  raw: OrganisationProfile,
  now: Date,
  expectedVersion?: string,
): Promise<boolean> {
  const p = { ...raw, name: cleanUserText(raw.name), description: cleanUserText(raw.description), contactName: raw.contactName === null ? null : cleanUserText(raw.contactName) };
  let q = db
    .updateTable('organisations')
    .set({
      name: p.name,
      kind: p.kind,
      description: p.description,
      website: p.website,
      email: p.email,
      phone: p.phone,
      contactName: p.contactName,
      searchText: foldForSearch(`${p.name} ${p.description}`),
      updatedAt: now.toISOString(),
    })
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('updatedAt', '=', expectedVersion);
  if (Number((await q.executeTakeFirst()).numUpdatedRows) === 0) return false;
  await db.deleteFrom('organisationCategories').where('organisationId', '=', id).execute();
  await db.deleteFrom('organisationDistricts').where('organisationId', '=', id).execute();
  if (p.categories.length > 0) {
    await db.insertInto('organisationCategories').values(p.categories.map((category) => ({ organisationId: id, category }))).execute();
  }
  if (p.districtIds.length > 0) {
    await db.insertInto('organisationDistricts').values(p.districtIds.map((districtId) => ({ organisationId: id, districtId }))).execute();
  }
  return true;
}

/** Sets whether an organisation publishes without review (trusted) and whether it is shown in the directory (published). */
export async function setOrganisationFlags(db: Db, id: number, flags: { trusted?: boolean; published?: boolean }, now: Date): Promise<void> {
  const set: { updatedAt: string; trusted?: number; published?: number } = { updatedAt: now.toISOString() };
  if (flags.trusted !== undefined) set.trusted = flags.trusted ? 1 : 0;
  if (flags.published !== undefined) set.published = flags.published ? 1 : 0;
  await db.updateTable('organisations').set(set).where('id', '=', id).execute();
}
