import { RateLimitError } from '@smm/core/errors';
import { createHttpClient } from '@smm/core/http';
import { describe, expect, it } from 'vitest';
import { PublishingLimitError } from './publishing-limit-error.js';
import { checkPublishingLimit, readPublishingLimit } from './publishing-limit.js';

function client(body: unknown) {
  const seen: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(`${url.pathname}${url.search}`);
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { http: createHttpClient({ platform: 'meta', fetch, baseUrl: 'https://graph.example' }), seen };
}

describe('readPublishingLimit', () => {
  it("reads Instagram's content_publishing_limit", async () => {
    // The answer shape of https://developers.facebook.com/docs/instagram-platform/reference/ig-user/content_publishing_limit.
    const { http, seen } = client({ data: [{ quota_usage: 2, config: { quota_total: 50, quota_duration: 86400 } }] });
    expect(await readPublishingLimit(http, { path: '/v26.0/178414/content_publishing_limit', platform: 'instagram' })).toEqual({
      used: 2,
      total: 50,
      windowSeconds: 86400,
    });
    expect(seen).toEqual(['/v26.0/178414/content_publishing_limit?fields=quota_usage%2Cconfig']);
  });

  it("reads Threads' posts and replies quotas", async () => {
    const { http, seen } = client({
      data: [
        {
          quota_usage: 4,
          config: { quota_total: 250, quota_duration: 86400 },
          reply_quota_usage: 1,
          reply_config: { quota_total: 1000, quota_duration: 86400 },
        },
      ],
    });
    expect(await readPublishingLimit(http, { path: '/v1.0/me/threads_publishing_limit', platform: 'threads', replies: true })).toEqual({
      used: 4,
      total: 250,
      windowSeconds: 86400,
      replies: { used: 1, total: 1000, windowSeconds: 86400 },
    });
    expect(seen[0]).toBe('/v1.0/me/threads_publishing_limit?fields=quota_usage%2Cconfig%2Creply_quota_usage%2Creply_config');
  });
});

describe('checkPublishingLimit', () => {
  it('lets a post through below the cap and refuses at it, naming the quota', () => {
    expect(() =>
      checkPublishingLimit({ used: 49, total: 50, windowSeconds: 86_400 }, { network: 'instagram', what: 'posts' }),
    ).not.toThrow();
    let error: unknown;
    try {
      checkPublishingLimit({ used: 50, total: 50, windowSeconds: 86_400 }, { network: 'instagram', what: 'posts' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PublishingLimitError);
    expect(RateLimitError.isInstance(error)).toBe(true);
    const limit = error as PublishingLimitError;
    expect(limit.message).toBe(
      'instagram publishing cap reached: 50 of 50 posts a rolling 24 h are used; Meta does not say when the oldest frees; try again later.',
    );
    expect([limit.used, limit.total, limit.windowSeconds, limit.limit, limit.remaining]).toEqual([50, 50, 86_400, 50, 0]);
  });

  it('says when the oldest frees when the caller knows', () => {
    const error = new PublishingLimitError({
      network: 'threads',
      what: 'posts',
      used: 250,
      total: 250,
      windowSeconds: 86_400,
      freesAt: '2026-01-05T10:00:00.000Z',
      retryAfterMs: 3_600_000,
    });
    expect(error.message).toContain('250 of 250 posts a rolling 24 h');
    expect(error.message).toContain('the oldest frees at 2026-01-05T10:00:00.000Z');
    expect(error.resetAt).toBe('2026-01-05T10:00:00.000Z');
    expect(error.retryAfterMs).toBe(3_600_000);
  });
});
