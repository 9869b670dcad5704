/**
 * Calendar import: organisations connect the calendar they already keep (an ICS address from
 * Google, Outlook, Nextcloud, a booking system) and its events become their activities, synced
 * every hour.
 */
export { importRoutes, createImportDeps } from './import.routes.js';
export { runImports, syncFeed, type ImportDeps, type RunSummary, type SyncOutcome } from './sync.js';
export { createFeedFetcher, type FeedFetcher, type FetchResult } from './feed-fetcher.js';
