import { z } from 'zod';
import { systemClock, type Clock } from '../clock/index.js';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import { AccountSchema, parseWithSchema, type Account, type Mention } from '../model/index.js';
import type { Classification } from './classifier.js';
import { InboxStateError, type ConversationState } from './inbox-state-error.js';
import { ReplyInProgressError } from './reply-in-progress-error.js';
import { mentionIdKey } from './mention-keys.js';
import { placeholdersOf, renderSavedReply } from './saved-reply.js';
import type { ReplySender } from './sources.js';
import {
  actOnConversationItem,
  type ActOnItemOptions,
  type InboxMentionAction,
  type MentionActionRecord,
  type MentionActor,
} from './mention-actions.js';

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
  /** Actions taken on its items through `inbox.act` (like, hide, block, …), oldest first. */
  actions?: MentionActionRecord[];
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

/** Options for {@link Inbox.reply}. */
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

const OptionsSchema = z.object({
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
});

const ALLOWED: Record<ConversationState, readonly ConversationState[]> = {
  open: ['assigned', 'waiting', 'resolved'],
  assigned: ['assigned', 'open', 'waiting', 'resolved'],
  waiting: ['assigned', 'open', 'resolved'],
  resolved: ['open'],
};

const HINT: Record<ConversationState, string> = {
  open: 'assign it, mark it waiting or resolve it',
  assigned: 'mark it waiting, resolve it, reassign or unassign it',
  waiting: 'resolve it, assign it, or wait for the customer',
  resolved: 'reopen it first with inbox.reopen(id)',
};

function threadKeyOf(item: InboxItem): string {
  return item.conversationId ?? item.inReplyToId ?? item.id;
}

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
  const parsed = parseWithSchema(OptionsSchema, options, 'createInbox options');
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
    if (conversation === undefined) {
      throw new ValidationError('inbox conversation id', [
        {
          path: ['id'],
          code: 'unknown_conversation',
          message: `no conversation "${id}" in this inbox; use an id from inbox.conversations()`,
        },
      ]);
    }
    return conversation;
  };

  const transition = (conversation: Conversation, to: ConversationState, by: string | undefined): void => {
    const from = conversation.state;
    if (!ALLOWED[from].includes(to)) {
      throw new InboxStateError(`Conversation ${conversation.id} is ${from}; it cannot become ${to}. ${HINT[from]}.`, {
        conversationId: conversation.id,
        from,
        action: to,
      });
    }
    const at = nowIso();
    conversation.history.push({ from, to, at, ...(by === undefined ? {} : { by }) });
    conversation.state = to;
    if (to === 'resolved') conversation.resolvedAt = at;
    if (from === 'resolved') conversation.resolvedAt = null;
    if (to === 'open') conversation.assignee = null;
  };

  const ingest = (item: InboxItem): IngestResult => {
    const key = mentionIdKey(item);
    const home = itemHome.get(key);
    if (home !== undefined) return { conversation: copy(conversations.get(home)!), duplicate: true, created: false };

    const direct = item.kind === 'direct_message';
    const prefix = `${item.platform}:${item.accountId}`;
    let id = direct ? `${prefix}:dm:${item.author.id}` : `${prefix}:thread:${threadKeyOf(item)}`;
    // The brand took a public thread private: the customer's DM answer continues it.
    if (direct) id = privateHome.get(`${prefix}:${item.author.id}`) ?? id;
    // A reply to something already filed joins that conversation.
    if (!direct && item.conversationId === undefined && item.inReplyToId !== undefined) {
      id = itemHome.get(mentionIdKey({ platform: item.platform, id: item.inReplyToId })) ?? id;
    }
    let conversation = conversations.get(id);
    const created = conversation === undefined;
    if (conversation === undefined) {
      conversation = {
        id,
        platform: item.platform,
        accountId: item.accountId,
        kind: direct ? 'direct' : 'thread',
        participant: item.author,
        state: 'open',
        assignee: null,
        messages: [],
        notes: [],
        history: [],
        tags: [],
        openedAt: item.createdAt,
        lastInboundAt: item.createdAt,
        firstResponseAt: null,
        resolvedAt: null,
      };
      conversations.set(id, conversation);
    } else if (conversation.state === 'resolved') {
      transition(conversation, 'open', 'inbound');
    } else if (conversation.state === 'waiting') {
      // The customer answered: back to whoever holds it.
      transition(conversation, conversation.assignee === null ? 'open' : 'assigned', 'inbound');
    }
    itemHome.set(key, id);
    conversation.messages.push({
      direction: 'inbound',
      id: item.id,
      at: item.createdAt,
      text: item.text,
      item: structuredClone(item),
      respondedAt: null,
    });
    conversation.messages.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    if (Date.parse(item.createdAt) > Date.parse(conversation.lastInboundAt)) conversation.lastInboundAt = item.createdAt;
    if (Date.parse(item.createdAt) < Date.parse(conversation.openedAt)) conversation.openedAt = item.createdAt;
    for (const tag of item.matchedRules ?? []) if (!conversation.tags.includes(tag)) conversation.tags.push(tag);
    if (item.classification !== undefined) conversation.classification = item.classification;
    return { conversation: copy(conversation), duplicate: false, created };
  };

  // `author` is whoever is being answered: in a public thread several people may have written.
  const render = (
    conversation: Conversation,
    content: ReplyContent,
    by: string | undefined,
    author: Mention['author'] = conversation.participant,
  ): string => {
    if ('text' in content) {
      if (content.text.trim() === '') {
        throw new ValidationError('inbox reply', [{ path: ['text'], code: 'empty_reply', message: 'must not be empty; write the answer' }]);
      }
      return content.text;
    }
    const template = savedReplies[content.savedReply];
    if (template === undefined) {
      const known = Object.keys(savedReplies);
      throw new ValidationError('inbox reply', [
        {
          path: ['savedReply'],
          code: 'unknown_saved_reply',
          message: `no saved reply "${content.savedReply}"; known: ${known.length === 0 ? '(none — pass savedReplies to createInbox)' : known.join(', ')}`,
        },
      ]);
    }
    return renderSavedReply(template, {
      'author.handle': author.handle,
      'author.name': author.displayName ?? author.handle,
      agent: by,
      ...content.values,
    });
  };

  const inbox: Inbox = {
    ingest,
    get: (id) => {
      const conversation = conversations.get(id);
      return conversation === undefined ? undefined : copy(conversation);
    },
    conversations: (filter = {}) => {
      const states = filter.state === undefined ? undefined : ([] as ConversationState[]).concat(filter.state);
      return [...conversations.values()]
        .filter((c) => states === undefined || states.includes(c.state))
        .filter((c) => filter.assignee === undefined || c.assignee === filter.assignee)
        .filter((c) => filter.tag === undefined || c.tags.includes(filter.tag))
        .filter((c) => filter.platform === undefined || c.platform === filter.platform)
        .sort((a, b) => Date.parse(b.lastInboundAt) - Date.parse(a.lastInboundAt))
        .map(copy);
    },
    counts: () => {
      const counts: Record<ConversationState, number> = { open: 0, assigned: 0, waiting: 0, resolved: 0 };
      for (const conversation of conversations.values()) counts[conversation.state] += 1;
      return counts;
    },
    assign: (id, assignee, { by } = {}) => {
      if (assignee.trim() === '') {
        throw new ValidationError('inbox assignment', [
          { path: ['assignee'], code: 'empty_assignee', message: 'must name who takes the conversation' },
        ]);
      }
      const conversation = find(id);
      transition(conversation, 'assigned', by);
      conversation.assignee = assignee;
      return copy(conversation);
    },
    unassign: (id, { by } = {}) => {
      const conversation = find(id);
      if (conversation.state !== 'assigned') {
        throw new InboxStateError(`Conversation ${id} is ${conversation.state}, not assigned; there is nobody to unassign.`, {
          conversationId: id,
          from: conversation.state,
          action: 'unassign',
        });
      }
      transition(conversation, 'open', by);
      return copy(conversation);
    },
    markWaiting: (id, { by } = {}) => {
      const conversation = find(id);
      transition(conversation, 'waiting', by);
      return copy(conversation);
    },
    resolve: (id, { by } = {}) => {
      const conversation = find(id);
      transition(conversation, 'resolved', by);
      return copy(conversation);
    },
    reopen: (id, { by } = {}) => {
      const conversation = find(id);
      if (conversation.state !== 'resolved') {
        throw new InboxStateError(
          `Conversation ${id} is ${conversation.state}, not resolved; only a resolved conversation can be reopened.`,
          {
            conversationId: id,
            from: conversation.state,
            action: 'open',
          },
        );
      }
      transition(conversation, 'open', by);
      return copy(conversation);
    },
    addNote: (id, note) => {
      const conversation = find(id);
      if (note.text.trim() === '' || note.author.trim() === '') {
        throw new ValidationError('inbox note', [
          ...(note.author.trim() === '' ? [{ path: ['author'], code: 'empty', message: 'must name who wrote the note' }] : []),
          ...(note.text.trim() === '' ? [{ path: ['text'], code: 'empty', message: 'must not be empty' }] : []),
        ]);
      }
      const saved: InternalNote = { id: `note-${++noteCount}`, author: note.author, text: note.text, at: nowIso() };
      conversation.notes.push(saved);
      return { ...saved };
    },
    renderReply: (id, content, { by } = {}) => {
      // Previews what `reply` would send by default: an answer to the newest inbound item.
      const conversation = find(id);
      const newest = conversation.messages.filter((message) => message.direction === 'inbound').at(-1);
      return render(conversation, content, by, newest?.direction === 'inbound' ? newest.item.author : conversation.participant);
    },
    reply: async (id, content, replyOptions = {}) => {
      const conversation = find(id);
      if (conversation.state === 'resolved') {
        throw new InboxStateError(`Conversation ${id} is resolved; reopen it with inbox.reopen(id) before replying.`, {
          conversationId: id,
          from: 'resolved',
          action: 'reply',
        });
      }
      const busy = replying.get(id);
      if (busy !== undefined && replyOptions.concurrent !== true) {
        throw new ReplyInProgressError(
          `${busy.by ?? 'Someone'} is already replying to conversation ${id} (since ${busy.since}); ` +
            'wait for that reply to finish, or pass { concurrent: true } to send anyway.',
          { conversationId: id, replyingBy: busy.by, replyingSince: busy.since },
        );
      }
      const inbound = conversation.messages.filter((message) => message.direction === 'inbound');
      const target =
        replyOptions.inReplyToId === undefined ? inbound.at(-1) : inbound.find((message) => message.id === replyOptions.inReplyToId);
      if (target === undefined) {
        throw new ValidationError('inbox reply', [
          {
            path: ['inReplyToId'],
            code: 'unknown_item',
            message: `"${replyOptions.inReplyToId}" is not an inbound item of conversation ${id}`,
          },
        ]);
      }
      const text = render(conversation, content, replyOptions.by, target.item.author);
      const account = parsed.accounts.find(
        (candidate) => candidate.platform === conversation.platform && candidate.id === conversation.accountId,
      );
      if (account === undefined) {
        throw new ValidationError('createInbox options', [
          {
            path: ['accounts'],
            code: 'unknown_account',
            message: `has no ${conversation.platform} account ${conversation.accountId}; add it to reply from it`,
          },
        ]);
      }
      // Answer in the channel the customer last used: a DM answer to a thread taken private stays private.
      const newestInbound = inbound.at(-1);
      const channel =
        replyOptions.channel ??
        (conversation.kind === 'direct' || (newestInbound?.direction === 'inbound' && newestInbound.item.kind === 'direct_message')
          ? 'private'
          : 'public');
      const sender = parsed.sender;
      const signalOptions = replyOptions.signal === undefined ? undefined : { signal: replyOptions.signal };
      // What the agent saw when sending is what this reply answers (by arrival, not by
      // createdAt: a network clock a few seconds ahead must not leave an item unanswered).
      const seen = new Set(inbound.filter((message) => message.respondedAt === null).map((message) => message.id));
      let sentId: string;
      if (busy === undefined) replying.set(id, { by: replyOptions.by ?? null, since: nowIso() });
      try {
        if (channel === 'public') {
          if (sender?.reply === undefined) {
            throw new UnsupportedFeatureError(
              `The inbox's sender cannot post public replies on ${conversation.platform}; pass a sender with reply().`,
              {
                feature: 'reply',
                platform: conversation.platform,
              },
            );
          }
          sentId = (await sender.reply(account, target.item, text, signalOptions)).id;
        } else {
          if (sender?.sendDirectMessage === undefined) {
            throw new UnsupportedFeatureError(
              `Direct messages are not available on ${conversation.platform} through this sender; answer publicly (channel: 'public').`,
              { feature: 'direct_message', platform: conversation.platform },
            );
          }
          sentId = (await sender.sendDirectMessage(account, target.item.author, text, signalOptions)).id;
        }
      } finally {
        if (busy === undefined) replying.delete(id);
      }
      // Only a sent message is recorded: a failure above leaves the conversation untouched.
      const at = nowIso();
      conversation.messages.push({
        direction: 'outbound',
        id: sentId,
        at,
        text,
        channel,
        inReplyToId: target.id,
        ...(replyOptions.by === undefined ? {} : { by: replyOptions.by }),
      });
      itemHome.set(mentionIdKey({ platform: conversation.platform, id: sentId }), conversation.id);
      if (channel === 'private' && conversation.kind === 'thread') {
        privateHome.set(`${conversation.platform}:${conversation.accountId}:${target.item.author.id}`, conversation.id);
      }
      conversation.firstResponseAt ??= at;
      // Every inbound item the agent had in front of them and not yet answered counts as
      // answered now — never before it was created (a skewed clock gives a 0 response time).
      for (const message of conversation.messages) {
        if (message.direction === 'inbound' && message.respondedAt === null && seen.has(message.id)) {
          message.respondedAt = Date.parse(message.at) > Date.parse(at) ? message.at : at;
        }
      }
      if (conversation.state === 'open' || conversation.state === 'assigned') transition(conversation, 'waiting', replyOptions.by);
      return copy(conversation);
    },
    act: async (id, itemId, action, actOptions = {}) => {
      const record = await actOnConversationItem(find(id), itemId, action, actOptions.actor ?? options.actor, actOptions, nowIso);
      const conversation = find(id);
      (conversation.actions ??= []).push(record);
      return copy(conversation);
    },
    responsePairs: () =>
      [...conversations.values()].flatMap((conversation) =>
        conversation.messages.flatMap((message) =>
          message.direction === 'inbound'
            ? [
                {
                  conversationId: conversation.id,
                  platform: conversation.platform,
                  accountId: conversation.accountId,
                  mentionId: message.id,
                  receivedAt: message.at,
                  respondedAt: message.respondedAt,
                },
              ]
            : [],
        ),
      ),
    responseTimeInput: () => {
      const mentions: Mention[] = [];
      const replies: Array<{ inReplyToId: string; createdAt: string }> = [];
      for (const conversation of conversations.values()) {
        for (const message of conversation.messages) {
          if (message.direction !== 'inbound') continue;
          const { matchedRules: _rules, classification: _classification, ...mention } = message.item;
          mentions.push(structuredClone(mention));
          if (message.respondedAt !== null) replies.push({ inReplyToId: message.id, createdAt: message.respondedAt });
        }
      }
      return { mentions, replies };
    },
  };
  return inbox;
}
