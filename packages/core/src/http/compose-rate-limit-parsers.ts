import type { RateLimitBucket, RateLimitObservation, RateLimitParser } from './types.js';

function tighter(a: RateLimitObservation, b: RateLimitObservation): RateLimitObservation {
  const out: RateLimitObservation = { ...a };
  // Where both speak of remaining, keep the one closer to running out (by share of its limit).
  if (b.remaining !== undefined) {
    const share = (o: RateLimitObservation) => (o.limit ? (o.remaining ?? Infinity) / o.limit : (o.remaining ?? Infinity));
    if (a.remaining === undefined || share(b) < share(a)) {
      out.remaining = b.remaining;
      if (b.limit !== undefined) out.limit = b.limit;
      if (b.windowMs !== undefined) out.windowMs = b.windowMs;
      if (b.resetAtMs !== undefined) out.resetAtMs = b.resetAtMs;
    }
  }
  out.limit ??= b.limit;
  out.windowMs ??= b.windowMs;
  out.resetAtMs ??= b.resetAtMs;
  if (b.retryAfterMs !== undefined) out.retryAfterMs = Math.max(a.retryAfterMs ?? 0, b.retryAfterMs);
  return out;
}

/**
 * Runs several parsers on each response and merges what they say per bucket: the tightest
 * remaining wins, missing fields are filled from the others, the longest `retryAfterMs` holds.
 *
 * @example
 * ```ts
 * const parseRateLimit = composeRateLimitParsers(parseIetfRateLimitHeaders, parseRetryAfter);
 * createHttpClient({ platform: 'bluesky', parseRateLimit });
 * ```
 */
export function composeRateLimitParsers(...parsers: readonly RateLimitParser[]): RateLimitParser {
  return (response, context) => {
    const byBucket = new Map<RateLimitBucket, RateLimitObservation>();
    for (const parser of parsers) {
      for (const observation of parser(response, context)) {
        const bucket = observation.bucket ?? context.bucket;
        const known = byBucket.get(bucket);
        byBucket.set(bucket, known ? tighter(known, observation) : observation);
      }
    }
    return [...byBucket.values()];
  };
}
