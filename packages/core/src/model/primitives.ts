import { z } from 'zod';

/**
 * An instant as an ISO-8601 UTC string (`2026-03-29T07:00:00.000Z`). Offsets other than `Z`
 * are refused so that stored values compare and sort as plain strings.
 */
export const InstantSchema = z.iso.datetime({
  offset: false,
  error: 'must be an ISO-8601 UTC instant such as 2026-03-29T07:00:00Z (use Date.prototype.toISOString())',
});

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `Europe/Bucharest` or `Asia/Tehran`. */
export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { error: 'must be an IANA time zone name such as Europe/Bucharest or UTC' });

/**
 * A network id: lowercase letters, digits and dashes (`x`, `bluesky`, `mastodon`,
 * `my-network`). Third-party adapters pick their own.
 */
export const NetworkIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, {
  error: 'must be a network id: lowercase letters, digits and dashes, starting with a letter (e.g. "bluesky")',
});

/** The networks smm ships adapters for (any other id is allowed for third-party adapters). */
export const KNOWN_NETWORKS = [
  'x',
  'bluesky',
  'mastodon',
  'facebook',
  'instagram',
  'threads',
  'linkedin',
  'youtube',
  'tiktok',
  'pinterest',
] as const;

/** A network id. */
export type NetworkId = (typeof KNOWN_NETWORKS)[number] | (string & {});

/** A duration in milliseconds: a non-negative integer. */
export const DurationMsSchema = z.number().int().nonnegative({ error: 'must be a whole number of milliseconds, 0 or more' });

/** An absolute http(s) URL. */
export const HttpUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'must be an absolute http(s) URL such as https://example.com/page',
});
