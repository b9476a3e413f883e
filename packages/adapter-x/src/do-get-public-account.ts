import {
  ApiCallError,
  parseApiResponse,
  type AdapterContext,
  type PublicAccountInput,
  type PublicAccountOutput,
} from '@smm/core/adapter-kit';
import { XTweetPageSchema, XUserLookupSchema } from './api-schemas.js';
import { accountMetricsOf } from './do-get-account-metrics.js';
import { postMetricsOf } from './do-get-post-metrics.js';
import { postUrl } from './post-url.js';
import { X_BUCKETS } from './rate-limits.js';

/** How many recent posts are read: one page, X's largest (`max_results` 5–100). */
export const X_PUBLIC_POSTS_READ = 100;

/**
 * Any user's public profile and metrics, and their last posts with public metrics: the user
 * from `GET /2/users/by/username/:username` (https://docs.x.com/x-api/users/get-user-by-username)
 * or `GET /2/users/:id` (https://docs.x.com/x-api/users/get-user-by-id) with
 * `user.fields=public_metrics`, then one page of `GET /2/users/:id/tweets`
 * (https://docs.x.com/x-api/users/get-posts) with `post.fields=created_at,public_metrics`,
 * reposts and replies excluded (they are not the account's own posts). Metrics are
 * `PostPublicMetrics`/`UserPublicMetrics` under their X names as provenance. @internal
 */
export async function doGetPublicAccount(input: PublicAccountInput, context: AdapterContext): Promise<PublicAccountOutput> {
  const byHandle = input.handle !== undefined;
  const operation = byHandle ? 'GET /2/users/by/username/:username' : 'GET /2/users/:id';
  const response = await context.http.request({
    path: byHandle ? `/2/users/by/username/${encodeURIComponent(input.handle)}` : `/2/users/${encodeURIComponent(input.id!)}`,
    searchParams: { 'user.fields': 'public_metrics' },
    bucket: X_BUCKETS.users,
    signal: context.signal,
  });
  const user = parseApiResponse(XUserLookupSchema, response, 'x', operation);
  if (!user.data) {
    // X answers 200 with only `errors` for a user that does not exist (or is suspended).
    throw new ApiCallError(`X has no user ${byHandle ? `@${input.handle}` : input.id}: ${user.errors?.[0]?.detail ?? 'not found'}`, {
      status: 404,
      platform: 'x',
      body: user,
      isRetryable: false,
    });
  }
  const { id, username, name } = user.data;
  const timeline = await context.http.request({
    path: `/2/users/${encodeURIComponent(id)}/tweets`,
    searchParams: { max_results: X_PUBLIC_POSTS_READ, exclude: 'retweets,replies', 'post.fields': 'created_at,public_metrics' },
    bucket: X_BUCKETS.timeline,
    signal: context.signal,
  });
  const page = parseApiResponse(XTweetPageSchema, timeline, 'x', 'GET /2/users/:id/tweets');
  const account = accountMetricsOf(user.data.public_metrics ?? {});
  return {
    account: { platform: 'x', id, handle: username, ...(name === undefined ? {} : { displayName: name }) },
    metrics: account.metrics,
    ...(account.extra ? { extra: account.extra } : {}),
    recentPosts: (page.data ?? [])
      .filter((tweet) => tweet.created_at !== undefined)
      .map((tweet) => ({
        id: tweet.id,
        publishedAt: new Date(tweet.created_at!).toISOString(),
        url: postUrl(tweet.id, username),
        metrics: postMetricsOf(tweet).metrics,
      })),
  };
}
