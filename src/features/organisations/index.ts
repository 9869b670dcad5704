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
