import {
  ApiCallError,
  UnsupportedFeatureError,
  parseApiResponse,
  type AdapterContext,
  type MentionActionInput,
} from '@smm/core/adapter-kit';
import { z } from 'zod';
import { X_CAPABILITIES } from './capabilities.js';
import { doDelete } from './do-delete.js';
import { X_BUCKETS } from './rate-limits.js';

// Each answer's `data` says the new state; one that did not change is refused, not assumed.
const Liked = z.object({ data: z.object({ liked: z.boolean() }) });
const Hidden = z.object({ data: z.object({ hidden: z.boolean() }) });
const Muting = z.object({ data: z.object({ muting: z.boolean() }) });

function checkState(state: boolean, wanted: boolean, what: string, status: number): void {
  if (state !== wanted) {
    throw new ApiCallError(`X answered but did not ${what}: check the account may act on it`, {
      status,
      platform: 'x',
      isRetryable: false,
    });
  }
}

/**
 * Runs one action on a mention through X API v2, as the account (`context.account.id`). @internal
 *
 * @example
 * ```ts
 * await doMentionAction({ action: 'like', mention }, context); // POST /2/users/:id/likes { tweet_id }
 * ```
 */
export async function doMentionAction(input: MentionActionInput, context: AdapterContext): Promise<void> {
  const me = encodeURIComponent(context.account.id);
  const tweetId = input.mention.id;
  const { http, signal } = context;
  switch (input.action) {
    // https://docs.x.com/x-api/users/like-post (scope like.write)
    case 'like': {
      const response = await http.request({
        method: 'POST',
        path: `/2/users/${me}/likes`,
        json: { tweet_id: tweetId },
        bucket: X_BUCKETS.likes,
        signal,
      });
      return checkState(
        parseApiResponse(Liked, response, 'x', 'POST /2/users/:id/likes').data.liked,
        true,
        'like the post',
        response.status,
      );
    }
    // https://docs.x.com/x-api/users/unlike-post (scope like.write)
    case 'unlike': {
      const path = `/2/users/${me}/likes/${encodeURIComponent(tweetId)}`;
      const response = await http.request({ method: 'DELETE', path, bucket: X_BUCKETS.likes, signal });
      return checkState(
        parseApiResponse(Liked, response, 'x', 'DELETE /2/users/:id/likes/:tweet_id').data.liked,
        false,
        'unlike the post',
        response.status,
      );
    }
    // Only replies in a conversation the account started: https://docs.x.com/x-api/posts/hide-reply (scope tweet.moderate.write)
    case 'hide':
    case 'unhide': {
      const hidden = input.action === 'hide';
      const path = `/2/tweets/${encodeURIComponent(tweetId)}/hidden`;
      const response = await http.request({ method: 'PUT', path, json: { hidden }, bucket: X_BUCKETS.hideReplies, signal });
      const state = parseApiResponse(Hidden, response, 'x', 'PUT /2/tweets/:tweet_id/hidden').data.hidden;
      return checkState(state, hidden, `${input.action} the reply`, response.status);
    }
    // https://docs.x.com/x-api/users/mute-user (scope mute.write)
    case 'mute': {
      const json = { target_user_id: input.mention.author.id };
      const response = await http.request({ method: 'POST', path: `/2/users/${me}/muting`, json, bucket: X_BUCKETS.muting, signal });
      return checkState(
        parseApiResponse(Muting, response, 'x', 'POST /2/users/:id/muting').data.muting,
        true,
        'mute the author',
        response.status,
      );
    }
    // The account's own reply: https://docs.x.com/x-api/posts/delete-post
    case 'delete':
      return doDelete({ platform: 'x', id: tweetId }, context);
    default:
      // Core refuses undeclared actions first; this guards a direct call.
      throw new UnsupportedFeatureError(
        `X has no API for "${input.action}" on a post: use one of ${X_CAPABILITIES.mentionActions.join(', ')}`,
        {
          feature: `mentionActions.${input.action}`,
          platform: 'x',
        },
      );
  }
}
