/**
 * `@smm/adapter-youtube/internal`: the adapter's parts (capability tables, quota buckets and
 * limits, error mapping, metric tables), for tools and tests that need to look inside. Not
 * covered by semver: build on `@smm/adapter-youtube` instead.
 *
 * @packageDocumentation
 */
export { YOUTUBE_CAPABILITIES, youtubeCapabilities } from '../capabilities.js';
export { YOUTUBE_PRIVACY_STATUSES, type YouTubePrivacyStatus } from '../network-options.js';
export { YouTubeQuotaError, YOUTUBE_QUOTA_COSTS, type YouTubeMethod } from '../quota.js';
export { QUOTA_TIME_ZONE, UNITS_BUCKET, UPLOADS_BUCKET, UPLOAD_BYTES_BUCKET, youtubeStaticLimits } from '../quota.js';
export { mapYouTubeError, googleErrorReason } from '../error-mapping.js';
export { parseYouTubeRateLimit } from '../rate-limits.js';
export { YOUTUBE_POST_METRICS } from '../do-get-post-metrics.js';
export { YOUTUBE_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
export { YOUTUBE_ANALYTICS_METRICS, YOUTUBE_ANALYTICS_SCOPE } from '../analytics-report.js';
export { markerTag, tagsLength, titleOf } from '../video-resource.js';
