import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import type { PostRef } from '@smm/core/adapter-kit';
import { XDeleteTweetSchema } from './api-schemas.js';
import { X_BUCKETS } from './rate-limits.js';

/** Deletes a post with `DELETE /2/tweets/:id`; a post already gone (404) counts as deleted. @internal */
export async function doDelete(post: PostRef, context: AdapterContext): Promise<void> {
  let response;
  try {
    response = await context.http.request({
      method: 'DELETE',
      path: `/2/tweets/${encodeURIComponent(post.id)}`,
      bucket: X_BUCKETS.deletePost,
      signal: context.signal,
    });
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.status === 404) return;
    throw error;
  }
  const { data } = parseApiResponse(XDeleteTweetSchema, response, 'x', 'DELETE /2/tweets/:id');
  if (!data.deleted) {
    throw new ApiCallError(`X did not delete post ${post.id} (deleted: false): check that it belongs to this account`, {
      status: response.status,
      platform: 'x',
      isRetryable: false,
    });
  }
}
