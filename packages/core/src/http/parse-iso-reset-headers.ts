import { compact, numberHeader } from './header-values.js';
import type { RateLimitObservation, RateLimitParser } from './types.js';

function resetToEpochMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  // ISO 8601 (Mastodon); other senders of this family use epoch or delta seconds.
  if (/^\d+(\.\d+)?$/.test(text)) {
    const number = Number(text);
    return number > 1e9 ? number * 1000 : now + number * 1000;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Reads the `X-RateLimit-*` header family with an ISO 8601 reset: `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset` (an ISO 8601 timestamp, as Mastodon sends it;
 * numbers are accepted too, as epoch or delta seconds). Named after the headers, not a network.
 *
 * @example
 * ```ts
 * parseIsoResetHeaders(
 *   { status: 200, headers: new Headers({ 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '299', 'X-RateLimit-Reset': '2026-01-05T10:05:00.000Z' }) },
 *   { now: Date.now(), bucket: 'read' },
 * ); // [{ limit: 300, remaining: 299, resetAtMs: 1767607500000 }]
 * ```
 */
export const parseIsoResetHeaders: RateLimitParser = (response, context) => {
  const { headers } = response;
  const limit = numberHeader(headers, 'x-ratelimit-limit');
  const remaining = numberHeader(headers, 'x-ratelimit-remaining');
  const resetAtMs = resetToEpochMs(headers.get('x-ratelimit-reset'), context.now);
  if (limit === undefined && remaining === undefined && resetAtMs === undefined) return [];
  const observation: RateLimitObservation = compact({ limit, remaining, resetAtMs });
  return [observation];
};
