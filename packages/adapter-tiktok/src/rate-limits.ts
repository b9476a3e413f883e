import { composeRateLimitParsers, parseRetryAfter, type RateLimitParser, type StaticLimit } from '@smm/core/adapter-kit';

const MINUTE = 60_000;

/** The adapter's rate-limit buckets: TikTok limits each endpoint separately, per user access token. */
export const TIKTOK_BUCKETS = {
  /** The init endpoints (video direct post, inbox upload, photo content): 6 per minute. */
  init: 'init',
  /** creator_info/query: 20 per minute. */
  creatorInfo: 'creator-info',
  /** status/fetch: 30 per minute. */
  status: 'status',
  /** Chunk PUTs to the upload URL (no documented limit). */
  upload: 'upload',
  /** Display API (user info, video list, video query): 600 per minute. */
  read: 'read',
  oauth: 'oauth',
} as const;

/** A TikTok bucket. */
export type TikTokBucket = (typeof TIKTOK_BUCKETS)[keyof typeof TIKTOK_BUCKETS];

/**
 * The limits TikTok documents but does not announce in headers, as static limits so the 7th init
 * in a minute waits instead of drawing a 429: inits 6 per minute per token
 * (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post, -upload-video,
 * -photo-post), creator_info 20 (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info),
 * status fetch 30 (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status),
 * Display API 600 (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).
 *
 * @example
 * ```ts
 * tiktokStaticLimits().find((limit) => limit.bucket === 'init'); // { bucket: 'init', limit: 6, windowMs: 60000 }
 * ```
 */
export function tiktokStaticLimits(): StaticLimit[] {
  return [
    { bucket: TIKTOK_BUCKETS.init, limit: 6, windowMs: MINUTE },
    { bucket: TIKTOK_BUCKETS.creatorInfo, limit: 20, windowMs: MINUTE },
    { bucket: TIKTOK_BUCKETS.status, limit: 30, windowMs: MINUTE },
    { bucket: TIKTOK_BUCKETS.read, limit: 600, windowMs: MINUTE },
  ];
}

/**
 * TikTok sends no rate-limit headers; a 429 (`rate_limit_exceeded`) means the one-minute sliding
 * window is full, so the bucket is empty for a minute (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit).
 * A `Retry-After`, should one come, wins.
 */
export const parseTikTokRateLimit: RateLimitParser = composeRateLimitParsers(
  (response, context) => (response.status === 429 ? [{ remaining: 0, resetAtMs: context.now + MINUTE, windowMs: MINUTE }] : []),
  parseRetryAfter,
);
