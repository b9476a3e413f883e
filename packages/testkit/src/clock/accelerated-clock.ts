import { systemClock, type Clock } from '@smm/core/clock';
import { ValidationError } from '@smm/core/errors';

/** Options of {@link createAcceleratedClock}. */
export interface AcceleratedClockOptions {
  /** Clock time when the clock is created (epoch ms, ISO-8601 string or Date). Default: now. */
  start?: number | string | Date;
  /** How many clock milliseconds pass per real millisecond (e.g. `10_080` runs a week in a minute). */
  speed: number;
}

/** A clock that runs faster than real time, for demos and soak runs. */
export interface AcceleratedClock extends Clock {
  /** Clock milliseconds per real millisecond. */
  readonly speed: number;
  /** `now()` as an ISO-8601 UTC string. */
  iso(): string;
}

function toMs(time: number | string | Date): number {
  const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : time.getTime();
  if (!Number.isFinite(ms)) {
    throw new ValidationError('createAcceleratedClock options', [
      {
        path: ['start'],
        code: 'invalid_time',
        message: `"${String(time)}" is not a time: use epoch ms, an ISO-8601 string such as 2026-03-02T00:00:00Z, or a Date`,
      },
    ]);
  }
  return ms;
}

/**
 * A real-time clock sped up by a constant factor: `now()` advances `speed` times faster than
 * the wall clock and `sleep(ms)` waits `ms / speed` real milliseconds. Unlike the fake clock
 * nothing has to drive it, so whole programs — the scheduler's poll loop, rate-limit waits,
 * the simulators' evolving metrics — run unchanged, just faster. Like `systemClock`, a
 * sleeping timer never keeps the process alive by itself.
 *
 * @example
 * ```ts
 * import { createAcceleratedClock } from '@smm/testkit/clock';
 *
 * // A simulated week in one real minute.
 * const clock = createAcceleratedClock({ start: '2026-03-02T00:00:00Z', speed: 7 * 24 * 60 });
 * await clock.sleep(60 * 60_000); // one clock hour ≈ 357 real ms
 * ```
 */
export function createAcceleratedClock(options: AcceleratedClockOptions): AcceleratedClock {
  const { speed } = options;
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0) {
    throw new ValidationError('createAcceleratedClock options', [
      {
        path: ['speed'],
        code: 'invalid_speed',
        message: `speed must be a finite number above 0 (clock ms per real ms, e.g. 10080 for a week a minute), got ${String(speed)}`,
      },
    ]);
  }
  const startMs = toMs(options.start ?? Date.now());
  const realStart = performance.now();
  const now = () => Math.floor(startMs + (performance.now() - realStart) * speed);

  return {
    speed,
    now,
    iso: () => new Date(now()).toISOString(),
    // A wait of `ms` on this clock is a real wait of ms ÷ speed, as abortable (and as unref'd) as the system clock's.
    sleep: (ms, signal) => systemClock.sleep(Math.max(0, ms) / speed, signal),
  };
}
