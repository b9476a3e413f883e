import type { AdapterV1PostDraft } from './adapter-v1-post-draft.js';
import type { AdapterV1Poll } from './adapter-v1-poll.js';

/** What `doPublish`/`doReply` receive: a draft already validated against the model and the capabilities. */
export interface AdapterV1PublishInput<TOptions = unknown> {
  draft: AdapterV1PostDraft;
  /** This network's `networkOptions` slice, parsed with the adapter's schema (undefined when none). */
  networkOptions: TOptions | undefined;
  /** Only when `capabilities.polls`. */
  poll?: AdapterV1Poll;
  /** Only when `capabilities.firstComment`. */
  firstComment?: string;
  /** ISO-8601 UTC instant; only when `capabilities.nativeScheduling`. */
  scheduledAt?: string;
}
