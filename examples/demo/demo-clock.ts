/**
 * The demo's clock: it stands still while the week is planned (so the plan, the approvals and
 * the simulators all start from one known instant) and then runs a simulated week in seconds
 * on `createAcceleratedClock` from @smm/testkit. Every part of the demo — simulators, client,
 * calendar, scheduler, listener — shares this one clock, so they all agree on "now".
 */
import type { Clock } from '@smm/core/clock';
import { createAcceleratedClock, type AcceleratedClock } from '@smm/testkit/clock';

export interface DemoClock extends Clock {
  /** `now()` as an ISO-8601 UTC string. */
  iso(): string;
  /** Moves the stopped clock forward (planning takes a few simulated minutes per step). */
  advance(ms: number): void;
  /** Starts the clock at `speed` clock ms per real ms; from then on it never stops. */
  run(speed: number): void;
  /** Clock ms per real ms (0 while stopped). */
  readonly speed: number;
}

export function createDemoClock(start: string): DemoClock {
  let stoppedAt = Date.parse(start);
  let running: AcceleratedClock | undefined;
  // Sleeps begun while the clock stands still start counting once it runs.
  const waiting: Array<() => void> = [];

  const clock: DemoClock = {
    get speed() {
      return running?.speed ?? 0;
    },
    now: () => running?.now() ?? stoppedAt,
    iso: () => new Date(clock.now()).toISOString(),
    advance(ms) {
      if (running) throw new Error('the demo clock is already running; advance() only moves it while it stands still');
      stoppedAt += ms;
    },
    run(speed) {
      if (running) return;
      running = createAcceleratedClock({ start: stoppedAt, speed });
      for (const wake of waiting.splice(0)) wake();
    },
    async sleep(ms, signal) {
      if (!running) {
        await new Promise<void>((resolve, reject) => {
          if (signal?.aborted) return reject(signal.reason);
          waiting.push(resolve);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
      return running!.sleep(ms, signal);
    },
  };
  return clock;
}
