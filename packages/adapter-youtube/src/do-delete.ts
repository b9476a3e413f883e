import { UnsupportedFeatureError, type AdapterContext, type PostRef } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { callYouTube } from './api-call.js';
import { isVideoId } from './api-schemas.js';

/**
 * Deletes a video: `DELETE /youtube/v3/videos?id=` (50 units,
 * https://developers.google.com/youtube/v3/docs/videos/delete). Comments are not deleted by this
 * adapter. @internal
 */
export async function doDelete(post: PostRef, context: AdapterContext): Promise<void> {
  if (!isVideoId(post.id)) {
    throw new UnsupportedFeatureError('the YouTube adapter deletes videos, not comments: delete the comment on YouTube', {
      feature: 'delete',
      platform: 'youtube',
    });
  }
  await callYouTube(context, 'videos.delete', { searchParams: { id: post.id } }, z.unknown());
}
