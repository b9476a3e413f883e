import { ApiCallError, parseApiResponse, type AdapterContext, type FetchedPost, type PostRef } from '@smm/core/adapter-kit';
import { PinSchema } from './api-schemas.js';
import { PINTEREST_BUCKETS } from './rate-limits.js';

/**
 * Reads a pin (`GET /v5/pins/{pin_id}`, https://developers.pinterest.com/docs/api/v5/pins-get):
 * its description as the text; `null` when it does not exist.
 * @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext): Promise<FetchedPost | null> {
  try {
    const response = await context.http.request({
      path: `/v5/pins/${encodeURIComponent(post.id)}`,
      bucket: PINTEREST_BUCKETS.read,
      signal: context.signal,
    });
    const pin = parseApiResponse(PinSchema, response, 'pinterest', 'GET /v5/pins/{pin_id}');
    return {
      ref: { id: pin.id, url: `https://www.pinterest.com/pin/${pin.id}/` },
      text: pin.description ?? '',
      createdAt: new Date(pin.created_at ?? context.clock.now()).toISOString(),
      mediaCount: pin.media?.media_type === 'multiple_images' ? 2 : 1,
    };
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.status === 404) return null;
    throw error;
  }
}
