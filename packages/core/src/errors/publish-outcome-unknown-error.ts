import { SmmError } from './smm-error.js';
import { redactedRequestOf, type RequestErrorOptions } from './request-error.js';
import type { RedactedRequest } from './redact.js';

const MARKER = 'smm.error.PublishOutcomeUnknownError';

/** Options for {@link PublishOutcomeUnknownError}. */
export interface PublishOutcomeUnknownErrorOptions extends RequestErrorOptions {
  /** The idempotency key the request carried, if any: use it to look the post up. */
  idempotencyKey?: string;
}

/**
 * A request that creates something failed after it may have reached the network (a dropped
 * connection after sending, a timeout), so nobody knows whether the post exists. Retrying
 * blindly could post twice: look it up (`findPublished`) or ask a person.
 *
 * @example
 * ```ts
 * if (PublishOutcomeUnknownError.isInstance(error)) await client.findPublished(account, { idempotencyKey: error.idempotencyKey });
 * ```
 */
export class PublishOutcomeUnknownError extends SmmError {
  readonly idempotencyKey: string | undefined;
  readonly platform: string | undefined;
  readonly request: RedactedRequest | undefined;

  constructor(message: string, options: PublishOutcomeUnknownErrorOptions = {}) {
    super('publish_outcome_unknown', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'PublishOutcomeUnknownError';
    this.idempotencyKey = options.idempotencyKey;
    this.platform = options.platform;
    this.request = redactedRequestOf(options);
  }

  static override isInstance(error: unknown): error is PublishOutcomeUnknownError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { idempotencyKey: this.idempotencyKey, platform: this.platform, request: this.request };
  }
}
