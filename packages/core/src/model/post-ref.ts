import { z } from 'zod';
import { HttpUrlSchema, InstantSchema, NetworkIdSchema } from './primitives.js';

/**
 * A pointer to a post on a network. `id` is what the network's API takes back (X tweet id,
 * Bluesky `at://` URI, Mastodon status id); `extra` keeps anything else the network needs to
 * refer to it (Bluesky's `cid`).
 */
export const PostRefSchema = z.object({
  platform: NetworkIdSchema,
  id: z.string().min(1, { error: 'must be the post id on its network (not empty)' }),
  /** The account that published it, when known. */
  accountId: z.string().min(1).optional(),
  /** Public web address of the post. */
  url: HttpUrlSchema.optional(),
  extra: z.record(z.string(), z.string()).optional(),
});

/** A pointer to a post on a network. */
export interface PostRef extends z.infer<typeof PostRefSchema> {}

/** The result of publishing a draft to one account: a reference for each part, in order. */
export const PublishedPostSchema = z.object({
  platform: NetworkIdSchema,
  accountId: z.string().min(1),
  /** The first part is the root post; the rest are the thread's follow-ups. */
  parts: z.array(PostRefSchema).min(1, { error: 'must hold at least the root post' }),
  publishedAt: InstantSchema,
  /** The key that made publishing idempotent, when one was used. */
  idempotencyKey: z.string().optional(),
});

/** The result of publishing a draft to one account. */
export interface PublishedPost extends z.infer<typeof PublishedPostSchema> {}
