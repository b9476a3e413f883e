import { describe, expect, it } from 'vitest';
import { BLUESKY_STATIC_LIMITS, parseBlueskyRateLimit } from './rate-limits.js';
import { testEnv } from './__tests__/test-env.js';

describe('rate limits', () => {
  it('parses ratelimit-* headers (reset in epoch seconds, policy window) and Retry-After', () => {
    const now = Date.parse('2026-01-05T09:00:00.000Z');
    const headers = new Headers({
      'ratelimit-limit': '5000',
      'ratelimit-remaining': '4997',
      'ratelimit-reset': '1767607200',
      'ratelimit-policy': '5000;w=3600',
    });
    expect(parseBlueskyRateLimit({ status: 200, headers }, { now, bucket: 'write' })).toEqual([
      { limit: 5000, remaining: 4997, resetAtMs: 1_767_607_200_000, windowMs: 3_600_000 },
    ]);
    expect(parseBlueskyRateLimit({ status: 429, headers: new Headers({ 'retry-after': '30' }) }, { now, bucket: 'read' })).toEqual([
      { retryAfterMs: 30_000 },
    ]);
  });

  it('declares the documented static limits', () => {
    expect(BLUESKY_STATIC_LIMITS).toEqual([
      { bucket: 'write', limit: 5000, windowMs: 3_600_000 },
      { bucket: 'read', limit: 3000, windowMs: 300_000 },
      { bucket: 'session', limit: 30, windowMs: 300_000 },
    ]);
  });

  it('spends 3 points per create and 1 per delete from the write bucket, as the PDS reports', async () => {
    const { client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'points' });
    const http = await client.http(account);
    expect(http.rateLimit('write')).toMatchObject({ limit: 5000, remaining: 4997, windowMs: 3_600_000 });
    await client.delete(account, published.parts[0]!);
    expect(http.rateLimit('write')?.remaining).toBe(4996);
  });

  it('waits instead of spending a request when the hourly points are gone', async () => {
    const { client, account, sim, clock } = testEnv({
      simulator: { limits: { hourlyPoints: { limit: 6, windowMs: 3_600_000 } } },
      httpOptions: { maxWaitMs: 2 * 3_600_000 },
    });
    await client.publish(account, { text: 'one' });
    await client.publish(account, { text: 'two' });
    const before = clock.now();
    await client.publish(account, { text: 'three' });
    // Held until the window the PDS announced (an hour after the first write) was over…
    expect(clock.now() - before).toBeGreaterThanOrEqual(3_600_000 - 60_000);
    // …and no create was spent on a 429.
    expect(sim.requests.filter((request) => request.path.endsWith('createRecord')).length).toBe(3);
    expect(sim.posts().map((post) => post.text)).toEqual(['one', 'two', 'three']);
  });
});
