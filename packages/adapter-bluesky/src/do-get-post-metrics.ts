import { pickMetrics, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { ValidationError } from '@smm/core/adapter-kit';
import type { CanonicalMetric, PostRef } from '@smm/core/adapter-kit';
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

/**
 * A post's counts from `app.bsky.feed.getPosts`: likes, reposts, replies, quotes and (on
 * AppViews that report it) bookmarks. Bluesky reports no impressions or reach.
 *
 * @throws ValidationError when the post does not exist.
 * @internal
 */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext): Promise<MetricSnapshotOutput> {
  parsePostUri(post.id);
  const view = (await getPostViews([post.id], context)).get(post.id);
  if (!view) {
    throw new ValidationError('Bluesky post reference', [
      { path: ['post', 'id'], code: 'post_not_found', message: `there is no post ${post.id} (deleted, or never published)` },
    ]);
  }
  return { metrics: pickMetrics(view, BLUESKY_POST_METRICS) };
}
