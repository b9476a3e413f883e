import { z } from 'zod';
import { systemClock, type Clock } from '../clock/index.js';
import { AccountSchema, parseWithSchema, type Account, type Mention } from '../model/index.js';
import type { Conversation, InboxItem, InternalNote, ReplyContent, ReplyOptions, ResponsePair } from './conversation.js';
import {
  addInbound,
  applyAction,
  countStates,
  defaultConversationId,
  makeNote,
  newConversation,
  planReply,
  previewReply,
  recordReply,
  replyInProgress,
  responsePairsOf,
  responseTimeInputOf,
  sendReply,
  unknownConversation,
  type ConversationAction,
} from './conversation-ops.js';
import type { ConversationState } from './inbox-state-error.js';
import { compareConversations, matchesInboxFilter } from './inbox-store.js';
import { mentionIdKey } from './mention-keys.js';
import { placeholdersOf } from './saved-reply.js';
import type { ReplySender } from './sources.js';
import {
  actOnConversationItem,
  type ActOnItemOptions,
  type InboxMentionAction,
  type MentionActionRecord,
  type MentionActor,
} from './mention-actions.js';

/** Options for {@link createInbox}. */
export interface InboxOptions {
  /** The brand's accounts, so replies go out from the right one. */
  accounts: Account[];
  /** Sends replies and direct messages: the core client, or anything with `reply` / `sendDirectMessage`. */
  sender?: ReplySender;
  /** Saved replies by name; each must contain at least one `{{placeholder}}`. */
  savedReplies?: Record<string, string>;
  /** Time for first-response and resolution stamps. Default `systemClock`. */
  clock?: Clock;
  /** Runs actions on items (`inbox.act`): the core client, or anything with `actOnMention`. */
  actor?: MentionActor;
}

/** The result of {@link Inbox.ingest}. */
export interface IngestResult {
  conversation: Conversation;
  /** The item was already in the inbox (same platform + id): nothing changed. */
  duplicate: boolean;
  /** It started a new conversation. */
  created: boolean;
}

/**
 * A unified inbox; see {@link createInbox}.
 *
 * @example
 * ```ts
 * for (const conversation of inbox.conversations({ state: ['open', 'assigned'], tag: 'delivery' })) {
 *   console.log(conversation.id, conversation.participant.handle, conversation.messages.length);
 * }
 * ```
 */
export interface Inbox {
  /** Files an item into its conversation (creating it, or reopening a resolved one). */
  ingest(item: InboxItem): IngestResult;
  /** A copy of one conversation, or `undefined`. */
  get(id: string): Conversation | undefined;
  /** Copies of the conversations that pass `filter`, most recent inbound first. */
  conversations(filter?: {
    state?: ConversationState | ConversationState[];
    assignee?: string | null;
    tag?: string;
    platform?: string;
  }): Conversation[];
  /** How many conversations are in each state. */
  counts(): Record<ConversationState, number>;
  /** `open | waiting | assigned → assigned` with `assignee`. */
  assign(id: string, assignee: string, options?: { by?: string }): Conversation;
  /** `assigned → open`, clearing the assignee. */
  unassign(id: string, options?: { by?: string }): Conversation;
  /** `open | assigned → waiting` (waiting on the customer). */
  markWaiting(id: string, options?: { by?: string }): Conversation;
  /** `open | assigned | waiting → resolved`. */
  resolve(id: string, options?: { by?: string }): Conversation;
  /** `resolved → open` (also happens by itself when a new inbound item arrives). */
  reopen(id: string, options?: { by?: string }): Conversation;
  /** Adds an internal note. */
  addNote(id: string, note: { author: string; text: string }): InternalNote;
  /** Renders a saved reply as `reply` would send it by default (to the newest inbound item), without sending it. */
  renderReply(id: string, content: ReplyContent, options?: { by?: string }): string;
  /** Sends a reply through the sender, records it and moves the conversation to `waiting`. */
  reply(id: string, content: ReplyContent, options?: ReplyOptions): Promise<Conversation>;
  /** Runs an action the network allows on one item (like, hide, block, …) and records it in `actions`. */
  act(id: string, itemId: string, action: InboxMentionAction, options?: ActOnItemOptions): Promise<Conversation>;
  /** Every inbound item with when it was first answered. */
  responsePairs(): ResponsePair[];
  /**
   * The same, shaped as `@smm/core/analytics`' `responseTimes` / `responseRate` input:
   * every inbound mention, and one reply event (`inReplyToId` = the mention's id) per answered one.
   */
  responseTimeInput(): { mentions: Mention[]; replies: Array<{ inReplyToId: string; createdAt: string }> };
}

/** @internal The options both inboxes share. */
export const InboxOptionsSchema = z.strictObject({
  accounts: z.array(AccountSchema),
  sender: z
    .custom<ReplySender>((value) => value != null && typeof value === 'object', {
      error: 'must be an object with reply and/or sendDirectMessage',
    })
    .optional(),
  savedReplies: z
    .record(
      z.string(),
      z.string().refine((template) => placeholdersOf(template).length > 0, {
        error: 'must contain at least one {{placeholder}} (e.g. {{author.name}}) so each answer is personalised',
      }),
    )
    .optional(),
  clock: z.custom<Clock>((value) => typeof (value as Clock | null)?.now === 'function', { error: 'must be a Clock' }).optional(),
  // Checked where it is used (an action's own actor wins); listed so the strict object accepts it.
  actor: z
    .custom<MentionActor>((value) => value != null && typeof value === 'object', {
      error: 'must be the default actor of moderation actions',
    })
    .optional(),
});

/**
 * A unified inbox over every account: items grouped into conversations (a thread by
 * `conversationId`, else by the item it answers; direct messages by author), each moving
 * `open → assigned → waiting → resolved`, with assignment, internal notes, replies through
 * the adapter, saved replies that must be personalised, and first-response / resolution
 * stamps for the analytics' response-time calculators. State lives in memory; conversations
 * handed out are copies.
 *
 * @throws ValidationError for bad options, e.g. a saved reply without placeholders.
 * @example
 * ```ts
 * const inbox = createInbox({
 *   accounts,
 *   sender: client,
 *   savedReplies: { 'refund-delay': 'Hi {{author.name}}, sorry! Refund {{orderId}} goes out today.' },
 * });
 * for await (const mention of listen({ source: client, accounts })) {
 *   const { conversation } = inbox.ingest(rules.tag(mention));
 *   if (conversation.tags.includes('delivery')) inbox.assign(conversation.id, 'sam');
 * }
 * await inbox.reply(id, { savedReply: 'refund-delay', values: { orderId: 'A-1042' } }, { by: 'sam' });
 * responseTimes(inbox.responseTimeInput()); // from @smm/core/analytics
 * ```
 */
export function createInbox(options: InboxOptions): Inbox {
  const parsed = parseWithSchema(InboxOptionsSchema, options, 'createInbox options');
  const clock = parsed.clock ?? systemClock;
  const savedReplies = parsed.savedReplies ?? {};
  const conversations = new Map<string, Conversation>();
  const itemHome = new Map<string, string>(); // platform+id of every message → conversation id
  // platform:accountId:authorId → the thread conversation the brand last answered privately.
  const privateHome = new Map<string, string>();
  // Conversations with a reply being sent: who, since when.
  const replying = new Map<string, { by: string | null; since: string }>();
  let noteCount = 0;
  const nowIso = () => new Date(clock.now()).toISOString();
  const copy = (conversation: Conversation): Conversation => structuredClone(conversation);

  const find = (id: string): Conversation => {
    const conversation = conversations.get(id);
    if (conversation === undefined) throw unknownConversation(id);
    return conversation;
  };
  const act = (id: string, action: ConversationAction): Conversation => {
    const conversation = find(id);
    applyAction(conversation, action, nowIso());
    return copy(conversation);
  };

  const ingest = (item: InboxItem): IngestResult => {
    const key = mentionIdKey(item);
    const home = itemHome.get(key);
    if (home !== undefined) return { conversation: copy(conversations.get(home)!), duplicate: true, created: false };

    const direct = item.kind === 'direct_message';
    let id = defaultConversationId(item);
    // The brand took a public thread private: the customer's DM answer continues it.
    if (direct) id = privateHome.get(`${item.platform}:${item.accountId}:${item.author.id}`) ?? id;
    // A reply to something already filed joins that conversation.
    if (!direct && item.conversationId === undefined && item.inReplyToId !== undefined) {
      id = itemHome.get(mentionIdKey({ platform: item.platform, id: item.inReplyToId })) ?? id;
    }
    let conversation = conversations.get(id);
    const created = conversation === undefined;
    if (conversation === undefined) {
      conversation = newConversation(id, item);
      conversations.set(id, conversation);
    }
    addInbound(conversation, item, nowIso(), created);
    itemHome.set(key, id);
    return { conversation: copy(conversation), duplicate: false, created };
  };

  const inbox: Inbox = {
    ingest,
    get: (id) => {
      const conversation = conversations.get(id);
      return conversation === undefined ? undefined : copy(conversation);
    },
    conversations: (filter = {}) =>
      [...conversations.values()]
        .filter((c) => matchesInboxFilter(c, filter))
        .sort(compareConversations)
        .map(copy),
    counts: () => countStates(conversations.values()),
    act: async (id, itemId, action, actOptions = {}) => {
      const record = await actOnConversationItem(find(id), itemId, action, actOptions.actor ?? options.actor, actOptions, nowIso);
      const conversation = find(id);
      (conversation.actions ??= []).push(record);
      return copy(conversation);
    },
    assign: (id, assignee, { by } = {}) => act(id, { type: 'assign', assignee, ...(by === undefined ? {} : { by }) }),
    unassign: (id, { by } = {}) => act(id, { type: 'unassign', ...(by === undefined ? {} : { by }) }),
    markWaiting: (id, { by } = {}) => act(id, { type: 'markWaiting', ...(by === undefined ? {} : { by }) }),
    resolve: (id, { by } = {}) => act(id, { type: 'resolve', ...(by === undefined ? {} : { by }) }),
    reopen: (id, { by } = {}) => act(id, { type: 'reopen', ...(by === undefined ? {} : { by }) }),
    addNote: (id, note) => {
      const conversation = find(id);
      const saved = makeNote(note, `note-${noteCount + 1}`, nowIso());
      noteCount += 1;
      conversation.notes.push(saved);
      return { ...saved };
    },
    renderReply: (id, content, { by } = {}) => previewReply(savedReplies, find(id), content, by),
    reply: async (id, content, replyOptions = {}) => {
      const conversation = find(id);
      const busy = replying.get(id);
      if (conversation.state !== 'resolved' && busy !== undefined && replyOptions.concurrent !== true) {
        throw replyInProgress(id, busy.by, busy.since);
      }
      const plan = planReply(conversation, content, replyOptions, parsed.accounts, savedReplies);
      let sentId: string;
      if (busy === undefined) replying.set(id, { by: replyOptions.by ?? null, since: nowIso() });
      try {
        sentId = await sendReply(parsed.sender, conversation, plan, replyOptions.signal);
      } finally {
        if (busy === undefined) replying.delete(id);
      }
      // Only a sent message is recorded: a failure above leaves the conversation untouched.
      recordReply(conversation, plan, sentId, nowIso(), replyOptions.by);
      itemHome.set(mentionIdKey({ platform: conversation.platform, id: sentId }), conversation.id);
      if (plan.channel === 'private' && conversation.kind === 'thread') {
        privateHome.set(`${conversation.platform}:${conversation.accountId}:${plan.target.item.author.id}`, conversation.id);
      }
      return copy(conversation);
    },
    responsePairs: () => responsePairsOf(conversations.values()),
    responseTimeInput: () => responseTimeInputOf(conversations.values()),
  };
  return inbox;
}

export type {
  Conversation,
  ConversationMessage,
  InboxItem,
  InternalNote,
  ReplyContent,
  ReplyOptions,
  ResponsePair,
  StateChange,
} from './conversation.js';
