import { composeRateLimitParsers } from './compose-rate-limit-parsers.js';
import { parseIetfRateLimitHeaders } from './parse-ietf-rate-limit-headers.js';
import { parseMastodonRateLimitHeaders } from './parse-mastodon-rate-limit-headers.js';
import { parseMetaUsageHeaders } from './parse-meta-usage-headers.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { parseXRateLimitHeaders } from './parse-x-rate-limit-headers.js';

/**
 * The parser a client uses when the adapter gives none: every header family smm knows
 * (their header names do not overlap), plus `Retry-After`.
 *
 * @example
 * ```ts
 * createHttpClient({ platform: 'pinterest', parseRateLimit: defaultRateLimitParser });
 * ```
 */
export const defaultRateLimitParser = composeRateLimitParsers(
  parseXRateLimitHeaders,
  parseIetfRateLimitHeaders,
  parseMastodonRateLimitHeaders,
  parseMetaUsageHeaders,
  parseRetryAfter,
);
