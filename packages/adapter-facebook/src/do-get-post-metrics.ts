import { parseApiResponse, pickMetrics, type AdapterContext, type MetricSnapshotOutput, type PostRef } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { PagePostSchema } from './api-schemas.js';
import { readInsights } from './insights.js';

/**
 * Post metrics: canonical name → Graph's name. Insights (`period=lifetime`) only for metrics
 * Meta still serves after the 2025 deprecations
 * (https://developers.facebook.com/documentation/pages-api/changelog/: `post_impressions*` are gone,
 * `post_media_view` / `post_total_media_view_unique` replace them); comments and shares are the
 * post's own counters (`comments.summary(true)`, `shares`). @internal
 */
export const FACEBOOK_POST_METRICS = {
  views: 'post_media_view',
  reach: 'post_total_media_view_unique',
  clicks: 'post_clicks',
  likes: 'post_reactions_like_total',
  videoViews: 'post_video_views',
  comments: 'comments.summary.total_count',
  shares: 'shares.count',
} as const;

const INSIGHTS = ['post_media_view', 'post_total_media_view_unique', 'post_clicks', 'post_reactions_like_total', 'post_video_views'];

/**
 * Reads a post's insights (`GET /{post-id}/insights`) and counters (`GET /{post-id}?fields=comments.summary(true).limit(0),shares`)
 * into canonical metrics with Graph's names as provenance; what Graph does not report is absent.
 * `post_video_views` is reported for video posts only.
 * @internal
 */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext, apiVersion: string): Promise<MetricSnapshotOutput> {
  const { values } = await readInsights(post.id, INSIGHTS, 'lifetime', context, apiVersion);
  const response = await context.http.request({
    path: graphPath(apiVersion, post.id),
    searchParams: { fields: 'comments.summary(true).limit(0),shares' },
    signal: context.signal,
  });
  const counters = parseApiResponse(
    PagePostSchema.pick({ id: true, comments: true, shares: true }),
    response,
    'facebook',
    'GET /{post-id}',
  );
  const total = counters.comments?.summary?.total_count;
  const source: Record<string, unknown> = {
    ...values,
    ...(total !== undefined ? { 'comments.summary.total_count': total } : {}),
    ...(counters.shares ? { 'shares.count': counters.shares.count } : {}),
  };
  return { metrics: pickMetrics(source, FACEBOOK_POST_METRICS) };
}
