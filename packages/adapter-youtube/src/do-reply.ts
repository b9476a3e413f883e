import {
  UnsupportedFeatureError,
  type AdapterContext,
  type PostRefOutput,
  type PublishInput,
  type PublishOutput,
} from '@smm/core/adapter-kit';
import { callYouTube } from './api-call.js';
import { CommentSchema, CommentThreadSchema, isVideoId, watchUrl } from './api-schemas.js';
import type { YouTubeOptions } from './network-options.js';

/** A comment as a post reference: its id, and a link to it under its video. @internal */
export function commentRef(id: string, videoId: string | undefined): PostRefOutput {
  return {
    id,
    ...(videoId ? { url: `${watchUrl(videoId)}&lc=${encodeURIComponent(id)}` } : {}),
    extra: { kind: 'comment', ...(videoId ? { videoId } : {}) },
  };
}

/**
 * Replies with a comment: to a video, a top-level comment (`commentThreads.insert`, 50 units,
 * https://developers.google.com/youtube/v3/docs/commentThreads/insert); to a comment (a mention),
 * a reply in its thread (`comments.insert` with `snippet.parentId`, 50 units,
 * https://developers.google.com/youtube/v3/docs/comments/insert). Text only. @internal
 */
export async function doReply(input: PublishInput<YouTubeOptions>, context: AdapterContext): Promise<PublishOutput> {
  const { draft } = input;
  const target = draft.replyTo!;
  if (draft.media.length > 0) {
    throw new UnsupportedFeatureError('a YouTube reply is a comment and carries no media: remove the media', {
      feature: 'media',
      platform: 'youtube',
    });
  }
  if (isVideoId(target.id)) {
    const thread = await callYouTube(
      context,
      'commentThreads.insert',
      {
        searchParams: { part: 'snippet' },
        json: {
          snippet: { channelId: context.account.id, videoId: target.id, topLevelComment: { snippet: { textOriginal: draft.text } } },
        },
      },
      CommentThreadSchema,
    );
    return { parts: [commentRef(thread.snippet.topLevelComment.id, target.id)] };
  }
  // A reply in a thread answers its top-level comment, whose id is the thread's (a reply's id is `<thread>.<reply>`).
  const parentId = target.id.split('.')[0]!;
  const comment = await callYouTube(
    context,
    'comments.insert',
    { searchParams: { part: 'snippet' }, json: { snippet: { parentId, textOriginal: draft.text } } },
    CommentSchema,
  );
  return { parts: [commentRef(comment.id, comment.snippet.videoId ?? target.extra?.videoId)] };
}
