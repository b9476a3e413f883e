import {
  composeRateLimitParsers,
  parseIsoResetHeaders,
  parseRetryAfter,
  type RateLimitObservation,
  type RateLimitParser,
  type StaticLimit,
} from '@smm/core/adapter-kit';
import type { MastodonAdapterSettings } from './settings.js';

/**
 * The rate-limit buckets of the Mastodon adapter. Mastodon limits every request of an account
 * (300 per 5 minutes), and on top of that media uploads and deletions (30 per 30 minutes each);
 * its `X-RateLimit-*` headers report whichever limit that applies is closest to running out.
 *
 * @example
 * ```ts
 * const http = await client.http('mastodon:1091');
 * http.rateLimit(MASTODON_BUCKETS.media); // { limit: 30, remaining: 29, resetAt: '…', scope: 'mastodon:1091:media' }
 * ```
 */
export const MASTODON_BUCKETS = {
  /** GETs: statuses, notifications, media processing, the own account (the account-wide limit). */
  read: 'read',
  /** `POST /api/v1/statuses` and token refreshes (the account-wide limit). */
  write: 'write',
  /** `POST /api/v2/media` (its own 30 per 30 minutes, within the account-wide limit). */
  media: 'media',
  /** `DELETE /api/v1/statuses/:id` and scheduled statuses (30 per 30 minutes). */
  delete: 'delete',
} as const;

/** A Mastodon bucket name. */
export type MastodonBucket = (typeof MASTODON_BUCKETS)[keyof typeof MASTODON_BUCKETS];

type Limits = MastodonAdapterSettings['rateLimits'];

/**
 * The per-endpoint limits Mastodon keeps beside the account-wide one, as static limits: they
 * are counted from the first upload or deletion, and corrected by the headers when those
 * report them.
 *
 * @example
 * ```ts
 * mastodonStaticLimits({ all: { limit: 300, windowMs: 300_000 }, media: { limit: 30, windowMs: 1_800_000 }, deletes: { limit: 30, windowMs: 1_800_000 } });
 * // [{ bucket: 'media', limit: 30, windowMs: 1800000 }, { bucket: 'delete', limit: 30, windowMs: 1800000 }]
 * ```
 */
export function mastodonStaticLimits(limits: Limits): StaticLimit[] {
  return [
    { bucket: MASTODON_BUCKETS.media, ...limits.media },
    { bucket: MASTODON_BUCKETS.delete, ...limits.deletes },
  ];
}

/**
 * A rate-limit parser for one instance's limits. The headers speak of one limit at a time;
 * which one is told by its size: the account-wide limit is shared by every request, so it
 * updates the `read` and `write` buckets together; a media or delete limit (its own size)
 * updates only that bucket. `Retry-After`, when a proxy sends it, is honoured too.
 *
 * @example
 * ```ts
 * const parse = createMastodonRateLimitParser(settings.rateLimits);
 * parse({ status: 200, headers }, { now: Date.now(), bucket: 'media' });
 * ```
 */
export function createMastodonRateLimitParser(limits: Limits): RateLimitParser {
  const headers: RateLimitParser = (response, context) => {
    const out: RateLimitObservation[] = [];
    for (const observation of parseIsoResetHeaders(response, context)) {
      const narrow =
        context.bucket === MASTODON_BUCKETS.media ? limits.media : context.bucket === MASTODON_BUCKETS.delete ? limits.deletes : undefined;
      const isNarrow =
        narrow !== undefined &&
        observation.limit !== undefined &&
        observation.limit === narrow.limit &&
        observation.limit !== limits.all.limit;
      if (isNarrow) out.push({ ...observation, windowMs: narrow.windowMs });
      else {
        const overall = { ...observation, windowMs: limits.all.windowMs };
        out.push({ ...overall, bucket: MASTODON_BUCKETS.read }, { ...overall, bucket: MASTODON_BUCKETS.write });
      }
    }
    return out;
  };
  return composeRateLimitParsers(headers, parseRetryAfter);
}
