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
  /** When this scheduler last polled the store (ISO-8601), or `null` if it never did. */
  lastPollAt: string | null;
  /** False when an entry is overdue by more than `lagWarningMs`. */
  ok: boolean;
}
