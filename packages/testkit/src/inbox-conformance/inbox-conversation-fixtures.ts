import type { Conversation } from '@smm/core/listening';

/** 2026-03-02T09:00:00.000Z: the instant every fixture is relative to. */
export const INBOX_T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(INBOX_T0 + ms).toISOString();

/**
 * A hand-built conversation for inbox store tests: one inbound mention, open, unassigned.
 * Override any field; ids of messages follow `id`.
 *
 * @example
 * ```ts
 * await store.create(inboxConversation('bluesky:acct:thread:1', { state: 'assigned', assignee: 'sam' }));
 * ```
 */
export function inboxConversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  const platform = overrides.platform ?? 'bluesky';
  const accountId = overrides.accountId ?? 'acct-1';
  const author = { id: `author-${id}`, handle: `customer-${id}` };
  return {
    id,
    platform,
    accountId,
    kind: 'thread',
    participant: author,
    state: 'open',
    assignee: null,
    messages: [
      {
        direction: 'inbound',
        id: `${id}-m1`,
        at: at(0),
        text: 'Where is my refund?',
        item: {
          platform,
          accountId,
          id: `${id}-m1`,
          kind: 'mention',
          author,
          text: 'Where is my refund?',
          createdAt: at(0),
        },
        respondedAt: null,
      },
    ],
    notes: [],
    history: [],
    tags: [],
    openedAt: at(0),
    lastInboundAt: at(0),
    firstResponseAt: null,
    resolvedAt: null,
    ...overrides,
  };
}

/** A conversation that uses every field: Arabic, Persian, emoji, a reply, notes, history, tags, classification. */
export function richInboxConversation(id: string): Conversation {
  const base = inboxConversation(id);
  const author = { id: 'u-لينا', handle: 'lina_ف', displayName: 'لينا 🌙', followers: 1200 };
  return {
    ...base,
    participant: author,
    state: 'waiting',
    assignee: 'Ștefan',
    messages: [
      {
        direction: 'inbound',
        id: `${id}-in`,
        at: at(0),
        text: 'التسويق عندكم رائع 👍 لكن الطلب متأخر — می‌خواهم بدانم کجاست',
        item: {
          platform: base.platform,
          accountId: base.accountId,
          id: `${id}-in`,
          kind: 'comment',
          author,
          text: 'التسويق عندكم رائع 👍 لكن الطلب متأخر — می‌خواهم بدانم کجاست',
          language: 'ar',
          createdAt: at(0),
          conversationId: `${id}-root`,
          matchedRules: ['delivery', 'marketing'],
          classification: {
            sentiment: 'negative',
            sentimentConfidence: 0.7,
            intent: 'complaint',
            intentConfidence: 0.65,
            language: 'ar',
            languageSource: 'given',
            method: 'lexicon',
            classifier: 'lexicon@2',
          },
        },
        respondedAt: at(120_000),
      },
      {
        direction: 'outbound',
        id: `${id}-out`,
        at: at(120_000),
        text: 'Ne pare rău! 👨‍👩‍👧 Comanda pleacă azi.',
        channel: 'public',
        inReplyToId: `${id}-in`,
        by: 'Ștefan',
      },
    ],
    notes: [{ id: 'note-1', author: 'Ștefan', text: 'Curier întârziat; rambursare aprobată.', at: at(60_000) }],
    history: [
      { from: 'open', to: 'assigned', at: at(30_000), by: 'triage' },
      { from: 'assigned', to: 'waiting', at: at(120_000), by: 'Ștefan' },
    ],
    tags: ['delivery', 'marketing'],
    classification: {
      sentiment: 'negative',
      sentimentConfidence: 0.7,
      intent: 'complaint',
      intentConfidence: 0.65,
      classifier: 'lexicon@2',
    },
    firstResponseAt: at(120_000),
  };
}
