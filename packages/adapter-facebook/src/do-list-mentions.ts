import {
  parseApiResponse,
  ValidationError,
  type AdapterContext,
  type ListMentionsInput,
  type Mention,
  type Page,
} from '@smm/core/adapter-kit';
import { graphPages, graphPath } from '@smm/meta-graph';
import { z } from 'zod';
import { CommentSchema, type GraphComment } from './api-schemas.js';
import { commentUrl } from './comments.js';
import { graphTimeMs } from './find-post.js';

const PostIds = z.object({ data: z.array(z.object({ id: z.string() })) });
const CursorSchema = z.object({ post: z.string(), after: z.string().optional() });

/** Graph's largest `limit` on comment edges. @internal */
const MAX_LIMIT = 100;

function mentionOf(comment: GraphComment, postId: string, pageId: string): Mention {
  const author = comment.from ?? { id: 'unknown' };
  return {
    id: comment.id,
    platform: 'facebook',
    accountId: pageId,
    kind: comment.parent ? 'reply' : 'comment',
    author: { id: author.id, handle: author.name ?? author.id, ...(author.name ? { displayName: author.name } : {}) },
    text: comment.message ?? '',
    createdAt: new Date(graphTimeMs(comment.created_time)).toISOString(),
    url: comment.permalink_url ?? commentUrl(pageId, comment.id),
    conversationId: postId,
    inReplyToId: comment.parent?.id ?? postId,
    subject: { platform: 'facebook', id: postId },
  };
}

function readCursor(cursor: string): z.infer<typeof CursorSchema> {
  try {
    return CursorSchema.parse(JSON.parse(atob(cursor)));
  } catch {
    throw new ValidationError('Facebook mentions cursor', [
      {
        path: ['cursor'],
        code: 'invalid_cursor',
        message: "is not a cursor listMentions returned: pass the previous page's nextCursor, or null to start",
      },
    ]);
  }
}

/**
 * The comments and replies people left on the Page's newest posts (`mentionPosts` of them,
 * `GET /{page-id}/published_posts`), newest post first, each post's comments newest first with
 * replies included (`GET /{post-id}/comments?filter=stream&order=reverse_chronological`,
 * https://developers.facebook.com/docs/graph-api/reference/object/comments). The Page's own
 * comments are not mentions. The cursor holds the post and Graph's `after` cursor within it.
 * @internal
 */
export async function doListMentions(
  input: ListMentionsInput,
  context: AdapterContext,
  settings: { apiVersion: string; mentionPosts: number },
): Promise<Page<Mention>> {
  const pageId = context.account.id;
  const limit = Math.min(Math.max(input.limit ?? 25, 1), MAX_LIMIT);
  const kinds = new Set(input.kinds ?? ['comment', 'reply']);
  const postsResponse = await context.http.request({
    path: graphPath(settings.apiVersion, `${pageId}/published_posts`),
    searchParams: { fields: 'id', limit: settings.mentionPosts },
    signal: context.signal,
  });
  const posts = parseApiResponse(PostIds, postsResponse, 'facebook', 'GET /{page-id}/published_posts').data.map((post) => post.id);
  let position = input.cursor ? readCursor(input.cursor) : posts[0] ? { post: posts[0] } : undefined;
  const items: Mention[] = [];
  while (position && items.length < limit) {
    // One page of the post's comments (replies included, newest first); Graph's `after` cursor continues it.
    const pages = graphPages(
      context.http,
      {
        path: graphPath(settings.apiVersion, `${position.post}/comments`),
        searchParams: {
          filter: 'stream',
          order: 'reverse_chronological',
          fields: 'id,message,created_time,from,parent,permalink_url',
          limit: limit - items.length,
          ...(position.after ? { after: position.after } : {}),
        },
        signal: context.signal,
      },
      CommentSchema,
      { maxPages: 1, platform: 'facebook', what: 'GET /{post-id}/comments' },
    );
    let after: string | undefined;
    for await (const page of pages) {
      for (const comment of page.items) {
        if (comment.from?.id === pageId) continue;
        const mention = mentionOf(comment, position.post, pageId);
        if (kinds.has(mention.kind)) items.push(mention);
      }
      after = page.after;
    }
    if (after) position = { post: position.post, after };
    else {
      const next = posts[posts.indexOf(position.post) + 1];
      position = posts.includes(position.post) && next ? { post: next } : undefined;
    }
  }
  return { items, nextCursor: position ? btoa(JSON.stringify(position)) : null };
}
