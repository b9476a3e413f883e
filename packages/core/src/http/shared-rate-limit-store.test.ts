import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, startLoopback, type Loopback } from './__tests__/loopback-server.js';
import { createFakeClock, type FakeClock } from '../clock/index.js';
import { createHttpClient, createMemoryRateLimitStore } from './index.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An X-style window on the fake clock that answers after a short real delay, so requests overlap. */
function xWindow(clock: FakeClock, limit: number, windowMs: number) {
  let windowEnd = clock.now() + windowMs;
  const stats = { used: 0, ok: 0, rejected: 0 };
  const handler = (_request: unknown, response: Parameters<typeof json>[0]) => {
    setTimeout(() => {
      if (clock.now() >= windowEnd) {
        windowEnd = clock.now() + windowMs;
        stats.used = 0;
      }
      const headers = { 'x-rate-limit-limit': String(limit), 'x-rate-limit-reset': String(Math.ceil(windowEnd / 1000)) };
      if (stats.used >= limit) {
        stats.rejected += 1;
        json(response, 429, {}, { ...headers, 'x-rate-limit-remaining': '0' });
        return;
      }
      stats.used += 1;
      stats.ok += 1;
      json(response, 200, {}, { ...headers, 'x-rate-limit-remaining': String(limit - stats.used) });
    }, 3);
  };
  return { handler, stats };
}

describe('clients sharing one RateLimitStore plan as one', () => {
  it('two clients, 30 concurrent calls each, 10 per window: 0 × 429 and each window used in full', { timeout: 30_000 }, async () => {
    const clock = createFakeClock();
    const window = xWindow(clock, 10, 60_000);
    server = await startLoopback(window.handler);
    const rateLimitStore = createMemoryRateLimitStore();
    const options = { platform: 'x', accountId: '12', baseUrl: server.url, clock, rateLimitStore, concurrency: 8, resetMarginMs: 0 };
    const a = createHttpClient(options);
    const b = createHttpClient(options);
    // Both learn the window first, with one request each.
    await a.request({ path: '/a' });
    await b.request({ path: '/a' });
    const all = [
      ...Array.from({ length: 30 }, () => a.request({ path: '/a' })),
      ...Array.from({ length: 30 }, () => b.request({ path: '/a' })),
    ];
    const done = Promise.all(all);
    let finished = false;
    void done.then(() => (finished = true));
    const perWindow: number[] = [];
    for (let windowIndex = 0; windowIndex < 10 && !finished; windowIndex += 1) {
      // Let the window's requests go out and come back (10 of them, or what is left), then move on.
      const expected = Math.min(62, 10 * (windowIndex + 1));
      await vi.waitFor(() => expect(window.stats.ok + window.stats.rejected).toBeGreaterThanOrEqual(expected), { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 100)); // anything beyond would show up as a 429
      perWindow.push(window.stats.ok);
      await clock.advance(60_000);
    }
    await done;
    expect(window.stats.rejected).toBe(0);
    expect(window.stats.ok).toBe(62);
    // 8 left in the first window after the two learning calls, then 10 per window.
    const used = perWindow.map((total, index) => total - (perWindow[index - 1] ?? 2));
    expect(used).toEqual([8, 10, 10, 10, 10, 10, 2].slice(0, used.length));
    expect(used.length).toBeGreaterThanOrEqual(6);
  });

  it('a response does not overwrite the other client’s reservations', async () => {
    const rateLimitStore = createMemoryRateLimitStore();
    const clock = createFakeClock();
    const reset = String(Math.ceil((clock.now() + 60_000) / 1000));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let remaining = 10;
    server = await startLoopback(async (request, response) => {
      remaining -= 1; // the server counts a request when it arrives
      const said = String(remaining);
      if (request.url === '/slow') await gate;
      json(response, 200, {}, { 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': said, 'x-rate-limit-reset': reset });
    });
    const options = { platform: 'x', accountId: '12', baseUrl: server.url, clock, rateLimitStore, resetMarginMs: 0 };
    const a = createHttpClient(options);
    const b = createHttpClient(options);
    await a.request({ path: '/fast' }); // 9 left
    const slow = Promise.all([b.request({ path: '/slow' }), b.request({ path: '/slow' }), b.request({ path: '/slow' })]);
    await vi.waitFor(() => expect(server!.received).toHaveLength(4));
    expect(a.rateLimit('read')).toMatchObject({ remaining: 6 }); // B's three are counted by A
    await a.request({ path: '/fast' }); // the server says 5: B's three are still in flight
    expect(a.rateLimit('read')).toMatchObject({ remaining: 2 });
    release();
    await slow;
    // Their late answers (8, 7, 6) cannot raise what the server already said.
    expect(b.rateLimit('read')).toMatchObject({ remaining: 5 });
  });
});
