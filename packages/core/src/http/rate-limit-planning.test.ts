import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError, ValidationError } from '../errors/index.js';
import { startLoopback, json, type Loopback } from './__tests__/loopback-server.js';
import { createFakeClock, type FakeClock } from '../clock/index.js';
import { createHttpClient, createMemoryRateLimitStore, dailyQuota, type HttpClientEvents, type RateLimitStore } from './index.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Lets real I/O (the loopback round trip) happen while fake time stands still. */
const realPause = (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server that enforces an X-style window on the fake clock: `limit` requests until `resetAt`. */
function xWindowServer(clock: FakeClock, limit: number, windowMs: number) {
  let windowEnd = clock.now() + windowMs;
  let used = 0;
  let rejected = 0;
  const handler = (_request: unknown, response: Parameters<typeof json>[0]) => {
    if (clock.now() >= windowEnd) {
      windowEnd = clock.now() + windowMs;
      used = 0;
    }
    const headers = { 'x-rate-limit-limit': String(limit), 'x-rate-limit-reset': String(Math.ceil(windowEnd / 1000)) };
    if (used >= limit) {
      rejected += 1;
      json(response, 429, { errors: [{ code: 88, message: 'Rate limit exceeded' }] }, { ...headers, 'x-rate-limit-remaining': '0' });
      return;
    }
    used += 1;
    json(response, 200, { ok: true }, { ...headers, 'x-rate-limit-remaining': String(limit - used) });
  };
  return {
    handler,
    get rejected() {
      return rejected;
    },
  };
}

describe('createHttpClient options', () => {
  it('rejects a bad option eagerly with a ValidationError naming it', () => {
    expect(() => createHttpClient({ platform: 'x', timeoutMs: -1 })).toThrow(ValidationError);
    try {
      createHttpClient({
        platform: '',
        timeoutMs: -1,
        concurrency: 0,
        baseUrl: 'ftp://nope',
        staticLimits: [{ bucket: 'write', limit: 5, windowMs: 1000, resetsAtMidnightIn: 'Mars/Base' }],
      });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      const paths = (error as ValidationError).issues.map((issue) => issue.path.join('.'));
      expect(paths).toEqual(
        expect.arrayContaining(['platform', 'timeoutMs', 'concurrency', 'baseUrl', 'staticLimits.0.resetsAtMidnightIn']),
      );
      expect((error as Error).message).toContain('timeoutMs');
    }
  });

  it('rejects a bad request before sending anything', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const http = createHttpClient({ platform: 'x', fetch });
    await expect(http.request({ path: '/x', cost: -2 })).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && (error as Error).message.includes('cost'),
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('planning around limits', () => {
  it('a 429 with Retry-After waits that long, then succeeds', async () => {
    const clock = createFakeClock();
    let calls = 0;
    server = await startLoopback((_request, response) => {
      calls += 1;
      if (calls === 1) json(response, 429, { error: 'RateLimitExceeded' }, { 'retry-after': '30' });
      else json(response, 200, { ok: true });
    });
    const http = createHttpClient({ platform: 'bluesky', baseUrl: server.url, clock, resetMarginMs: 0 });
    const held: HttpClientEvents['rate-limited'][] = [];
    http.on('rate-limited', (event) => held.push(event));
    const result = http.request({ path: '/xrpc/app.bsky.feed.getTimeline' });
    await vi.waitFor(() => expect(held).toHaveLength(1));
    expect(held[0]?.waitMs).toBe(30_000);
    await clock.advance(29_999);
    await realPause();
    expect(calls).toBe(1);
    await clock.advance(1);
    await expect(result).resolves.toMatchObject({ status: 200, data: { ok: true } });
    expect(calls).toBe(2);
  });

  it('remaining=0 holds the next call until the reset without sending it', async () => {
    const clock = createFakeClock();
    const window = xWindowServer(clock, 1, 60_000);
    server = await startLoopback(window.handler);
    const http = createHttpClient({ platform: 'x', accountId: '12', baseUrl: server.url, clock, resetMarginMs: 0 });
    await http.request({ path: '/2/users/me' });
    expect(http.rateLimit('read')).toEqual({
      limit: 1,
      remaining: 0,
      resetAt: new Date(Math.ceil((clock.now() + 60_000) / 1000) * 1000).toISOString(),
      scope: 'x:12:read',
    });
    const held: HttpClientEvents['rate-limited'][] = [];
    http.on('rate-limited', (event) => held.push(event));
    const second = http.request({ path: '/2/users/me' });
    await vi.waitFor(() => expect(held).toHaveLength(1));
    expect(held[0]).toMatchObject({ scope: 'x:12:read', bucket: 'read', waitMs: 60_000 });
    await realPause();
    expect(server.received).toHaveLength(1);
    await clock.advance(59_000);
    await realPause();
    expect(server.received).toHaveLength(1);
    await clock.advance(1_000);
    await expect(second).resolves.toMatchObject({ status: 200 });
    expect(server.received).toHaveLength(2);
    expect(window.rejected).toBe(0);
  });

  it('20 concurrent callers with remaining=5 send exactly 5 before the reset, the rest after', async () => {
    const clock = createFakeClock();
    const window = xWindowServer(clock, 6, 60_000);
    server = await startLoopback(window.handler);
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, clock, concurrency: 20, resetMarginMs: 0 });
    await http.request({ path: '/2/tweets/search/recent' }); // learn: 5 left
    expect(http.rateLimit('read')?.remaining).toBe(5);
    const all = Array.from({ length: 20 }, () => http.request({ path: '/2/tweets/search/recent' }));
    await vi.waitFor(() => expect(server?.received).toHaveLength(6));
    await realPause(150);
    expect(server.received).toHaveLength(6);
    expect(window.rejected).toBe(0);
    await clock.advance(60_000);
    await vi.waitFor(() => expect(server?.received.length).toBeGreaterThanOrEqual(12));
    await realPause(150);
    // The second window has 6 slots: exactly 6 more go, 9 wait for the third window.
    expect(server.received).toHaveLength(12);
    await clock.advance(60_000);
    await clock.advance(60_000);
    const results = await Promise.all(all);
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(server.received).toHaveLength(21);
    expect(window.rejected).toBe(0);
  });

  it('an async store (a Redis-like one) still never lets concurrent callers overspend', async () => {
    const clock = createFakeClock();
    const window = xWindowServer(clock, 4, 60_000);
    server = await startLoopback(window.handler);
    const inner = createMemoryRateLimitStore();
    const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 1));
    const rateLimitStore: RateLimitStore = {
      get: async (key) => later(await inner.get(key)),
      set: async (key, state) => later(await inner.set(key, state)),
      delete: async (key) => later(await inner.delete(key)),
      entries: async () => later(await inner.entries()),
    };
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, clock, rateLimitStore, concurrency: 10, resetMarginMs: 0 });
    await http.request({ path: '/a' }); // 3 left
    const all = Array.from({ length: 10 }, () => http.request({ path: '/a' }));
    await vi.waitFor(() => expect(server?.received).toHaveLength(4));
    await realPause(150);
    expect(server.received).toHaveLength(4);
    expect(window.rejected).toBe(0);
    for (let i = 0; i < 4; i += 1) await clock.advance(60_000);
    await Promise.all(all);
    expect(server.received).toHaveLength(11);
    expect(window.rejected).toBe(0);
  });

  it('a reset header in the past does not stall', async () => {
    const clock = createFakeClock();
    server = await startLoopback((_request, response) =>
      json(
        response,
        200,
        {},
        { 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.floor(clock.now() / 1000) - 5) },
      ),
    );
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, clock });
    const held: unknown[] = [];
    http.on('rate-limited', (event) => held.push(event));
    await http.request({ path: '/a' });
    await http.request({ path: '/a' });
    await http.request({ path: '/a' });
    expect(server.received).toHaveLength(3);
    expect(held).toEqual([]);
  });

  it('once a known reset has passed, the window counts as rolled', async () => {
    const clock = createFakeClock();
    const window = xWindowServer(clock, 1, 60_000);
    server = await startLoopback(window.handler);
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, clock, resetMarginMs: 0 });
    await http.request({ path: '/a' });
    await clock.advance(61_000);
    const held: unknown[] = [];
    http.on('rate-limited', (event) => held.push(event));
    await expect(http.request({ path: '/a' })).resolves.toMatchObject({ status: 200 });
    expect(held).toEqual([]);
  });

  it('fails fast with RateLimitError when the wait exceeds maxWaitMs', async () => {
    const clock = createFakeClock();
    const window = xWindowServer(clock, 1, 15 * 60_000);
    server = await startLoopback(window.handler);
    const http = createHttpClient({ platform: 'x', accountId: '12', baseUrl: server.url, clock, maxWaitMs: 60_000, resetMarginMs: 0 });
    await http.request({ path: '/a' });
    const resetAt = new Date(Math.ceil((clock.now() + 15 * 60_000) / 1000) * 1000).toISOString();
    const error = await http.request({ path: '/a' }).catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ scope: 'x:12:read', limit: 1, remaining: 0, resetAt, retryAfterMs: Date.parse(resetAt) - clock.now() });
    expect(server.received).toHaveLength(1);
  });

  it('onRateLimited decides: "fail" throws at once, "wait" waits past maxWaitMs', async () => {
    const clock = createFakeClock();
    const window = xWindowServer(clock, 1, 60_000);
    server = await startLoopback(window.handler);
    const decisions: Array<'wait' | 'fail'> = ['fail', 'wait'];
    const infos: unknown[] = [];
    const http = createHttpClient({
      platform: 'x',
      baseUrl: server.url,
      clock,
      maxWaitMs: 0,
      resetMarginMs: 0,
      onRateLimited: (info) => {
        infos.push(info);
        return decisions.shift() ?? 'fail';
      },
    });
    await http.request({ path: '/a?access_token=s3cr3t-value' });
    await expect(http.request({ path: '/a?access_token=s3cr3t-value' })).rejects.toSatisfy(RateLimitError.isInstance);
    expect(infos[0]).toMatchObject({ scope: 'x:-:read', bucket: 'read', waitMs: 60_000, request: { method: 'GET' } });
    expect(JSON.stringify(infos)).not.toContain('s3cr3t-value');
    const waited = http.request({ path: '/a' });
    await vi.waitFor(() => expect(infos).toHaveLength(2));
    await clock.advance(60_000);
    await expect(waited).resolves.toMatchObject({ status: 200 });
  });

  it('static limits seed buckets for networks that send no headers', async () => {
    const clock = createFakeClock(); // 2026-01-05T09:00Z = 01:00 in Los Angeles
    server = await startLoopback((_request, response) => json(response, 200, {}));
    const http = createHttpClient({
      platform: 'youtube',
      baseUrl: server.url,
      clock,
      resetMarginMs: 0,
      staticLimits: [dailyQuota('search', 2, 'America/Los_Angeles')],
      maxWaitMs: 60_000,
    });
    await http.request({ path: '/search', bucket: 'search' });
    await http.request({ path: '/search', bucket: 'search' });
    expect(http.rateLimit('search')).toEqual({
      limit: 2,
      remaining: 0,
      resetAt: '2026-01-06T08:00:00.000Z',
      windowMs: 86_400_000,
      scope: 'youtube:-:search',
    });
    const error = await http.request({ path: '/search', bucket: 'search' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'RateLimitError', resetAt: '2026-01-06T08:00:00.000Z', retryAfterMs: 23 * 3_600_000 });
    expect(server.received).toHaveLength(2);
    // Other buckets are not limited by it.
    await http.request({ path: '/videos' });
    expect(server.received).toHaveLength(3);
  });

  it('cost spends points: a create (3) waits when only 2 are left', async () => {
    const clock = createFakeClock();
    server = await startLoopback((_request, response) =>
      json(
        response,
        200,
        {},
        { 'ratelimit-limit': '5', 'ratelimit-remaining': '2', 'ratelimit-reset': '60', 'ratelimit-policy': '5;w=60' },
      ),
    );
    const http = createHttpClient({ platform: 'bluesky', baseUrl: server.url, clock, resetMarginMs: 0 });
    await http.request({ method: 'POST', path: '/xrpc/com.atproto.repo.deleteRecord', cost: 1, idempotent: true });
    expect(http.rateLimit('write')).toMatchObject({ limit: 5, remaining: 2, windowMs: 60_000 });
    const held: HttpClientEvents['rate-limited'][] = [];
    http.on('rate-limited', (event) => held.push(event));
    const create = http.request({ method: 'POST', path: '/xrpc/com.atproto.repo.createRecord', cost: 3 });
    await vi.waitFor(() => expect(held).toHaveLength(1));
    expect(server.received).toHaveLength(1);
    await clock.advance(60_000);
    await expect(create).resolves.toMatchObject({ status: 200 });
  });

  it('a shared store lets two clients of one account plan together', async () => {
    const clock = createFakeClock();
    const window = xWindowServer(clock, 2, 60_000);
    server = await startLoopback(window.handler);
    const rateLimitStore = createMemoryRateLimitStore();
    const a = createHttpClient({ platform: 'x', accountId: '12', baseUrl: server.url, clock, rateLimitStore, maxWaitMs: 0 });
    const b = createHttpClient({ platform: 'x', accountId: '12', baseUrl: server.url, clock, rateLimitStore, maxWaitMs: 0 });
    await a.request({ path: '/a' });
    await b.request({ path: '/a' });
    await expect(a.request({ path: '/a' })).rejects.toSatisfy(RateLimitError.isInstance);
    expect(b.rateLimits()).toEqual([expect.objectContaining({ scope: 'x:12:read', remaining: 0 })]);
    expect(window.rejected).toBe(0);
  });

  it('caps concurrency per bucket and overall', async () => {
    let mediaActive = 0;
    let mediaPeak = 0;
    server = await startLoopback(async (request, response) => {
      const isMedia = request.url.startsWith('/media');
      if (isMedia) mediaPeak = Math.max(mediaPeak, ++mediaActive);
      await new Promise((resolve) => setTimeout(resolve, 15));
      if (isMedia) mediaActive -= 1;
      json(response, 200, { path: request.url });
    });
    const http = createHttpClient({ platform: 'x', baseUrl: server.url, concurrency: 3, bucketConcurrency: { media: 1 } });
    await Promise.all([
      ...Array.from({ length: 4 }, () => http.request({ path: '/media', bucket: 'media', method: 'PUT' })),
      ...Array.from({ length: 6 }, () => http.request({ path: '/read' })),
    ]);
    expect(mediaPeak).toBe(1);
    expect(server.peak).toBeGreaterThan(1);
    expect(server.peak).toBeLessThanOrEqual(3);
    expect(server.received).toHaveLength(10);
  });

  it('emits rate-limit-updated with the learned state', async () => {
    const clock = createFakeClock();
    const reset = Math.floor(clock.now() / 1000) + 900;
    server = await startLoopback((_request, response) =>
      json(response, 200, {}, { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '299', 'x-rate-limit-reset': String(reset) }),
    );
    const http = createHttpClient({ platform: 'x', accountId: '12', baseUrl: server.url, clock });
    const updates: HttpClientEvents['rate-limit-updated'][] = [];
    http.on('rate-limit-updated', (event) => updates.push(event));
    await http.request({ path: '/a' });
    expect(updates).toEqual([
      { scope: 'x:12:read', state: { limit: 300, remaining: 299, resetAt: new Date(reset * 1000).toISOString(), scope: 'x:12:read' } },
    ]);
  });
});
