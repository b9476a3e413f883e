import { RateLimitError, type AdapterContext, type AdapterStaticLimit } from '@smm/core/adapter-kit';

/**
 * What each YouTube Data API method the adapter calls costs, in quota units, from Google's table
 * (https://developers.google.com/youtube/v3/determine_quota_cost). Every request costs at least
 * one unit, invalid ones included. `videos.insert` is counted in its own bucket of calls a day
 * (default 100, 1 per call) — the table's older figure was 1600 units from the shared budget.
 *
 * @example
 * ```ts
 * YOUTUBE_QUOTA_COSTS['videos.delete']; // 50
 * ```
 */
export const YOUTUBE_QUOTA_COSTS = {
  'videos.list': 1,
  'videos.insert': 1,
  'videos.delete': 50,
  'thumbnails.set': 50,
  'commentThreads.list': 1,
  'commentThreads.insert': 50,
  'comments.list': 1,
  'comments.insert': 50,
  'channels.list': 1,
  'playlistItems.list': 1,
} as const;

/** A YouTube Data API method the adapter calls. */
export type YouTubeMethod = keyof typeof YOUTUBE_QUOTA_COSTS;

/** The bucket of the project's daily units (every method but `videos.insert`). */
export const UNITS_BUCKET = 'quota';
/** The bucket of `videos.insert` calls a day. */
export const UPLOADS_BUCKET = 'uploads';
/** Bytes sent to an upload session: part of the `videos.insert` call, no quota of their own. */
export const UPLOAD_BYTES_BUCKET = 'upload-bytes';
/** Daily quotas reset at midnight Pacific Time (determine_quota_cost). */
export const QUOTA_TIME_ZONE = 'America/Los_Angeles';

/** The bucket a method spends from. @internal */
export function bucketOf(method: YouTubeMethod): string {
  return method === 'videos.insert' ? UPLOADS_BUCKET : UNITS_BUCKET;
}

/**
 * The daily quotas as core's static limits: the project's units and its `videos.insert` calls,
 * each reset at midnight Pacific. Core counts every request's `cost` against them, in the rate-limit
 * store the client is given (shared by every client on the store, so by every account of the project).
 *
 * @example
 * ```ts
 * youtubeStaticLimits({ dailyUnits: 10_000, dailyUploads: 100 })[0]; // { bucket: 'quota', limit: 10000, … }
 * ```
 */
export function youtubeStaticLimits(settings: { dailyUnits: number; dailyUploads: number }): AdapterStaticLimit[] {
  const day = 86_400_000;
  return [
    { bucket: UNITS_BUCKET, limit: settings.dailyUnits, windowMs: day, resetsAtMidnightIn: QUOTA_TIME_ZONE },
    { bucket: UPLOADS_BUCKET, limit: settings.dailyUploads, windowMs: day, resetsAtMidnightIn: QUOTA_TIME_ZONE },
  ];
}

/**
 * The day's YouTube quota cannot pay for a call: thrown before the request is sent. A
 * `RateLimitError` (`remaining`, `resetAt` at the next midnight Pacific) that also names the
 * method and its `cost` in units.
 *
 * @example
 * ```ts
 * if (YouTubeQuotaError.isQuotaError(error)) console.log(`${error.method} needs ${error.cost} units, ${error.remaining} left until ${error.resetAt}`);
 * ```
 */
export class YouTubeQuotaError extends RateLimitError {
  /** The method refused. */
  readonly method: YouTubeMethod;
  /** What it costs, in units (or calls, for `videos.insert`). */
  readonly cost: number;

  constructor(
    method: YouTubeMethod,
    cost: number,
    state: { limit: number; remaining: number; resetAt: string | null; scope: string },
    now: number,
  ) {
    const unit = method === 'videos.insert' ? 'upload' : 'unit';
    const plural = (n: number) => `${n} ${unit}${n === 1 ? '' : 's'}`;
    super(
      `YouTube ${method} costs ${plural(cost)} but only ${plural(state.remaining)} of today's ${state.limit} remain; ` +
        `the quota resets at midnight Pacific (${state.resetAt ?? 'unknown'}). Try again after the reset, or ask Google for a higher quota.`,
      {
        platform: 'youtube',
        scope: state.scope,
        limit: state.limit,
        remaining: state.remaining,
        resetAt: state.resetAt,
        retryAfterMs: state.resetAt === null ? null : Math.max(0, Date.parse(state.resetAt) - now),
      },
    );
    this.name = 'YouTubeQuotaError';
    this.method = method;
    this.cost = cost;
  }

  /** Whether `error` is a {@link YouTubeQuotaError}. */
  static isQuotaError(error: unknown): error is YouTubeQuotaError {
    return RateLimitError.isInstance(error) && (error as { name?: unknown }).name === 'YouTubeQuotaError';
  }
}

/**
 * The bucket and cost a method's request spends, after checking that the day's quota can pay
 * for it: throws {@link YouTubeQuotaError} without sending anything when it cannot. @internal
 */
export function spend(method: YouTubeMethod, context: AdapterContext): { bucket: string; cost: number } {
  const bucket = bucketOf(method);
  const cost = YOUTUBE_QUOTA_COSTS[method];
  const state = context.http.rateLimit(bucket);
  const now = context.clock.now();
  const reset = state?.resetAt === null || state?.resetAt === undefined ? null : Date.parse(state.resetAt);
  // A window whose reset has passed is full again (core renews it on the next request).
  if (state && state.remaining < cost && (reset === null || reset > now)) throw new YouTubeQuotaError(method, cost, state, now);
  return { bucket, cost };
}
