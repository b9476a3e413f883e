import {
  parseApiResponse,
  pickMetrics,
  type AdapterContext,
  type PublicAccountInput,
  type PublicAccountOutput,
} from '@smm/core/adapter-kit';
import { z } from 'zod';
import { ProfileSchema, PostViewSchema } from './api-schemas.js';
import { parsePostUri, postWebUrl } from './at-uri.js';
import { BLUESKY_ACCOUNT_METRICS } from './do-get-account-metrics.js';
import { BLUESKY_POST_METRICS } from './do-get-post-metrics.js';

/** How many recent posts are read: one page, the lexicon's largest `limit`. */
export const BLUESKY_PUBLIC_POSTS_READ = 100;

// `app.bsky.feed.defs#feedViewPost`: a repost or a pinned post carries a `reason`.
const AuthorFeedSchema = z.object({
  feed: z.array(z.object({ post: PostViewSchema, reason: z.object({ $type: z.string().optional() }).loose().optional() }).loose()),
  cursor: z.string().optional(),
});

/**
 * Any account's public profile and counts, and its last posts with their counts:
 * `app.bsky.actor.getProfile` (https://docs.bsky.app/docs/api/app-bsky-actor-get-profile;
 * `followersCount`, `followsCount`, `postsCount`) and one page of `app.bsky.feed.getAuthorFeed`
 * (https://docs.bsky.app/docs/api/app-bsky-feed-get-author-feed) with `filter=posts_no_replies`;
 * reposts (items with a `reason`) are left out, they are not the account's posts. @internal
 */
export async function doGetPublicAccount(
  input: PublicAccountInput,
  context: AdapterContext,
  settings: { webUrl: string },
): Promise<PublicAccountOutput> {
  const actor = input.handle ?? input.id!; // getProfile and getAuthorFeed take a handle or a DID
  const profileResponse = await context.http.request({
    path: '/xrpc/app.bsky.actor.getProfile',
    searchParams: { actor },
    signal: context.signal,
  });
  const profile = parseApiResponse(ProfileSchema, profileResponse, 'bluesky', 'GET app.bsky.actor.getProfile');
  const feedResponse = await context.http.request({
    path: '/xrpc/app.bsky.feed.getAuthorFeed',
    searchParams: { actor: profile.did, limit: BLUESKY_PUBLIC_POSTS_READ, filter: 'posts_no_replies' },
    signal: context.signal,
  });
  const feed = parseApiResponse(AuthorFeedSchema, feedResponse, 'bluesky', 'GET app.bsky.feed.getAuthorFeed');
  const displayName = typeof profile.displayName === 'string' && profile.displayName !== '' ? profile.displayName : undefined;
  return {
    account: { platform: 'bluesky', id: profile.did, handle: profile.handle, ...(displayName ? { displayName } : {}) },
    metrics: pickMetrics(profile, BLUESKY_ACCOUNT_METRICS),
    recentPosts: feed.feed
      .filter((item) => item.reason === undefined && item.post.author.did === profile.did)
      .map(({ post }) => ({
        id: post.uri,
        publishedAt: new Date(post.record.createdAt).toISOString(),
        url: postWebUrl(settings.webUrl, profile.handle, parsePostUri(post.uri).rkey),
        metrics: pickMetrics(post, BLUESKY_POST_METRICS),
      })),
  };
}
