/**
 * The distributed backend of the smm scheduler: a `ScheduleStore` on Redis
 * (`createRedisStore`) and BullMQ workers that publish due entries from many processes on
 * many machines (`createBullmqScheduler`), exactly once; and a shared rate-limit store
 * (`createRedisRateLimitStore`) so those processes plan each account's quota as one.
 *
 * @packageDocumentation
 */
export { createRedisStore, type RedisStore } from './redis-store.js';
export type { RedisStoreOptions } from './redis-store-options.js';
export {
  createBullmqScheduler,
  type BullmqScheduler,
  type BullmqSchedulerHealth,
  type WakeJobData,
  type SyncReport,
} from './bullmq-scheduler.js';
export type { BullmqSchedulerOptions, EntryExecutor } from './bullmq-scheduler-options.js';
export { wakeJobIdOf } from './wake-job.js';
export { createRedisInboxStore, type RedisInboxStore, type RedisInboxStoreOptions } from './inbox-store.js';
export { createRedisRateLimitStore, type RedisRateLimitStore, type RedisRateLimitStoreOptions } from './redis-rate-limit-store.js';
