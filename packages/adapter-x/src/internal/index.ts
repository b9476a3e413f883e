/**
 * `@smm/adapter-x/internal`: the adapter's parts (capability tables, rate-limit parsing and
 * buckets, error mapping, metric tables), for tools and tests that need to look inside. Not
 * covered by semver: build on `@smm/adapter-x` instead.
 *
 * @packageDocumentation
 */
export { X_API_URL } from '../settings.js';
export { X_REPLY_SETTINGS } from '../network-options.js';
export { X_CAPABILITIES } from '../capabilities.js';
export { X_BUCKETS, parseXDailyLimitHeaders, parseXRateLimit, type XBucket } from '../rate-limits.js';
export { mapXError } from '../error-mapping.js';
export { X_POLL_LIMITS } from '../check-x-draft.js';
export { X_POST_METRICS, type XMetricGroup } from '../do-get-post-metrics.js';
export { X_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
