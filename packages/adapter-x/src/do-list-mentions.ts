import { parseApiResponse, type AdapterContext, type ListMentionsInput } from '@smm/core/adapter-kit';
import type { Mention, MentionKind, Page } from '@smm/core/adapter-kit';
import { XTweetPageSchema, type XTweet } from './api-schemas.js';
import { postUrl } from './post-url.js';
import { X_BUCKETS } from './rate-limits.js';

type XUser = { id: string; username: string; name?: string | undefined; public_metrics?: Record<string, number> | undefined };

/** X's mentions page size: 5 to 100. */
const PAGE_MIN = 5;
const PAGE_MAX = 100;

/** A mentioning post's kind: it quotes one of ours, answers one, or just names the account. @internal */
export function mentionKind(tweet: XTweet): MentionKind {
  const types = new Set(tweet.referenced_posts?.map((reference) => reference.type));
  if (types.has('quoted')) return 'quote';
  if (types.has('replied_to')) return 'reply';
  return 'mention';
}

/** Maps one post of the mentions timeline (and its expanded author) to a `Mention`. @internal */
export function toMention(tweet: XTweet, author: XUser | undefined, context: AdapterContext): Mention {
  const kind = mentionKind(tweet);
  const reference = tweet.referenced_posts?.find((entry) => entry.type === (kind === 'quote' ? 'quoted' : 'replied_to'));
  const authorId = tweet.author_id ?? author?.id ?? 'unknown';
  const followers = author?.public_metrics?.followers_count;
  // Only a reply to the account itself is known to be about one of its posts (a quote's
  // author is not in the page without another expansion).
  const aboutOwnPost = reference !== undefined && kind === 'reply' && tweet.in_reply_to_user_id === context.account.id;
  return {
    id: tweet.id,
    platform: 'x',
    accountId: context.account.id,
    kind,
    author: {
      id: authorId,
      handle: author?.username ?? authorId,
      ...(author?.name ? { displayName: author.name } : {}),
      ...(followers === undefined ? {} : { followers }),
      ...(author ? { url: `https://x.com/${encodeURIComponent(author.username)}` } : {}),
    },
    text: tweet.text,
    ...(tweet.lang && tweet.lang !== 'und' ? { language: tweet.lang } : {}),
    createdAt: new Date(tweet.created_at ?? context.clock.now()).toISOString(),
    url: postUrl(tweet.id, author?.username),
    ...(tweet.conversation_id ? { conversationId: tweet.conversation_id } : {}),
    ...(kind === 'reply' && reference ? { inReplyToId: reference.id } : {}),
    ...(aboutOwnPost && reference
      ? { subject: { platform: 'x', id: reference.id, accountId: context.account.id, url: postUrl(reference.id, context.account.handle) } }
      : {}),
  };
}

/**
 * One page of `GET /2/users/:id/mentions` (newest first), with the authors expanded
 * (`expansions=author_id`); the cursor is X's `meta.next_token`, passed back as
 * `pagination_token`, and `null` when X sends none. @internal
 */
export async function doListMentions(input: ListMentionsInput, context: AdapterContext): Promise<Page<Mention>> {
  const limit = Math.min(PAGE_MAX, Math.max(PAGE_MIN, Math.trunc(input.limit ?? PAGE_MAX)));
  const response = await context.http.request({
    path: `/2/users/${encodeURIComponent(context.account.id)}/mentions`,
    searchParams: {
      max_results: limit,
      // X's OpenAPI: `author_id`, `in_reply_to_user_id` and `referenced_posts` are expansions, not `post.fields` values.
      'post.fields': 'created_at,conversation_id,lang',
      expansions: 'author_id,in_reply_to_user_id,referenced_posts',
      'user.fields': 'username,name,public_metrics',
      ...(input.cursor ? { pagination_token: input.cursor } : {}),
    },
    bucket: X_BUCKETS.mentions,
    signal: context.signal,
  });
  const page = parseApiResponse(XTweetPageSchema, response, 'x', 'GET /2/users/:id/mentions');
  const users = new Map((page.includes?.users ?? []).map((user) => [user.id, user]));
  const kinds = input.kinds;
  const items = (page.data ?? [])
    .map((tweet) => toMention(tweet, tweet.author_id ? users.get(tweet.author_id) : undefined, context))
    .filter((mention) => kinds === undefined || kinds.includes(mention.kind));
  return { items, nextCursor: page.meta?.next_token ?? null };
}
