import { parseApiResponse, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { ValidationError } from '@smm/core/errors';
import type { CanonicalMetric, MetricValue, PostRef } from '@smm/core/model';
import { ProfileSchema } from './api-schemas.js';
import { parsePostUri } from './at-uri.js';
import { getPostViews } from './read-posts.js';

/** Canonical metric ← the AppView's count on a post view. */
export const BLUESKY_POST_METRICS = {
  likes: 'likeCount',
  shares: 'repostCount',
  comments: 'replyCount',
  quotes: 'quoteCount',
  saves: 'bookmarkCount',
} as const satisfies Partial<Record<CanonicalMetric, string>>;

/** Canonical metric ← the count on a profile view. */
export const BLUESKY_ACCOUNT_METRICS = {
  followers: 'followersCount',
  following: 'followsCount',
  posts: 'postsCount',
} as const satisfies Partial<Record<CanonicalMetric, string>>;

/** Picks the counts a view reported, by canonical name with the view's name as provenance; missing counts stay absent. */
function pick(
  view: Record<string, unknown>,
  names: Partial<Record<CanonicalMetric, string>>,
): Partial<Record<CanonicalMetric, MetricValue>> {
  const metrics: Partial<Record<CanonicalMetric, MetricValue>> = {};
  for (const [metric, platformName] of Object.entries(names) as Array<[CanonicalMetric, string]>) {
    const value = view[platformName];
    if (typeof value === 'number') metrics[metric] = { value, platformName };
  }
  return metrics;
}

/**
 * A post's counts from `app.bsky.feed.getPosts`: likes, reposts, replies, quotes and (on
 * AppViews that report it) bookmarks. Bluesky reports no impressions or reach.
 *
 * @throws ValidationError when the post does not exist.
 * @internal
 */
export async function getPostMetrics(post: PostRef, context: AdapterContext): Promise<MetricSnapshotOutput> {
  parsePostUri(post.id);
  const view = (await getPostViews([post.id], context)).get(post.id);
  if (!view) {
    throw new ValidationError('Bluesky post reference', [
      { path: ['post', 'id'], code: 'post_not_found', message: `there is no post ${post.id} (deleted, or never published)` },
    ]);
  }
  return { metrics: pick(view, BLUESKY_POST_METRICS) };
}

/**
 * The account's counts from `app.bsky.actor.getProfile`: followers, follows and posts.
 * @internal
 */
export async function getAccountMetrics(context: AdapterContext): Promise<MetricSnapshotOutput> {
  const response = await context.http.request({
    path: '/xrpc/app.bsky.actor.getProfile',
    searchParams: { actor: context.account.id },
    signal: context.signal,
  });
  const profile = parseApiResponse(ProfileSchema, response, 'bluesky', 'GET app.bsky.actor.getProfile');
  return { metrics: pick(profile, BLUESKY_ACCOUNT_METRICS) };
}
