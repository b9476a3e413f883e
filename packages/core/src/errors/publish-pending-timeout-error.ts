import { SmmError, type SmmErrorOptions } from './smm-error.js';

const MARKER = 'smm.error.PublishPendingTimeoutError';

/** What a {@link PublishPendingTimeoutError} carries to resume from (a `PendingPublish` from `@smm/core/model`). */
export interface PendingPublishLike {
  platform: string;
  accountId: string;
  handle: unknown;
  idempotencyKey: string;
  since: string;
}

/** Options for {@link PublishPendingTimeoutError}. */
export interface PublishPendingTimeoutErrorOptions<TPending extends PendingPublishLike> extends SmmErrorOptions {
  /** The pending publish, to resume with `client.awaitPublish(pending)`. */
  pending: TPending;
  /** How long core waited, in ms. */
  waitedMs: number;
}

/**
 * A publish the network accepted is still not live when the wait ran out (a container still
 * processing, a video in moderation). Nothing failed and nothing was lost: `pending` resumes
 * it (`client.awaitPublish(error.pending)`), later or with a longer `maxWaitMs`.
 *
 * @example
 * ```ts
 * if (PublishPendingTimeoutError.isInstance(error)) await jobs.later(() => client.awaitPublish(error.pending));
 * ```
 */
export class PublishPendingTimeoutError<TPending extends PendingPublishLike = PendingPublishLike> extends SmmError {
  readonly pending: TPending;
  readonly platform: string;
  readonly waitedMs: number;

  constructor(message: string, options: PublishPendingTimeoutErrorOptions<TPending>) {
    super('publish_pending_timeout', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'PublishPendingTimeoutError';
    this.pending = options.pending;
    this.platform = options.pending.platform;
    this.waitedMs = options.waitedMs;
  }

  static override isInstance(error: unknown): error is PublishPendingTimeoutError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { pending: this.pending, platform: this.platform, waitedMs: this.waitedMs };
  }
}
