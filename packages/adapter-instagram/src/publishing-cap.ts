import type { AdapterContext } from '@smm/core/adapter-kit';
import { checkPublishingLimit, PublishingLimitError, readPublishingLimit } from '@smm/meta-graph';
import { graphInstant, MediaSchema } from './api-schemas.js';
import { igPath, readObject, type InstagramCallConfig } from './graph-call.js';
import { z } from 'zod';

const TimestampsSchema = z.object({ data: z.array(MediaSchema) });

/**
 * Refuses a publish the account has no room for, before any container is made: reads
 * `GET /<IG_ID>/content_publishing_limit?fields=quota_usage,config`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit;
 * 50 posts in a rolling 24 h today, per https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish,
 * read live rather than assumed) and throws `PublishingLimitError` naming the quota and when the
 * oldest post in the window frees (estimated from the account's recent media).
 *
 * @throws PublishingLimitError when the cap is reached.
 * @internal
 */
export async function ensurePublishingRoom(context: AdapterContext, config: InstagramCallConfig): Promise<void> {
  const quota = await readPublishingLimit(context.http, {
    path: igPath(config, `${context.account.id}/content_publishing_limit`),
    platform: 'instagram',
    signal: context.signal,
  });
  if (quota.used + 1 <= quota.total) return;
  const freesAt = await oldestFreesAt(context, config, quota.used, quota.windowSeconds);
  checkPublishingLimit(quota, { network: 'instagram', what: 'posts', ...(freesAt ? { freesAt } : {}) });
}

/**
 * The same error for a cap Meta reported at `media_publish` (code 9, subcode 2207042): reads the
 * limit for the numbers. @internal
 */
export async function publishingCapError(context: AdapterContext, config: InstagramCallConfig): Promise<PublishingLimitError> {
  const quota = await readPublishingLimit(context.http, {
    path: igPath(config, `${context.account.id}/content_publishing_limit`),
    platform: 'instagram',
    signal: context.signal,
  });
  const freesAt = await oldestFreesAt(context, config, quota.used, quota.windowSeconds);
  return new PublishingLimitError({
    network: 'instagram',
    what: 'posts',
    used: Math.max(quota.used, quota.total),
    total: quota.total,
    windowSeconds: quota.windowSeconds,
    ...(freesAt ? { freesAt } : {}),
  });
}

// The `used`-th newest media still in the window is the oldest counted one: it frees a window after it was published.
async function oldestFreesAt(
  context: AdapterContext,
  config: InstagramCallConfig,
  used: number,
  windowSeconds: number,
): Promise<string | undefined> {
  if (used < 1) return undefined;
  const recent = await readObject(
    context,
    config,
    `${context.account.id}/media`,
    { fields: 'id,timestamp', limit: String(Math.min(used, 100)) },
    TimestampsSchema,
    'GET /{ig-user-id}/media',
  );
  const windowStart = context.clock.now() - windowSeconds * 1000;
  const times = recent.data
    .map((media) => graphInstant(media.timestamp))
    .filter((at): at is string => at !== undefined && Date.parse(at) > windowStart)
    .map((at) => Date.parse(at));
  if (times.length === 0) return undefined;
  return new Date(Math.min(...times) + windowSeconds * 1000).toISOString();
}
