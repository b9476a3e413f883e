import { ApiCallError, type AdapterContext, type MetricSnapshotOutput, type PostRef } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { InsightsSchema } from './api-schemas.js';
import { readObject, type InstagramCallConfig } from './graph-call.js';

/**
 * Canonical metrics from Instagram's media insights, by Meta's names
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
 * `impressions`, `plays`, `clips_replays_count`, `ig_reels_aggregated_all_plays_count` (deprecated in
 * v22.0 and for all versions from 21 April 2025) and `video_views` (deprecated earlier) are never
 * asked for: `impressions` and `videoViews` stay absent, `views` replaces them.
 *
 * @example
 * ```ts
 * INSTAGRAM_POST_METRICS.saves; // 'saved'
 * ```
 */
export const INSTAGRAM_POST_METRICS = {
  reach: 'reach',
  views: 'views',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saves: 'saved',
  profileVisits: 'profile_visits',
  watchTimeMs: 'ig_reels_video_view_total_time',
} as const;

type Metric = keyof typeof INSTAGRAM_POST_METRICS;

// Which metrics each media product type serves (asking for another is an error, code 100).
const BY_PRODUCT_TYPE: Record<string, readonly Metric[]> = {
  FEED: ['reach', 'views', 'likes', 'comments', 'shares', 'saves', 'profileVisits'],
  REELS: ['reach', 'views', 'likes', 'comments', 'shares', 'saves', 'watchTimeMs'],
  STORY: ['reach', 'views', 'shares', 'profileVisits'],
};

const ProductTypeSchema = z.object({ id: z.string(), media_product_type: z.string().optional() });

/**
 * A media's lifetime insights (`GET /<IG_MEDIA_ID>/insights?metric=…`), asking only for what its
 * product type serves. Meta answers code 10 for media with too few viewers ("Not enough viewers
 * for the media to show insights"): then no metric is reported (absent, not 0).
 * @internal
 */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext, config: InstagramCallConfig): Promise<MetricSnapshotOutput> {
  const id = encodeURIComponent(post.id);
  const node = await readObject(context, config, id, { fields: 'id,media_product_type' }, ProductTypeSchema, 'GET /{ig-media-id}');
  const wanted = BY_PRODUCT_TYPE[node.media_product_type ?? 'FEED'] ?? BY_PRODUCT_TYPE.FEED!;
  const byName = new Map(wanted.map((metric) => [INSTAGRAM_POST_METRICS[metric], metric] as const));
  let insights: z.infer<typeof InsightsSchema>;
  try {
    insights = await readObject(
      context,
      config,
      `${id}/insights`,
      { metric: [...byName.keys()].join(',') },
      InsightsSchema,
      'GET /{ig-media-id}/insights',
    );
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.platformCode === 10) return { metrics: {} };
    throw error;
  }
  const metrics: MetricSnapshotOutput['metrics'] = {};
  for (const entry of insights.data) {
    const metric = byName.get(entry.name as (typeof INSTAGRAM_POST_METRICS)[Metric]);
    const value = entry.values?.[0]?.value ?? entry.total_value?.value;
    if (metric && value !== undefined) metrics[metric] = { value, platformName: entry.name };
  }
  return { metrics };
}
