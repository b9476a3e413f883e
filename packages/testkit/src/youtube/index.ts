/**
 * The YouTube Data API v3 simulator, held to Google's discovery document, with the Analytics API's
 * `/v2/reports` beside it.
 *
 * @packageDocumentation
 */
export { createYouTubeSimulator, type YouTubeSimulator, type YouTubeSimulatorOptions, type YouTubeSimVideo } from './youtube-simulator.js';
export { YOUTUBE_ANALYTICS_SIM_METRICS, type YouTubeAnalyticsSimMetric } from './youtube-analytics-reports.js';
export { YOUTUBE_SIM_QUOTA_COSTS, type YouTubeSimMethod } from './youtube-quota.js';
export {
  checkBody,
  checkQuery,
  youtubeDiscovery,
  type DiscoveryMethod,
  type DiscoveryParameter,
  type DiscoverySchema,
  type DiscoveryViolation,
  type YouTubeDiscovery,
} from './youtube-discovery.js';
