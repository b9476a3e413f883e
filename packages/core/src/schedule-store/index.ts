/**
 * The schedule store contract: what a calendar entry is (its schema, its statuses and the
 * transitions between them), the `ScheduleStore` interface every store implements (memory,
 * SQLite, Redis), the write checks stores share, the store errors, and the memory store.
 * The calendar (`@smm/core/calendar`) plans into a store; the scheduler
 * (`@smm/core/scheduler`) runs what is due in it. Store packages import only this subpath.
 *
 * @packageDocumentation
 */
export { ENTRY_STATUSES, ENTRY_TRANSITIONS, SLOT_HOLDING_STATUSES, canTransition, type EntryStatus } from './entry-status.js';
export {
  ApprovalSchema,
  CalendarEntrySchema,
  EvergreenSchema,
  HistoryRecordSchema,
  HoldSchema,
  LeaseSchema,
  accountKeyOf,
  parseCalendarEntry,
  type Approval,
  type CalendarEntry,
  type Evergreen,
  type HistoryRecord,
  type Hold,
  type Lease,
} from './calendar-entry.js';
export { applyTransition, type TransitionChange } from './transition.js';
export { EntryConflictError, EntryNotFoundError, IllegalTransitionError } from './errors.js';
export {
  STUCK_IDS_LIMIT,
  type ClaimRequest,
  type ClaimStart,
  type DueSummary,
  type EntryQuery,
  type ScheduleStore,
  type StoreTransition,
  type StuckPublishing,
  type WriteExpectation,
} from './schedule-store.js';
export { stuckSince, summarizeStuckPublishing } from './stuck-publishing.js';
export { compareEntries, matchesQuery } from './entry-query.js';
export { entryDueAt } from './entry-due-at.js';
export { isClaimable } from './entry-claimable.js';
export { createMemoryStore } from './memory-store.js';
export { nextTransitionEntry, startClaimedEntry } from './claim-start.js';
export { assertWriteExpectation, leaseHeldBy, leaseTokenSource, nextPutEntry } from './write-checks.js';
