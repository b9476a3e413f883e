import type { AdapterV1PostRefOutput } from './adapter-v1-post-ref-output.js';

/** A post as read back from the network (`doGetPost`). */
export interface AdapterV1FetchedPost {
  ref: AdapterV1PostRefOutput;
  text: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  /** The post it replies to, when it is a reply. */
  inReplyTo?: AdapterV1PostRefOutput;
  /** Number of media attachments. */
  mediaCount?: number;
}
