import type { CalendarEntry } from './calendar-entry.js';
import { entryDueAt } from './entry-due-at.js';
import { instantMs } from './instant-ms.js';

/**
 * Whether a claim at `now` may take `entry` — the rule every store's `claimDue` and `claim`
 * apply: not held, not under an unexpired lease, and either `scheduled` and due
 * ({@link entryDueAt} at or before `now`) or, with `includeStalePublishing`, `publishing`
 * (its worker died or lost it).
 *
 * @example
 * ```ts
 * // A store whose claim is decided outside JavaScript can still pre-check what it read:
 * if (!isClaimable(stored, Date.now(), true)) return undefined;
 * ```
 */
export function isClaimable(entry: CalendarEntry, now: number, includeStalePublishing: boolean): boolean {
  if (entry.hold !== null) return false;
  if (entry.lease !== null && instantMs(entry.lease.expiresAt) > now) return false;
  if (entry.status === 'scheduled') {
    const dueAt = entryDueAt(entry);
    return dueAt !== null && dueAt <= now;
  }
  return includeStalePublishing && entry.status === 'publishing';
}
