import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pollDelayMs } from './await-pending.js';

describe('pollDelayMs', () => {
  it('backs off 1 s, 2 s, 4 s … capped at 30 s, with equal jitter (between half the step and the step)', () => {
    // Steps by hand: min(30000, 1000 × 2^n).
    const steps = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000];
    steps.forEach((step, polls) => {
      expect(pollDelayMs(polls, undefined, () => 0)).toBe(step / 2);
      expect(pollDelayMs(polls, undefined, () => 1)).toBe(step);
    });
    fc.assert(
      fc.property(fc.nat(60), fc.double({ min: 0, max: 1, noNaN: true }), (polls, r) => {
        const step = Math.min(30_000, 1_000 * 2 ** polls);
        const delay = pollDelayMs(polls, undefined, () => r);
        return delay >= step / 2 && delay <= step;
      }),
    );
  });

  it("follows the network's pollAfterMs hint when it gives a usable one", () => {
    expect(pollDelayMs(5, 2_500)).toBe(2_500);
    expect(pollDelayMs(0, 0)).toBe(0);
    expect(pollDelayMs(3, Number.NaN, () => 0)).toBe(4_000);
    expect(pollDelayMs(3, -1, () => 1)).toBe(8_000);
  });
});
