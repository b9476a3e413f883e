/**
 * `@smm/adapter-x`: the X (API v2) adapter for smm. Give `createXAdapter()` to
 * `createClient` from `@smm/core/adapter`. See the README for capabilities, settings,
 * credentials, rate limits and limitations.
 *
 * @packageDocumentation
 */
export { createXAdapter, type XAdapter } from './create-x-adapter.js';
export { XAdapterSettingsSchema, X_API_URL, type XAdapterSettings, type XAdapterSettingsInput } from './settings.js';
export { XCredentialsSchema, type XCredentials } from './credentials.js';
export { XOptionsSchema, X_REPLY_SETTINGS, type XOptions, type XOptionsInput } from './network-options.js';
export { X_CAPABILITIES } from './capabilities.js';
export { X_BUCKETS, parseXDailyLimitHeaders, parseXRateLimit, type XBucket } from './rate-limits.js';
export { mapXError } from './error-mapping.js';
export { X_POLL_LIMITS } from './check-x-draft.js';
export { X_POST_METRICS } from './do-get-post-metrics.js';
export { X_ACCOUNT_METRICS } from './do-get-account-metrics.js';
