import type { AdapterV1MentionKind } from './adapter-v1-vocabulary.js';

/** What `doListMentions` receives. */
export interface AdapterV1ListMentionsInput {
  /** `null`/undefined for the first page, else the previous page's `nextCursor`. */
  cursor?: string | null;
  /** Page size hint; the adapter clamps it to what the network allows. */
  limit?: number;
  /** Kinds asked for (all of `capabilities.mentionKinds` when undefined). */
  kinds?: readonly AdapterV1MentionKind[];
}
