import { parseApiResponse, type AdapterContext, type PostRef } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { igPath, type InstagramCallConfig } from './graph-call.js';

/**
 * Deletes a post (or the account's own comment): `DELETE /<IG_MEDIA_ID>` → `{ success: true }`
 * (the DELETE of IGMedia and IGComment in Meta's Graph specs, facebook/facebook-business-sdk-codegen
 * `api_specs/specs/IGMedia.json`; it answers Facebook Login tokens — with Instagram Login the adapter
 * declares `delete: false` and core refuses before any request). A carousel goes as a whole.
 * @internal
 */
export async function doDelete(post: PostRef, context: AdapterContext, config: InstagramCallConfig): Promise<void> {
  const response = await context.http.request({
    method: 'DELETE',
    path: igPath(config, encodeURIComponent(post.id)),
    signal: context.signal,
  });
  parseApiResponse(z.object({ success: z.literal(true) }), response, 'instagram', 'DELETE /{ig-media-id}');
}
