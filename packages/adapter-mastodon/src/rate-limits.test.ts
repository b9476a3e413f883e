import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_PNG_BASE64, testEnv } from './__tests__/test-env.js';
import { MASTODON_BUCKETS, createMastodonRateLimitParser, mastodonStaticLimits } from './rate-limits.js';
import { MastodonAdapterSettingsSchema } from './settings.js';

const MINUTE = 60_000;
const limits = MastodonAdapterSettingsSchema.parse({ baseUrl: 'https://mastodon.social' }).rateLimits;
const parse = createMastodonRateLimitParser(limits);
const headers = (limit: number, remaining: number, reset: string) =>
  new Headers({ 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': reset });

describe('Mastodon rate limits', () => {
  const now = Date.parse('2026-01-05T09:00:00.000Z');
  const reset = '2026-01-05T09:05:00.000Z';
  const resetAtMs = Date.parse(reset);

  it('applies the account-wide limit to both read and write, with its 5-minute window', () => {
    expect(parse({ status: 200, headers: headers(300, 297, reset) }, { now, bucket: 'read' })).toEqual([
      { bucket: 'read', limit: 300, remaining: 297, resetAtMs, windowMs: 5 * MINUTE },
      { bucket: 'write', limit: 300, remaining: 297, resetAtMs, windowMs: 5 * MINUTE },
    ]);
  });

  it('tells a media or delete limit from the account-wide one by its size', () => {
    expect(parse({ status: 200, headers: headers(30, 12, reset) }, { now, bucket: 'media' })).toEqual([
      { limit: 30, remaining: 12, resetAtMs, windowMs: 30 * MINUTE },
    ]);
    expect(parse({ status: 200, headers: headers(30, 3, reset) }, { now, bucket: 'delete' })).toEqual([
      { limit: 30, remaining: 3, resetAtMs, windowMs: 30 * MINUTE },
    ]);
    // A media upload whose headers speak of the account-wide limit updates read and write instead.
    expect(parse({ status: 200, headers: headers(300, 5, reset) }, { now, bucket: 'media' }).map((o) => o.bucket)).toEqual([
      'read',
      'write',
    ]);
  });

  it('honours Retry-After when a proxy sends it, and reads nothing from a bare response', () => {
    expect(parse({ status: 429, headers: new Headers({ 'retry-after': '30' }) }, { now, bucket: 'write' })).toEqual([
      { retryAfterMs: 30_000 },
    ]);
    expect(parse({ status: 200, headers: new Headers() }, { now, bucket: 'read' })).toEqual([]);
  });

  it('keeps the media and delete limits as static limits of their own buckets', () => {
    expect(mastodonStaticLimits(limits)).toEqual([
      { bucket: 'media', limit: 30, windowMs: 30 * MINUTE },
      { bucket: 'delete', limit: 30, windowMs: 30 * MINUTE },
    ]);
  });

  it('learns the buckets from the simulator: an upload spends media and the account-wide limit', async () => {
    const { client, account } = testEnv();
    const media = { kind: 'image' as const, source: { type: 'bytes' as const, base64: ONE_PIXEL_PNG_BASE64 }, mimeType: 'image/png' };
    await client.publish(account, { text: 'counted', media: [media] });
    const http = await client.http(account);
    // Upload: 299 of 300 left overall and 29 of 30 for media (reported, being tighter); status: 298 overall.
    expect(http.rateLimit(MASTODON_BUCKETS.media)).toMatchObject({ limit: 30, remaining: 29 });
    expect(http.rateLimit(MASTODON_BUCKETS.write)).toMatchObject({ limit: 300, remaining: 298 });
    expect(http.rateLimit(MASTODON_BUCKETS.read)).toMatchObject({ limit: 300, remaining: 298 });
  });
});
