import { ApiCallError, type AdapterContext, type PostRef } from '@smm/core/adapter-kit';
import { splitCommentUrn } from './comments.js';
import { LINKEDIN_BUCKETS } from './rate-limits.js';
import { encodeUrn, isCommentUrn } from './urns.js';

/**
 * Deletes a post, `DELETE /rest/posts/{urn}` (204;
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api),
 * or a reply, `DELETE /rest/socialActions/{post}/comments/{id}?actor={author}`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 * A 404 means it is gone already: a retried delete succeeds. @internal
 */
export async function doDelete(post: PostRef, context: AdapterContext): Promise<void> {
  const comment = isCommentUrn(post.id) ? splitCommentUrn(post.id) : undefined;
  try {
    await context.http.request({
      method: 'DELETE',
      path: comment
        ? `/rest/socialActions/${encodeUrn(comment.object)}/comments/${encodeURIComponent(comment.id)}`
        : `/rest/posts/${encodeUrn(post.id)}`,
      ...(comment ? { searchParams: { actor: context.account.id } } : {}),
      bucket: LINKEDIN_BUCKETS.write,
      responseType: 'none',
      signal: context.signal,
    });
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.status === 404) return;
    throw error;
  }
}
