/** Feeds and the JSON API: what other sites and apps read. */
export { apiRoutes, MAX_RANGE_DAYS } from './api.routes.js';
export { icalFeedRoutes } from './ical.routes.js';
export { rssRoutes } from './rss.routes.js';
export { sitemapRoutes } from './sitemap.routes.js';
export { widgetRoutes, widgetScriptRoutes } from './widget.routes.js';
export { openApiGenerator, openApiRoutes } from './openapi.routes.js';
