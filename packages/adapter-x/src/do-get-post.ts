import { parseApiResponse, type AdapterContext, type FetchedPost } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import type { PostRef } from '@smm/core/adapter-kit';
import { XTweetLookupSchema } from './api-schemas.js';
import { problemKind } from './error-mapping.js';
import { repliedTo } from './own-timeline.js';
import { ownPostUrl } from './post-url.js';
import { X_BUCKETS } from './rate-limits.js';

/**
 * Reads one post with `GET /2/tweets/:id`. X answers a missing or deleted post with 200 and a
 * `resource-not-found` partial error (or a 404): both mean `null`. @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext): Promise<FetchedPost | null> {
  let response;
  try {
    response = await context.http.request({
      path: `/2/tweets/${encodeURIComponent(post.id)}`,
      // The reference to a parent comes with the `referenced_posts` expansion (not a `post.fields` value).
      searchParams: { 'post.fields': 'created_at,attachments,conversation_id', expansions: 'referenced_posts' },
      bucket: X_BUCKETS.readPosts,
      signal: context.signal,
    });
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.status === 404) return null;
    throw error;
  }
  const body = parseApiResponse(XTweetLookupSchema, response, 'x', 'GET /2/tweets/:id');
  if (!body.data) {
    if (body.errors?.some((error) => problemKind(error.type) === 'resource-not-found')) return null;
    throw new ApiCallError(`X answered GET /2/tweets/${post.id} without the post: ${body.errors?.[0]?.detail ?? 'no data'}`, {
      status: response.status,
      platform: 'x',
      body,
      isRetryable: false,
    });
  }
  const tweet = body.data;
  const parent = repliedTo(tweet);
  return {
    ref: { id: tweet.id, url: ownPostUrl(tweet.id, context.account) },
    text: tweet.text,
    createdAt: new Date(tweet.created_at ?? context.clock.now()).toISOString(),
    ...(parent ? { inReplyTo: { id: parent } } : {}),
    mediaCount: tweet.attachments?.media_keys?.length ?? 0,
  };
}
