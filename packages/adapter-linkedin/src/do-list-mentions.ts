import type { AdapterContext, ListMentionsInput, Mention, Page } from '@smm/core/adapter-kit';
import { commentUrnOf, listComments } from './comments.js';
import { authorOf } from './do-publish.js';
import { listAuthorPosts } from './posts.js';
import { postUrl } from './urns.js';

const POSTS_PER_LOOK = 20;

/** `{post offset}:{comment offset}`: where the next page starts. */
function parseCursor(cursor: string | null | undefined): [number, number] {
  const match = /^(\d+):(\d+)$/.exec(cursor ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/**
 * Comments by others on the account's posts, newest post first: the author's posts
 * (`GET /rest/posts?q=author`), and for each its comments (`GET /rest/socialActions/{urn}/comments`,
 * Rest.li `start`/`count` paging). The cursor is where the walk stopped: a post offset and a
 * comment offset. The account's own comments (its replies) are left out. @internal
 */
export async function doListMentions(input: ListMentionsInput, context: AdapterContext): Promise<Page<Mention>> {
  const author = authorOf(context);
  const limit = Math.max(1, Math.min(100, input.limit ?? 20));
  let [postOffset, commentOffset] = parseCursor(input.cursor);
  const items: Mention[] = [];
  for (;;) {
    const posts = await listAuthorPosts(context, author, postOffset, POSTS_PER_LOOK);
    if (posts.elements.length === 0) return { items, nextCursor: null };
    for (const post of posts.elements) {
      for (;;) {
        const want = limit - items.length;
        if (want === 0) return { items, nextCursor: `${postOffset}:${commentOffset}` };
        const page = await listComments(context, post.id, commentOffset, want);
        for (const comment of page.elements) {
          commentOffset += 1;
          if (comment.actor === author) continue;
          items.push({
            id: commentUrnOf(comment, post.id),
            platform: 'linkedin',
            accountId: author,
            kind: 'comment',
            author: { id: comment.actor, handle: comment.actor },
            text: comment.message.text,
            createdAt: new Date(comment.created.time).toISOString(),
            url: postUrl(post.id),
            conversationId: post.id,
            inReplyToId: comment.parentComment ?? post.id,
            subject: { platform: 'linkedin', accountId: author, id: post.id, url: postUrl(post.id) },
          });
        }
        const total = page.paging?.total;
        if (page.elements.length < want || (total !== undefined && commentOffset >= total)) break;
      }
      postOffset += 1;
      commentOffset = 0;
    }
    if (posts.elements.length < POSTS_PER_LOOK) return { items, nextCursor: null };
  }
}
