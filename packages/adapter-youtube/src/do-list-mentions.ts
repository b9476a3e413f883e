import type { AdapterContext, ListMentionsInput, Mention, Page } from '@smm/core/adapter-kit';
import { callYouTube } from './api-call.js';
import { CommentThreadListSchema, watchUrl } from './api-schemas.js';

type AdapterMention = Omit<Mention, 'platform'> & { platform: string };

/**
 * Comment threads on the channel's videos as mentions (kind `comment`), newest first:
 * `commentThreads.list?allThreadsRelatedToChannelId=<channel>&part=snippet` (1 unit a page,
 * `maxResults` 1–100, `pageToken`; https://developers.google.com/youtube/v3/docs/commentThreads/list).
 * YouTube has no @-mention feed. The channel's own comments are left out. Reply with
 * `client.reply(account, { platform: 'youtube', id: mention.id }, …)`. @internal
 */
export async function doListMentions(input: ListMentionsInput, context: AdapterContext): Promise<Page<AdapterMention>> {
  const own = context.account.id;
  const page = await callYouTube(
    context,
    'commentThreads.list',
    {
      searchParams: {
        part: 'snippet',
        allThreadsRelatedToChannelId: own,
        maxResults: Math.min(100, Math.max(1, input.limit ?? 20)),
        order: 'time',
        textFormat: 'plainText',
        pageToken: input.cursor ?? undefined,
      },
    },
    CommentThreadListSchema,
  );
  const items: AdapterMention[] = page.items
    .filter((thread) => thread.snippet.topLevelComment.snippet.authorChannelId?.value !== own)
    .map((thread) => {
      const comment = thread.snippet.topLevelComment.snippet;
      const videoId = thread.snippet.videoId ?? comment.videoId;
      return {
        id: thread.id,
        platform: 'youtube',
        accountId: own,
        kind: 'comment',
        author: {
          id: comment.authorChannelId?.value ?? comment.authorDisplayName ?? 'unknown',
          handle: comment.authorDisplayName ?? comment.authorChannelId?.value ?? 'unknown',
          ...(comment.authorDisplayName ? { displayName: comment.authorDisplayName } : {}),
          ...(comment.authorChannelUrl ? { url: comment.authorChannelUrl } : {}),
        },
        text: comment.textOriginal ?? comment.textDisplay ?? '',
        createdAt: new Date(Date.parse(comment.publishedAt)).toISOString(),
        conversationId: thread.id,
        ...(videoId
          ? {
              url: `${watchUrl(videoId)}&lc=${encodeURIComponent(thread.id)}`,
              inReplyToId: videoId,
              subject: { platform: 'youtube', id: videoId, accountId: own, url: watchUrl(videoId) },
            }
          : {}),
      };
    });
  return { items, nextCursor: page.nextPageToken ?? null };
}
