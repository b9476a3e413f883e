import { parseApiResponse, pickMetrics, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { PageCountersSchema } from './api-schemas.js';
import { graphTimeMs } from './find-post.js';
import { readInsights } from './insights.js';

/**
 * Page metrics: canonical name → Graph's name. `followers_count` is a field of the Page node;
 * views and reach are Page insights over the last 28 days (`period=days_28`), the metrics that
 * replaced `page_impressions*` and `page_fans` on 15 November 2025
 * (https://developers.facebook.com/documentation/pages-api/changelog/). @internal
 */
export const FACEBOOK_ACCOUNT_METRICS = {
  followers: 'followers_count',
  views: 'page_media_view',
  reach: 'page_total_media_view_unique',
} as const;

const DAYS_28 = 28 * 86_400_000;

/**
 * Reads the Page's follower count (`GET /{page-id}?fields=followers_count`) and its 28-day
 * insights; the snapshot's window is the 28 days ending at the insight's `end_time`.
 * @internal
 */
export async function doGetAccountMetrics(context: AdapterContext, apiVersion: string): Promise<MetricSnapshotOutput> {
  const pageId = context.account.id;
  const response = await context.http.request({
    path: graphPath(apiVersion, pageId),
    searchParams: { fields: 'followers_count' },
    signal: context.signal,
  });
  const page = parseApiResponse(PageCountersSchema, response, 'facebook', 'GET /{page-id}');
  const { values, endTime } = await readInsights(
    pageId,
    ['page_media_view', 'page_total_media_view_unique'],
    'days_28',
    context,
    apiVersion,
  );
  const metrics = pickMetrics(
    { ...values, ...(page.followers_count !== undefined ? { followers_count: page.followers_count } : {}) },
    FACEBOOK_ACCOUNT_METRICS,
  );
  const end = endTime ? graphTimeMs(endTime) : undefined;
  // The window covers the 28-day insights only; followers is a count now. Without insights there is no window.
  return {
    metrics,
    ...(end !== undefined && Number.isFinite(end) && (metrics.views || metrics.reach)
      ? { window: { start: new Date(end - DAYS_28).toISOString(), end: new Date(end).toISOString() } }
      : {}),
  };
}
