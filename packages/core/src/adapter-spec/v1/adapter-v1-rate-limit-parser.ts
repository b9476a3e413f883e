import type { AdapterV1RateLimitBucket } from './adapter-v1-http-client.js';

/** What one response says about a bucket's limit. All fields optional: report what the network sent. */
export interface AdapterV1RateLimitObservation {
  /** The bucket observed (default: the request's bucket). */
  bucket?: AdapterV1RateLimitBucket;
  limit?: number;
  remaining?: number;
  /** Epoch milliseconds when the window resets. */
  resetAtMs?: number;
  windowMs?: number;
  /** From `Retry-After` or an equivalent. */
  retryAfterMs?: number;
}

/** Reads rate-limit headers/bodies of one response into observations. */
export type AdapterV1RateLimitParser = (
  response: { status: number; headers: Headers; body?: unknown },
  context: { now: number; bucket: AdapterV1RateLimitBucket },
) => AdapterV1RateLimitObservation[];

/** A limit the network enforces without announcing it in headers. */
export interface AdapterV1StaticLimit {
  bucket: AdapterV1RateLimitBucket;
  limit: number;
  windowMs: number;
  /** IANA zone whose midnight resets the window (daily quotas). */
  resetsAtMidnightIn?: string | undefined;
}
