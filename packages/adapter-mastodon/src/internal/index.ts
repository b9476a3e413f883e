/**
 * `@smm/adapter-mastodon/internal`: the adapter's parts (capability tables, rate-limit parsing and
 * buckets, error mapping, metric tables), for tools and tests that need to look inside. Not
 * covered by semver: build on `@smm/adapter-mastodon` instead.
 *
 * @packageDocumentation
 */
export { MASTODON_VISIBILITIES, type MastodonVisibility } from '../network-options.js';
export { IDEMPOTENCY_KEY_HEADER, MASTODON_CAPABILITIES, mastodonCapabilities } from '../capabilities.js';
export { MASTODON_BUCKETS, createMastodonRateLimitParser, mastodonStaticLimits, type MastodonBucket } from '../rate-limits.js';
export { mapMastodonError } from '../error-mapping.js';
export { MASTODON_POST_METRICS } from '../do-get-post-metrics.js';
export { MASTODON_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
