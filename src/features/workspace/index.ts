/**
 * The workspace: organisations keep their activities and profile up to date; the coordinator
 * reviews, drafts proposals and approves suggestions from people without an account.
 */
export { workspaceRoutes, type OrganisationSlot } from './workspace.routes.js';
export { reviewRoutes } from './review.routes.js';
export { countRevisions } from './revision.queries.js';
export { deleteExpiredUnconfirmed, insertRevision } from './revision.commands.js';
export type { RevisionStatus } from './revision.store.js';
// For saving from elsewhere (calendar import) by the workspace's own rules.
export { findOpenRevision } from './revision.queries.js';
export { supersedeRevisions, updateRevision } from './revision.commands.js';
export type { ActivityChange } from './revision.store.js';
export { saveModeFor } from './workflow.js';
export type { SignupChanges } from './notify.js';
export { activityFacts } from './facts.js';
// The organisation fields' checks, for the forms that create organisations (joining, the coordinator's).
export { normalisePhone } from './activity-form.js';
export { normaliseWebsite, readProfileForm, PROFILE_LIMITS, type ProfileForm } from './profile-form.js';
export { LookAlikeWarning, NameKindFields } from './organisation-fields.js';
