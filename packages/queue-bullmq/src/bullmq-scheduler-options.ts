import { z } from 'zod';
import type { Redis } from 'ioredis';
import type { Clock } from '@smm/core';
import type { CalendarEntry, ScheduleStore } from '@smm/core/schedule-store';
import type { DueBatch } from '@smm/core/scheduler';
import { ONE_CONNECTION, RedisUrlSchema } from './redis-connection-schema.js';

/**
 * What the BullMQ worker calls: the core runner (a `Scheduler` from `createScheduler` in
 * `@smm/core/scheduler` fits). A wake-up job calls `runDueBatch`, which claims a batch of due
 * entries under this runner's lease and publishes each with its idempotency key; a job whose
 * worker died calls `executeEntry` for each entry it had claimed, which claims it by id and
 * reconciles it through `findPublished` once its lease has run out.
 *
 * @example
 * ```ts
 * const runner: EntryExecutor = createScheduler({ store, client, leaseMs: 30_000, concurrency: 16 });
 * ```
 */
export interface EntryExecutor {
  /**
   * The runner's lease length (a `Scheduler` has it): a job sets a wake-up for when the leases
   * of a batch it is about to claim would run out, in case its worker dies before recording them.
   */
  readonly leaseMs?: number;
  runDueBatch(options?: { now?: number; limit?: number }): Promise<DueBatch>;
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
  /** Claims and publishes the entries a job wakes up for; needed only by processes that call `start()`. */
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
  /**
   * Wake-up jobs one worker process runs at once (default 8). Each claims a batch of due
   * entries; how many publish at once is the runner's own `concurrency`.
   */
  concurrency?: number;
  /** Due entries one job claims (default: the runner's, half of its `concurrency`). */
  batchSize?: number;
  /** BullMQ job lock; a worker that dies holding a job loses it after this (default 30 000 ms). */
  lockDurationMs?: number;
  /** How often workers look for stalled jobs (default 15 000 ms). */
  stalledIntervalMs?: number;
  /** Stalls tolerated per job before BullMQ fails it; `sync()` wakes workers for what it left (default 10). */
  maxStalledCount?: number;
  /** Re-run `sync()` this often in worker processes, a safety net for lost wake-ups (default 60 000 ms; 0 = never). */
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
      .custom<EntryExecutor>(
        (value) =>
          value != null &&
          typeof (value as EntryExecutor).executeEntry === 'function' &&
          typeof (value as EntryExecutor).runDueBatch === 'function',
        {
          error: 'must have runDueBatch() and executeEntry(id) (a Scheduler from createScheduler)',
        },
      )
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
    batchSize: positive('entries').optional(),
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
