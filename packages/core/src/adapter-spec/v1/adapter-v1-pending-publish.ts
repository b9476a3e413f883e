import { z } from 'zod';
import type { AdapterV1PostDraft } from './adapter-v1-post-draft.js';
import type { AdapterV1PublishOutput } from './adapter-v1-publish-output.js';
import type { AdapterV1PublishWarning } from './adapter-v1-publish-warning.js';

// Spec v1.1 (an optional addition): a publish the network finishes later. Only adapters that
// declare `capabilities.pendingPublish` and implement `doGetPublishStatus` answer this way;
// a v1.0 adapter keeps returning `AdapterV1PublishOutput` and nothing changes for it.

/** JSON: what a handle may hold, so a scheduler store can keep it and a restart can resume from it. */
export type AdapterV1Json = null | boolean | number | string | AdapterV1Json[] | { [key: string]: AdapterV1Json };

/**
 * What the adapter needs to resume a pending publish in another process: a container id,
 * an upload id, or a small JSON object. Opaque to core; never a secret (it is stored as is).
 */
export type AdapterV1PendingHandle = string | { [key: string]: AdapterV1Json };

/** Where a pending publish is, as the network reports it. */
export interface AdapterV1PublishProgress {
  /** The network's own stage name, e.g. `IN_PROGRESS`, `processing`, `moderation`. */
  stage: string;
  /** 0–100, when the network reports one. */
  percent?: number;
}

/**
 * "Accepted, not live yet": what `doPublish`/`doReply`/`doGetPublishStatus` return while the
 * network is still working (a Meta container not `FINISHED`, a video processing, a post in
 * moderation). Core polls `doGetPublishStatus` with this handle until it answers with the post.
 */
export interface AdapterV1PendingPublish {
  /** The handle to poll with; one from `doGetPublishStatus` replaces the earlier one. */
  pending: AdapterV1PendingHandle;
  /** When to ask again at the earliest, if the network says (core otherwise backs off by itself). */
  pollAfterMs?: number;
  progress?: AdapterV1PublishProgress;
  /** v1.1: warnings known as soon as the network accepted the post (kept until it is live). */
  warnings?: AdapterV1PublishWarning[];
}

/** What `doPublish`/`doReply` may return: the post, or (adapters declaring `pendingPublish`) a pending answer. */
export type AdapterV1PublishAnswer = AdapterV1PublishOutput | AdapterV1PendingPublish;

/** What `doGetPublishStatus` receives. */
export interface AdapterV1PublishStatusInput {
  /** The latest handle the adapter returned. */
  handle: AdapterV1PendingHandle;
  /** The key the publish was made with (the same on every poll and after a restart). */
  idempotencyKey: string;
  /** The draft being published, when core has it (always from the scheduler). */
  draft?: AdapterV1PostDraft;
}

/**
 * `capabilities.pendingPublish`: this adapter may answer a publish with a pending handle and
 * implements `doGetPublishStatus`. `maxWaitMs` is how long core waits for it by default.
 * Absent (the v1.0 default): every publish returns the post at once.
 */
export const adapterV1PendingPublishCapabilitySchema = z.strictObject({
  maxWaitMs: z.number().int().positive({ error: 'must be how long to wait for a pending publish, in ms, e.g. 600000' }),
});

/** `capabilities.pendingPublish` (inferred from {@link adapterV1PendingPublishCapabilitySchema}). */
export interface AdapterV1PendingPublishCapability extends z.infer<typeof adapterV1PendingPublishCapabilitySchema> {}

/**
 * Whether an adapter's answer is a pending one rather than the post.
 *
 * @example
 * ```ts
 * if (isAdapterV1PendingPublish(answer)) store(answer.pending);
 * ```
 */
export function isAdapterV1PendingPublish(answer: unknown): answer is AdapterV1PendingPublish {
  return typeof answer === 'object' && answer !== null && 'pending' in answer && (answer as { pending: unknown }).pending !== undefined;
}
