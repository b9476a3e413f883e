import { z } from 'zod';

/**
 * Who may reply to a post: `reply_control` of `POST /{threads-user-id}/threads`
 * (https://developers.facebook.com/documentation/threads/reply-management, "Control who can reply").
 */
export const THREADS_REPLY_CONTROLS = [
  'everyone',
  'accounts_you_follow',
  'mentioned_only',
  'parent_post_author_only',
  'followers_only',
] as const;

/**
 * Threads' slice of `draft.networkOptions` (`networkOptions: { threads: { … } }`).
 *
 * | option | Threads parameter (`POST /{threads-user-id}/threads`) |
 * | --- | --- |
 * | `quotePostId` | `quote_post_id` on the first part (https://developers.facebook.com/documentation/threads/posts/quote-posts) |
 * | `replyControl` | `reply_control` on every part (who may reply) |
 *
 * The draft's `link` becomes `link_attachment` (a link preview) on a text-only first part.
 *
 * @example
 * ```ts
 * await client.publish('threads:17841400008460056', {
 *   text: 'So true',
 *   networkOptions: { threads: { quotePostId: '18050206876707110', replyControl: 'accounts_you_follow' } },
 * });
 * ```
 */
export const ThreadsOptionsSchema = z
  .object({
    quotePostId: z
      .string()
      .regex(/^\d+$/, { error: 'must be the numeric id of the Threads post to quote (its media id, not a URL)' })
      .optional(),
    replyControl: z.enum(THREADS_REPLY_CONTROLS, { error: `must be one of ${THREADS_REPLY_CONTROLS.join(', ')}` }).optional(),
  })
  .strict();

/** Threads' network options, as a draft gives them. */
export type ThreadsOptionsInput = z.input<typeof ThreadsOptionsSchema>;
/** Threads' network options, parsed. */
export type ThreadsOptions = z.output<typeof ThreadsOptionsSchema>;

// A type-only import so the augmented module is part of the program (see adapter-x's network-options.ts).
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    threads: ThreadsOptionsInput;
  }
}
