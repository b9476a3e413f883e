import { z } from 'zod';
import type { Redis } from 'ioredis';
import type { Clock } from '@smm/core';
import type { CalendarEntry, ScheduleStore } from '@smm/core/schedule-store';
import { ONE_CONNECTION, RedisUrlSchema } from './redis-connection-schema.js';

/**
 * What the BullMQ worker calls per job: the core runner's `executeEntry` (a `Scheduler` from
 * `createScheduler` in `@smm/core/scheduler` fits), which claims the entry by id, publishes it
 * with its idempotency key, or reconciles it through `findPublished` when it finds it stale
 * in `publishing`.
 *
 * @example
 * ```ts
 * const runner: EntryExecutor = createScheduler({ store, client, leaseMs: 30_000 });
 * ```
 */
export interface EntryExecutor {
  executeEntry(id: string, options?: { now?: number }): Promise<{ status: string; entry?: CalendarEntry }>;
}

/**
 * Options of {@link createBullmqScheduler}.
 *
 * @example
 * ```ts
 * const options: BullmqSchedulerOptions = { store, runner, url: 'redis://127.0.0.1:6379', concurrency: 8 };
 * ```
 */
export interface BullmqSchedulerOptions {
  /** Where entries live (usually `createRedisStore` on the same Redis). Not wrapped: pass the raw store. */
  store: ScheduleStore;
  /** Runs one entry per job; needed only by processes that call `start()`. */
  runner?: EntryExecutor;
  /**
   * An ioredis client for BullMQ; it must be created with `maxRetriesPerRequest: null`, and
   * `enableAutoPipelining: true` is recommended (as used for `url`). Not closed by `close()`.
   */
  connection?: Redis;
  /** `redis://…`: the scheduler opens (and closes) its own connection. */
  url?: string;
  /** The BullMQ queue's name (default `smm-scheduler`). */
  queueName?: string;
  /** BullMQ's key prefix (default `bull`). */
  prefix?: string;
  /** Jobs one worker process runs at once (default 8). */
  concurrency?: number;
  /** BullMQ job lock; a worker that dies holding a job loses it after this (default 30 000 ms). */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs (default 15 000 ms). */
  stalledIntervalMs?: number;
  /** Stalls tolerated per job before BullMQ fails it; `sync()` re-creates failed jobs (default 10). */
  maxStalledCount?: number;
  /** Re-run `sync()` this often in worker processes, a safety net for lost jobs (default 60 000 ms; 0 = never). */
  syncIntervalMs?: number;
  /** Waits after a lease expires before looking at the entry again (default 250 ms). */
  leaseGraceMs?: number;
  /** Delay before re-running a job whose processing threw (store unreachable…) (default 5 000 ms). */
  errorRetryMs?: number;
  /** health() reports not-ok when an entry has been overdue longer than this (default 60 000 ms). */
  overdueAlertMs?: number;
  /** Default `systemClock`. */
  clock?: Clock;
}

const positive = (what: string) =>
  z
    .number()
    .int({ error: `must be a whole number of ${what}` })
    .positive({ error: `must be more than 0 ${what}` });
const nonNegative = (what: string) =>
  z
    .number()
    .int({ error: `must be a whole number of ${what}` })
    .nonnegative({ error: `must be 0 or more ${what}` });

/** @internal */
export const BullmqSchedulerOptionsSchema = z
  .strictObject({
    store: z.custom<ScheduleStore>((value) => value != null && typeof (value as ScheduleStore).claim === 'function', {
      error: 'must be a ScheduleStore (createRedisStore(...))',
    }),
    runner: z
      .custom<EntryExecutor>((value) => value != null && typeof (value as EntryExecutor).executeEntry === 'function', {
        error: 'must have executeEntry(id) (a Scheduler from createScheduler)',
      })
      .optional(),
    connection: z
      .custom<Redis>((value) => value != null && typeof (value as { duplicate?: unknown }).duplicate === 'function', {
        error: 'must be an ioredis client created with maxRetriesPerRequest: null',
      })
      .optional(),
    url: RedisUrlSchema.optional(),
    queueName: z
      .string()
      .min(1)
      .regex(/^[^:\s]+$/, { error: 'must not contain ":" or spaces' })
      .default('smm-scheduler'),
    prefix: z.string().min(1).default('bull'),
    concurrency: positive('jobs').default(8),
    lockDurationMs: positive('ms').default(30_000),
    stalledIntervalMs: positive('ms').default(15_000),
    maxStalledCount: nonNegative('stalls').default(10),
    syncIntervalMs: nonNegative('ms').default(60_000),
    leaseGraceMs: nonNegative('ms').default(250),
    errorRetryMs: positive('ms').default(5_000),
    overdueAlertMs: nonNegative('ms').default(60_000),
    clock: z.custom<Clock>((value) => value != null && typeof (value as Clock).now === 'function', { error: 'must be a Clock' }).optional(),
  })
  .refine(...ONE_CONNECTION);
