import type { AdapterV1MediaRef } from './adapter-v1-media-ref.js';
import type { AdapterV1PostRef } from './adapter-v1-post-ref.js';
import type { AdapterV1Visibility } from './adapter-v1-vocabulary.js';

/** A follow-up part of a thread. */
export interface AdapterV1ThreadPart {
  text: string;
  media: AdapterV1MediaRef[];
}

/** The platform-neutral post as an adapter v1 receives it: already validated by core. */
export interface AdapterV1PostDraft {
  id?: string | undefined;
  /** The text of the root post (`''` for a media-only post). */
  text: string;
  media: AdapterV1MediaRef[];
  /** An absolute http(s) URL to attach (a link card where the network makes one). */
  link?: string | undefined;
  /** Follow-up parts, in order, when the network has threads. */
  thread: AdapterV1ThreadPart[];
  /** The post this one answers. */
  replyTo?: AdapterV1PostRef | undefined;
  visibility: AdapterV1Visibility;
  /** BCP 47 language tag. */
  language?: string | undefined;
  tags: string[];
  campaign?: string | undefined;
  /** Per-network options keyed by network id; the adapter gets its own slice parsed as `networkOptions`. */
  networkOptions: Record<string, unknown>;
}
