import { entryDueAt, type CalendarEntry } from '@smm/core/schedule-store';

/**
 * The BullMQ job id of an entry: deterministic, so adding a job twice for one entry is
 * deduplicated by BullMQ. Prefixed and URI-encoded because BullMQ refuses custom ids that
 * contain ":" or look like integers.
 *
 * @example
 * ```ts
 * jobIdOf('x:12/launch'); // 'entry-x%3A12%2Flaunch'
 * ```
 */
export function jobIdOf(entryId: string): string {
  return `entry-${encodeURIComponent(entryId)}`;
}

/**
 * When an entry's job should next run, in epoch ms, or `null` when the entry needs no job:
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
