import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import type { Account, Mention } from '../model/index.js';
import type {
  Conversation,
  ConversationMessage,
  InboxItem,
  InternalNote,
  ReplyContent,
  ReplyOptions,
  ResponsePair,
} from './conversation.js';
import { ReplyInProgressError } from './reply-in-progress-error.js';
import { InboxStateError, type ConversationState } from './inbox-state-error.js';
import { renderSavedReply } from './saved-reply.js';
import type { ReplySender } from './sources.js';

// The pure steps both inboxes share (the in-memory `createInbox` and the store-backed
// `createSharedInbox`): each changes the conversation it is given, in place.

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

type InboundMessage = Extract<ConversationMessage, { direction: 'inbound' }>;

/** The error for an id the inbox does not hold. */
export function unknownConversation(id: string): ValidationError {
  return new ValidationError('inbox conversation id', [
    { path: ['id'], code: 'unknown_conversation', message: `no conversation "${id}" in this inbox; use an id from inbox.conversations()` },
  ]);
}

/** Moves a conversation to `to`, recording who and when; refuses what the workflow does not allow. */
export function transitionConversation(conversation: Conversation, to: ConversationState, by: string | undefined, at: string): void {
  const from = conversation.state;
  if (!ALLOWED[from].includes(to)) {
    throw new InboxStateError(`Conversation ${conversation.id} is ${from}; it cannot become ${to}. ${HINT[from]}.`, {
      conversationId: conversation.id,
      from,
      action: to,
    });
  }
  conversation.history.push({ from, to, at, ...(by === undefined ? {} : { by }) });
  conversation.state = to;
  if (to === 'resolved') conversation.resolvedAt = at;
  if (from === 'resolved') conversation.resolvedAt = null;
  if (to === 'open') conversation.assignee = null;
}

/** A state-changing action of the inbox, applied to a conversation. */
export type ConversationAction =
  { type: 'assign'; assignee: string; by?: string } | { type: 'unassign' | 'markWaiting' | 'resolve' | 'reopen'; by?: string };

/** Applies one action (with the same checks and messages in both inboxes). */
export function applyAction(conversation: Conversation, action: ConversationAction, at: string): void {
  const { id, state } = conversation;
  switch (action.type) {
    case 'assign':
      if (action.assignee.trim() === '') {
        throw new ValidationError('inbox assignment', [
          { path: ['assignee'], code: 'empty_assignee', message: 'must name who takes the conversation' },
        ]);
      }
      transitionConversation(conversation, 'assigned', action.by, at);
      conversation.assignee = action.assignee;
      return;
    case 'unassign':
      if (state !== 'assigned') {
        throw new InboxStateError(`Conversation ${id} is ${state}, not assigned; there is nobody to unassign.`, {
          conversationId: id,
          from: state,
          action: 'unassign',
        });
      }
      return transitionConversation(conversation, 'open', action.by, at);
    case 'markWaiting':
      return transitionConversation(conversation, 'waiting', action.by, at);
    case 'resolve':
      return transitionConversation(conversation, 'resolved', action.by, at);
    case 'reopen':
      if (state !== 'resolved') {
        throw new InboxStateError(`Conversation ${id} is ${state}, not resolved; only a resolved conversation can be reopened.`, {
          conversationId: id,
          from: state,
          action: 'open',
        });
      }
      return transitionConversation(conversation, 'open', action.by, at);
  }
}

/** The thread key of a public item: its conversation, else what it answers, else itself. */
export function threadKeyOf(item: InboxItem): string {
  return item.conversationId ?? item.inReplyToId ?? item.id;
}

/** The id a new item's conversation would have, before looking for threads it joins. */
export function defaultConversationId(item: InboxItem): string {
  const prefix = `${item.platform}:${item.accountId}`;
  return item.kind === 'direct_message' ? `${prefix}:dm:${item.author.id}` : `${prefix}:thread:${threadKeyOf(item)}`;
}

/** A new, empty, open conversation for `item`. */
export function newConversation(id: string, item: InboxItem): Conversation {
  return {
    id,
    platform: item.platform,
    accountId: item.accountId,
    kind: item.kind === 'direct_message' ? 'direct' : 'thread',
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
}

/** Files an inbound item into its conversation: the customer answering moves it back to whoever holds it. */
export function addInbound(conversation: Conversation, item: InboxItem, at: string, isNew: boolean): void {
  if (!isNew && conversation.state === 'resolved') transitionConversation(conversation, 'open', 'inbound', at);
  else if (!isNew && conversation.state === 'waiting') {
    transitionConversation(conversation, conversation.assignee === null ? 'open' : 'assigned', 'inbound', at);
  }
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
}

/** The inbound messages of a conversation, oldest first. */
export function inboundOf(conversation: Conversation): InboundMessage[] {
  return conversation.messages.filter((message): message is InboundMessage => message.direction === 'inbound');
}

/** Renders what a reply would send; `author` is whoever is answered (a public thread may have several). */
export function renderReplyText(
  savedReplies: Readonly<Record<string, string>>,
  conversation: Conversation,
  content: ReplyContent,
  by: string | undefined,
  author: Mention['author'] = conversation.participant,
): string {
  if ('text' in content) {
    if (content.text.trim() === '') {
      throw new ValidationError('inbox reply', [{ path: ['text'], code: 'empty_reply', message: 'must not be empty; write the answer' }]);
    }
    return content.text;
  }
  const template = Object.hasOwn(savedReplies, content.savedReply) ? savedReplies[content.savedReply] : undefined;
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
}

/** Previews the default reply: an answer to the newest inbound item. */
export function previewReply(
  savedReplies: Readonly<Record<string, string>>,
  conversation: Conversation,
  content: ReplyContent,
  by: string | undefined,
): string {
  const newest = inboundOf(conversation).at(-1);
  return renderReplyText(savedReplies, conversation, content, by, newest?.item.author ?? conversation.participant);
}

/** Everything a reply needs, worked out before anything is sent. */
export interface ReplyPlan {
  target: InboundMessage;
  text: string;
  account: Account;
  channel: 'public' | 'private';
  /** The inbound items the agent had in front of them, unanswered: this reply answers them. */
  seen: string[];
}

/** Checks a reply against the conversation and works out what to send where. */
export function planReply(
  conversation: Conversation,
  content: ReplyContent,
  options: ReplyOptions,
  accounts: readonly Account[],
  savedReplies: Readonly<Record<string, string>>,
): ReplyPlan {
  const { id } = conversation;
  if (conversation.state === 'resolved') {
    throw new InboxStateError(`Conversation ${id} is resolved; reopen it with inbox.reopen(id) before replying.`, {
      conversationId: id,
      from: 'resolved',
      action: 'reply',
    });
  }
  const inbound = inboundOf(conversation);
  const target = options.inReplyToId === undefined ? inbound.at(-1) : inbound.find((message) => message.id === options.inReplyToId);
  if (target === undefined) {
    throw new ValidationError('inbox reply', [
      { path: ['inReplyToId'], code: 'unknown_item', message: `"${options.inReplyToId}" is not an inbound item of conversation ${id}` },
    ]);
  }
  const text = renderReplyText(savedReplies, conversation, content, options.by, target.item.author);
  const account = accounts.find((candidate) => candidate.platform === conversation.platform && candidate.id === conversation.accountId);
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
  const newest = inbound.at(-1);
  const channel = options.channel ?? (conversation.kind === 'direct' || newest?.item.kind === 'direct_message' ? 'private' : 'public');
  // What the agent saw when sending is what this reply answers (by arrival, not by
  // createdAt: a network clock a few seconds ahead must not leave an item unanswered).
  const seen = inbound.filter((message) => message.respondedAt === null).map((message) => message.id);
  return { target, text, account, channel, seen };
}

/** Sends a planned reply through the sender; returns the id the network gave it. */
export async function sendReply(
  sender: ReplySender | undefined,
  conversation: Conversation,
  plan: ReplyPlan,
  signal: AbortSignal | undefined,
): Promise<string> {
  const signalOptions = signal === undefined ? undefined : { signal };
  if (plan.channel === 'public') {
    if (sender?.reply === undefined) {
      throw new UnsupportedFeatureError(
        `The inbox's sender cannot post public replies on ${conversation.platform}; pass a sender with reply().`,
        { feature: 'reply', platform: conversation.platform },
      );
    }
    return (await sender.reply(plan.account, plan.target.item, plan.text, signalOptions)).id;
  }
  if (sender?.sendDirectMessage === undefined) {
    throw new UnsupportedFeatureError(
      `Direct messages are not available on ${conversation.platform} through this sender; answer publicly (channel: 'public').`,
      { feature: 'direct_message', platform: conversation.platform },
    );
  }
  return (await sender.sendDirectMessage(plan.account, plan.target.item.author, plan.text, signalOptions)).id;
}

/** Records a sent reply: the message, the first response, what it answered, and `waiting`. */
export function recordReply(conversation: Conversation, plan: ReplyPlan, sentId: string, at: string, by: string | undefined): void {
  conversation.messages.push({
    direction: 'outbound',
    id: sentId,
    at,
    text: plan.text,
    channel: plan.channel,
    inReplyToId: plan.target.id,
    ...(by === undefined ? {} : { by }),
  });
  conversation.firstResponseAt ??= at;
  // Every inbound item the agent had in front of them and not yet answered counts as
  // answered now — never before it was created (a skewed clock gives a 0 response time).
  const seen = new Set(plan.seen);
  for (const message of conversation.messages) {
    if (message.direction === 'inbound' && message.respondedAt === null && seen.has(message.id)) {
      message.respondedAt = Date.parse(message.at) > Date.parse(at) ? message.at : at;
    }
  }
  if (conversation.state === 'open' || conversation.state === 'assigned') transitionConversation(conversation, 'waiting', by, at);
}

/** Every inbound item of these conversations with when it was first answered. */
export function responsePairsOf(conversations: Iterable<Conversation>): ResponsePair[] {
  return [...conversations].flatMap((conversation) =>
    inboundOf(conversation).map((message) => ({
      conversationId: conversation.id,
      platform: conversation.platform,
      accountId: conversation.accountId,
      mentionId: message.id,
      receivedAt: message.at,
      respondedAt: message.respondedAt,
    })),
  );
}

/** The analytics' `responseTimes` / `responseRate` input for these conversations. */
export function responseTimeInputOf(conversations: Iterable<Conversation>): {
  mentions: Mention[];
  replies: Array<{ inReplyToId: string; createdAt: string }>;
} {
  const mentions: Mention[] = [];
  const replies: Array<{ inReplyToId: string; createdAt: string }> = [];
  for (const conversation of conversations) {
    for (const message of inboundOf(conversation)) {
      const { matchedRules: _rules, classification: _classification, ...mention } = message.item;
      mentions.push(structuredClone(mention));
      if (message.respondedAt !== null) replies.push({ inReplyToId: message.id, createdAt: message.respondedAt });
    }
  }
  return { mentions, replies };
}

/** How many conversations are in each state. */
export function countStates(conversations: Iterable<Conversation>): Record<ConversationState, number> {
  const counts: Record<ConversationState, number> = { open: 0, assigned: 0, waiting: 0, resolved: 0 };
  for (const conversation of conversations) counts[conversation.state] += 1;
  return counts;
}

/** A checked internal note. */
export function makeNote(note: { author: string; text: string }, id: string, at: string): InternalNote {
  if (note.text.trim() === '' || note.author.trim() === '') {
    throw new ValidationError('inbox note', [
      ...(note.author.trim() === '' ? [{ path: ['author'], code: 'empty', message: 'must name who wrote the note' }] : []),
      ...(note.text.trim() === '' ? [{ path: ['text'], code: 'empty', message: 'must not be empty' }] : []),
    ]);
  }
  return { id, author: note.author, text: note.text, at };
}

/** "Someone is already replying." */
export function replyInProgress(id: string, by: string | null, since: string): ReplyInProgressError {
  return new ReplyInProgressError(
    `${by ?? 'Someone'} is already replying to conversation ${id} (since ${since}); ` +
      'wait for that reply to finish, or pass { concurrent: true } to send anyway.',
    { conversationId: id, replyingBy: by, replyingSince: since },
  );
}
