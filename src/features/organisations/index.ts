/** Organisations: the directory and profiles. */
export * from './organisation.js';
export {
  countOrganisations,
  findOrganisationById,
  findOrganisationBySlug,
  insertOrganisation,
  findAnyOrganisation,
  findOrganisationsByIds,
  listOrganisationNames,
  updateOrganisationProfile,
  listOrganisationTexts,
  listOrganisations,
  countOrganisationsForAdmin,
  listOrganisationsForAdmin,
  setOrganisationFlags,
  type OrganisationAdminItem,
} from './organisation.store.js';
export { organisationRoutes } from './organisation.routes.js';
// New organisations (joining the network, the coordinator's form, a tip's unknown host): slugs and look-alike names.
export { createOrganisation, freeSlug, isSlugTaken } from './organisation.store.js';
export { isValidSlug, lookAlikes, namesLookAlike, organisationSlug, SLUG_MAX } from './naming.js';
