import { parseApiResponse, pickMetrics, type AdapterContext, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import type { CanonicalMetric } from '@smm/core/adapter-kit';
import { AccountSchema } from './api-schemas.js';

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

/** The own account's counts (`GET /api/v1/accounts/verify_credentials`) as canonical metrics. @internal */
export async function doGetAccountMetrics(context: AdapterContext): Promise<MetricSnapshotOutput> {
  const response = await context.http.request({ path: '/api/v1/accounts/verify_credentials', signal: context.signal });
  const account = parseApiResponse(AccountSchema, response, 'mastodon', 'GET /api/v1/accounts/verify_credentials');
  if (account.id !== context.account.id) {
    throw new ApiCallError(
      `the Mastodon token belongs to account ${account.id} (@${account.acct}), not ${context.account.id}: give this account its own token`,
      { status: response.status, platform: 'mastodon', isRetryable: false },
    );
  }
  return { metrics: pickMetrics(account, MASTODON_ACCOUNT_METRICS) };
}
