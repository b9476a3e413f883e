/**
 * `@smm/adapter-bluesky/internal`: the adapter's parts (capability tables, rate-limit parsing and
 * buckets, error mapping, metric tables), for tools and tests that need to look inside. Not
 * covered by semver: build on `@smm/adapter-bluesky` instead.
 *
 * @packageDocumentation
 */
export { BLUESKY_SERVICE_URL, BLUESKY_WEB_URL } from '../settings.js';
export { BLUESKY_CAPABILITIES } from '../capabilities.js';
export { blueskyCredentials } from '../credentials.js';
export { BLUESKY_SELF_LABELS } from '../network-options.js';
export { BLUESKY_BUCKETS, BLUESKY_DAILY_WRITE_POINTS, BLUESKY_STATIC_LIMITS, WRITE_POINTS, parseBlueskyRateLimit } from '../rate-limits.js';
export { mapBlueskyError, XrpcErrorSchema, type XrpcError } from '../error-mapping.js';
export { BLUESKY_POST_METRICS } from '../do-get-post-metrics.js';
export { BLUESKY_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
export { keyEpochAt, recordKeyFor, type KeyEpoch } from '../record-key.js';
export { parsePostUri, POST_COLLECTION, type AtUri } from '../at-uri.js';
