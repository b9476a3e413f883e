import type { AdapterV1PostRef } from './adapter-v1-post-ref.js';
import type { AdapterV1MentionKind } from './adapter-v1-vocabulary.js';

/** Who wrote a mention. */
export interface AdapterV1MentionAuthor {
  id: string;
  handle: string;
  displayName?: string | undefined;
  followers?: number | undefined;
  url?: string | undefined;
}

/** Anything addressed to the account, as an adapter v1 returns it from `doListMentions`. */
export interface AdapterV1Mention {
  id: string;
  platform: string;
  accountId: string;
  kind: AdapterV1MentionKind;
  author: AdapterV1MentionAuthor;
  text: string;
  /** BCP 47 tag the network labelled the text with, when it did. */
  language?: string | undefined;
  /** ISO-8601 UTC. */
  createdAt: string;
  url?: string | undefined;
  conversationId?: string | undefined;
  inReplyToId?: string | undefined;
  /** The account's own post this mention is about (a reply's parent, a quoted post). */
  subject?: AdapterV1PostRef | undefined;
}
