import type { CalendarEntry } from './calendar-entry.js';
import { EntryConflictError } from './errors.js';
import type { WriteExpectation } from './schedule-store.js';

/**
 * The compare-and-set rule every {@link ScheduleStore} applies before a write: the stored entry
 * must still be at the expected version, in the expected status and leased to the expected
 * owner. Shared by the stores so they refuse a stale write alike, with the same message.
 *
 * @throws EntryConflictError naming what moved on.
 * @example
 * ```ts
 * // Inside a store's transition(), once the stored entry is read (in the same transaction):
 * assertWriteExpectation(stored, { expectedVersion: 3, leaseOwner: 'worker-1' });
 * ```
 */
export function assertWriteExpectation(stored: CalendarEntry, expect: WriteExpectation | undefined): void {
  if (expect === undefined) return;
  if (expect.expectedVersion !== undefined && stored.version !== expect.expectedVersion) {
    throw new EntryConflictError(
      stored.id,
      `Entry ${stored.id} is at version ${stored.version}, not ${expect.expectedVersion}: it changed since it was read; read it again.`,
    );
  }
  if (expect.expectedStatus !== undefined && stored.status !== expect.expectedStatus) {
    throw new EntryConflictError(
      stored.id,
      `Entry ${stored.id} is "${stored.status}", not "${expect.expectedStatus}": it changed since it was read; read it again.`,
    );
  }
  if (expect.leaseOwner !== undefined && stored.lease?.owner !== expect.leaseOwner) {
    throw new EntryConflictError(
      stored.id,
      `Entry ${stored.id} is not leased to ${expect.leaseOwner}: its lease expired and another worker claimed it, or it was released.`,
    );
  }
  if (expect.leaseToken !== undefined && stored.lease?.token !== expect.leaseToken) {
    throw new EntryConflictError(
      stored.id,
      `Entry ${stored.id} was claimed again since this lease (token ${expect.leaseToken}) was handed out: its lease lapsed; the new claim owns it.`,
    );
  }
}

/**
 * Whether a lease call (`extendLease`, `releaseLease`) by `owner` — holding the claim `token`,
 * when given — may act on `stored`'s lease.
 *
 * @example
 * ```ts
 * if (!leaseHeldBy(stored, 'worker-1', token)) return false;
 * ```
 */
export function leaseHeldBy(stored: CalendarEntry, owner: string, token: string | undefined): boolean {
  return stored.lease?.owner === owner && (token === undefined || stored.lease.token === token);
}

/**
 * A lease token unique across processes: a random prefix per call site plus a counter.
 * Stores call it once per claimed entry.
 *
 * @example
 * ```ts
 * const nextToken = leaseTokenSource();
 * nextToken(); // '5f0c7d3e9a1b-1'
 * ```
 */
export function leaseTokenSource(): () => string {
  const prefix = globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16);
  let counter = 0;
  return () => `${prefix}-${(counter += 1).toString(36)}`;
}

/**
 * What a store's `put(entry, expect)` writes over `stored`: the caller's entry with the stored
 * lease and the next version, after checking the expectation, that the status is unchanged
 * (statuses move only through `transition`) and that the history was only appended to.
 *
 * @throws EntryConflictError when any of those does not hold.
 * @example
 * ```ts
 * const next = nextPutEntry(stored, { ...stored, draft: edited }, { expectedVersion: stored.version });
 * next.version === stored.version + 1; // true
 * ```
 */
export function nextPutEntry(stored: CalendarEntry, entry: CalendarEntry, expect: WriteExpectation | undefined): CalendarEntry {
  assertWriteExpectation(stored, expect);
  if (entry.status !== stored.status) {
    throw new EntryConflictError(
      entry.id,
      `put() cannot change entry ${entry.id}'s status from "${stored.status}" to "${entry.status}"; use transition().`,
    );
  }
  if (entry.history.length < stored.history.length || entry.history[stored.history.length - 1]?.at !== stored.history.at(-1)?.at) {
    throw new EntryConflictError(
      entry.id,
      `put() cannot rewrite entry ${entry.id}'s history: it is append-only; write from the stored entry.`,
    );
  }
  // Leases change only through claimDue / claim / extendLease / releaseLease / transition.
  return { ...entry, lease: stored.lease, version: stored.version + 1 };
}
