/**
 * `@smm/adapter-threads/internal`: the adapter's parts (capability table, rate-limit parsing,
 * error mapping, metric tables, scopes, hosts), for tools and tests that look inside. Not covered
 * by semver: build on `@smm/adapter-threads` instead.
 *
 * @packageDocumentation
 */
export { THREADS_CAPABILITIES } from '../capabilities.js';
export { parseThreadsRateLimit } from '../rate-limits.js';
export { LINK_LIMIT_CODE, mapThreadsError } from '../error-mapping.js';
export { THREADS_POST_METRICS } from '../do-get-post-metrics.js';
export { THREADS_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
export { THREADS_DEFAULT_SCOPES } from '../connect.js';
export { THREADS_REPLY_CONTROLS } from '../network-options.js';
export { THREADS_API_URL, THREADS_AUTH_URL } from '../settings.js';
