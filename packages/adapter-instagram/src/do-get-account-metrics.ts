import { pickMetrics, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { InsightsSchema, UserSchema } from './api-schemas.js';
import { readObject, type InstagramCallConfig } from './graph-call.js';

/**
 * Canonical account metrics: profile counts from the IG User node
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user) and
 * the last day's `reach` and `views` from account insights with `metric_type=total_value`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/insights;
 * the account `impressions` metric is deprecated like the media one).
 *
 * @example
 * ```ts
 * INSTAGRAM_ACCOUNT_METRICS.followers; // 'followers_count'
 * ```
 */
export const INSTAGRAM_ACCOUNT_METRICS = {
  followers: 'followers_count',
  following: 'follows_count',
  posts: 'media_count',
  reach: 'reach',
  views: 'views',
} as const;

/** The account's metrics now. @internal */
export async function doGetAccountMetrics(context: AdapterContext, config: InstagramCallConfig): Promise<MetricSnapshotOutput> {
  const id = encodeURIComponent(context.account.id);
  const user = await readObject(
    context,
    config,
    id,
    { fields: 'id,followers_count,follows_count,media_count' },
    UserSchema,
    'GET /{ig-user-id}',
  );
  const insights = await readObject(
    context,
    config,
    `${id}/insights`,
    { metric: 'reach,views', period: 'day', metric_type: 'total_value' },
    InsightsSchema,
    'GET /{ig-user-id}/insights',
  );
  const totals = Object.fromEntries(insights.data.flatMap((entry) => (entry.total_value ? [[entry.name, entry.total_value.value]] : [])));
  return {
    metrics: pickMetrics({ ...user, ...totals }, INSTAGRAM_ACCOUNT_METRICS),
  };
}
