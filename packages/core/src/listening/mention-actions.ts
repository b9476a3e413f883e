import type { AdapterV1MentionAction } from '../adapter-spec/index.js';
import type { ActOnMentionOptions } from '../client/index.js';
import { ValidationError } from '../errors/index.js';
import type { Mention } from '../model/index.js';

/** An action on an inbox item: `like`, `unlike`, `hide`, `unhide`, `delete`, `block`, `mute`, `report-spam`. */
export type InboxMentionAction = AdapterV1MentionAction;

/**
 * What runs actions on the networks: the core client (`client.actOnMention`), or anything with
 * that method. It refuses, before any request, an action the network does not support.
 */
export interface MentionActor {
  actOnMention(account: string, mention: Mention, action: InboxMentionAction, options?: ActOnMentionOptions): Promise<unknown>;
}

/** One action taken on an item of a conversation, kept in its history. */
export interface MentionActionRecord {
  action: InboxMentionAction;
  /** The inbound item (a mention's id) or the brand's own message (`delete`). */
  itemId: string;
  /** ISO-8601 UTC, when the network confirmed it. */
  at: string;
  /** Who did it (an agent name), when given. */
  by?: string;
  /** A report's note. */
  reason?: string;
}

/** Options of `inbox.act`. */
export interface ActOnItemOptions {
  /** The agent acting (recorded). */
  by?: string;
  /** For `report-spam`: a note for the network's moderators. */
  reason?: string;
  /** Overrides the inbox's `actor` for this call. */
  actor?: MentionActor;
  signal?: AbortSignal;
}

/** The parts of a conversation an action needs (structural, so any inbox implementation can call it). */
export interface ActableConversation {
  id: string;
  platform: string;
  accountId: string;
  messages: ReadonlyArray<
    { direction: 'inbound'; id: string; at: string; item: Mention } | { direction: 'outbound'; id: string; at: string; text: string }
  >;
}

/**
 * Runs `action` on one item of a conversation through `actor` and returns the record to add to
 * the conversation's history. An inbound item is acted on as the mention it is; the brand's own
 * message (an outbound one) only as the account's post, which is what `delete` needs.
 *
 * @throws ValidationError when the conversation has no such item, or no actor was given.
 * @example
 * ```ts
 * const record = await actOnConversationItem(conversation, mentionId, 'hide', client, { by: 'sam' }, new Date().toISOString);
 * // { action: 'hide', itemId: mentionId, at: '…', by: 'sam' }
 * ```
 */
export async function actOnConversationItem(
  conversation: ActableConversation,
  itemId: string,
  action: InboxMentionAction,
  actor: MentionActor | undefined,
  options: ActOnItemOptions,
  now: () => string,
): Promise<MentionActionRecord> {
  if (actor === undefined) {
    throw new ValidationError('inbox action', [
      { path: ['actor'], code: 'missing', message: 'pass an actor that runs actions (the core client) to createInbox or inbox.act' },
    ]);
  }
  const message = conversation.messages.find((candidate) => candidate.id === itemId);
  if (message === undefined) {
    throw new ValidationError('inbox action', [
      {
        path: ['itemId'],
        code: 'unknown_item',
        message: `conversation ${conversation.id} has no item "${itemId}"; use a message id from it`,
      },
    ]);
  }
  const mention: Mention =
    message.direction === 'inbound'
      ? message.item
      : {
          id: message.id,
          platform: conversation.platform,
          accountId: conversation.accountId,
          kind: 'reply',
          author: { id: conversation.accountId, handle: conversation.accountId },
          text: message.text,
          createdAt: message.at,
        };
  await actor.actOnMention(`${conversation.platform}:${conversation.accountId}`, mention, action, {
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return {
    action,
    itemId,
    at: now(),
    ...(options.by === undefined ? {} : { by: options.by }),
    ...(options.reason === undefined ? {} : { reason: options.reason }),
  };
}
