import type { RateLimitParser } from '@smm/core/adapter-kit';
import { parseGraphRateLimit } from '@smm/meta-graph';

/**
 * Reads Meta's usage headers: a Page token's calls count against the Page's business-use-case
 * budget, reported in `X-Business-Use-Case-Usage` (`call_count`, `total_cputime`, `total_time`
 * in percent, and `estimated_time_to_regain_access` in minutes once throttled;
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting#headers-2). The shared
 * parser of `@smm/meta-graph` spaces calls out as usage nears 100 % and stops them until the
 * regain time, so the adapter never spends a call on a throttle answer it could foresee.
 *
 * @example
 * ```ts
 * createHttpClient({ platform: 'facebook', parseRateLimit: parseFacebookRateLimit });
 * ```
 */
export const parseFacebookRateLimit: RateLimitParser = parseGraphRateLimit;
