/** Accounts: users and roles, sessions, signing in by password or one-time link, rate limits. */
export * from './user.js';
export { canEditOrganisation, decideAccess, ACCESS_LEVELS, type Access } from './access.js';
export { sessionPlugin, signIn, signOut } from './session.js';
export { accountsRoutes, sendSignInLink } from './accounts.routes.js';
export { ensureFirstAdmin } from './bootstrap.js';
export { countUsers, findUserById, findUserForLogin, listEditorsOf, listOrganisationEditors, listUsers } from './accounts.queries.js';
export { grantRoles, hitRateLimit, insertAuthToken, insertUser, pruneRateLimits, setUserActive } from './accounts.commands.js';
export { hashSecret, newSecret } from './secrets.js';
export { createInvitation, INVITE_DAYS, type Invitation, type InvitationInput } from './invitation.js';
