/**
 * `@smm/adapter-instagram/internal`: the adapter's parts (capability table, metric tables,
 * rate-limit parsing and buckets, error mapping, container planning), for tools and tests that
 * look inside. Not covered by semver: build on `@smm/adapter-instagram` instead.
 *
 * @packageDocumentation
 */
export { INSTAGRAM_CAPABILITIES, instagramCapabilities } from '../capabilities.js';
export { INSTAGRAM_BUCKETS, parseInstagramRateLimit } from '../rate-limits.js';
export { PUBLISHING_CAP_CODE, mapInstagramError } from '../error-mapping.js';
export { INSTAGRAM_POST_METRICS } from '../do-get-post-metrics.js';
export { INSTAGRAM_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
export { planContainers, type ContainerFields, type ContainerPlan } from '../container-plan.js';
export type { InstagramLogin } from '../settings.js';
export { INSTAGRAM_DEFAULT_SCOPES } from '../connect.js';
