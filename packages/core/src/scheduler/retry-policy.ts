import { z } from 'zod';
import { RateLimitError } from '../errors/index.js';
import { parseWithSchema } from '../model/index.js';

/**
 * How the runner retries transient publish failures (rate limits, network errors, 5xx):
 * exponential backoff from `baseDelayMs`, doubling per attempt up to `maxDelayMs`, never
 * sooner than a rate limit's reset, and never past `scheduledAt + deadlineMs` — then the
 * entry fails with code `deadline_exceeded`.
 *
 * @example
 * ```ts
 * createScheduler({ store, client, retry: { baseDelayMs: 10_000, maxDelayMs: 15 * 60_000, deadlineMs: 6 * 3_600_000 } });
 * ```
 */
export const RetryPolicySchema = z
  .strictObject({
    /** First retry after this many ms. Default 5 s. */
    baseDelayMs: z.number().int().positive({ error: 'must be a whole number of ms above 0, e.g. 5000' }).default(5_000),
    /** Backoff never waits longer than this. Default 10 min. */
    maxDelayMs: z.number().int().positive({ error: 'must be a whole number of ms above 0, e.g. 600000' }).default(600_000),
    /**
     * Give up this long after `scheduledAt` (a post a day late is usually worse than none).
     * Also applies to entries no worker claimed in time. Default 24 h.
     */
    deadlineMs: z.number().int().positive({ error: 'must be a whole number of ms above 0, e.g. 86400000 (a day)' }).default(86_400_000),
  })
  .refine((policy) => policy.maxDelayMs >= policy.baseDelayMs, { error: 'must be at least baseDelayMs', path: ['maxDelayMs'] });

/** Retry settings with defaults applied. */
export interface RetryPolicy extends z.infer<typeof RetryPolicySchema> {}

/** Retry settings as given to `createScheduler` (every field optional). */
export interface RetryPolicyInput extends z.input<typeof RetryPolicySchema> {}

/**
 * Validates retry settings and applies the defaults.
 *
 * @example
 * ```ts
 * resolveRetryPolicy({ baseDelayMs: 1_000 }); // { baseDelayMs: 1000, maxDelayMs: 600000, deadlineMs: 86400000 }
 * ```
 */
export function resolveRetryPolicy(input: RetryPolicyInput = {}): RetryPolicy {
  return parseWithSchema(RetryPolicySchema, input, 'scheduler retry options');
}

/**
 * How long to wait before attempt `attempt + 1` after `attempt` transient failures:
 * `baseDelayMs × 2^(attempt − 1)`, capped at `maxDelayMs`, and at least until a rate
 * limit's reset when the error says when that is. Deterministic (no jitter): entries of one
 * account fail together and the HTTP client's own retries already spread them.
 *
 * @example
 * ```ts
 * const policy = resolveRetryPolicy({ baseDelayMs: 1_000, maxDelayMs: 5_000 });
 * [1, 2, 3, 4].map((n) => retryDelayMs(policy, n)); // [1000, 2000, 4000, 5000]
 * ```
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, error?: unknown, now?: number): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  if (!RateLimitError.isInstance(error)) return backoff;
  const untilReset = error.retryAfterMs ?? (error.resetAt !== null && now !== undefined ? Date.parse(error.resetAt) - now : null);
  return untilReset !== null && Number.isFinite(untilReset) && untilReset > backoff ? untilReset : backoff;
}
