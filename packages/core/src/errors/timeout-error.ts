import { SmmError } from './smm-error.js';
import { redactedRequestOf, type RequestErrorOptions } from './request-error.js';
import type { RedactedRequest } from './redact.js';

const MARKER = 'smm.error.TimeoutError';

/** Options for {@link TimeoutError}. */
export interface TimeoutErrorOptions extends RequestErrorOptions {
  /** The time limit that ran out, in ms. */
  timeoutMs?: number;
}

/**
 * An operation ran past its time limit. For a request that creates something, the network
 * may still have acted on it: the caller gets a `PublishOutcomeUnknownError` instead.
 *
 * @example
 * ```ts
 * if (TimeoutError.isInstance(error)) console.log(`gave up after ${error.timeoutMs} ms`);
 * ```
 */
export class TimeoutError extends SmmError {
  readonly timeoutMs: number | undefined;
  readonly platform: string | undefined;
  readonly request: RedactedRequest | undefined;

  constructor(message: string, options: TimeoutErrorOptions = {}) {
    super('timeout', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'TimeoutError';
    this.timeoutMs = options.timeoutMs;
    this.platform = options.platform;
    this.request = redactedRequestOf(options);
  }

  static override isInstance(error: unknown): error is TimeoutError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { timeoutMs: this.timeoutMs, platform: this.platform, request: this.request };
  }
}
