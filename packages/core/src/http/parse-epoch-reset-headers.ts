import { numberHeader } from './header-values.js';
import type { RateLimitObservation, RateLimitParser } from './types.js';

/**
 * Reads the `x-rate-limit-*` header family with an epoch reset: `x-rate-limit-limit`,
 * `x-rate-limit-remaining` and `x-rate-limit-reset` (a Unix epoch in seconds), as X sends them.
 * Named after the headers, not a network, so any network that sends them can use it.
 * Returns no observation when none of them is present.
 *
 * @example
 * ```ts
 * parseEpochResetHeaders(
 *   { status: 200, headers: new Headers({ 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '299', 'x-rate-limit-reset': '1767225600' }) },
 *   { now: Date.now(), bucket: 'read' },
 * ); // [{ limit: 300, remaining: 299, resetAtMs: 1767225600000 }]
 * ```
 */
export const parseEpochResetHeaders: RateLimitParser = (response) => {
  const { headers } = response;
  const limit = numberHeader(headers, 'x-rate-limit-limit');
  const remaining = numberHeader(headers, 'x-rate-limit-remaining');
  const reset = numberHeader(headers, 'x-rate-limit-reset');
  if (limit === undefined && remaining === undefined && reset === undefined) return [];
  const observation: RateLimitObservation = {};
  if (limit !== undefined) observation.limit = limit;
  if (remaining !== undefined) observation.remaining = remaining;
  if (reset !== undefined) observation.resetAtMs = reset * 1000;
  return [observation];
};
