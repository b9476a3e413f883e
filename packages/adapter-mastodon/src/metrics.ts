import { parseApiResponse, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/errors';
import type { CanonicalMetric, MetricValue, PostRef } from '@smm/core/model';
import { AccountSchema, StatusSchema } from './api-schemas.js';

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

/**
 * Canonical account metrics and the `Account` field each comes from.
 *
 * @example
 * ```ts
 * MASTODON_ACCOUNT_METRICS.followers; // 'followers_count'
 * ```
 */
export const MASTODON_ACCOUNT_METRICS = {
  followers: 'followers_count',
  following: 'following_count',
  posts: 'statuses_count',
} as const satisfies Partial<Record<CanonicalMetric, string>>;

// Only what the body holds: a field the server did not send stays absent, never 0.
function pick(source: Record<string, unknown>, names: Record<string, string>): MetricSnapshotOutput['metrics'] {
  const metrics: Partial<Record<CanonicalMetric, MetricValue>> = {};
  for (const [metric, platformName] of Object.entries(names)) {
    const value = source[platformName];
    if (typeof value === 'number') metrics[metric as CanonicalMetric] = { value, platformName };
  }
  return metrics;
}

/** A status's counts (`GET /api/v1/statuses/:id`) as canonical metrics. @internal */
export async function getStatusMetrics(post: PostRef, context: AdapterContext): Promise<MetricSnapshotOutput> {
  const response = await context.http.request({ path: `/api/v1/statuses/${encodeURIComponent(post.id)}`, signal: context.signal });
  const status = parseApiResponse(StatusSchema, response, 'mastodon', 'GET /api/v1/statuses/:id');
  return { metrics: pick(status, MASTODON_POST_METRICS) };
}

/** The own account's counts (`GET /api/v1/accounts/verify_credentials`) as canonical metrics. @internal */
export async function getAccountMetrics(context: AdapterContext): Promise<MetricSnapshotOutput> {
  const response = await context.http.request({ path: '/api/v1/accounts/verify_credentials', signal: context.signal });
  const account = parseApiResponse(AccountSchema, response, 'mastodon', 'GET /api/v1/accounts/verify_credentials');
  if (account.id !== context.account.id) {
    throw new ApiCallError(
      `the Mastodon token belongs to account ${account.id} (@${account.acct}), not ${context.account.id}: give this account its own token`,
      { status: response.status, platform: 'mastodon', isRetryable: false },
    );
  }
  return { metrics: pick(account, MASTODON_ACCOUNT_METRICS) };
}
