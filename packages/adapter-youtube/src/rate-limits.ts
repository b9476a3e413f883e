import { parseRetryAfter, type RateLimitParser } from '@smm/core/adapter-kit';
import { googleErrorReason } from './error-mapping.js';

/**
 * Reads what YouTube says about limits. It sends no rate-limit headers: a `403 quotaExceeded`
 * means the bucket the request spent from is empty until the daily reset (core's static
 * window for it ends at midnight Pacific), and a `429` may carry `Retry-After`.
 *
 * @example
 * ```ts
 * parseYouTubeRateLimit({ status: 403, headers: new Headers(), body: { error: { errors: [{ reason: 'quotaExceeded' }] } } }, { now: 0, bucket: 'quota' });
 * // [{ remaining: 0 }]
 * ```
 */
export const parseYouTubeRateLimit: RateLimitParser = (response, context) => {
  if (response.status === 403 && googleErrorReason(response.body) === 'quotaExceeded') return [{ remaining: 0 }];
  return parseRetryAfter(response, context);
};
