/**
 * Route access: every route declares one level, and this rule says whether a viewer meets it.
 * Checks on one organisation's data (an editor of A never touches B) live in the feature policies.
 */
import type { Access } from '../../web/server.js';
import type { Viewer } from './user.js';

export type { Access };
export const ACCESS_LEVELS: readonly Access[] = ['public', 'signedIn', 'admin', 'editor', 'guide', 'translator', 'monitor'];

export type AccessDecision = 'allow' | 'signIn' | 'forbidden';

export function decideAccess(access: Access, viewer: Viewer): AccessDecision {
  if (access === 'public') return 'allow';
  if (!viewer || !viewer.active) return 'signIn';
  if (viewer.isAdmin) return 'allow';
  switch (access) {
    case 'signedIn':
      return 'allow';
    case 'admin':
    case 'monitor':
      return 'forbidden';
    case 'editor':
      return viewer.organisationIds.length > 0 ? 'allow' : 'forbidden';
    case 'guide':
      return viewer.isGuide ? 'allow' : 'forbidden';
    case 'translator':
      return viewer.isTranslator ? 'allow' : 'forbidden';
  }
}

/** May this viewer change this organisation's activities and profile? */
export function canEditOrganisation(viewer: Viewer, organisationId: number): boolean {
  return !!viewer && viewer.active && (viewer.isAdmin || viewer.organisationIds.includes(organisationId));
}
