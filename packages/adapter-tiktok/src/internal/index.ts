/**
 * `@smm/adapter-tiktok/internal`: the adapter's parts (capability table, rate-limit buckets and
 * static limits, error mapping, chunk planning, metric tables), for tools and tests that need to
 * look inside. Not covered by semver: build on `@smm/adapter-tiktok` instead.
 *
 * @packageDocumentation
 */
export { TIKTOK_CAPABILITIES } from '../capabilities.js';
export { TIKTOK_BUCKETS, parseTikTokRateLimit, tiktokStaticLimits, type TikTokBucket } from '../rate-limits.js';
export { mapTikTokError } from '../error-mapping.js';
export { chunkBounds, planChunks, type ChunkPlan } from '../chunk-plan.js';
export { TIKTOK_POST_METRICS } from '../do-get-post-metrics.js';
export { TIKTOK_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
export { TIKTOK_PRIVACY_LEVELS, type TikTokPrivacyLevel } from '../network-options.js';
export { fetchTikTokCreatorInfo, type TikTokCreatorInfo } from '../creator-info.js';
export type { HostPhoto, PhotoToHost } from '../settings.js';
