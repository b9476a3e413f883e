/**
 * The content calendar — planning: per-account queue slots in the account's zone (weekly
 * times or RFC 5545 rules, correct across DST), add-to-queue, min gap, daily caps and
 * blackouts, the approval workflow, range views, iCalendar export and CSV export/import.
 * Entries live in a `ScheduleStore` (`@smm/core/schedule-store`); the scheduler
 * (`@smm/core/scheduler`) publishes them when due.
 *
 * @packageDocumentation
 */
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
  type BlackoutInput,
  type CalendarOptions,
  type ContentRulesSource,
} from './calendar-options.js';
export type { Actor, NewEntries, PauseScope, Placement, Rejection } from './calendar-types.js';
export { ActorSchema } from './actor.js';
export { createCalendar, type Calendar } from './calendar.js';
export { NoFreeSlotError } from './no-free-slot-error.js';
export { toICalendar, type ICalendarOptions } from './icalendar.js';
export { CSV_COLUMNS, CsvImportError, entriesToCsv, type CsvExportOptions, type CsvRowError } from './csv.js';
export { importCsv, type CsvImportOptions, type CsvImportResult } from './csv-import.js';
