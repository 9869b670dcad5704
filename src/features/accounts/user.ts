/** Users, roles and the viewer of a request: who may do what is decided from these. */

export type Role = 'admin' | 'editor' | 'guide' | 'translator';
export const ROLES: readonly Role[] = ['admin', 'editor', 'guide', 'translator'];

export interface User {
  id: number;
  email: string;
  name: string;
  hasPassword: boolean;
  isAdmin: boolean;
  isGuide: boolean;
  isTranslator: boolean;
  active: boolean;
  /** Organisations this user edits. */
  organisationIds: number[];
  lastLoginAt: string | null;
}

/** The signed-in user, or null for an anonymous visitor. */
export type Viewer = User | null;

/** Every role a user holds; editing any organisation makes an editor. */
export function rolesOf(user: User): Role[] {
  const roles: Role[] = [];
  if (user.isAdmin) roles.push('admin');
  if (user.organisationIds.length > 0) roles.push('editor');
  if (user.isGuide) roles.push('guide');
  if (user.isTranslator) roles.push('translator');
  return roles;
}

/** E-mail addresses compare without case and surrounding space. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A plausible address: one @, something on both sides, a dot in the domain, no spaces, at most 254 characters. */
export function isEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Error code for a new password, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN) return 'accounts.errors.passwordTooShort';
  if (password.length > PASSWORD_MAX) return 'accounts.errors.passwordTooLong';
  if (normaliseEmail(password) === normaliseEmail(email)) return 'accounts.errors.passwordIsEmail';
  return null;
}
