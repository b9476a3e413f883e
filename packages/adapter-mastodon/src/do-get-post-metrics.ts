import { parseApiResponse, pickMetrics, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import type { CanonicalMetric, PostRef } from '@smm/core/adapter-kit';
import { StatusSchema } from './api-schemas.js';

/**
 * Canonical post metrics and the `Status` field each comes from. `quotes_count` exists only on
 * Mastodon 4.5+; there are no impressions, reach or clicks on Mastodon.
 *
 * @example
 * ```ts
 * MASTODON_POST_METRICS.likes; // 'favourites_count'
 * ```
 */
export const MASTODON_POST_METRICS = {
  likes: 'favourites_count',
  shares: 'reblogs_count',
  comments: 'replies_count',
  quotes: 'quotes_count',
} as const satisfies Partial<Record<CanonicalMetric, string>>;

/** A status's counts (`GET /api/v1/statuses/:id`) as canonical metrics. @internal */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext): Promise<MetricSnapshotOutput> {
  const response = await context.http.request({ path: `/api/v1/statuses/${encodeURIComponent(post.id)}`, signal: context.signal });
  const status = parseApiResponse(StatusSchema, response, 'mastodon', 'GET /api/v1/statuses/:id');
  return { metrics: pickMetrics(status, MASTODON_POST_METRICS) };
}
