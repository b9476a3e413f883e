import { parseApiResponse, type AdapterContext, type ListMentionsInput, type Mention, type Page } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { z } from 'zod';
import { ThreadsMediaSchema, type ThreadsMedia } from './api-schemas.js';

/** Fields of a mention: the post, who wrote it, and what it answers. */
const MENTION_FIELDS = 'id,text,timestamp,permalink,username,is_reply,replied_to,root_post';
/** Threads' page size cap for list edges (Graph's usual 100). */
const MAX_LIMIT = 100;

const MentionsPageSchema = z.object({
  data: z.array(ThreadsMediaSchema),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

function toMention(media: ThreadsMedia, accountId: string): Mention {
  const handle = media.username ?? 'unknown';
  return {
    id: media.id,
    platform: 'threads',
    accountId,
    kind: media.is_reply ? 'reply' : 'mention',
    // The mentions edge names the author by username only; it is the author's stable handle.
    author: { id: handle, handle, url: `https://www.threads.net/@${handle}` },
    text: media.text ?? '',
    createdAt: new Date(media.timestamp ?? 0).toISOString(),
    ...(media.permalink ? { url: media.permalink } : {}),
    ...(media.root_post ? { conversationId: media.root_post.id } : {}),
    ...(media.replied_to ? { inReplyToId: media.replied_to.id, subject: { platform: 'threads', accountId, id: media.replied_to.id } } : {}),
  };
}

/**
 * The account's inbox: public posts that tag the profile, replies included, newest first, from
 * `GET /{threads-user-id}/mentions` (https://developers.facebook.com/documentation/threads/threads-mentions;
 * needs `threads_manage_mentions`), paged with Graph's `after` cursor. A post that replies to
 * another is kind `reply` (hide it with `hide`), any other kind `mention`.
 * @internal
 */
export async function doListMentions(input: ListMentionsInput, context: AdapterContext, apiVersion: string): Promise<Page<Mention>> {
  const limit = Math.min(Math.max(1, input.limit ?? 25), MAX_LIMIT);
  const response = await context.http.request({
    path: graphPath(apiVersion, `${context.account.id}/mentions`),
    searchParams: { fields: MENTION_FIELDS, limit, ...(input.cursor ? { after: input.cursor } : {}) },
    signal: context.signal,
  });
  const page = parseApiResponse(MentionsPageSchema, response, 'threads', 'GET /{threads-user-id}/mentions');
  const kinds = input.kinds;
  const items = page.data.map((media) => toMention(media, context.account.id)).filter((item) => !kinds || kinds.includes(item.kind));
  // Graph gives `next` only while there is another page; the cursor alone does not say so.
  const after = page.paging?.next ? page.paging.cursors?.after : undefined;
  return { items, nextCursor: after ?? null };
}
