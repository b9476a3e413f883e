import type { AdapterContext } from '@smm/core/adapter-kit';
import { checkPublishingLimit, graphPath, readPublishingLimit } from '@smm/meta-graph';

/** How many posts and replies a publish is about to make. @internal */
export interface PublishNeed {
  posts: number;
  replies: number;
}

/**
 * Checks the profile's quotas before anything is created: 250 API-published posts and 1,000
 * replies per rolling 24 h (a carousel is one post), read in one call from
 * `GET /{threads-user-id}/threads_publishing_limit?fields=quota_usage,config,reply_quota_usage,reply_config`
 * (https://developers.facebook.com/documentation/threads/overview, "Posts";
 * https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies, "Rate limits").
 * Each part of a chain after the first is a reply; a reply's first part too.
 *
 * @throws PublishingLimitError naming the quota and how much of it is used.
 * @internal
 */
export async function checkThreadsQuotas(need: PublishNeed, context: AdapterContext, apiVersion: string): Promise<void> {
  const limit = await readPublishingLimit(context.http, {
    path: graphPath(apiVersion, `${context.account.id}/threads_publishing_limit`),
    platform: 'threads',
    replies: need.replies > 0,
    signal: context.signal,
  });
  if (need.posts > 0) checkPublishingLimit(limit, { network: 'threads', what: 'posts', needed: need.posts });
  if (need.replies > 0 && limit.replies) checkPublishingLimit(limit.replies, { network: 'threads', what: 'replies', needed: need.replies });
}
