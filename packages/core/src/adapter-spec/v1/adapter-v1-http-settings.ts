import type { AdapterV1Account } from './adapter-v1-account.js';
import type { AdapterV1ErrorMapping, AdapterV1ErrorResponse } from './adapter-v1-error-mapping.js';
import type { AdapterV1RateLimitParser, AdapterV1StaticLimit } from './adapter-v1-rate-limit-parser.js';

/**
 * HTTP settings core uses to build one client per (adapter, account), so rate limits are
 * kept per account.
 */
export interface AdapterV1HttpSettings {
  /** API root, e.g. `https://api.x.com`; a function when it differs per account (a Bluesky PDS). */
  baseUrl: string | ((account: AdapterV1Account) => string);
  /** Headers sent with every request (a `user-agent`, an API version). */
  headers?: Record<string, string>;
  parseRateLimit?: AdapterV1RateLimitParser;
  staticLimits?: readonly AdapterV1StaticLimit[];
  /** Reads the network's error body. */
  mapError?: (response: AdapterV1ErrorResponse) => AdapterV1ErrorMapping | undefined;
  /** Header that carries idempotency keys (Mastodon: `Idempotency-Key`). */
  idempotencyKeyHeader?: string;
  /** Header that carries the network's request id. */
  requestIdHeader?: string;
}
