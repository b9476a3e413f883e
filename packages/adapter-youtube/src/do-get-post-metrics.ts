import { UnsupportedFeatureError, type AdapterContext, type MetricSnapshotOutput, type PostRef } from '@smm/core/adapter-kit';
import { callYouTube } from './api-call.js';
import { fetchAnalytics, type AnalyticsState } from './analytics-report.js';
import { VideoListSchema, isVideoId } from './api-schemas.js';

/**
 * How YouTube's video statistics map to canonical metrics
 * (https://developers.google.com/youtube/v3/docs/videos#statistics). `favoriteCount` is
 * deprecated and always 0, and `dislikeCount` is private: neither is reported.
 *
 * @example
 * ```ts
 * YOUTUBE_POST_METRICS.viewCount; // 'videoViews'
 * ```
 */
export const YOUTUBE_POST_METRICS = { viewCount: 'videoViews', likeCount: 'likes', commentCount: 'comments' } as const;

/**
 * A video's statistics: `videos.list?part=statistics` (1 unit). A count YouTube leaves out (hidden
 * likes) is absent. With `analytics` (the Analytics state), its lifetime Analytics figures are added. @internal
 */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext, analytics?: AnalyticsState): Promise<MetricSnapshotOutput> {
  if (!isVideoId(post.id))
    throw new UnsupportedFeatureError('YouTube reports statistics for videos, not comments', {
      feature: 'postMetrics',
      platform: 'youtube',
    });
  const { items } = await callYouTube(context, 'videos.list', { searchParams: { part: 'statistics', id: post.id } }, VideoListSchema);
  const statistics = items[0]?.statistics ?? {};
  const metrics: MetricSnapshotOutput['metrics'] = {};
  for (const [name, canonical] of Object.entries(YOUTUBE_POST_METRICS) as Array<
    [keyof typeof YOUTUBE_POST_METRICS, (typeof YOUTUBE_POST_METRICS)[keyof typeof YOUTUBE_POST_METRICS]]
  >) {
    const value = statistics[name];
    if (typeof value === 'number') metrics[canonical] = { value, platformName: `statistics.${name}` };
  }
  if (!analytics) return { metrics };
  const added = await fetchAnalytics(context, analytics, post.id);
  return { ...added, metrics: { ...metrics, ...added.metrics } };
}
