import { z } from 'zod';
import { InstantSchema, NetworkIdSchema } from './primitives.js';

/** Where a pending publish is, as the network reports it. */
export const PublishProgressSchema = z.object({
  /** The network's stage name (`IN_PROGRESS`, `processing`, …). */
  stage: z.string().min(1),
  /** 0–100, when the network reports one. */
  percent: z.number().min(0).max(100).optional(),
});

/** Where a pending publish is. */
export interface PublishProgress extends z.infer<typeof PublishProgressSchema> {}

/**
 * A publish the network accepted but has not made live yet (a Meta container still
 * processing, a video in processing): everything needed to resume waiting for it, in this
 * process or another, as plain JSON. Store it; hand it to `client.awaitPublish` later.
 *
 * @example
 * ```ts
 * const { pending } = await client.publish('threads:1', draft, { wait: false });
 * if (pending) await db.save(JSON.stringify(pending));
 * ```
 */
export const PendingPublishSchema = z.object({
  platform: NetworkIdSchema,
  accountId: z.string().min(1),
  /** The adapter's handle (opaque JSON: a container id, an upload id, a small object). */
  handle: z.union([z.string().min(1), z.record(z.string(), z.json())], {
    error: 'must be the adapter handle: a non-empty string or a JSON object',
  }),
  /** The key the publish was made with; every poll and resume uses it. */
  idempotencyKey: z.string().min(1),
  /** When the network accepted it (ISO-8601 UTC). */
  since: InstantSchema,
  progress: PublishProgressSchema.optional(),
});

/** A publish the network accepted but has not made live yet. */
export interface PendingPublish extends z.infer<typeof PendingPublishSchema> {}
