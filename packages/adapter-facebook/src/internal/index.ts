/**
 * `@smm/adapter-facebook/internal`: the adapter's parts (capability table, rate-limit parsing,
 * error mapping, metric tables, the Page listing of the connect flow), for tools and tests that
 * look inside. Not covered by semver: build on `@smm/adapter-facebook` instead.
 *
 * @packageDocumentation
 */
export { FACEBOOK_CAPABILITIES } from '../capabilities.js';
export { parseFacebookRateLimit } from '../rate-limits.js';
export { DUPLICATE_POST_CODE, mapFacebookError } from '../error-mapping.js';
export { FACEBOOK_POST_METRICS } from '../do-get-post-metrics.js';
export { FACEBOOK_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
export { FACEBOOK_DEFAULT_SCOPES, listFacebookPages } from '../connect.js';
export { FACEBOOK_SCHEDULING_WINDOW, FACEBOOK_VIDEO_URL } from '../settings.js';
