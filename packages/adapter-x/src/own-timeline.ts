import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { XTweetPageSchema, type XTweet } from './api-schemas.js';
import { comparableText } from './post-text.js';
import { X_BUCKETS } from './rate-limits.js';

/**
 * The account's own recent posts, newest first, from `GET /2/users/:id/tweets` (`start_time`,
 * 100 per page, `pagination_token`), at most `maxPages` pages. @internal
 */
export async function readOwnTimeline(context: AdapterContext, since: string, maxPages: number): Promise<XTweet[]> {
  const tweets: XTweet[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const response = await context.http.request({
      path: `/2/users/${encodeURIComponent(context.account.id)}/tweets`,
      searchParams: {
        max_results: 100,
        start_time: since,
        exclude: 'retweets',
        'post.fields': 'created_at,conversation_id,attachments',
        expansions: 'referenced_posts',
        ...(token ? { pagination_token: token } : {}),
      },
      bucket: X_BUCKETS.timeline,
      signal: context.signal,
    });
    const body = parseApiResponse(XTweetPageSchema, response, 'x', 'GET /2/users/:id/tweets');
    tweets.push(...(body.data ?? []));
    token = body.meta?.next_token;
    if (!token) break;
  }
  return tweets;
}

/** The post a tweet replies to, if any. @internal */
export function repliedTo(tweet: XTweet): string | undefined {
  return tweet.referenced_posts?.find((reference) => reference.type === 'replied_to')?.id;
}

/**
 * Finds, among `tweets` (newest first), the newest one at this place (replying to `parentId`,
 * or to nothing when it is undefined) that carries `mediaKey` when one is given (a media id is
 * used by one post only, so it recognises even a media-only post), else has this text
 * (compared as X returns text). @internal
 */
export function findPostAt(tweets: readonly XTweet[], text: string, parentId: string | undefined, mediaKey?: string): XTweet | undefined {
  if (mediaKey !== undefined) {
    return tweets.find((tweet) => repliedTo(tweet) === parentId && tweet.attachments?.media_keys?.includes(mediaKey));
  }
  const wanted = comparableText(text);
  if (wanted === '') return undefined; // a media-only post has no text to recognise it by
  return tweets.find((tweet) => repliedTo(tweet) === parentId && comparableText(tweet.text) === wanted);
}

/**
 * Follows a chain of texts (a post and its thread parts) through `tweets`: the first must sit
 * at `rootParentId`, each next one must reply to the one before. A part with media keys
 * (`mediaKeys[i]`) is recognised by its first one. Returns the ids found, in
 * order, stopping at the first part not found. @internal
 */
export function findChain(
  tweets: readonly XTweet[],
  texts: readonly string[],
  rootParentId: string | undefined,
  mediaKeys: ReadonlyArray<readonly string[]> = [],
): string[] {
  const ids: string[] = [];
  let parent = rootParentId;
  for (const [index, text] of texts.entries()) {
    const match = findPostAt(tweets, text, parent, mediaKeys[index]?.[0]);
    if (!match) break;
    ids.push(match.id);
    parent = match.id;
  }
  return ids;
}
