import type { Clock } from '../../clock/index.js';

interface Sleeper {
  at: number;
  resolve: () => void;
}

/**
 * A clock for tests: time stands still until `advance(ms)` moves it, waking every sleeper
 * whose time has come, in order. Aborted sleeps are forgotten at once.
 *
 * @example
 * ```ts
 * const clock = new FakeClock(Date.parse('2026-01-05T09:00:00Z'));
 * const woken = clock.sleep(1_000);
 * await clock.advance(1_000);
 * await woken;
 * ```
 */
export class FakeClock implements Clock {
  private current: number;
  private readonly sleepers = new Set<Sleeper>();

  constructor(start = Date.parse('2026-01-05T09:00:00.000Z')) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** How many sleeps are pending (a held request waits in one). */
  get pending(): number {
    return this.sleepers.size;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const sleeper: Sleeper = {
        at: this.current + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.sleepers.delete(sleeper);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.add(sleeper);
    });
  }

  /** Moves time forward, waking due sleepers one by one and letting their work run between. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const due = [...this.sleepers].filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.current = Math.max(this.current, due.at);
      this.sleepers.delete(due);
      due.resolve();
      await settle();
    }
    this.current = target;
    await settle();
  }
}

/** Lets pending promise callbacks and I/O callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
