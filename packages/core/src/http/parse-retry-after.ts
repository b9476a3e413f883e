import type { RateLimitParser } from './types.js';

/**
 * How long a `Retry-After` value asks to wait, in ms: delta seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, counted from `now`). Undefined when it is neither.
 *
 * @example
 * ```ts
 * retryAfterMs('120', Date.now()); // 120000
 * ```
 */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // HTTP dates always name a weekday and a month; Date.parse alone accepts too much.
  if (!/[A-Za-z]{3},?\s/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Reads `Retry-After` (seconds or an HTTP date) into `retryAfterMs`.
 *
 * @example
 * ```ts
 * parseRetryAfter({ status: 429, headers: new Headers({ 'retry-after': '30' }) }, { now: Date.now(), bucket: 'write' });
 * // [{ retryAfterMs: 30000 }]
 * ```
 */
export const parseRetryAfter: RateLimitParser = (response, context) => {
  const wait = retryAfterMs(response.headers.get('retry-after'), context.now);
  return wait === undefined ? [] : [{ retryAfterMs: wait }];
};
