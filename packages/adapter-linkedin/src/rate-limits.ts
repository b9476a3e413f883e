import type { RateLimitParser, StaticLimit } from '@smm/core/adapter-kit';
import type { LinkedInAdapterSettings } from './settings.js';

const DAY_MS = 86_400_000;

/**
 * The rate-limit buckets of the LinkedIn adapter. LinkedIn counts requests per member and per
 * app per day and resets them at midnight UTC; it announces nothing in headers.
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits
 */
export const LINKEDIN_BUCKETS = {
  /** GETs: posts, comments, statistics, upload status. */
  read: 'read',
  /** Creating and deleting: posts, comments, token refreshes. */
  write: 'write',
  /** Upload registrations and the uploads themselves. */
  media: 'media',
} as const;

/** A LinkedIn bucket name. */
export type LinkedInBucket = (typeof LINKEDIN_BUCKETS)[keyof typeof LINKEDIN_BUCKETS];

/**
 * The daily limits as static limits resetting at midnight UTC (core counts them; LinkedIn
 * announces none).
 *
 * @example
 * ```ts
 * linkedinStaticLimits({ write: 150, media: 500, read: 100_000 })[0];
 * // { bucket: 'write', limit: 150, windowMs: 86400000, resetsAtMidnightIn: 'UTC' }
 * ```
 */
export function linkedinStaticLimits(limits: LinkedInAdapterSettings['dailyLimits']): StaticLimit[] {
  return (['write', 'media', 'read'] as const).map((bucket) => ({
    bucket: LINKEDIN_BUCKETS[bucket],
    limit: limits[bucket],
    windowMs: DAY_MS,
    resetsAtMidnightIn: 'UTC',
  }));
}

/** The next midnight UTC after `now` (epoch ms). @internal */
export function nextMidnightUtc(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
}

/**
 * LinkedIn's rate-limit parser: no headers to read, so only a 429 says anything: the bucket is
 * spent until the next midnight UTC, when LinkedIn's daily counters reset.
 *
 * @example
 * ```ts
 * parseLinkedInRateLimit({ status: 429, headers: new Headers() }, { now: Date.parse('2026-05-01T15:00:00Z'), bucket: 'write' });
 * // [{ remaining: 0, resetAtMs: Date.parse('2026-05-02T00:00:00Z') }]
 * ```
 */
export const parseLinkedInRateLimit: RateLimitParser = (response, context) =>
  response.status === 429 ? [{ remaining: 0, resetAtMs: nextMidnightUtc(context.now) }] : [];
