import type { Clock } from '../clock/index.js';
import type { CalendarEntry, ScheduleStore } from '../schedule-store/index.js';

const STOPPED = new Error('the lease keeper stopped: no entry is being run');

/** @internal What the keeper knows about one entry this worker is running. */
interface HeldLease {
  /** The claim's token: every write and renewal is fenced on it. */
  token: string | undefined;
  /** Epoch ms (scheduler clock) until which the lease is known to be ours. */
  validUntil: number;
  /** Aborted when the lease is lost: the in-flight network call stops. Made on first use. */
  controller: AbortController | undefined;
  lost: boolean;
}

/** @internal Renews the leases of the entries a worker is running, on the scheduler's clock. */
export interface LeaseKeeper {
  /** Keeps the lease of a just-claimed entry alive (its token and expiry) until `release(id)`. */
  hold(entry: CalendarEntry): void;
  /**
   * This worker claimed `entry` again while still running it (its lease lapsed, nobody else
   * took it): the running call carries on under the new claim's token. False when the run
   * already lost its lease (it is being aborted), so the new claim must wait for it.
   */
  adopt(entry: CalendarEntry): boolean;
  release(id: string): void;
  /** The token to fence writes on (undefined for a store without tokens or an unknown id). */
  token(id: string): string | undefined;
  /** Aborted once the lease is lost. */
  signal(id: string): AbortSignal | undefined;
  /** Whether the lease was lost (taken over, released by someone else, or expired while renewals failed). */
  isLost(id: string): boolean;
  /**
   * The re-check just before a network call: true when the lease is still this run's. Asks
   * the store (a fenced renewal) unless a renewal succeeded within the last third of the lease.
   */
  confirm(id: string): Promise<boolean>;
  /** Ends the timer now (stop()). */
  stop(): void;
}

/**
 * @internal One timer per worker, not one per entry: every `leaseMs / 3` of the scheduler's
 * clock it extends the lease of every entry being run, fenced on the claim's token, and it
 * sleeps only while there is one (so a worker at rest holds no timer). A renewal refused by
 * the store means another claim owns the entry: the run is marked lost and its network call
 * aborted. A renewal that fails (store down) is reported; once the lease has run out on the
 * clock without one succeeding, the run is treated as lost too (another worker may claim it).
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
  const held = new Map<string, HeldLease>();
  const every = Math.max(1, Math.floor(leaseMs / 3));
  let controller: AbortController | undefined;

  function lose(id: string, lease: HeldLease): void {
    if (lease.lost || held.get(id) !== lease) return;
    lease.lost = true;
    lease.controller ??= new AbortController();
    lease.controller.abort(new Error(`the lease of entry ${id} was lost: another claim owns it; this run stops`));
    options.onLost(id);
  }

  async function renew(id: string, lease: HeldLease): Promise<boolean> {
    const token = lease.token;
    const now = clock.now();
    try {
      if (await store.extendLease(id, owner, now, leaseMs, token)) {
        if (lease.token === token) lease.validUntil = Math.max(lease.validUntil, now + leaseMs);
        return true;
      }
      // Refused. If the run was adopted under a new token meanwhile, that claim is the live one.
      if (lease.token !== token) return !lease.lost;
      lose(id, lease);
      return false;
    } catch (error) {
      options.onError(id, error);
      if (clock.now() >= lease.validUntil) lose(id, lease);
      return !lease.lost;
    }
  }

  async function loop(current: AbortController): Promise<void> {
    const { signal } = current;
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
      await Promise.all([...held].filter(([, lease]) => !lease.lost).map(([id, lease]) => renew(id, lease)));
    }
  }

  function stop(): void {
    // A reason of our own: abort() without one builds a DOMException (with a stack) each time
    // the worker goes idle.
    controller?.abort(STOPPED);
    controller = undefined;
  }

  const expiryOf = (entry: CalendarEntry) => (entry.lease === null ? clock.now() + leaseMs : Date.parse(entry.lease.expiresAt));

  return {
    hold(entry) {
      held.set(entry.id, {
        token: entry.lease?.token,
        validUntil: expiryOf(entry),
        controller: undefined,
        lost: false,
      });
      if (controller !== undefined) return;
      const current = new AbortController();
      controller = current;
      void loop(current);
    },
    adopt(entry) {
      const lease = held.get(entry.id);
      if (lease === undefined || lease.lost) return false;
      lease.token = entry.lease?.token;
      lease.validUntil = expiryOf(entry);
      return true;
    },
    release(id) {
      held.delete(id);
      if (held.size === 0) stop();
    },
    token: (id) => held.get(id)?.token,
    signal(id) {
      const lease = held.get(id);
      if (lease === undefined) return undefined;
      lease.controller ??= new AbortController();
      return lease.controller.signal;
    },
    isLost: (id) => held.get(id)?.lost ?? false,
    async confirm(id) {
      const lease = held.get(id);
      if (lease === undefined) return true; // not kept by this keeper (nothing to fence on)
      if (lease.lost) return false;
      if (lease.validUntil - clock.now() > leaseMs - every) return true; // renewed or claimed a moment ago
      return renew(id, lease);
    },
    stop,
  };
}
