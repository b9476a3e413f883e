import {
  parseApiResponse,
  pickMetrics,
  type AdapterContext,
  type PublicAccountInput,
  type PublicAccountOutput,
} from '@smm/core/adapter-kit';
import { z } from 'zod';
import { AccountSchema, StatusSchema } from './api-schemas.js';
import { MASTODON_ACCOUNT_METRICS } from './do-get-account-metrics.js';
import { MASTODON_POST_METRICS } from './do-get-post-metrics.js';

/** How many recent statuses are read: one page, Mastodon's largest `limit`. */
export const MASTODON_PUBLIC_POSTS_READ = 40;

/**
 * Any account's public counts and its last statuses with theirs: the account from
 * `GET /api/v1/accounts/lookup?acct=` (a handle: `globex` on your instance,
 * `globex@other.example` elsewhere) or `GET /api/v1/accounts/:id`, then one page of
 * `GET /api/v1/accounts/:id/statuses` with `exclude_replies` and `exclude_reblogs` (boosts are
 * not the account's posts). See https://docs.joinmastodon.org/methods/accounts/ (#lookup, #get,
 * #statuses). A remote account's counts are what your instance knows of it. @internal
 */
export async function doGetPublicAccount(input: PublicAccountInput, context: AdapterContext): Promise<PublicAccountOutput> {
  const byHandle = input.handle !== undefined;
  const response = await context.http.request({
    path: byHandle ? '/api/v1/accounts/lookup' : `/api/v1/accounts/${encodeURIComponent(input.id!)}`,
    ...(byHandle ? { searchParams: { acct: input.handle } } : {}),
    signal: context.signal,
  });
  const account = parseApiResponse(
    AccountSchema,
    response,
    'mastodon',
    byHandle ? 'GET /api/v1/accounts/lookup' : 'GET /api/v1/accounts/:id',
  );
  const statusesResponse = await context.http.request({
    path: `/api/v1/accounts/${encodeURIComponent(account.id)}/statuses`,
    searchParams: { limit: MASTODON_PUBLIC_POSTS_READ, exclude_replies: true, exclude_reblogs: true },
    signal: context.signal,
  });
  const statuses = parseApiResponse(z.array(StatusSchema), statusesResponse, 'mastodon', 'GET /api/v1/accounts/:id/statuses');
  return {
    account: {
      platform: 'mastodon',
      id: account.id,
      handle: account.acct,
      ...(account.display_name ? { displayName: account.display_name } : {}),
    },
    metrics: pickMetrics(account, MASTODON_ACCOUNT_METRICS),
    recentPosts: statuses.map((status) => ({
      id: status.id,
      publishedAt: new Date(status.created_at).toISOString(),
      ...(status.url ? { url: status.url } : {}),
      metrics: pickMetrics(status, MASTODON_POST_METRICS),
    })),
  };
}
