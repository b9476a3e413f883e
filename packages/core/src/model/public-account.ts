import { z } from 'zod';
import { MetricSnapshotSchema } from './metric-snapshot.js';
import { HttpUrlSchema, InstantSchema, NetworkIdSchema } from './primitives.js';

/** One public post of an account you may not own, with a snapshot of its public metrics. */
export const PublicPostSchema = z.object({
  id: z.string().min(1, { error: 'must be the post id on its network' }),
  publishedAt: InstantSchema,
  url: HttpUrlSchema.optional(),
  /** Subject `{ type: 'post' }`; only what the network reports publicly (likes, comments, shares, quotes…). */
  metrics: MetricSnapshotSchema,
});

/** One public post with its metrics. */
export interface PublicPost extends z.infer<typeof PublicPostSchema> {}

/**
 * The public profile and public metrics of any account (a competitor's), as
 * `client.getPublicAccount` returns it: the account, a snapshot of its account metrics
 * (`followers`, `following`, `posts`), and its recent public posts, newest first.
 */
export const PublicAccountSchema = z.object({
  account: z.object({
    platform: NetworkIdSchema,
    id: z.string().min(1, { error: 'must be the account id on its network' }),
    handle: z.string().min(1, { error: 'must be the handle people see, without @' }),
    displayName: z.string().optional(),
  }),
  /** Subject `{ type: 'account' }`. */
  metrics: MetricSnapshotSchema,
  /** Empty when the adapter reads no posts. */
  recentPosts: z.array(PublicPostSchema),
});

/** A public account with its metrics and recent posts. */
export interface PublicAccount extends z.infer<typeof PublicAccountSchema> {}
