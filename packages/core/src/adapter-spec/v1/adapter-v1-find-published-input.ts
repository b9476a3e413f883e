import type { AdapterV1PostDraft } from './adapter-v1-post-draft.js';

/**
 * What `doFindPublished` receives. Core calls it before publishing again with a key it has
 * used before (a retry after an unknown outcome, a scheduler entry found in `publishing`
 * after a crash), and from `client.findPublished`.
 */
export interface AdapterV1FindPublishedInput {
  idempotencyKey: string;
  /**
   * The draft that was being published, when core has it (always from the scheduler and from a
   * retry; not from a bare `client.findPublished` call). Lets a network without a place for a
   * marker match on text and time instead.
   */
  draft?: AdapterV1PostDraft;
  /** Only look at posts published at or after this instant (ISO-8601 UTC). */
  since?: string;
}
