/** Accounts: users and roles, sessions, signing in by password or one-time link, the audit log. */
export * from './user.js';
export { canEditOrganisation, decideAccess, ACCESS_LEVELS, type Access } from './access.js';
export { sessionPlugin, signIn, signOut } from './session.js';
export { accountsRoutes, sendSignInLink } from './accounts.routes.js';
export { ensureFirstAdmin } from './bootstrap.js';
export {
  countAuditEntries,
  countUsers,
  findUserById,
  findUserForLogin,
  grantRoles,
  hitRateLimit,
  pruneRateLimits,
  insertAuthToken,
  insertUser,
  listAudit,
  listOrganisationEditors,
  listAuditEntries,
  listEditorsOf,
  listUsers,
  recordAudit,
  setUserActive,
  type AuditEntry,
  type SystemActor,
} from './accounts.store.js';
export { hashSecret, newSecret } from './secrets.js';
export { createInvitation, INVITE_DAYS, type Invitation, type InvitationInput } from './invitation.js';
