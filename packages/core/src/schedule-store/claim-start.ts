import type { CalendarEntry } from './calendar-entry.js';
import type { ClaimStart, StoreTransition } from './schedule-store.js';
import { applyTransition } from './transition.js';
import { assertWriteExpectation } from './write-checks.js';

/**
 * The entry a store's `transition(id, change)` stores: the write expectation checked against
 * `stored`, the transition table applied, and the lease dropped when the change asks. Shared
 * by the stores (and by {@link startClaimedEntry}) so they apply a transition alike.
 *
 * @throws EntryConflictError when the expectation does not hold; IllegalTransitionError when
 *   the status cannot move to `change.to`.
 * @example
 * ```ts
 * // Inside a store's transition(), once the stored entry is read (in the same transaction):
 * const next = nextTransitionEntry(stored, { to: 'published', at, by: 'worker-1', leaseOwner: 'worker-1', releaseLease: true });
 * ```
 */
export function nextTransitionEntry(stored: CalendarEntry, change: StoreTransition): CalendarEntry {
  assertWriteExpectation(stored, change);
  const next = applyTransition(stored, change);
  if (change.releaseLease) next.lease = null;
  return next;
}

/**
 * What a store does with a claim's `start` (see `ClaimRequest.start`) for one entry it has
 * just claimed, inside the claim's atomic write: the entry the transition `start` asks for
 * (checked like any `transition`), or `undefined` to keep the claimed entry unchanged — when
 * there is no `start`, it returns nothing, it throws, or the transition is refused.
 *
 * @example
 * ```ts
 * // In a store's claim, before writing the claimed entry:
 * const stored = startClaimedEntry(claimed, request.start) ?? claimed;
 * ```
 */
export function startClaimedEntry(claimed: CalendarEntry, start: ClaimStart | undefined): CalendarEntry | undefined {
  if (start === undefined) return undefined;
  try {
    const change = start(claimed);
    return change === undefined ? undefined : nextTransitionEntry(claimed, change);
  } catch {
    // The caller's own next write meets the same problem and reports it; the claim stands.
    return undefined;
  }
}
