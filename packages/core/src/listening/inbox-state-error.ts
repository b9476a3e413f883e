import { SmmError, type SmmErrorOptions } from '../errors/index.js';

const MARKER = 'smm.error.InboxStateError';

/**
 * States of an inbox conversation, in workflow order.
 *
 * @example
 * ```ts
 * for (const state of CONVERSATION_STATES) console.log(state, inbox.counts()[state]);
 * ```
 */
export const CONVERSATION_STATES = ['open', 'assigned', 'waiting', 'resolved'] as const;
/** A conversation's state: `open → assigned → waiting → resolved` (and back to `open` on reopen). */
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** Options for {@link InboxStateError}. */
export interface InboxStateErrorOptions extends SmmErrorOptions {
  conversationId: string;
  from: ConversationState;
  /** What was attempted: a target state, or `reply`. */
  action: ConversationState | 'reply' | 'unassign';
}

/**
 * A conversation cannot do what was asked in its current state (resolving twice, replying to
 * a resolved conversation, marking an open one… resolved → waiting). The message names the
 * way forward, usually `inbox.reopen(id)` first.
 *
 * @example
 * ```ts
 * try {
 *   inbox.assign(id, 'sam');
 * } catch (error) {
 *   if (InboxStateError.isInstance(error)) console.log(error.from, '→', error.action, 'is not allowed');
 * }
 * ```
 */
export class InboxStateError extends SmmError {
  readonly conversationId: string;
  readonly from: ConversationState;
  readonly action: ConversationState | 'reply' | 'unassign';

  constructor(message: string, options: InboxStateErrorOptions) {
    super('invalid_state_transition', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'InboxStateError';
    this.conversationId = options.conversationId;
    this.from = options.from;
    this.action = options.action;
  }

  static override isInstance(error: unknown): error is InboxStateError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { conversationId: this.conversationId, from: this.from, action: this.action };
  }
}
