import type { AdapterContext, MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { callYouTube } from './api-call.js';
import { fetchAnalytics, type AnalyticsState } from './analytics-report.js';
import { ChannelListSchema } from './api-schemas.js';

/**
 * How a channel's statistics map to canonical metrics (https://developers.google.com/youtube/v3/docs/channels#statistics).
 *
 * @example
 * ```ts
 * YOUTUBE_ACCOUNT_METRICS.subscriberCount; // 'followers'
 * ```
 */
export const YOUTUBE_ACCOUNT_METRICS = { subscriberCount: 'followers', videoCount: 'posts', viewCount: 'videoViews' } as const;

/**
 * The channel's statistics: `channels.list?mine=true&part=statistics` (1 unit). A hidden
 * subscriber count (`hiddenSubscriberCount`) is left out, never reported as 0. With `analytics`
 * (the Analytics state), the channel's lifetime Analytics figures are added. @internal
 */
export async function doGetAccountMetrics(context: AdapterContext, analytics?: AnalyticsState): Promise<MetricSnapshotOutput> {
  const { items } = await callYouTube(context, 'channels.list', { searchParams: { part: 'statistics', mine: 'true' } }, ChannelListSchema);
  const statistics = items[0]?.statistics ?? {};
  const metrics: MetricSnapshotOutput['metrics'] = {};
  for (const [name, canonical] of Object.entries(YOUTUBE_ACCOUNT_METRICS) as Array<
    [keyof typeof YOUTUBE_ACCOUNT_METRICS, (typeof YOUTUBE_ACCOUNT_METRICS)[keyof typeof YOUTUBE_ACCOUNT_METRICS]]
  >) {
    const value = statistics[name];
    if (name === 'subscriberCount' && statistics.hiddenSubscriberCount) continue;
    if (typeof value === 'number') metrics[canonical] = { value, platformName: `statistics.${name}` };
  }
  if (!analytics) return { metrics };
  const added = await fetchAnalytics(context, analytics);
  return { ...added, metrics: { ...metrics, ...added.metrics } };
}
