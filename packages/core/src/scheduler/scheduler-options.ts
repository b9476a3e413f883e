import { z } from 'zod';
import type { Logger, SmmClient } from '../client/index.js';
import { systemClock, type Clock } from '../clock/index.js';
import { parseWithSchema } from '../model/index.js';
import { resolveRetryPolicy, type RetryPolicy, type RetryPolicyInput } from './retry-policy.js';
import type { ScheduleStore } from '../schedule-store/index.js';

/**
 * Options of {@link createScheduler}.
 *
 * @example
 * ```ts
 * const options: SchedulerOptions = { store: createMemoryStore(), client, concurrency: 8, lagWarningMs: 120_000 };
 * ```
 */
export interface SchedulerOptions {
  /** Where the entries live (memory, `@smm/store-sqlite`, `@smm/queue-bullmq`, …). */
  store: ScheduleStore;
  /** Publishes through the adapters (so their rate limits, retries and idempotency apply). */
  client: SmmClient;
  /** Every wait and timestamp goes through it. Default `systemClock`. */
  clock?: Clock;
  /** This worker's id, stored as the lease owner. Default: `worker-` + a random UUID. */
  owner?: string;
  /** How many entries are published at once. Default 4. */
  concurrency?: number;
  /** How long a claim lasts; renewed every third of it while a publish runs. Default 60 s. */
  leaseMs?: number;
  /** How long the `start()` loop waits when nothing is due. Default 1 s. */
  pollIntervalMs?: number;
  /** At most this many entries claimed per store call. Default `max(concurrency × 4, 32)`. */
  batchSize?: number;
  /** Backoff for transient failures, until `scheduledAt + deadlineMs`. */
  retry?: RetryPolicyInput;
  /** Emit `lag` for an entry claimed later than this after it was due; also `health().ok`'s bound. Default 60 s. */
  lagWarningMs?: number;
  /** Where the scheduler logs (no secrets, ever). Default: silent. */
  logger?: Logger;
  /**
   * Whether a started scheduler keeps the process alive until `stop()`, as a listening server
   * does: a worker script that calls `start()` keeps running while nothing is due. Set `false`
   * to let the process exit on its own while the scheduler only waits. Default `true`.
   */
  keepAlive?: boolean;
}

const positiveInt = (example: string) =>
  z
    .number()
    .int()
    .positive({ error: `must be a whole number above 0, e.g. ${example}` });

const OptionsSchema = z.strictObject({
  store: z.custom<ScheduleStore>(
    (v) =>
      ['get', 'transition', 'claimDue', 'claim', 'extendLease', 'releaseLease', 'dueSummary'].every(
        (m) => typeof (v as Record<string, unknown>)?.[m] === 'function',
      ),
    { error: 'must be a ScheduleStore (createMemoryStore(), a SQLite or BullMQ store)' },
  ),
  client: z.custom<SmmClient>(
    (v) => typeof (v as SmmClient)?.publish === 'function' && typeof (v as SmmClient)?.findPublished === 'function',
    {
      error: 'must be an SmmClient made with createClient',
    },
  ),
  clock: z
    .custom<Clock>((v) => typeof (v as Clock)?.now === 'function' && typeof (v as Clock)?.sleep === 'function', {
      error: 'must be a Clock { now, sleep }',
    })
    .optional(),
  owner: z.string().min(1, { error: 'must be a non-empty worker id' }).optional(),
  concurrency: positiveInt('4').optional(),
  leaseMs: z.number().int().min(100, { error: 'must be a whole number of ms, 100 or more, e.g. 60000' }).optional(),
  pollIntervalMs: positiveInt('1000').optional(),
  batchSize: positiveInt('32').optional(),
  retry: z.record(z.string(), z.unknown()).optional(),
  lagWarningMs: z.number().int().nonnegative({ error: 'must be a whole number of ms, 0 or more, e.g. 60000' }).optional(),
  logger: z
    .custom<Logger>((v) => ['debug', 'info', 'warn', 'error'].every((m) => typeof (v as Record<string, unknown>)?.[m] === 'function'), {
      error: 'must have debug, info, warn and error methods',
    })
    .optional(),
  keepAlive: z.boolean({ error: 'must be true or false' }).optional(),
});

/** @internal Options with defaults applied. */
export interface ResolvedSchedulerOptions {
  store: ScheduleStore;
  client: SmmClient;
  clock: Clock;
  owner: string;
  concurrency: number;
  leaseMs: number;
  pollIntervalMs: number;
  batchSize: number;
  retry: RetryPolicy;
  lagWarningMs: number;
  logger: Logger | undefined;
  keepAlive: boolean;
}

/** @internal Validates every option at once (ValidationError naming each bad field). */
export function resolveSchedulerOptions(input: SchedulerOptions): ResolvedSchedulerOptions {
  const options = parseWithSchema(OptionsSchema, input, 'createScheduler options');
  const concurrency = options.concurrency ?? 4;
  return {
    store: input.store,
    client: input.client,
    clock: input.clock ?? systemClock,
    owner: options.owner ?? `worker-${globalThis.crypto.randomUUID()}`,
    concurrency,
    leaseMs: options.leaseMs ?? 60_000,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    batchSize: options.batchSize ?? Math.max(concurrency * 4, 32),
    retry: resolveRetryPolicy(input.retry),
    lagWarningMs: options.lagWarningMs ?? 60_000,
    logger: input.logger,
    keepAlive: options.keepAlive ?? true,
  };
}
