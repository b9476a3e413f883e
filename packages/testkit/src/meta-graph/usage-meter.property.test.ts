import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createGraphUsageMeter } from './index.js';

// Whatever the call pattern, the meter lets through at most `limit` calls in any rolling window,
// and its reported call_count is the share of the limit used (floored), as X-App-Usage reports it.
describe('createGraphUsageMeter (property)', () => {
  it('never lets more than limit calls through in any window, and reports floor(calls × 100 / limit)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 900_000 }), { maxLength: 40 }),
        async (limit, gaps) => {
          const clock = createFakeClock({ now: 0 });
          const windowMs = 3_600_000;
          const meter = createGraphUsageMeter({ clock, limit, windowMs });
          const allowed: number[] = [];
          for (const gap of gaps) {
            await clock.advance(gap);
            if (meter.call() === undefined) allowed.push(clock.now());
            const inWindow = allowed.filter((at) => at > clock.now() - windowMs).length;
            expect(inWindow).toBeLessThanOrEqual(limit);
            const reported = (JSON.parse(meter.headers()['x-app-usage']!) as { call_count: number }).call_count;
            expect(reported).toBe(Math.floor((inWindow * 100) / limit));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
