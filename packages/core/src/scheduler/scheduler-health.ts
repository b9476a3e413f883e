/**
 * What `scheduler.health()` reports. `overdue` comes from the store, so it is true for every
 * worker sharing it — and for an app with no worker running at all: call `health()` on a
 * scheduler you never `start()` to alert when posts are late because nothing consumes them.
 *
 * @example
 * ```ts
 * const health = await scheduler.health();
 * if (!health.ok) alert(`${health.overdue.count} posts late, oldest by ${Math.round(health.overdue.oldestAgeMs! / 60_000)} min`);
 * ```
 */
export interface SchedulerHealth {
  /** Whether this scheduler's `start()` loop is running. */
  running: boolean;
  /** Entries this scheduler is publishing or reconciling right now. */
  inFlight: number;
  /** Due, unheld, unclaimed `scheduled` entries in the store. */
  overdue: {
    count: number;
    /** The earliest `scheduledAt` among them, or `null`. */
    oldestScheduledAt: string | null;
    /** How late that one is, in ms, or `null`. */
    oldestAgeMs: number | null;
  };
  /**
   * Entries stuck in `publishing` with no live lease: the worker publishing them died (or lost
   * them) and no worker has reconciled them since. A running worker picks one up on its next
   * poll, so any older than `pollIntervalMs` means nothing is consuming the store.
   */
  stuckPublishing: {
    count: number;
    /** Since when the oldest is stuck (its lease's expiry), or `null`. */
    oldestSince: string | null;
    /** How long that is, in ms, or `null`. */
    oldestAgeMs: number | null;
    /** Their ids, oldest first (at most 100). */
    ids: string[];
  };
  /** When this scheduler last polled the store (ISO-8601), or `null` if it never did. */
  lastPollAt: string | null;
  /**
   * False when an entry is overdue by more than `lagWarningMs`, or stuck in `publishing` for
   * longer than `pollIntervalMs`.
   */
  ok: boolean;
  /** Why not ok, in words (empty when ok). */
  problems: string[];
}
