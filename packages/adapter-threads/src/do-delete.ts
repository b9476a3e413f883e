import { parseApiResponse, type AdapterContext, type PostRef } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { DeletedSchema } from './api-schemas.js';
import { isMissing } from './do-get-post.js';

/**
 * Deletes a post the account made: `DELETE /{threads-media-id}`
 * (https://developers.facebook.com/documentation/threads/posts/delete-posts; needs the
 * `threads_delete` permission; 100 deletes a day per account). A post already gone counts as deleted.
 * @internal
 */
export async function doDelete(post: PostRef, context: AdapterContext, apiVersion: string): Promise<void> {
  try {
    const response = await context.http.request({
      method: 'DELETE',
      path: graphPath(apiVersion, encodeURIComponent(post.id)),
      signal: context.signal,
    });
    parseApiResponse(DeletedSchema, response, 'threads', 'DELETE /{threads-media-id}');
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}
