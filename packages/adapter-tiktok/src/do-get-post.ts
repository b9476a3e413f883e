import type { AdapterContext, FetchedPost, PostRef } from '@smm/core/adapter-kit';
import { queryVideo, videoCaption } from './display-api.js';

/**
 * Reads one of the creator's public videos back (`POST /v2/video/query/`); null when TikTok does
 * not return it (deleted, private, or not the creator's). @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext): Promise<FetchedPost | null> {
  const video = await queryVideo(context, post.id);
  if (!video) return null;
  return {
    ref: { id: video.id, ...(video.share_url ? { url: video.share_url } : {}) },
    text: videoCaption(video),
    createdAt: new Date(video.create_time * 1000).toISOString(),
    mediaCount: 1,
  };
}
