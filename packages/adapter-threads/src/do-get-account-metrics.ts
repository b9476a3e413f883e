import { parseApiResponse, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { InsightsSchema } from './api-schemas.js';
import { insightsToSnapshot } from './insights.js';

/**
 * Threads user insights by canonical name (https://developers.facebook.com/documentation/threads/insights,
 * "User Insights"): `views` (profile views, a daily series summed over the window) →
 * profileVisits, `likes`, `replies` → comments, `reposts` → shares, `quotes`, `clicks` (on links
 * in the posts) → linkClicks, `followers_count` → followers (the current total).
 *
 * @example
 * ```ts
 * THREADS_ACCOUNT_METRICS.followers; // 'followers_count'
 * ```
 */
export const THREADS_ACCOUNT_METRICS = {
  profileVisits: 'views',
  likes: 'likes',
  comments: 'replies',
  shares: 'reposts',
  quotes: 'quotes',
  linkClicks: 'clicks',
  followers: 'followers_count',
} as const;

const CANONICAL = Object.fromEntries(Object.entries(THREADS_ACCOUNT_METRICS).map(([canonical, name]) => [name, canonical])) as Record<
  string,
  keyof typeof THREADS_ACCOUNT_METRICS
>;

/** The default window: the last 7 days. */
const WINDOW_MS = 7 * 86_400_000;
/** User insights do not go back before 13 April 2024 (Unix 1712991600, "Limitations"). */
const EARLIEST_SEC = 1_712_991_600;

/**
 * Reads `GET /{threads-user-id}/threads_insights?metric=…&since=…&until=…` over the last 7 days
 * (needs `threads_manage_insights`); metrics Threads leaves out stay absent.
 * @internal
 */
export async function doGetAccountMetrics(context: AdapterContext, apiVersion: string): Promise<MetricSnapshotOutput> {
  const now = context.clock.now();
  const until = Math.floor(now / 1000);
  const since = Math.max(EARLIEST_SEC, Math.floor((now - WINDOW_MS) / 1000));
  const response = await context.http.request({
    path: graphPath(apiVersion, `${context.account.id}/threads_insights`),
    searchParams: { metric: Object.values(THREADS_ACCOUNT_METRICS).join(','), since, until },
    signal: context.signal,
  });
  const snapshot = insightsToSnapshot(
    parseApiResponse(InsightsSchema, response, 'threads', 'GET /{threads-user-id}/threads_insights'),
    CANONICAL,
  );
  return { ...snapshot, window: { start: new Date(since * 1000).toISOString(), end: new Date(until * 1000).toISOString() } };
}
