import { z } from 'zod';

const snowflake = (what: string) => z.string().regex(/^\d{1,20}$/, { error: `must be ${what}: the numeric id as a string` });

/**
 * Who may reply to a post, as `reply_settings` of `POST /2/tweets` takes it.
 *
 * @example
 * ```ts
 * X_REPLY_SETTINGS.includes('following'); // true
 * ```
 */
export const X_REPLY_SETTINGS = ['following', 'mentionedUsers', 'subscribers', 'verified'] as const;

/**
 * X's slice of `draft.networkOptions` (`networkOptions: { x: { … } }`). Every field maps to a
 * field of `POST /2/tweets` and applies to the first post of a thread:
 *
 * | option | X field |
 * | --- | --- |
 * | `replySettings` | `reply_settings` (who may reply; everyone when left out) |
 * | `quoteTweetId` | `quote_tweet_id` (not with media or a poll) |
 * | `excludeReplyUserIds` | `reply.exclude_reply_user_ids` (only with `replyTo`) |
 * | `taggedUserIds` | `media.tagged_user_ids` (only with media; up to 10) |
 * | `placeId` | `geo.place_id` |
 * | `forSuperFollowersOnly` | `for_super_followers_only` |
 *
 * @example
 * ```ts
 * await client.publish('x:1460000000000000001', {
 *   text: 'Only people we follow can answer this one',
 *   networkOptions: { x: { replySettings: 'following' } },
 * });
 * ```
 */
export const XOptionsSchema = z
  .object({
    replySettings: z
      .enum(X_REPLY_SETTINGS, { error: `must be one of ${X_REPLY_SETTINGS.join(', ')} (leave it out to let everyone reply)` })
      .optional(),
    quoteTweetId: snowflake('the id of the post to quote').optional(),
    excludeReplyUserIds: z.array(snowflake('a user id')).min(1).optional(),
    taggedUserIds: z.array(snowflake('a user id')).min(1).max(10, { error: 'X tags at most 10 users in media' }).optional(),
    placeId: z.string().min(1, { error: 'must be an X place id' }).optional(),
    forSuperFollowersOnly: z.boolean().optional(),
  })
  .strict();

/** X's network options, as a draft gives them. */
export interface XOptionsInput extends z.input<typeof XOptionsSchema> {}
/** X's network options, parsed. */
export interface XOptions extends z.output<typeof XOptionsSchema> {}

// The augmented module must be part of the program: the declaration bundles core ships no longer
// pull `@smm/core/model` in through `@smm/core/adapter-kit` (shared chunks), and TypeScript cannot
// augment a module it has not loaded (TS2664). A type-only import, erased from the output.
import type {} from '@smm/core/model';

declare module '@smm/core/model' {
  interface NetworkOptionsRegistry {
    x: XOptionsInput;
  }
}
