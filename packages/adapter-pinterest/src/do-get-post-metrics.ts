import { parseApiResponse, pickMetrics, type AdapterContext, type MetricSnapshotOutput, type PostRef } from '@smm/core/adapter-kit';
import { analyticsWindow } from './analytics-window.js';
import { AnalyticsSchema } from './api-schemas.js';
import { PINTEREST_BUCKETS } from './rate-limits.js';

/**
 * Canonical metrics from Pinterest's pin metric types (`metric_types` of
 * https://developers.pinterest.com/docs/api/v5/pins-analytics; VIDEO_MRC_VIEW is video views).
 *
 * @example
 * ```ts
 * PINTEREST_POST_METRICS.saves; // 'SAVE'
 * ```
 */
export const PINTEREST_POST_METRICS = {
  impressions: 'IMPRESSION',
  saves: 'SAVE',
  clicks: 'PIN_CLICK',
  linkClicks: 'OUTBOUND_CLICK',
  videoViews: 'VIDEO_MRC_VIEW',
  comments: 'TOTAL_COMMENTS',
  likes: 'TOTAL_REACTIONS',
} as const;

/**
 * A pin's metrics over the last 90 days (`GET /v5/pins/{pin_id}/analytics`, `summary_metrics`
 * of `all`); a metric Pinterest does not report for the pin (outbound clicks without a link,
 * video views of an image) stays absent.
 * @internal
 */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext): Promise<MetricSnapshotOutput> {
  const window = analyticsWindow(context.clock.now());
  const response = await context.http.request({
    path: `/v5/pins/${encodeURIComponent(post.id)}/analytics`,
    searchParams: { ...window, metric_types: Object.values(PINTEREST_POST_METRICS).join(',') },
    bucket: PINTEREST_BUCKETS.analytics,
    signal: context.signal,
  });
  const analytics = parseApiResponse(AnalyticsSchema, response, 'pinterest', 'GET /v5/pins/{pin_id}/analytics');
  return { metrics: pickMetrics(analytics.all?.summary_metrics ?? {}, PINTEREST_POST_METRICS) };
}
