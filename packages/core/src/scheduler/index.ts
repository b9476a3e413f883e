/**
 * The scheduler — the running half: `createScheduler` claims due entries from a
 * `ScheduleStore` under a lease, publishes them through the adapters exactly once,
 * retries transient failures before a deadline, and reconciles an entry found in
 * `publishing` after a crash through the adapter (or parks it as outcome-unknown). Plan
 * entries with `@smm/core/calendar`; the store contract lives in `@smm/core/schedule-store`.
 *
 * @packageDocumentation
 */
export { createScheduler, type RunDueReport, type Scheduler } from './create-scheduler.js';
export type { SchedulerOptions } from './scheduler-options.js';
export type { EntryOutcome } from './entry-outcome.js';
export type { DueBatch, DueBatchResult } from './due-batch.js';
export type { SchedulerEventName, SchedulerEvents } from './scheduler-events.js';
export type { SchedulerHealth } from './scheduler-health.js';
export { RetryPolicySchema, resolveRetryPolicy, retryDelayMs, type RetryPolicy, type RetryPolicyInput } from './retry-policy.js';
export { classifyPublishFailure, describePublishFailure, type PublishFailure, type PublishFailureKind } from './publish-failure.js';
