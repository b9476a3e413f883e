/**
 * `@smm/adapter-pinterest/internal`: the adapter's parts (capability table, rate-limit parsing and
 * buckets, error mapping, metric tables), for tools and tests that look inside. Not covered by
 * semver: build on `@smm/adapter-pinterest` instead.
 *
 * @packageDocumentation
 */
export { PINTEREST_CAPABILITIES } from '../capabilities.js';
export { PINTEREST_BUCKETS, parsePinterestRateLimit, pinterestStaticLimits } from '../rate-limits.js';
export { TRIAL_IN_PRODUCTION_CODE, mapPinterestError } from '../error-mapping.js';
export { PINTEREST_POST_METRICS } from '../do-get-post-metrics.js';
export { PINTEREST_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
export { listPinterestBoards, type PinterestBoard } from '../boards.js';
export { PINTEREST_DEFAULT_SCOPES } from '../connect.js';
export { PINTEREST_API_URL, PINTEREST_AUTH_URL, PINTEREST_SANDBOX_URL } from '../settings.js';
