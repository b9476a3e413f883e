import type { CalendarEntry } from './calendar-entry.js';
import { instantMs } from './instant-ms.js';

/**
 * When an entry is due, in epoch ms: its `scheduledAt`, or its `nextAttemptAt` when the
 * runner put it back for a retry later than that; `null` while unplaced. Every store's
 * `claimDue`, `claim` and `dueSummary` compare this with `now` (SQL and Redis stores keep it
 * in an indexed column or a sorted-set score computed on every write).
 *
 * Taking the later of the two, not `nextAttemptAt ?? scheduledAt`, means a person moving a
 * retried entry later still wins, and a stale retry time can never make it publish early.
 *
 * @example
 * ```ts
 * entryDueAt({ ...entry, scheduledAt: '2026-03-02T09:00:00.000Z', nextAttemptAt: '2026-03-02T09:00:30.000Z' });
 * // Date.parse('2026-03-02T09:00:30.000Z')
 * ```
 */
export function entryDueAt(entry: Pick<CalendarEntry, 'scheduledAt' | 'nextAttemptAt'>): number | null {
  if (entry.scheduledAt === null) return null;
  const scheduled = instantMs(entry.scheduledAt);
  if (entry.nextAttemptAt === undefined) return scheduled;
  const next = instantMs(entry.nextAttemptAt);
  return next > scheduled ? next : scheduled;
}
