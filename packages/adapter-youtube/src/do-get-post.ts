import type { AdapterContext, FetchedPost, PostRef } from '@smm/core/adapter-kit';
import { callYouTube } from './api-call.js';
import { CommentListSchema, VideoListSchema, isVideoId, watchUrl } from './api-schemas.js';
import { commentRef } from './do-reply.js';

/**
 * Reads a video (`videos.list?part=snippet`, 1 unit: its description is the text) or a comment
 * (`comments.list?id=`, 1 unit); `null` when YouTube no longer has it. @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext): Promise<FetchedPost | null> {
  if (isVideoId(post.id)) {
    const { items } = await callYouTube(context, 'videos.list', { searchParams: { part: 'snippet', id: post.id } }, VideoListSchema);
    const video = items[0];
    if (!video) return null;
    return {
      ref: { id: video.id, url: watchUrl(video.id) },
      text: video.snippet?.description ?? '',
      createdAt: new Date(Date.parse(video.snippet?.publishedAt ?? '') || context.clock.now()).toISOString(),
      mediaCount: 1,
    };
  }
  const { items } = await callYouTube(
    context,
    'comments.list',
    { searchParams: { part: 'snippet', id: post.id, textFormat: 'plainText' } },
    CommentListSchema,
  );
  const comment = items[0];
  if (!comment) return null;
  const videoId = comment.snippet.videoId;
  const parent = comment.snippet.parentId ?? videoId;
  return {
    ref: commentRef(comment.id, videoId),
    text: comment.snippet.textOriginal ?? comment.snippet.textDisplay ?? '',
    createdAt: new Date(Date.parse(comment.snippet.publishedAt)).toISOString(),
    ...(parent ? { inReplyTo: parent === videoId ? { id: parent, url: watchUrl(parent) } : commentRef(parent, videoId) } : {}),
  };
}
