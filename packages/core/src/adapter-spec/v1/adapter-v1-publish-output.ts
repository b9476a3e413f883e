import type { AdapterV1PostRefOutput } from './adapter-v1-post-ref-output.js';
import type { AdapterV1PublishWarning } from './adapter-v1-publish-warning.js';

/**
 * What `doPublish`/`doReply`/`doFindPublished` return: every part in order (root first). For a
 * natively scheduled post, `publishedAt` is the scheduled instant and the part carries
 * `extra: { scheduled: 'true' }`.
 */
export interface AdapterV1PublishOutput {
  parts: AdapterV1PostRefOutput[];
  /** ISO-8601 UTC; default: the clock's now. */
  publishedAt?: string;
  /** v1.1: what the network did differently from the draft (core adds these to the publish's warnings). */
  warnings?: AdapterV1PublishWarning[];
}
