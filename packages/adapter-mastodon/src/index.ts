/**
 * `@smm/adapter-mastodon`: the Mastodon adapter for smm. Give `createMastodonAdapter()` to
 * `createClient` from `@smm/core/adapter`. See the README for capabilities, settings,
 * credentials, rate limits and limitations.
 *
 * @packageDocumentation
 */
export { createMastodonAdapter, type MastodonAdapter } from './create-mastodon-adapter.js';
export {
  MASTODON_DEFAULT_INSTANCE,
  MastodonAdapterSettingsSchema,
  type MastodonAdapterSettings,
  type MastodonAdapterSettingsInput,
} from './settings.js';
export { MastodonCredentialsSchema, type MastodonCredentials } from './credentials.js';
export {
  MASTODON_VISIBILITIES,
  MastodonOptionsSchema,
  type MastodonOptions,
  type MastodonOptionsInput,
  type MastodonVisibility,
} from './network-options.js';
export { IDEMPOTENCY_KEY_HEADER, MASTODON_CAPABILITIES, mastodonCapabilities } from './capabilities.js';
export { MASTODON_BUCKETS, createMastodonRateLimitParser, mastodonStaticLimits, type MastodonBucket } from './rate-limits.js';
export { mapMastodonError } from './error-mapping.js';
export { MASTODON_POST_METRICS } from './do-get-post-metrics.js';
export { MASTODON_ACCOUNT_METRICS } from './do-get-account-metrics.js';
