import { parseApiResponse, pickMetrics, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { analyticsWindow } from './analytics-window.js';
import { AccountSchema, AnalyticsSchema } from './api-schemas.js';
import { PINTEREST_BUCKETS } from './rate-limits.js';

/**
 * Canonical account metrics: counts from `GET /v5/user_account`
 * (https://developers.pinterest.com/docs/api/v5/user_account-get) and totals over the last 90
 * days from `GET /v5/user_account/analytics` (https://developers.pinterest.com/docs/api/v5/user_account-analytics).
 *
 * @example
 * ```ts
 * PINTEREST_ACCOUNT_METRICS.followers; // 'follower_count'
 * ```
 */
export const PINTEREST_ACCOUNT_METRICS = {
  followers: 'follower_count',
  following: 'following_count',
  posts: 'pin_count',
  impressions: 'IMPRESSION',
  saves: 'SAVE',
  clicks: 'PIN_CLICK',
  linkClicks: 'OUTBOUND_CLICK',
} as const;

/** The account's counts and 90-day totals. @internal */
export async function doGetAccountMetrics(context: AdapterContext): Promise<MetricSnapshotOutput> {
  const accountResponse = await context.http.request({ path: '/v5/user_account', bucket: PINTEREST_BUCKETS.read, signal: context.signal });
  const account = parseApiResponse(AccountSchema, accountResponse, 'pinterest', 'GET /v5/user_account');
  const analyticsResponse = await context.http.request({
    path: '/v5/user_account/analytics',
    searchParams: { ...analyticsWindow(context.clock.now()), metric_types: 'IMPRESSION,SAVE,PIN_CLICK,OUTBOUND_CLICK' },
    bucket: PINTEREST_BUCKETS.analytics,
    signal: context.signal,
  });
  const analytics = parseApiResponse(AnalyticsSchema, analyticsResponse, 'pinterest', 'GET /v5/user_account/analytics');
  return { metrics: pickMetrics({ ...account, ...(analytics.all?.summary_metrics ?? {}) }, PINTEREST_ACCOUNT_METRICS) };
}
