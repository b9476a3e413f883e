import { parseApiResponse, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import type { CanonicalMetric, MetricValue, PostRef } from '@smm/core/adapter-kit';
import { XTweetLookupSchema, type XTweet } from './api-schemas.js';
import { problemKind } from './error-mapping.js';
import { X_BUCKETS } from './rate-limits.js';

/** Which object of an X post a metric is read from. */
export type XMetricGroup = 'public_metrics' | 'non_public_metrics' | 'organic_metrics';

/**
 * Which X metric each canonical post metric comes from, in order of preference. The
 * platform name kept as provenance is `<group>.<name>` (`public_metrics.like_count`).
 *
 * @example
 * ```ts
 * X_POST_METRICS.shares; // [['public_metrics', 'repost_count']]
 * ```
 */
export const X_POST_METRICS: Readonly<Partial<Record<CanonicalMetric, ReadonlyArray<readonly [XMetricGroup, string]>>>> = {
  impressions: [
    ['public_metrics', 'impression_count'],
    ['non_public_metrics', 'impression_count'],
  ],
  likes: [['public_metrics', 'like_count']],
  // X's OpenAPI (PostPublicMetrics) names it `repost_count`.
  shares: [['public_metrics', 'repost_count']],
  comments: [['public_metrics', 'reply_count']],
  quotes: [['public_metrics', 'quote_count']],
  saves: [['public_metrics', 'bookmark_count']],
  linkClicks: [['non_public_metrics', 'url_link_clicks']],
  profileVisits: [['non_public_metrics', 'user_profile_clicks']],
};

function valueOf(tweet: XTweet, group: XMetricGroup, name: string): MetricValue | undefined {
  const value = tweet[group]?.[name];
  return value === undefined ? undefined : { value, platformName: `${group}.${name}` };
}

/** Maps a post's metric groups: canonical ones by {@link X_POST_METRICS}, every other reported one under `extra`. @internal */
export function postMetricsOf(tweet: XTweet): MetricSnapshotOutput {
  const metrics: MetricSnapshotOutput['metrics'] = {};
  const used = new Set<string>();
  for (const [metric, sources] of Object.entries(X_POST_METRICS) as Array<
    [CanonicalMetric, ReadonlyArray<readonly [XMetricGroup, string]>]
  >) {
    for (const [group, name] of sources) {
      const value = valueOf(tweet, group, name);
      if (value === undefined) continue;
      metrics[metric] = value;
      used.add(value.platformName);
      break;
    }
  }
  const extra: Record<string, MetricValue> = {};
  for (const group of ['non_public_metrics', 'organic_metrics'] as const) {
    for (const name of Object.keys(tweet[group] ?? {})) {
      const value = valueOf(tweet, group, name)!;
      if (!used.has(value.platformName)) extra[value.platformName] = value;
    }
  }
  return { metrics, ...(Object.keys(extra).length > 0 ? { extra } : {}) };
}

async function lookup(post: PostRef, fields: string, context: AdapterContext) {
  const response = await context.http.request({
    path: `/2/tweets/${encodeURIComponent(post.id)}`,
    searchParams: { 'post.fields': fields },
    bucket: X_BUCKETS.readPosts,
    signal: context.signal,
  });
  return { response, body: parseApiResponse(XTweetLookupSchema, response, 'x', 'GET /2/tweets/:id') };
}

const notAuthorized = (error: unknown) =>
  ApiCallError.isInstance(error) &&
  (error.status === 403 || error.status === 400) &&
  /non_public_metrics|organic_metrics|not-authorized-for-field|authoriz/i.test(JSON.stringify(error.body ?? ''));

/**
 * A post's metrics from `GET /2/tweets/:id`. With `privateMetrics`, asks for
 * `non_public_metrics` and `organic_metrics` too — X gives them only for the account's own
 * posts of the last 30 days, with a user token — and falls back to `public_metrics` when X
 * refuses those fields. Metrics X does not report stay absent, never 0. @internal
 */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext, privateMetrics: boolean): Promise<MetricSnapshotOutput> {
  const publicOnly = 'public_metrics';
  let result: Awaited<ReturnType<typeof lookup>>;
  try {
    result = await lookup(post, privateMetrics ? `${publicOnly},non_public_metrics,organic_metrics` : publicOnly, context);
  } catch (error) {
    if (!privateMetrics || !notAuthorized(error)) throw error;
    result = await lookup(post, publicOnly, context);
  }
  if (!result.body.data && privateMetrics && result.body.errors?.some((error) => problemKind(error.type) === 'not-authorized-for-field')) {
    result = await lookup(post, publicOnly, context);
  }
  const tweet = result.body.data;
  if (!tweet) {
    throw new ApiCallError(`X has no post ${post.id} to read metrics from: ${result.body.errors?.[0]?.detail ?? 'not found'}`, {
      status: 404,
      platform: 'x',
      body: result.body,
      isRetryable: false,
    });
  }
  return postMetricsOf(tweet);
}
