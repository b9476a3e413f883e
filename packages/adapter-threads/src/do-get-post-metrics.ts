import { parseApiResponse, type AdapterContext, type MetricSnapshotOutput, type PostRef } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { InsightsSchema } from './api-schemas.js';
import { insightsToSnapshot } from './insights.js';

/**
 * Threads media insights by canonical name (https://developers.facebook.com/documentation/threads/insights,
 * "Media Insights"): `views` (times the post was displayed or played), `likes`, `replies` →
 * comments, `reposts` → shares (as for X and Bluesky), `quotes`. Threads' own `shares` (sends)
 * has no canonical name and goes under `extra.shares`.
 *
 * @example
 * ```ts
 * THREADS_POST_METRICS.shares; // 'reposts'
 * ```
 */
export const THREADS_POST_METRICS = { views: 'views', likes: 'likes', comments: 'replies', shares: 'reposts', quotes: 'quotes' } as const;

const CANONICAL = Object.fromEntries(Object.entries(THREADS_POST_METRICS).map(([canonical, name]) => [name, canonical])) as Record<
  string,
  keyof typeof THREADS_POST_METRICS
>;

/**
 * Reads `GET /{threads-media-id}/insights?metric=views,likes,replies,reposts,quotes,shares`
 * (needs `threads_manage_insights`); metrics Threads leaves out stay absent.
 * @internal
 */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext, apiVersion: string): Promise<MetricSnapshotOutput> {
  const response = await context.http.request({
    path: graphPath(apiVersion, `${encodeURIComponent(post.id)}/insights`),
    searchParams: { metric: [...Object.values(THREADS_POST_METRICS), 'shares'].join(',') },
    signal: context.signal,
  });
  return insightsToSnapshot(parseApiResponse(InsightsSchema, response, 'threads', 'GET /{threads-media-id}/insights'), CANONICAL, [
    'shares',
  ]);
}
