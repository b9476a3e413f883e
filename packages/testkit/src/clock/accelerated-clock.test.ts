import { ValidationError } from '@smm/core/errors';
import { describe, expect, it } from 'vitest';
import { createAcceleratedClock } from './index.js';

describe('createAcceleratedClock', () => {
  it('starts where it is told', () => {
    const clock = createAcceleratedClock({ start: '2026-03-02T00:00:00Z', speed: 1_000 });
    // Within a few real ms of creation: at most a few clock seconds past the start.
    expect(clock.now() - Date.parse('2026-03-02T00:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(clock.now() - Date.parse('2026-03-02T00:00:00Z')).toBeLessThan(60_000 * 1_000);
    expect(clock.iso().startsWith('2026-03-0')).toBe(true);
  });

  it('a clock hour passes in about a real second at speed 3,600', async () => {
    const clock = createAcceleratedClock({ start: 0, speed: 3_600 });
    const realStart = performance.now();
    const before = clock.now();
    await clock.sleep(3_600_000 / 20); // three clock minutes = 50 real ms
    const realMs = performance.now() - realStart;
    // Clock time advanced at least what was slept, and real time far less than clock time.
    expect(clock.now() - before).toBeGreaterThanOrEqual(3_600_000 / 20 - 3_600);
    expect(realMs).toBeLessThan(3_600_000 / 20 / 10);
  });

  it('rejects with the abort reason and validates the speed', async () => {
    const clock = createAcceleratedClock({ speed: 10 });
    const controller = new AbortController();
    const waiting = clock.sleep(60_000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    expect(() => createAcceleratedClock({ speed: 0 })).toThrow(/speed must be a finite number above 0/);
    expect(() => createAcceleratedClock({ speed: 0 })).toThrow(ValidationError);
    expect(() => createAcceleratedClock({ speed: Number.NaN })).toThrow(/speed/);
    expect(() => createAcceleratedClock({ speed: 2, start: 'not a date' })).toThrow(/is not a time/);
  });
});
