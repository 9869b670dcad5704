/** Organisations: the directory and profiles. */
export * from './organisation.js';
export {
  countOrganisations,
  findOrganisationById,
  findOrganisationBySlug,
  findAnyOrganisation,
  findOrganisationsByIds,
  listOrganisationNames,
  listOrganisationTexts,
  listOrganisations,
  countOrganisationsForAdmin,
  listOrganisationsForAdmin,
  type OrganisationAdminItem,
} from './organisation.queries.js';
export { organisationRoutes } from './organisation.routes.js';
// New organisations (joining the network, the coordinator's form, a tip's unknown host): slugs and look-alike names.
export { freeSlug, isSlugTaken } from './organisation.queries.js';
export { changeFlags, changeProfile, createOrganisation, type OrganisationChangeContext } from './organisation.commands.js';
export { isValidSlug, lookAlikes, namesLookAlike, organisationSlug, SLUG_MAX } from './naming.js';
