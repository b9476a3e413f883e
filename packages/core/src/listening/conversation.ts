import type { MentionActionRecord } from './mention-actions.js';
import type { Mention } from '../model/index.js';
import type { Classification } from './classifier.js';
import type { ConversationState } from './inbox-state-error.js';

/** What the inbox takes in: a mention, optionally tagged by rules and classified. */
export type InboxItem = Mention & { matchedRules?: string[]; classification?: Classification };

/** One message in a conversation: an inbound item or the brand's answer. */
export type ConversationMessage =
  | {
      direction: 'inbound';
      id: string;
      at: string;
      text: string;
      item: InboxItem;
      /** When the brand first answered after this message (ISO-8601 UTC), or `null`. */
      respondedAt: string | null;
      /** When an agent marked this one item done (shared inbox: `complete`), without resolving the conversation. */
      completedAt?: string;
      /** Who marked it done. */
      completedBy?: string;
    }
  | {
      direction: 'outbound';
      /** The id the network gave the reply or direct message. */
      id: string;
      at: string;
      text: string;
      channel: 'public' | 'private';
      /** The inbound item it answers. */
      inReplyToId: string;
      /** Who sent it (an agent name), when given. */
      by?: string;
    };

/** An internal note: seen by the team, never sent. */
export interface InternalNote {
  id: string;
  author: string;
  text: string;
  at: string;
}

/** A state change, for the audit trail. */
export interface StateChange {
  from: ConversationState;
  to: ConversationState;
  at: string;
  /** Who did it; `inbound` when a new message reopened it. */
  by?: string;
}

/** One conversation: a thread (by `conversationId` / `inReplyToId`) or a direct-message exchange with one author. */
export interface Conversation {
  /** `platform:accountId:thread:<conversation>` or `platform:accountId:dm:<authorId>`. */
  id: string;
  platform: string;
  accountId: string;
  kind: 'thread' | 'direct';
  /** Who started it. */
  participant: Mention['author'];
  state: ConversationState;
  assignee: string | null;
  messages: ConversationMessage[];
  notes: InternalNote[];
  history: StateChange[];
  /** Rule ids any of its items matched. */
  tags: string[];
  /** The newest classified item's verdict. */
  classification?: Classification;
  /** `createdAt` of its first inbound item. */
  openedAt: string;
  lastInboundAt: string;
  /** When the brand first answered (ISO-8601 UTC), or `null`. */
  firstResponseAt: string | null;
  /** When it was last resolved, or `null` while not resolved. */
  resolvedAt: string | null;
  /** Actions run on its items through the network (like, hide, block, …), oldest first (`inbox.act`). */
  actions?: MentionActionRecord[];
  /** The team a routing rule gave it (shared inbox), if any. */
  team?: string;
  /** The id of the routing rule that chose `team` (first match wins). */
  routedBy?: string;
  /** A reply being sent right now (shared inbox): who claimed it, since when; other instances refuse a second reply. */
  replying?: { by: string | null; since: string; token: string };
}

/** A received item and when the brand first answered it — the input of response-time calculators. */
export interface ResponsePair {
  conversationId: string;
  platform: string;
  accountId: string;
  mentionId: string;
  receivedAt: string;
  /** `null` while unanswered. */
  respondedAt: string | null;
}

/** What to send: literal text, or a saved reply with its placeholder values. */
export type ReplyContent = { text: string } | { savedReply: string; values?: Record<string, string | number> };

/** Options for `inbox.reply`. */
export interface ReplyOptions {
  /** `public` (a reply in the thread) or `private` (a direct message). Default: `private` for DM conversations, else `public`. */
  channel?: 'public' | 'private';
  /** The inbound item to answer. Default: the newest inbound item. */
  inReplyToId?: string;
  /** The agent sending it (recorded, and available to saved replies as `{{agent}}`). */
  by?: string;
  /**
   * Send even while another reply to this conversation is in flight. Default `false`: the
   * second call throws `ReplyInProgressError` ("someone is already replying").
   */
  concurrent?: boolean;
  signal?: AbortSignal;
}
