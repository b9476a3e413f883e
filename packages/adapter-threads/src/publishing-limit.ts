import type { AdapterContext } from '@smm/core/adapter-kit';
import { checkPublishingLimit, graphPages, graphPath, readPublishingLimit, type PublishingQuota } from '@smm/meta-graph';
import { ThreadsMediaSchema } from './api-schemas.js';

/** How many posts and replies a publish is about to make. @internal */
export interface PublishNeed {
  posts: number;
  replies: number;
}

/** Pages of 100 read to find the oldest post of the window (250 posts fit in 3; 1,000 replies in 10). */
const PAGES = { posts: 3, replies: 10 } as const;

/**
 * When the oldest post (or reply) of the rolling window leaves it: the oldest of the user's own
 * posts since the window began (`GET /{threads-user-id}/threads` or `/replies` with `since`),
 * plus the window. Threads lists posts made in the app too, so this is the earliest a slot can free.
 */
async function oldestFreesAt(what: 'posts' | 'replies', quota: PublishingQuota, context: AdapterContext, apiVersion: string) {
  const windowMs = quota.windowSeconds * 1000;
  const edge = what === 'posts' ? 'threads' : 'replies';
  let oldest = Infinity;
  const pages = graphPages(
    context.http,
    {
      path: graphPath(apiVersion, `${context.account.id}/${edge}`),
      searchParams: { fields: 'id,timestamp', since: Math.floor((context.clock.now() - windowMs) / 1000), limit: 100 },
      signal: context.signal,
    },
    ThreadsMediaSchema,
    { maxPages: PAGES[what], platform: 'threads', what: `GET /{threads-user-id}/${edge}` },
  );
  for await (const page of pages) {
    for (const media of page.items) oldest = Math.min(oldest, Date.parse(media.timestamp ?? ''));
  }
  return Number.isFinite(oldest) ? new Date(oldest + windowMs).toISOString() : undefined;
}

/**
 * Checks the profile's quotas before anything is created: 250 API-published posts and 1,000
 * replies per rolling 24 h (a carousel is one post), read in one call from
 * `GET /{threads-user-id}/threads_publishing_limit?fields=quota_usage,config,reply_quota_usage,reply_config`
 * (https://developers.facebook.com/documentation/threads/overview, "Posts";
 * https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies, "Rate limits").
 * Each part of a chain after the first is a reply; a reply's first part too. Over a quota, the
 * error says when its oldest post frees (from the user's own posts of the window).
 *
 * @throws PublishingLimitError naming the quota, how much of it is used and when it frees.
 * @internal
 */
export async function checkThreadsQuotas(need: PublishNeed, context: AdapterContext, apiVersion: string): Promise<void> {
  const limit = await readPublishingLimit(context.http, {
    path: graphPath(apiVersion, `${context.account.id}/threads_publishing_limit`),
    platform: 'threads',
    replies: need.replies > 0,
    signal: context.signal,
  });
  const checks: Array<['posts' | 'replies', PublishingQuota | undefined, number]> = [
    ['posts', limit, need.posts],
    ['replies', limit.replies, need.replies],
  ];
  for (const [what, quota, needed] of checks) {
    if (!quota || needed === 0 || quota.used + needed <= quota.total) continue;
    const freesAt = await oldestFreesAt(what, quota, context, apiVersion);
    checkPublishingLimit(quota, { network: 'threads', what, needed, ...(freesAt ? { freesAt } : {}) });
  }
}
