import { ValidationError } from '../errors/index.js';
import type { Clock } from './clock.js';

/** Options of {@link createFakeClock}. */
export interface FakeClockOptions {
  /** The starting time: epoch ms, an ISO-8601 string or a Date. Default `2026-01-05T09:00:00.000Z`. */
  now?: number | string | Date;
  /**
   * When true, a `sleep` does not wait for `advance`: the clock jumps to the earliest pending
   * wake-up on its own (after the pending promise callbacks have run), so code that backs off
   * or waits for a rate-limit reset finishes at once, in simulated time. Default false.
   */
  autoAdvance?: boolean;
}

/** A deterministic clock for tests: time moves only when told to. */
export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, waking every sleeper due on the way, in order. */
  advance(ms: number): Promise<void>;
  /** Moves time to the next pending wake-up and wakes it; false when none is pending. */
  next(): Promise<boolean>;
  /** Wakes sleepers one after another (including ones they start) until none is left; returns how many woke. */
  runAll(options?: { limit?: number }): Promise<number>;
  /** Sets the time (never backwards). */
  set(time: number | string | Date): void;
  /** How many sleepers are waiting. */
  pending(): number;
  /** The current time as an ISO-8601 string. */
  iso(): string;
}

interface Sleeper {
  at: number;
  order: number;
  resolve: () => void;
}

const DEFAULT_START = Date.parse('2026-01-05T09:00:00.000Z');

function toMs(time: number | string | Date): number {
  const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : time.getTime();
  if (!Number.isFinite(ms)) {
    throw new ValidationError('createFakeClock', [
      {
        path: ['now'],
        code: 'invalid_time',
        message: `"${String(time)}" is not a time: use epoch ms, an ISO-8601 string such as 2026-01-05T09:00:00Z, or a Date`,
      },
    ]);
  }
  return ms;
}

// Lets queued promise callbacks (and, given a few macrotask turns, loopback I/O such as a
// local test server's answer) run before the clock moves again or `advance` returns.
const settle = async (turns = 1) => {
  for (let turn = 0; turn < turns; turn += 1) await new Promise<void>((resolve) => setTimeout(resolve, 0));
};
// A test that advances by hand expects the woken work to have gone as far as it can.
const MANUAL_TURNS = 5;

/**
 * Creates a fake clock for tests and simulators: `now()` returns simulated time and `sleep`
 * resolves only when the clock is advanced past its wake-up time (or at once, in simulated
 * time, with `autoAdvance`). Sleepers wake in time order, ties in the order they slept.
 * `@smm/testkit/clock` re-exports it; core's own tests use it directly.
 *
 * @example
 * ```ts
 * import { createFakeClock } from '@smm/core/clock';
 *
 * const clock = createFakeClock({ now: '2026-03-01T12:00:00Z' });
 * const done = clock.sleep(60_000).then(() => clock.iso());
 * await clock.advance(60_000);
 * await done; // '2026-03-01T12:01:00.000Z'
 * ```
 */
export function createFakeClock(options: FakeClockOptions = {}): FakeClock {
  let now = toMs(options.now ?? DEFAULT_START);
  let order = 0;
  let sleepers: Sleeper[] = [];
  let draining = false;

  const earliest = (): Sleeper | undefined => [...sleepers].sort((a, b) => a.at - b.at || a.order - b.order)[0];

  // One sleeper per step, with the work it starts run in between: sleepers due at the same
  // instant then act one after another, as they would on real timers.
  const wake = (sleeper: Sleeper) => {
    sleepers = sleepers.filter((entry) => entry !== sleeper);
    now = Math.max(now, sleeper.at);
    sleeper.resolve();
  };

  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      await settle();
      for (let next = earliest(); next; next = earliest()) {
        wake(next);
        await settle();
      }
    } finally {
      draining = false;
    }
  };

  const clock: FakeClock = {
    now: () => now,
    iso: () => new Date(now).toISOString(),
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const sleeper: Sleeper = { at: now + Math.max(0, ms), order: order++, resolve: () => {} };
        const onAbort = () => {
          sleepers = sleepers.filter((entry) => entry !== sleeper);
          reject(signal?.reason);
        };
        sleeper.resolve = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.push(sleeper);
        if (options.autoAdvance) void drain();
      });
    },
    async advance(ms) {
      if (!(ms >= 0)) throw new RangeError('advance(ms): ms must be 0 or more');
      const target = now + ms;
      // Re-read the earliest each step so a sleeper that sleeps again inside the window wakes too.
      for (let next = earliest(); next && next.at <= target; next = earliest()) {
        wake(next);
        await settle(MANUAL_TURNS);
      }
      now = Math.max(now, target);
      await settle(MANUAL_TURNS);
    },
    async next() {
      const next = earliest();
      if (!next) return false;
      wake(next);
      await settle(MANUAL_TURNS);
      return true;
    },
    async runAll({ limit = 10_000 } = {}) {
      let woke = 0;
      while (sleepers.length > 0) {
        if (woke >= limit) throw new Error(`runAll: still ${sleepers.length} sleeper(s) after ${limit} wake-ups (a loop that never ends?)`);
        await clock.next();
        woke += 1;
      }
      return woke;
    },
    set(time) {
      const target = toMs(time);
      if (target < now) throw new RangeError('set(time): a fake clock never goes backwards');
      now = target;
    },
    pending: () => sleepers.length,
  };
  return clock;
}
