import type { CalendarEntry } from '../schedule-store/index.js';

/**
 * What running one entry came to:
 * - `published`: it is on the network (now or, after reconciliation, earlier);
 * - `failed`: a permanent error or the retry deadline (`entry.error` says which);
 * - `outcome_unknown`: nobody can tell whether it was posted — a person decides;
 * - `retry_scheduled`: a transient failure; it will be claimed again at `nextAttemptAt`;
 * - `not_claimed`: it was not claimable (not due, held, leased by another worker, gone).
 * `entry` is the stored entry afterwards (absent only when the id is unknown).
 *
 * @example
 * ```ts
 * const outcome = await scheduler.executeEntry(job.data.entryId);
 * if (outcome.status === 'retry_scheduled') await job.moveToDelayed(Date.parse(outcome.entry!.nextAttemptAt!));
 * ```
 */
export interface EntryOutcome {
  status: 'published' | 'failed' | 'outcome_unknown' | 'retry_scheduled' | 'not_claimed';
  entry?: CalendarEntry;
}
