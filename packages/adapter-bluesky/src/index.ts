/**
 * The Bluesky (AT Protocol) adapter for smm: posts with rich-text facets, threads and replies,
 * images and video, link cards and quotes, notifications as mentions, post and profile counts,
 * and the PDS's points-based write limits. See README.md.
 *
 * @packageDocumentation
 */
export { createBlueskyAdapter, type BlueskyAdapter } from './create-bluesky-adapter.js';
export {
  BLUESKY_SERVICE_URL,
  BLUESKY_WEB_URL,
  BlueskyAdapterSettingsSchema,
  type BlueskyAdapterSettings,
  type BlueskyAdapterSettingsInput,
} from './settings.js';
export { BLUESKY_CAPABILITIES } from './capabilities.js';
export { BlueskyCredentialsSchema, blueskyCredentials, type BlueskyCredentials } from './credentials.js';
export { BLUESKY_SELF_LABELS, BlueskyOptionsSchema, type BlueskyOptions, type BlueskyOptionsInput } from './network-options.js';
export { BLUESKY_BUCKETS, BLUESKY_DAILY_WRITE_POINTS, BLUESKY_STATIC_LIMITS, WRITE_POINTS, parseBlueskyRateLimit } from './rate-limits.js';
export { mapBlueskyError, type XrpcError } from './error-mapping.js';
export { BLUESKY_POST_METRICS } from './do-get-post-metrics.js';
export { BLUESKY_ACCOUNT_METRICS } from './do-get-account-metrics.js';
export { recordKeyFor } from './record-key.js';
export { parsePostUri, POST_COLLECTION, type AtUri } from './at-uri.js';
