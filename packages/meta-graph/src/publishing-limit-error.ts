import { RateLimitError } from '@smm/core/adapter-kit';

type RateLimitErrorOptions = NonNullable<ConstructorParameters<typeof RateLimitError>[1]>;

/** What {@link PublishingLimitError} says. */
export interface PublishingLimitErrorOptions extends RateLimitErrorOptions {
  /** The network (`instagram`, `threads`). */
  network: string;
  /** What is counted: `posts` or `replies`. */
  what: string;
  used: number;
  total: number;
  /** The rolling window, in seconds (86 400 for 24 h). */
  windowSeconds: number;
  /** When the oldest counted item leaves the window (ISO-8601 UTC), when known. */
  freesAt?: string | undefined;
}

function windowText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * The account reached its publishing cap (Instagram's `content_publishing_limit`, Threads'
 * `threads_publishing_limit`): a `RateLimitError` whose message names the quota ("50 posts a
 * rolling 24 h"), how many are used, and when the oldest frees when known (`resetAt`,
 * `retryAfterMs`).
 *
 * @example
 * ```ts
 * throw new PublishingLimitError({ network: 'instagram', what: 'posts', used: 50, total: 50, windowSeconds: 86_400 });
 * // "instagram publishing cap reached: 50 of 50 posts a rolling 24 h are used; …"
 * ```
 */
export class PublishingLimitError extends RateLimitError {
  readonly used: number;
  readonly total: number;
  readonly windowSeconds: number;

  constructor(options: PublishingLimitErrorOptions) {
    const { network, what, used, total, windowSeconds, freesAt, ...rest } = options;
    const when = freesAt ? `the oldest frees at ${freesAt}` : 'Meta does not say when the oldest frees; try again later';
    super(`${network} publishing cap reached: ${used} of ${total} ${what} a rolling ${windowText(windowSeconds)} are used; ${when}.`, {
      platform: network,
      limit: total,
      remaining: Math.max(0, total - used),
      ...(freesAt ? { resetAt: freesAt } : {}),
      ...rest,
    });
    this.name = 'PublishingLimitError';
    this.used = used;
    this.total = total;
    this.windowSeconds = windowSeconds;
  }
}
