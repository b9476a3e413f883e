import { Temporal } from 'temporal-polyfill';
import type { RateLimitBucket, StaticLimit } from './types.js';

const DAY_MS = 86_400_000;

/**
 * The next midnight in an IANA zone after `now` (epoch ms), as epoch ms. Where a DST change
 * skips midnight, the day starts at the first instant that exists.
 *
 * @example
 * ```ts
 * // YouTube quotas reset at midnight Pacific time.
 * new Date(nextMidnightIn('America/Los_Angeles', Date.parse('2026-03-08T12:00:00Z'))).toISOString();
 * // '2026-03-09T07:00:00.000Z' (PDT began that morning)
 * ```
 */
export function nextMidnightIn(timeZone: string, now: number): number {
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).toPlainDate();
  return today.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/**
 * A daily quota that resets at midnight in a zone, for networks that announce no headers
 * (LinkedIn: midnight UTC; YouTube: midnight Pacific). Pass it in `staticLimits`.
 *
 * @example
 * ```ts
 * createHttpClient({
 *   platform: 'youtube',
 *   staticLimits: [dailyQuota('write', 100, 'America/Los_Angeles')],
 * });
 * ```
 */
export function dailyQuota(bucket: RateLimitBucket, limit: number, timeZone: string): StaticLimit {
  return { bucket, limit, windowMs: DAY_MS, resetsAtMidnightIn: timeZone };
}

/** When a static limit's window that starts now ends. @internal */
export function staticWindowEnd(limit: StaticLimit, now: number): number {
  return limit.resetsAtMidnightIn ? nextMidnightIn(limit.resetsAtMidnightIn, now) : now + limit.windowMs;
}
