/** Föreningslots: requests for help into an association, the guide's cases, referrals, wishes and outcomes. */
export { guideRoutes } from './guide.routes.js';
export { eraseExpired, sendFollowUpReminders } from './jobs.js';
export { submitCase, updateCase } from './case.commands.js';
export { insertWish } from './wish.commands.js';
export { referralRoutes } from './referral.routes.js';
export { wishesRoutes } from './wishes.routes.js';
// The time trap of public forms (signed "drawn at" stamps), for other features' forms too.
export { checkStamp, signStamp, STAMP_FIELD } from './form-stamp.js';
export { associationRoutes } from './association.routes.js';
export { associationNeedsSlot } from './association.slot.js';
export { seedAssociationsDemo } from './association.demo.js';
