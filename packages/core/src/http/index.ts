/**
 * The rate-limited HTTP client every adapter uses: learns limits from each response's
 * headers, plans requests around them instead of spending them on 429s, retries safely, and
 * turns failures into typed, secret-free smm errors. See docs/rate-limits.md.
 *
 * @packageDocumentation
 */
export type {
  CredentialsProvider,
  ErrorMapping,
  HttpClient,
  HttpClientEvents,
  HttpClientOptions,
  HttpErrorResponse,
  HttpRequest,
  HttpResponse,
  RateLimitBucket,
  RateLimitObservation,
  RateLimitParser,
  RateLimitRecord,
  RateLimitReserveRequest,
  RateLimitReserveResult,
  RateLimitSettleReport,
  RateLimitSettleResult,
  RateLimitState,
  RateLimitStore,
  RateLimitedInfo,
  SearchParams,
  StaticLimit,
} from './types.js';
export { createHttpClient } from './create-http-client.js';
export { HttpClientOptionsSchema } from './http-client-options.js';
export { createMemoryRateLimitStore } from './memory-rate-limit-store.js';
export { reserveInRecord, settleRecord } from './rate-limit-record.js';
export { parseEpochResetHeaders } from './parse-epoch-reset-headers.js';
export { parseIetfRateLimitHeaders } from './parse-ietf-rate-limit-headers.js';
export { parseIsoResetHeaders } from './parse-iso-reset-headers.js';
export { parseUsagePercentHeaders } from './parse-usage-percent-headers.js';
export { parseRetryAfter, retryAfterMs } from './parse-retry-after.js';
export { composeRateLimitParsers } from './compose-rate-limit-parsers.js';
export { defaultRateLimitParser } from './default-rate-limit-parser.js';
export { dailyQuota, nextMidnightIn } from './daily-quota.js';
export { paginate, type PaginateOptions, type Pagination } from './paginate.js';
