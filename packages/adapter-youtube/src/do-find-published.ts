import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { callYouTube } from './api-call.js';
import {
  ChannelListSchema,
  CommentListSchema,
  CommentThreadListSchema,
  PlaylistItemListSchema,
  VideoListSchema,
  isVideoId,
  watchUrl,
} from './api-schemas.js';
import { commentRef } from './do-reply.js';
import { pendingHandle, publishAnswer } from './publish-output.js';
import { markerTag } from './video-resource.js';

/**
 * Finds a video published with this idempotency key, for 3 quota units: the channel's uploads
 * playlist (`channels.list?mine=true&part=contentDetails`), its 50 newest entries
 * (`playlistItems.list`), and their snippets (`videos.list`, one call for all) — a video
 * carries the key's marker in its tags. A video whose processing failed does not count (the
 * publish may be tried again). A reply is found among the comments on its target by its text.
 * @internal
 */
export async function doFindPublished(input: FindPublishedInput, context: AdapterContext): Promise<PublishOutput | null> {
  if (input.draft?.replyTo) return findReply(input.draft.replyTo.id, input.draft.text, context);
  const marker = await markerTag(input.idempotencyKey);
  const channels = await callYouTube(
    context,
    'channels.list',
    { searchParams: { part: 'contentDetails', mine: 'true' } },
    ChannelListSchema,
  );
  const uploads = channels.items[0]?.contentDetails?.relatedPlaylists.uploads;
  if (!uploads) return null;
  const playlist = await callYouTube(
    context,
    'playlistItems.list',
    { searchParams: { part: 'contentDetails', playlistId: uploads, maxResults: 50 } },
    PlaylistItemListSchema,
  );
  const since = input.since === undefined ? undefined : Date.parse(input.since) - 60_000;
  const ids = playlist.items
    .filter(
      (item) =>
        since === undefined ||
        item.contentDetails.videoPublishedAt === undefined ||
        Date.parse(item.contentDetails.videoPublishedAt) >= since,
    )
    .map((item) => item.contentDetails.videoId);
  if (ids.length === 0) return null;
  const { items } = await callYouTube(
    context,
    'videos.list',
    { searchParams: { part: 'snippet,status', id: ids.join(',') } },
    VideoListSchema,
  );
  const video = items.find(
    (candidate) =>
      candidate.snippet?.tags?.includes(marker) && !['failed', 'rejected', 'deleted'].includes(candidate.status?.uploadStatus ?? ''),
  );
  if (!video) return null;
  const answer = publishAnswer(
    { ...video, status: { ...video.status, uploadStatus: 'processed' } },
    pendingHandle(video.id, video.status?.privacyStatus ?? 'public', video.status?.publishAt),
    context,
  );
  return 'parts' in answer ? answer : { parts: [{ id: video.id, url: watchUrl(video.id) }] };
}

/** A reply the channel already wrote on the target (a video's threads, or a thread's replies) with the same text. */
async function findReply(targetId: string, text: string, context: AdapterContext): Promise<PublishOutput | null> {
  const own = context.account.id;
  if (isVideoId(targetId)) {
    const threads = await callYouTube(
      context,
      'commentThreads.list',
      { searchParams: { part: 'snippet', videoId: targetId, maxResults: 100, textFormat: 'plainText' } },
      CommentThreadListSchema,
    );
    const found = threads.items.find(
      (thread) =>
        thread.snippet.topLevelComment.snippet.authorChannelId?.value === own &&
        thread.snippet.topLevelComment.snippet.textOriginal === text,
    );
    return found ? { parts: [commentRef(found.snippet.topLevelComment.id, targetId)] } : null;
  }
  const parentId = targetId.split('.')[0]!;
  const replies = await callYouTube(
    context,
    'comments.list',
    { searchParams: { part: 'snippet', parentId, maxResults: 100, textFormat: 'plainText' } },
    CommentListSchema,
  );
  const found = replies.items.find((comment) => comment.snippet.authorChannelId?.value === own && comment.snippet.textOriginal === text);
  return found ? { parts: [commentRef(found.id, found.snippet.videoId)] } : null;
}
