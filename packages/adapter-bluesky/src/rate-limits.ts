import { composeRateLimitParsers, parseIetfRateLimitHeaders, parseRetryAfter, type StaticLimit } from '@smm/core/adapter-kit';

const MINUTE = 60_000;

/**
 * Points each repository write spends from an account's write budget on a Bluesky PDS
 * (docs.bsky.app, "Rate Limits"): pass them as a request's `cost`.
 *
 * @example
 * ```ts
 * http.request({ method: 'POST', path: '/xrpc/com.atproto.repo.deleteRecord', json, cost: WRITE_POINTS.delete });
 * ```
 */
export const WRITE_POINTS = { create: 3, update: 2, delete: 1 } as const;

/**
 * The buckets the adapter's requests spend from.
 *
 * - `write`: repository writes (createRecord, deleteRecord), in points.
 * - `read`: every other authenticated request (AppView reads through the PDS, getRecord, resolveHandle).
 * - `media`: `uploadBlob` (no own limit is published; the per-IP limit covers it).
 * - `session`: `createSession` (30 per 5 minutes per account).
 */
export const BLUESKY_BUCKETS = { write: 'write', read: 'read', media: 'media', session: 'session' } as const;

/**
 * Limits the Bluesky PDS enforces, used until (and whenever) a response says otherwise
 * through `ratelimit-*` headers:
 * 5 000 write points per hour per account; 3 000 requests per 5 minutes (the PDS's global
 * per-IP limit, applied to reads); 30 `createSession` calls per 5 minutes.
 *
 * The daily write budget (35 000 points) is not a separate bucket: a request spends from one
 * bucket only, and the PDS reports whichever window is tighter in its headers, which the
 * planner then follows (see README, "Rate limits").
 *
 * @example
 * ```ts
 * createHttpClient({ platform: 'bluesky', staticLimits: BLUESKY_STATIC_LIMITS, parseRateLimit: parseBlueskyRateLimit });
 * ```
 */
export const BLUESKY_STATIC_LIMITS: readonly StaticLimit[] = [
  { bucket: BLUESKY_BUCKETS.write, limit: 5_000, windowMs: 60 * MINUTE },
  { bucket: BLUESKY_BUCKETS.read, limit: 3_000, windowMs: 5 * MINUTE },
  { bucket: BLUESKY_BUCKETS.session, limit: 30, windowMs: 5 * MINUTE },
];

/** Daily write points on a Bluesky PDS (documentation; enforced through headers). */
export const BLUESKY_DAILY_WRITE_POINTS = 35_000;

/**
 * Reads Bluesky's rate-limit headers: the IETF draft fields `ratelimit-limit`,
 * `ratelimit-remaining`, `ratelimit-reset` (epoch seconds) and `ratelimit-policy`
 * (`5000;w=3600`), plus `Retry-After` when a proxy in front sends one.
 *
 * @example
 * ```ts
 * parseBlueskyRateLimit(
 *   { status: 200, headers: new Headers({ 'ratelimit-limit': '5000', 'ratelimit-remaining': '4997', 'ratelimit-reset': '1767607200', 'ratelimit-policy': '5000;w=3600' }) },
 *   { now: Date.now(), bucket: 'write' },
 * ); // [{ limit: 5000, remaining: 4997, resetAtMs: 1767607200000, windowMs: 3600000 }]
 * ```
 */
export const parseBlueskyRateLimit = composeRateLimitParsers(parseIetfRateLimitHeaders, parseRetryAfter);
