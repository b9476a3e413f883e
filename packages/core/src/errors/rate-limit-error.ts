import { SmmError } from './smm-error.js';
import { redactedRequestOf, type RequestErrorOptions } from './request-error.js';
import type { RedactedRequest } from './redact.js';

const MARKER = 'smm.error.RateLimitError';

/** Options for {@link RateLimitError}. */
export interface RateLimitErrorOptions extends RequestErrorOptions {
  /** Which limit: `network:account:bucket`, e.g. `x:1234:write`. */
  scope?: string;
  limit?: number | null;
  remaining?: number | null;
  /** When the limit resets (ISO-8601 UTC), if known. */
  resetAt?: string | null;
  /** How long to wait before trying again, in ms, if known. */
  retryAfterMs?: number | null;
}

/**
 * A rate limit stands in the way: either the network answered 429 (or its equivalent), or
 * waiting for the reset would take longer than the caller allows (`maxWaitMs`). Try again at
 * `resetAt` / after `retryAfterMs`.
 *
 * @example
 * ```ts
 * if (RateLimitError.isInstance(error)) scheduleRetry(error.resetAt ?? new Date(Date.now() + (error.retryAfterMs ?? 60_000)));
 * ```
 */
export class RateLimitError extends SmmError {
  readonly scope: string | undefined;
  readonly limit: number | null;
  readonly remaining: number | null;
  readonly resetAt: string | null;
  readonly retryAfterMs: number | null;
  readonly platform: string | undefined;
  readonly request: RedactedRequest | undefined;

  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super('rate_limited', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'RateLimitError';
    this.scope = options.scope;
    this.limit = options.limit ?? null;
    this.remaining = options.remaining ?? null;
    this.resetAt = options.resetAt ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.platform = options.platform;
    this.request = redactedRequestOf(options);
  }

  static override isInstance(error: unknown): error is RateLimitError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return {
      scope: this.scope,
      limit: this.limit,
      remaining: this.remaining,
      resetAt: this.resetAt,
      retryAfterMs: this.retryAfterMs,
      platform: this.platform,
      request: this.request,
    };
  }
}
