import { parseIsoResetHeaders, type RateLimitParser, type StaticLimit } from '@smm/core/adapter-kit';

/**
 * Buckets of the Pinterest adapter, named after Pinterest's rate-limit categories (each endpoint's
 * `x-ratelimit-category` in the OpenAPI document): `org_read`, `org_write`, `org_analytics`.
 *
 * @example
 * ```ts
 * PINTEREST_BUCKETS.write; // 'org_write'
 * ```
 */
export const PINTEREST_BUCKETS = { read: 'org_read', write: 'org_write', analytics: 'org_analytics', auth: 'auth' } as const;

/**
 * Reads `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` (seconds, or an
 * epoch) when Pinterest sends them; the header names are not in Pinterest's reference
 * (https://developers.pinterest.com/docs/reference/rate-limits/), so a 429 without them backs off.
 *
 * @example
 * ```ts
 * createHttpClient({ platform: 'pinterest', parseRateLimit: parsePinterestRateLimit });
 * ```
 */
export const parsePinterestRateLimit: RateLimitParser = parseIsoResetHeaders;

/**
 * The universal limits Pinterest documents (https://developers.pinterest.com/docs/reference/rate-limits/):
 * Trial access 1 000 requests a day for all calls, Standard 100 a second per user per app.
 * Applied to every bucket, so the adapter waits instead of spending a request on a 429.
 *
 * @example
 * ```ts
 * pinterestStaticLimits('trial')[0]; // { bucket: 'org_read', limit: 1000, windowMs: 86400000 }
 * ```
 */
export function pinterestStaticLimits(access: 'trial' | 'standard'): StaticLimit[] {
  const window = access === 'trial' ? { limit: 1000, windowMs: 86_400_000 } : { limit: 100, windowMs: 1000 };
  return [PINTEREST_BUCKETS.read, PINTEREST_BUCKETS.write, PINTEREST_BUCKETS.analytics].map((bucket) => ({ bucket, ...window }));
}
