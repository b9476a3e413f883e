import { describe, expect, it } from 'vitest';
import { RateLimitError } from '@smm/core/adapter-kit';
import { linkedinStaticLimits, parseLinkedInRateLimit } from './rate-limits.js';
import { settle, testEnv } from './__tests__/test-env.js';

describe('LinkedIn rate limits', () => {
  it('are daily static limits per bucket, reset at midnight UTC', () => {
    expect(linkedinStaticLimits({ write: 150, media: 500, read: 100_000 })).toEqual([
      { bucket: 'write', limit: 150, windowMs: 86_400_000, resetsAtMidnightIn: 'UTC' },
      { bucket: 'media', limit: 500, windowMs: 86_400_000, resetsAtMidnightIn: 'UTC' },
      { bucket: 'read', limit: 100_000, windowMs: 86_400_000, resetsAtMidnightIn: 'UTC' },
    ]);
  });

  it('read nothing from an answer but a 429, which spends the bucket until the next midnight UTC', () => {
    const now = Date.parse('2026-05-01T23:59:30Z');
    expect(parseLinkedInRateLimit({ status: 200, headers: new Headers() }, { now, bucket: 'read' })).toEqual([]);
    expect(parseLinkedInRateLimit({ status: 429, headers: new Headers() }, { now, bucket: 'write' })).toEqual([
      { remaining: 0, resetAtMs: Date.parse('2026-05-02T00:00:00Z') },
    ]);
  });

  it('stop a bucket after its configured daily count: the next publish waits for midnight UTC or fails with RateLimitError', async () => {
    const { sim, client, account } = testEnv({
      settings: { dailyLimits: { write: 2, media: 10, read: 1000 } },
      httpOptions: { maxWaitMs: 1_000 },
    });
    await client.publish(account, { text: 'one' });
    await client.publish(account, { text: 'two' });
    const from = sim.requests.length;
    const third = await settle(client.publish(account, { text: 'three' }));
    expect(third.ok).toBe(false);
    expect(RateLimitError.isInstance(third.ok ? undefined : third.error)).toBe(true);
    const error = third.ok ? undefined : (third.error as RateLimitError);
    expect(new Date(error!.resetAt!).getUTCHours()).toBe(0);
    expect(sim.requests.slice(from).filter((request) => request.method === 'POST')).toEqual([]);
  });
});
