import { ApiCallError, type AdapterContext, type PostRef } from '@smm/core/adapter-kit';
import { PINTEREST_BUCKETS } from './rate-limits.js';

/**
 * Deletes a pin (`DELETE /v5/pins/{pin_id}`, https://developers.pinterest.com/docs/api/v5/pins-delete);
 * a pin already gone (404) counts as deleted.
 * @internal
 */
export async function doDelete(post: PostRef, context: AdapterContext): Promise<void> {
  try {
    await context.http.request({
      method: 'DELETE',
      path: `/v5/pins/${encodeURIComponent(post.id)}`,
      bucket: PINTEREST_BUCKETS.write,
      responseType: 'none',
      signal: context.signal,
    });
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.status === 404) return;
    throw error;
  }
}
