/** The organisation a tip names when it is not in Tillsammans yet: created as the tip is approved, in the approval's transaction. */
import type { Db } from '../../db/index.js';
import { createOrganisation } from '../organisations/index.js';
import type { OrganisationKind } from '../taxonomy/index.js';

/**
 * Creates the tip's host with a free slug from its name: not trusted, and shown in the directory,
 * because the published activity links to its host's page. Returns its id.
 */
export async function createSuggestedHost(db: Db, o: { name: string; kind: OrganisationKind }, p: { actor: number | null; revisionId: number }, now: Date): Promise<number> {
  const created = await createOrganisation(
    db,
    { name: o.name, kind: o.kind, description: '', website: null, email: null, phone: null, contactName: null, trusted: false, published: true, categories: [], districtIds: [] },
    { actor: p.actor, now },
    { action: 'organisation.created', after: { kind: o.kind, revision: p.revisionId } },
  );
  return created.id;
}
