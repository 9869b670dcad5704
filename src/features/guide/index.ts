/** Föreningslots: requests for help into an association, the guide's cases, referrals, wishes and outcomes. */
export { guideRoutes } from './guide.routes.js';
export { eraseExpired, sendFollowUpReminders } from './jobs.js';
export { submitCase, updateCase } from './case.store.js';
export { insertWish } from './wish.store.js';
export { referralRoutes } from './referral.routes.js';
export { wishesRoutes } from './wishes.routes.js';
