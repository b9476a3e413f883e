/**
 * The content calendar — the planning half of the scheduler: calendar entries and their
 * status workflow, per-account queue slots in the account's zone (weekly times or RFC 5545
 * rules, correct across DST), constraints, approvals, range views, iCalendar and CSV; the
 * `ScheduleStore` contract every store implements, with the memory store; and the running
 * half — `createScheduler`, which publishes due entries exactly once.
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
export { EntryConflictError, EntryNotFoundError, IllegalTransitionError, NoFreeSlotError } from './errors.js';
export type { ClaimRequest, DueSummary, EntryQuery, ScheduleStore, StoreTransition, WriteExpectation } from './schedule-store.js';
export { compareEntries, matchesQuery } from './entry-query.js';
export { entryDueAt } from './entry-due-at.js';
export { createMemoryStore } from './memory-store.js';
export { assertWriteExpectation, nextPutEntry } from './write-checks.js';
export {
  LocalDateTimeSchema,
  LocalTimeSchema,
  RecurrenceSlotsSchema,
  SlotRuleSchema,
  WEEKDAYS,
  WeeklySlotsSchema,
  parseWeeklySlots,
  type RecurrenceSlots,
  type SlotRule,
  type SlotRuleInput,
  type Weekday,
  type WeeklySlots,
} from './slot-rules.js';
export { expandSlots } from './slot-expansion.js';
export {
  ApprovalPolicySchema,
  ApprovalRulesSchema,
  isApproved,
  resolveApprovalPolicy,
  type ApprovalPolicy,
  type ApprovalPolicyInput,
  type ApprovalRules,
} from './approval-policy.js';
export {
  AccountPlanSchema,
  BlackoutSchema,
  CalendarOptionsSchema,
  type AccountPlanInput,
  type Blackout,
  type CalendarOptions,
} from './calendar-options.js';
export { createCalendar, type Actor, type Calendar, type NewEntries, type PauseScope, type Placement } from './calendar.js';
export { toICalendar, type ICalendarOptions } from './icalendar.js';
export { CSV_COLUMNS, CsvImportError, entriesToCsv, type CsvRowError } from './csv.js';
export { importCsv, type CsvImportOptions, type CsvImportResult } from './csv-import.js';
export { createScheduler, type RunDueReport, type Scheduler } from './create-scheduler.js';
export type { SchedulerOptions } from './scheduler-options.js';
export type { EntryOutcome } from './entry-outcome.js';
export type { SchedulerEventName, SchedulerEvents } from './scheduler-events.js';
export type { SchedulerHealth } from './scheduler-health.js';
export { RetryPolicySchema, resolveRetryPolicy, retryDelayMs, type RetryPolicy, type RetryPolicyInput } from './retry-policy.js';
export { classifyPublishFailure, describePublishFailure, type PublishFailureKind } from './publish-failure.js';
