/** Planning: clashes between activities, the week grid and its gaps. */
export {
  CLASH_WINDOW_WEEKS,
  clashWindow,
  compareClashes,
  findClashes,
  findNearbyClashes,
  NEARBY_METERS,
  plannedActivities,
  type Clash,
  type PlannedActivity,
  type PlannedOccurrence,
} from './clashes.js';
export {
  EVENING_FROM_HOUR,
  EVENING_TO_HOUR,
  countByDistrict,
  emptyGrid,
  gaps,
  weekGrid,
  type GridGaps,
  type GridOccurrence,
  type WeekGrid,
} from './grid.js';
export { distanceMeters, type Coordinates } from './geo.js';
export { planningRoutes } from './planning.routes.js';
