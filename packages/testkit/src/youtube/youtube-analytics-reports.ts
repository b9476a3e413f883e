import { json, type SimRequest } from '../simulator/index.js';

/**
 * The metrics the simulated Analytics API serves, from Google's metrics page
 * (https://developers.google.com/youtube/analytics/metrics): counts, watch time in minutes and
 * the average view duration in seconds.
 */
export const YOUTUBE_ANALYTICS_SIM_METRICS = [
  'views',
  'estimatedMinutesWatched',
  'averageViewDuration',
  'likes',
  'comments',
  'shares',
  'subscribersGained',
  'subscribersLost',
] as const;

/** One of {@link YOUTUBE_ANALYTICS_SIM_METRICS}. */
export type YouTubeAnalyticsSimMetric = (typeof YOUTUBE_ANALYTICS_SIM_METRICS)[number];

/** What the report handler needs from the simulator: auth, the scope switch, and figures per video or channel. @internal */
export interface AnalyticsReportDeps {
  authorized(request: SimRequest): Response | undefined;
  /** Whether the token carries `yt-analytics.readonly`. */
  scopeGranted: boolean;
  /** The channel's figures, or one video's (`undefined` when the channel has no such video). */
  figures(videoId?: string): Record<YouTubeAnalyticsSimMetric, number> | undefined;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const validDate = (value: string) => {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** Google's error body as the Analytics API sends it: `{ error: { code, message, errors: [{ message, domain, reason }] } }`. */
function analyticsError(code: 400 | 403, reason: string, message: string): Response {
  return json(code, {
    error: {
      code,
      message,
      errors: [{ message, domain: 'global', reason }],
      status: code === 400 ? 'INVALID_ARGUMENT' : 'PERMISSION_DENIED',
    },
  });
}

/**
 * `GET /v2/reports` of the YouTube Analytics API v2
 * (https://developers.google.com/youtube/analytics/reference/reports/query): `ids`, `startDate`,
 * `endDate` (YYYY-MM-DD) and `metrics` are required; `filters=video==ID` narrows to one video.
 * Without dimensions the answer is one row of totals, its columns in the order `metrics` asked
 * for. A token without `yt-analytics.readonly` gets 403 `insufficientPermissions`. @internal
 */
export function analyticsReports(deps: AnalyticsReportDeps) {
  return (request: SimRequest): Response => {
    const refused = deps.authorized(request);
    if (refused) return refused;
    if (!deps.scopeGranted) return analyticsError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
    const query = request.searchParams;
    for (const name of ['ids', 'startDate', 'endDate', 'metrics'] as const) {
      if (!query.get(name)) return analyticsError(400, 'required', `Required ${name}`);
    }
    const ids = query.get('ids')!;
    if (ids !== 'channel==MINE' && !/^channel==UC[\w-]{22}$/.test(ids))
      return analyticsError(
        400,
        'badRequest',
        `Invalid value '${ids}'. Values must match the following regular expression: '[a-zA-Z]+==[a-zA-Z0-9_+-]+'`,
      );
    const startDate = query.get('startDate')!;
    const endDate = query.get('endDate')!;
    for (const [name, value] of [
      ['startDate', startDate],
      ['endDate', endDate],
    ] as const) {
      if (!validDate(value)) return analyticsError(400, 'badRequest', `Invalid value '${value}' for ${name}: use YYYY-MM-DD.`);
    }
    if (startDate > endDate) return analyticsError(400, 'badRequest', 'The start date must be on or before the end date.');
    const metrics = query.get('metrics')!.split(',');
    const unknown = metrics.find((metric) => !(YOUTUBE_ANALYTICS_SIM_METRICS as readonly string[]).includes(metric));
    if (unknown !== undefined)
      return analyticsError(400, 'badRequest', `Unknown identifier (${unknown}) given in field parameters.metrics.`);
    const filters = query.get('filters');
    let videoId: string | undefined;
    if (filters !== null) {
      const match = /^video==([\w-]{11})$/.exec(filters);
      if (!match)
        return analyticsError(400, 'badRequest', `The query is not supported: filters=${filters} (this simulator serves video==ID).`);
      videoId = match[1];
    }
    const figures = deps.figures(videoId);
    return json(200, {
      kind: 'youtubeAnalytics#resultTable',
      columnHeaders: metrics.map((name) => ({ name, columnType: 'METRIC', dataType: 'INTEGER' })),
      // A video the channel does not have (or without data) has no rows, as Google answers.
      rows: figures ? [metrics.map((name) => figures[name as YouTubeAnalyticsSimMetric])] : [],
    });
  };
}
