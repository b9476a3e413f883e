import { z } from 'zod';
import { InstantSchema, PostRefSchema } from '../model/index.js';

/**
 * A post as read back from its network by `client.getPost`.
 *
 * @example
 * ```ts
 * FetchedPostSchema.parse({ ref: { platform: 'x', id: '1850' }, text: 'hi', createdAt: '2026-01-05T09:00:00.000Z' });
 * ```
 */
export const FetchedPostSchema = z.object({
  ref: PostRefSchema,
  text: z.string(),
  createdAt: InstantSchema,
  /** The post it replies to, when it is a reply. */
  inReplyTo: PostRefSchema.optional(),
  /** Number of media attachments, when known. */
  mediaCount: z.number().int().nonnegative().optional(),
});

/** A post as read back from its network. */
export interface FetchedPostRecord extends z.infer<typeof FetchedPostSchema> {}
