import { SmmError, type SmmErrorOptions } from '../errors/index.js';

const MARKER = 'smm.error.ReplyInProgressError';

/** Options for {@link ReplyInProgressError}. */
export interface ReplyInProgressErrorOptions extends SmmErrorOptions {
  conversationId: string;
  /** Who is already replying, when they said (`by`). */
  replyingBy: string | null;
  /** When that reply started (ISO-8601 UTC, inbox clock). */
  replyingSince: string;
}

/**
 * Someone is already replying to this conversation: a second `inbox.reply()` while one is in
 * flight is refused, so a customer never gets two answers from two agents. Wait for the
 * first to finish, or pass `{ concurrent: true }` to send anyway.
 *
 * @example
 * ```ts
 * try {
 *   await inbox.reply(id, { text: 'On it!' }, { by: 'kim' });
 * } catch (error) {
 *   if (ReplyInProgressError.isInstance(error)) showBanner(`${error.replyingBy ?? 'Someone'} is already replying`);
 * }
 * ```
 */
export class ReplyInProgressError extends SmmError {
  readonly conversationId: string;
  readonly replyingBy: string | null;
  readonly replyingSince: string;

  constructor(message: string, options: ReplyInProgressErrorOptions) {
    super('reply_in_progress', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'ReplyInProgressError';
    this.conversationId = options.conversationId;
    this.replyingBy = options.replyingBy;
    this.replyingSince = options.replyingSince;
  }

  static override isInstance(error: unknown): error is ReplyInProgressError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { conversationId: this.conversationId, replyingBy: this.replyingBy, replyingSince: this.replyingSince };
  }
}
