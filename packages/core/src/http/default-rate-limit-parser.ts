import { composeRateLimitParsers } from './compose-rate-limit-parsers.js';
import { parseIetfRateLimitHeaders } from './parse-ietf-rate-limit-headers.js';
import { parseIsoResetHeaders } from './parse-iso-reset-headers.js';
import { parseUsagePercentHeaders } from './parse-usage-percent-headers.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { parseEpochResetHeaders } from './parse-epoch-reset-headers.js';

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
  parseEpochResetHeaders,
  parseIetfRateLimitHeaders,
  parseIsoResetHeaders,
  parseUsagePercentHeaders,
  parseRetryAfter,
);
