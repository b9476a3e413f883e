import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, startLoopback, type Loopback } from './__tests__/loopback-server.js';
import { createFakeClock, type FakeClock } from '../clock/index.js';
import { createHttpClient } from './index.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the bucket is reserved at dispatch, inside the concurrency slot', () => {
  it(
    'Retry-After-only server, 100 callers: per window, 429s ≤ requests in flight when the first 429 arrived',
    { timeout: 60_000 },
    async () => {
      const clock = createFakeClock();
      const QUOTA = 20;
      const WINDOW_MS = 60_000;
      let windowEnd = clock.now() + WINDOW_MS;
      let used = 0;
      // No advance headers at all: only a 429 with Retry-After once the window's quota is spent.
      server = await startLoopback((_request, response) => {
        setTimeout(() => {
          if (clock.now() >= windowEnd) {
            windowEnd = clock.now() + WINDOW_MS;
            used = 0;
          }
          if (used >= QUOTA) {
            json(response, 429, { error: 'slow down' }, { 'retry-after': String(Math.ceil((windowEnd - clock.now()) / 1000)) });
            return;
          }
          used += 1;
          json(response, 200, { ok: true });
        }, 3);
      });
      const http = createHttpClient({
        platform: 'bluesky',
        baseUrl: server.url,
        clock,
        concurrency: 8,
        maxRetries: 20,
        maxWaitMs: 10 * WINDOW_MS,
        maxRetryTimeMs: 100 * WINDOW_MS,
        resetMarginMs: 0,
      });
      // Client-side view: requests on the wire, and per window the 429s and the in-flight count at the first one.
      let onWire = 0;
      const windows = new Map<number, { rejected: number; inFlightAtFirst: number; ok: number }>();
      const start = clock.now();
      const windowOf = () => {
        const index = Math.floor((clock.now() - start) / WINDOW_MS);
        let stats = windows.get(index);
        if (!stats) {
          stats = { rejected: 0, inFlightAtFirst: 0, ok: 0 };
          windows.set(index, stats);
        }
        return stats;
      };
      http.on('request', () => {
        onWire += 1;
      });
      http.on('response', (event) => {
        const stats = windowOf();
        if (event.status === 429) {
          if (stats.rejected === 0) stats.inFlightAtFirst = onWire;
          stats.rejected += 1;
        } else stats.ok += 1;
        onWire -= 1;
      });
      let finished = 0;
      const all = Array.from({ length: 100 }, () =>
        http.request({ path: '/xrpc/app.bsky.feed.getTimeline' }).finally(() => (finished += 1)),
      );
      for (let index = 0; index < 10 && finished < 100; index += 1) {
        const target = Math.min(100, QUOTA * (index + 1));
        // Every answer of this window is in (a 429 read after the clock moved would, rightly, hold
        // the bucket into the next window).
        await vi.waitFor(
          () => {
            expect(finished).toBeGreaterThanOrEqual(target);
            expect(onWire).toBe(0);
          },
          { timeout: 10_000 },
        );
        await new Promise((resolve) => setTimeout(resolve, 100)); // let anything that would still go out show up
        await clock.advance(WINDOW_MS);
      }
      const results = await Promise.all(all);
      expect(results.every((result) => result.status === 200)).toBe(true);
      const stats = [...windows.values()];
      expect(stats.reduce((sum, window) => sum + window.ok, 0)).toBe(100);
      for (const window of stats) expect(window.rejected).toBeLessThanOrEqual(window.inFlightAtFirst);
      // Within one window, at most the concurrency cap was on the wire.
      for (const window of stats) expect(window.inFlightAtFirst).toBeLessThanOrEqual(8);
      expect(stats.filter((window) => window.rejected > 0).length).toBeGreaterThan(0);
    },
  );
});
