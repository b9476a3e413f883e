import { z } from 'zod';
import { ValidationError } from '@smm/core/adapter-kit';

/** One media item of a part, already at a public URL (Threads fetches it from there). @internal */
export const HandleMediaSchema = z.object({
  kind: z.enum(['image', 'video']),
  url: z.string(),
  altText: z.string().optional(),
});

/**
 * One post of a chain: what to create, and how far it got — its container once created, the
 * post's media id once published. @internal
 */
export const HandlePartSchema = z.object({
  text: z.string(),
  media: z.array(HandleMediaSchema),
  /** `link_attachment` (first part, text only). */
  link: z.string().optional(),
  containerId: z.string().optional(),
  id: z.string().optional(),
  permalink: z.string().optional(),
});

/**
 * What a pending Threads publish keeps (plain JSON, no secret): every part of the chain with its
 * progress, the post the first part answers (a reply), the quote and reply control, and when
 * the publish began — enough for any process to resume it: a part already published is never
 * published again, and a part whose container was lost is looked up before it is created again.
 * @internal
 */
export const ThreadsHandleSchema = z.object({
  v: z.literal(1),
  /** ISO-8601: lookups only consider posts from this instant. */
  since: z.string(),
  /** The post the first part replies to (a reply, or an answer in a conversation). */
  replyTo: z.string().optional(),
  quotePostId: z.string().optional(),
  replyControl: z.string().optional(),
  /** Look for the first part among the user's posts before creating it (a chain being retried). */
  lookFirst: z.boolean().optional(),
  parts: z.array(HandlePartSchema).min(1),
});

/** A pending Threads publish's handle. @internal */
export type ThreadsHandle = z.infer<typeof ThreadsHandleSchema>;
/** One part of it. @internal */
export type HandlePart = z.infer<typeof HandlePartSchema>;

/** Reads a handle this adapter made. @throws ValidationError for any other value. @internal */
export function parseHandle(handle: unknown): ThreadsHandle {
  const parsed = ThreadsHandleSchema.safeParse(handle);
  if (!parsed.success) {
    throw new ValidationError('pending Threads publish', [
      {
        path: ['handle'],
        code: 'invalid_handle',
        message: 'is not a handle the Threads adapter made: pass the `pending` a publish returned',
      },
    ]);
  }
  return parsed.data;
}
