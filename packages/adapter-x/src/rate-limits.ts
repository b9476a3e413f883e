import { composeRateLimitParsers, parseEpochResetHeaders, type RateLimitObservation, type RateLimitParser } from '@smm/core/adapter-kit';

/**
 * The rate-limit bucket of each X endpoint. X limits every endpoint on its own 15-minute
 * window (and tweet creation also per 24 h), and its `x-rate-limit-*` headers describe the
 * endpoint that answered, so each endpoint spends from its own bucket: a busy mentions poller
 * never holds back a publish.
 *
 * @example
 * ```ts
 * const http = await client.http('x:1460000000000000001');
 * http.rateLimit(X_BUCKETS.createPost); // { limit: 100, remaining: 99, resetAt: '…', scope: 'x:1460…:write:tweets' }
 * ```
 */
export const X_BUCKETS = {
  /** `POST /2/tweets` (also bound by X's 24-hour posting limit). */
  createPost: 'write:tweets',
  /** `DELETE /2/tweets/:id`. */
  deletePost: 'write:delete',
  /** `GET /2/tweets/:id`, `GET /2/tweets`. */
  readPosts: 'read:tweets',
  /** `GET /2/users/:id/mentions`. */
  mentions: 'read:mentions',
  /** `GET /2/users/:id/tweets` (the own timeline, for lookups). */
  timeline: 'read:timeline',
  /** `GET /2/users/:id`. */
  users: 'read:users',
  /** `/2/media/upload` and `/2/media/metadata`. */
  media: 'media',
  /** `POST /2/oauth2/token`. */
  auth: 'auth',
  /** `POST /2/users/:id/likes`, `DELETE /2/users/:id/likes/:tweet_id`. */
  likes: 'write:likes',
  /** `PUT /2/tweets/:tweet_id/hidden`. */
  hideReplies: 'write:hide-replies',
  /** `POST /2/users/:id/muting`. */
  muting: 'write:muting',
} as const;

/** An X endpoint's bucket name. */
export type XBucket = (typeof X_BUCKETS)[keyof typeof X_BUCKETS];

function header(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

// No windowMs: merged with the 15-minute observation, it would lend that one a 24-hour window.
function dailyLimit(headers: Headers, prefix: string): RateLimitObservation | undefined {
  const limit = header(headers, `${prefix}-limit`);
  const remaining = header(headers, `${prefix}-remaining`);
  const reset = header(headers, `${prefix}-reset`);
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  return {
    ...(limit === undefined ? {} : { limit }),
    ...(remaining === undefined ? {} : { remaining }),
    ...(reset === undefined ? {} : { resetAtMs: reset * 1000 }),
  };
}

/**
 * Reads X's 24-hour limits on posting, `x-user-limit-24hour-*` and `x-app-limit-24hour-*`
 * (limit, remaining, reset in epoch seconds), which X sends beside the 15-minute
 * `x-rate-limit-*` headers.
 *
 * @example
 * ```ts
 * parseXDailyLimitHeaders(
 *   { status: 429, headers: new Headers({ 'x-user-limit-24hour-limit': '17', 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': '1767312000' }) },
 *   { now: Date.now(), bucket: 'write:tweets' },
 * ); // [{ limit: 17, remaining: 0, resetAtMs: 1767312000000 }]
 * ```
 */
export const parseXDailyLimitHeaders: RateLimitParser = (response) =>
  [dailyLimit(response.headers, 'x-user-limit-24hour'), dailyLimit(response.headers, 'x-app-limit-24hour')].filter(
    (observation): observation is RateLimitObservation => observation !== undefined,
  );

/**
 * The X adapter's rate-limit parser: the 15-minute `x-rate-limit-*` window and the 24-hour
 * posting limits, merged per bucket so the one closer to running out decides (a 429 on the
 * daily limit waits for the daily reset, not the 15-minute one).
 *
 * @example
 * ```ts
 * createHttpClient({ platform: 'x', parseRateLimit: parseXRateLimit });
 * ```
 */
export const parseXRateLimit: RateLimitParser = composeRateLimitParsers(parseEpochResetHeaders, parseXDailyLimitHeaders);
