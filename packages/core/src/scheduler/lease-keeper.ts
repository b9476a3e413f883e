import type { Clock } from '../clock/index.js';
import type { ScheduleStore } from '../schedule-store/index.js';

/** @internal Renews the leases of the entries a worker is publishing. */
export interface LeaseKeeper {
  /** Keeps `id`'s lease alive until `release(id)`. */
  hold(id: string): void;
  release(id: string): void;
  /** Ends the timer now (stop()). */
  stop(): void;
}

/**
 * @internal One timer per worker, not one per entry: every `leaseMs / 3` it extends the
 * lease of every entry being published, and it sleeps only while there is one (so a worker
 * at rest holds no timer). A renewal that fails is reported; the publish goes on, and if the
 * lease was taken over the publish's own `leaseOwner` write finds out.
 */
export function createLeaseKeeper(options: {
  store: ScheduleStore;
  clock: Clock;
  owner: string;
  leaseMs: number;
  onLost(id: string): void;
  onError(id: string, error: unknown): void;
}): LeaseKeeper {
  const { store, clock, owner, leaseMs } = options;
  const held = new Set<string>();
  let controller: AbortController | undefined;

  async function loop(current: AbortController): Promise<void> {
    const { signal } = current;
    const every = Math.max(1, Math.floor(leaseMs / 3));
    for (;;) {
      if (held.size === 0 || signal.aborted) {
        // Cleared in the same tick as the check, so a hold() right after starts a new loop.
        if (controller === current) controller = undefined;
        return;
      }
      try {
        await clock.sleep(every, signal);
      } catch {
        return;
      }
      const now = clock.now();
      await Promise.all(
        [...held].map(async (id) => {
          try {
            if (!(await store.extendLease(id, owner, now, leaseMs))) {
              held.delete(id);
              options.onLost(id);
            }
          } catch (error) {
            options.onError(id, error);
          }
        }),
      );
    }
  }

  function stop(): void {
    controller?.abort();
    controller = undefined;
  }

  return {
    hold(id) {
      held.add(id);
      if (controller !== undefined) return;
      const current = new AbortController();
      controller = current;
      void loop(current);
    },
    release(id) {
      held.delete(id);
      if (held.size === 0) stop();
    },
    stop,
  };
}
