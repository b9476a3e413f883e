import { parseApiResponse, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import type { CanonicalMetric } from '@smm/core/adapter-kit';
import { XUserLookupSchema } from './api-schemas.js';
import { X_BUCKETS } from './rate-limits.js';

/**
 * Which X user metric (in `public_metrics`) each canonical account metric comes from.
 *
 * @example
 * ```ts
 * X_ACCOUNT_METRICS.posts; // 'post_count'
 * ```
 */
export const X_ACCOUNT_METRICS: Readonly<Partial<Record<CanonicalMetric, string>>> = {
  followers: 'followers_count',
  following: 'following_count',
  // X's OpenAPI (UserPublicMetrics) names it `post_count`.
  posts: 'post_count',
};

/** The account's metrics from `GET /2/users/:id` (`public_metrics`); listed and like counts go under `extra`. @internal */
export async function doGetAccountMetrics(context: AdapterContext): Promise<MetricSnapshotOutput> {
  const response = await context.http.request({
    path: `/2/users/${encodeURIComponent(context.account.id)}`,
    searchParams: { 'user.fields': 'public_metrics' },
    bucket: X_BUCKETS.users,
    signal: context.signal,
  });
  const body = parseApiResponse(XUserLookupSchema, response, 'x', 'GET /2/users/:id');
  if (!body.data) {
    throw new ApiCallError(`X has no user ${context.account.id}: ${body.errors?.[0]?.detail ?? 'not found'}`, {
      status: 404,
      platform: 'x',
      body,
      isRetryable: false,
    });
  }
  return accountMetricsOf(body.data.public_metrics ?? {});
}

/** Maps a user's `public_metrics`: canonical ones by {@link X_ACCOUNT_METRICS}, the others under `extra`. @internal */
export function accountMetricsOf(reported: Record<string, number>): MetricSnapshotOutput {
  const metrics: MetricSnapshotOutput['metrics'] = {};
  const canonical = new Set(Object.values(X_ACCOUNT_METRICS));
  for (const [metric, name] of Object.entries(X_ACCOUNT_METRICS) as Array<[CanonicalMetric, string]>) {
    const value = reported[name];
    if (value !== undefined) metrics[metric] = { value, platformName: `public_metrics.${name}` };
  }
  const extra = Object.fromEntries(
    Object.entries(reported)
      .filter(([name]) => !canonical.has(name))
      .map(([name, value]) => [`public_metrics.${name}`, { value, platformName: `public_metrics.${name}` }]),
  );
  return { metrics, ...(Object.keys(extra).length > 0 ? { extra } : {}) };
}
