import type { Clock } from '@smm/core/clock';
import { ValidationError } from '@smm/core/errors';

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

// Lets every queued promise callback run before the clock moves again.
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Creates a fake clock for tests and simulators: `now()` returns simulated time and `sleep`
 * resolves only when the clock is advanced past its wake-up time (or at once, in simulated
 * time, with `autoAdvance`). Sleepers wake in time order, ties in the order they slept.
 *
 * @example
 * ```ts
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

  const wakeDue = (until: number): number => {
    let woke = 0;
    for (;;) {
      const due = sleepers.filter((sleeper) => sleeper.at <= until).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) return woke;
      sleepers = sleepers.filter((sleeper) => sleeper !== due);
      now = Math.max(now, due.at);
      due.resolve();
      woke += 1;
    }
  };

  const earliest = (): Sleeper | undefined => [...sleepers].sort((a, b) => a.at - b.at || a.order - b.order)[0];

  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      await settle();
      for (let next = earliest(); next; next = earliest()) {
        wakeDue(next.at);
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
      // Wake one at a time so a sleeper that sleeps again inside the window wakes too.
      for (let next = earliest(); next && next.at <= target; next = earliest()) {
        wakeDue(next.at);
        await settle();
      }
      now = Math.max(now, target);
      await settle();
    },
    async next() {
      const next = earliest();
      if (!next) return false;
      wakeDue(next.at);
      await settle();
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
