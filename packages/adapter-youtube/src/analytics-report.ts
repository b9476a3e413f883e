import { z } from 'zod';
import { ApiCallError, AuthError, parseApiResponse, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { QUOTA_TIME_ZONE } from './quota.js';

/**
 * The YouTube Analytics API v2 metrics the adapter asks for
 * (https://developers.google.com/youtube/analytics/metrics) and where each goes: watch time as
 * canonical `watchTimeMs` (the API reports minutes), shares as canonical `shares`; the average
 * view duration (seconds) and subscribers gained and lost through the video (or channel) have no
 * canonical name and go under `extra`. Views, likes and comments come from the Data API's
 * statistics, which are current; Analytics figures lag by a day or two.
 *
 * @example
 * ```ts
 * YOUTUBE_ANALYTICS_METRICS.estimatedMinutesWatched; // { canonical: 'watchTimeMs', factor: 60000 }
 * ```
 */
export const YOUTUBE_ANALYTICS_METRICS = {
  estimatedMinutesWatched: { canonical: 'watchTimeMs', factor: 60_000 },
  shares: { canonical: 'shares', factor: 1 },
  averageViewDuration: { extra: true },
  subscribersGained: { extra: true },
  subscribersLost: { extra: true },
} as const satisfies Record<string, AnalyticsMapping>;

type MetricKey = keyof MetricSnapshotOutput['metrics'];
/** A canonical metric (scaled by `factor`), or a figure kept under `extra` with its own name. */
type AnalyticsMapping = { canonical: MetricKey; factor: number } | { extra: true };

/** The OAuth scope the Analytics API needs (https://developers.google.com/youtube/analytics/reference/reports/query). */
export const YOUTUBE_ANALYTICS_SCOPE = 'https://www.googleapis.com/auth/yt-analytics.readonly';

// Before YouTube existed (founded February 2005): the report then covers the video's or channel's whole life.
const LIFETIME_START = '2005-02-01';

// https://developers.google.com/youtube/analytics/reference/reports/query#response: columnHeaders name the row's columns, in order.
const ResultTableSchema = z.object({
  columnHeaders: z.array(z.object({ name: z.string() }).loose()),
  rows: z.array(z.array(z.union([z.number(), z.string()]))).optional(),
});

/** Where the Analytics API is and which accounts were already warned that it refused them. @internal */
export interface AnalyticsState {
  baseUrl: string;
  warned: Set<string>;
}

/** Today's date in YYYY-MM-DD as YouTube Analytics counts days (Pacific Time). */
function pacificDate(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: QUOTA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/**
 * Lifetime Analytics figures of one video (or the channel without `videoId`), as canonical
 * metrics and `extra`: `GET /v2/reports?ids=channel==MINE&startDate&endDate&metrics[&filters=video==ID]`.
 * The Analytics API has its own quota, so nothing is spent from the Data API's units. A 403
 * (the `yt-analytics.readonly` scope not granted, or the channel not eligible) gives nothing and
 * a warning, once per account; the metrics stay absent. A report without rows (no data yet) gives
 * nothing either. @internal
 */
export async function fetchAnalytics(
  context: AdapterContext,
  state: AnalyticsState,
  videoId?: string,
): Promise<Pick<MetricSnapshotOutput, 'metrics' | 'extra'>> {
  const names = Object.keys(YOUTUBE_ANALYTICS_METRICS) as Array<keyof typeof YOUTUBE_ANALYTICS_METRICS>;
  let response;
  try {
    response = await context.http.request({
      method: 'GET',
      path: `${state.baseUrl}/v2/reports`,
      searchParams: {
        ids: 'channel==MINE',
        startDate: LIFETIME_START,
        endDate: pacificDate(context.clock.now()),
        metrics: names.join(','),
        filters: videoId === undefined ? undefined : `video==${videoId}`,
      },
      // Its own bucket: the Data API's daily units are not spent.
      bucket: 'analytics',
      signal: context.signal,
    });
  } catch (error) {
    const refused = (AuthError.isInstance(error) || ApiCallError.isInstance(error)) && error.status === 403;
    if (!refused) throw error;
    if (!state.warned.has(context.account.id)) {
      state.warned.add(context.account.id);
      context.logger.warn(
        `YouTube Analytics refused channel ${context.account.id} (403): reporting Data API statistics only. ` +
          `Reconnect the channel with the ${YOUTUBE_ANALYTICS_SCOPE} scope, or set analytics: false.`,
        { platform: 'youtube', accountId: context.account.id },
      );
    }
    return { metrics: {} };
  }
  const table = parseApiResponse(ResultTableSchema, response, 'youtube', 'GET youtubeAnalytics.reports.query');
  const row = table.rows?.[0];
  const metrics: MetricSnapshotOutput['metrics'] = {};
  const extra: NonNullable<MetricSnapshotOutput['extra']> = {};
  if (!row) return { metrics };
  table.columnHeaders.forEach(({ name }, index) => {
    const value = Number(row[index]);
    const mapping: AnalyticsMapping | undefined = (YOUTUBE_ANALYTICS_METRICS as Record<string, AnalyticsMapping>)[name];
    if (!mapping || !Number.isFinite(value) || value < 0) return;
    const platformName = `analytics.${name}`;
    if ('canonical' in mapping) metrics[mapping.canonical] = { value: value * mapping.factor, platformName };
    else extra[name] = { value, platformName };
  });
  return Object.keys(extra).length > 0 ? { metrics, extra } : { metrics };
}
