import { parseApiResponse, pickMetrics, type AdapterContext, type CanonicalMetric, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { ProfileSchema } from './api-schemas.js';

/** Canonical metric ← the count on a profile view. */
export const BLUESKY_ACCOUNT_METRICS = {
  followers: 'followersCount',
  following: 'followsCount',
  posts: 'postsCount',
} as const satisfies Partial<Record<CanonicalMetric, string>>;

/**
 * The account's counts from `app.bsky.actor.getProfile`: followers, follows and posts.
 * @internal
 */
export async function doGetAccountMetrics(context: AdapterContext): Promise<MetricSnapshotOutput> {
  const response = await context.http.request({
    path: '/xrpc/app.bsky.actor.getProfile',
    searchParams: { actor: context.account.id },
    signal: context.signal,
  });
  const profile = parseApiResponse(ProfileSchema, response, 'bluesky', 'GET app.bsky.actor.getProfile');
  return { metrics: pickMetrics(profile, BLUESKY_ACCOUNT_METRICS) };
}
