import { parseApiResponse, type AdapterHttpClient } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { PublishingLimitError } from './publishing-limit-error.js';

/** One publishing quota: how many are used of how many in a rolling window. */
export interface PublishingQuota {
  used: number;
  total: number;
  windowSeconds: number;
}

/** What {@link readPublishingLimit} answers: the posts quota, and the replies quota when asked (Threads). */
export interface PublishingLimit extends PublishingQuota {
  replies?: PublishingQuota;
}

const ConfigSchema = z.object({ quota_total: z.number().int().nonnegative(), quota_duration: z.number().int().positive() });
const LimitSchema = z.object({
  data: z
    .array(
      z.object({
        quota_usage: z.number().int().nonnegative(),
        config: ConfigSchema,
        reply_quota_usage: z.number().int().nonnegative().optional(),
        reply_config: ConfigSchema.optional(),
      }),
    )
    .min(1),
});

/**
 * Reads a publishing cap: `GET <path>?fields=quota_usage,config` (Instagram
 * `/<ig-user-id>/content_publishing_limit`,
 * https://developers.facebook.com/docs/instagram-platform/reference/ig-user/content_publishing_limit;
 * Threads `/<threads-user-id>/threads_publishing_limit` with `reply_quota_usage,reply_config` too,
 * https://developers.facebook.com/docs/threads/troubleshooting#rate-limits) →
 * `{ used, total, windowSeconds, replies? }` from `data[0]`'s `quota_usage` and
 * `config.{quota_total, quota_duration}`.
 *
 * @example
 * ```ts
 * const limit = await readPublishingLimit(http, { path: graphPath(version, `${igUserId}/content_publishing_limit`), platform: 'instagram' });
 * // { used: 2, total: 50, windowSeconds: 86400 }
 * ```
 */
export async function readPublishingLimit(
  http: AdapterHttpClient,
  input: { path: string; platform: string; replies?: boolean; signal?: AbortSignal },
): Promise<PublishingLimit> {
  const fields = input.replies ? 'quota_usage,config,reply_quota_usage,reply_config' : 'quota_usage,config';
  const response = await http.request({ path: input.path, searchParams: { fields }, ...(input.signal ? { signal: input.signal } : {}) });
  const [row] = parseApiResponse(LimitSchema, response, input.platform, `GET ${input.path}?fields=${fields}`).data;
  const limit: PublishingLimit = { used: row!.quota_usage, total: row!.config.quota_total, windowSeconds: row!.config.quota_duration };
  if (row!.reply_quota_usage !== undefined && row!.reply_config)
    limit.replies = { used: row!.reply_quota_usage, total: row!.reply_config.quota_total, windowSeconds: row!.reply_config.quota_duration };
  return limit;
}

/**
 * Refuses a publish that would go over the cap, before anything is sent: throws
 * {@link PublishingLimitError} when `used + needed > total` (a carousel counts as one post).
 *
 * @example
 * ```ts
 * checkPublishingLimit(await readPublishingLimit(http, input), { network: 'instagram', what: 'posts' });
 * ```
 */
export function checkPublishingLimit(
  quota: PublishingQuota,
  context: { network: string; what: string; needed?: number; freesAt?: string },
): void {
  const needed = context.needed ?? 1;
  if (quota.used + needed <= quota.total) return;
  throw new PublishingLimitError({
    network: context.network,
    what: context.what,
    used: quota.used,
    total: quota.total,
    windowSeconds: quota.windowSeconds,
    ...(context.freesAt ? { freesAt: context.freesAt } : {}),
  });
}
