import { entryDueAt, type CalendarEntry } from '@smm/core/schedule-store';

/**
 * The BullMQ job id of the wake-up job for instant `at` (epoch ms): deterministic, so every
 * write that needs a wake-up at the same instant shares one job. Prefixed because BullMQ
 * refuses custom ids that look like integers.
 *
 * @example
 * ```ts
 * wakeJobIdOf(Date.parse('2026-03-02T09:00:00Z')); // 'wake-1772442000000'
 * ```
 */
export function wakeJobIdOf(at: number): string {
  return `wake-${at}`;
}

/**
 * When an entry next needs a worker, in epoch ms, or `null` when it needs none:
 * scheduled, placed and not held → its due time (later while someone holds its lease);
 * `publishing` and not held → when its lease expires (then a worker reconciles it).
 * @internal
 */
export function jobRunAt(entry: CalendarEntry, graceMs: number): number | null {
  if (entry.hold !== null) return null;
  const leaseEnd = entry.lease === null ? null : Date.parse(entry.lease.expiresAt) + graceMs;
  if (entry.status === 'scheduled') {
    const due = entryDueAt(entry);
    if (due === null) return null;
    return leaseEnd !== null && leaseEnd > due ? leaseEnd : due;
  }
  if (entry.status === 'publishing') return leaseEnd ?? 0;
  return null;
}
