import { Redis } from 'ioredis';
import { DelayedError, Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { parseWithSchema, systemClock } from '@smm/core';
import type { CalendarEntry, DueSummary, ScheduleStore } from '@smm/core/schedule-store';
import { BullmqSchedulerOptionsSchema, type BullmqSchedulerOptions } from './bullmq-scheduler-options.js';
import { jobIdOf, jobRunAt } from './entry-job.js';
import { snapshotAccessOf, type EntrySnapshot } from './entry-snapshot.js';

/** The data of one job: which entry to run. */
export interface EntryJobData {
  entryId: string;
  /**
   * With a store from `createRedisStore`: the entry as stored when the job was written, so the
   * worker claims it without reading it first. Only a guess — the claim writes only if the
   * entry is still at this version, else it reads the entry and decides again.
   */
  snapshot?: EntrySnapshot;
}

/** What `health()` reports. */
export interface BullmqSchedulerHealth {
  /**
   * `false` when no worker is connected while jobs wait or entries are due, when an entry is
   * overdue longer than `overdueAlertMs`, or when entries are stuck in `publishing` (no live
   * lease: their worker died) longer than `leaseGraceMs` after their lease ran out.
   */
  ok: boolean;
  /** Why not ok, in words (empty when ok). */
  problems: string[];
  /** Worker connections BullMQ sees on the queue (all processes). */
  workers: number;
  /** BullMQ job counts. */
  jobs: { waiting: number; delayed: number; active: number; failed: number };
  /** The store's due-but-unclaimed entries at `now`. */
  overdue: DueSummary & { oldestAgeMs: number };
}

/** What `sync()` did. */
export interface SyncReport {
  /** Entries looked at (`scheduled` and `publishing`). */
  entries: number;
  /** Jobs created (missing after a Redis flush, for entries written elsewhere, or after a job failed). */
  added: number;
  /** Delayed jobs moved to their entry's time. */
  moved: number;
}

/** Runs due entries as BullMQ jobs. See {@link createBullmqScheduler}. */
export interface BullmqScheduler {
  /**
   * The store to plan with (`createCalendar({ store: bullmq.store })`): every write through it
   * also creates, moves or removes the entry's job.
   */
  readonly store: ScheduleStore;
  /** The BullMQ queue (for dashboards). */
  readonly queue: Queue<EntryJobData>;
  /** Starts this process's worker: `concurrency` jobs at once, each calling `runner.executeEntry`. */
  start(): void;
  /** Graceful: stops taking jobs, waits for running ones (so leases are released), stops syncing. */
  stop(): Promise<void>;
  /** Makes one entry's job match the entry (after writes that bypassed `store`). */
  syncEntry(entryOrId: CalendarEntry | string): Promise<void>;
  /** Rebuilds jobs from the store: every `scheduled` / `publishing` entry gets a job at its time. */
  sync(): Promise<SyncReport>;
  /** Job counts, connected workers and the store's overdue summary. */
  health(): Promise<BullmqSchedulerHealth>;
  /** `stop()`, then closes the queue and the connection it opened. */
  close(): Promise<void>;
}

const SYNCED_STATES = new Set(['waiting', 'active', 'prioritized', 'waiting-children']);

/**
 * The BullMQ backend of the scheduler: one delayed job per due entry, keyed by the entry id
 * (so it is deduplicated), kept in step with the entry, and workers in any number of
 * processes whose processor calls the core runner's `executeEntry(id)` — the same claiming,
 * leases, idempotency keys and reconciliation as the embedded runner. A job is only a
 * wake-up call: the entry in the store decides. A job that fires early, or for an entry
 * someone else holds, is delayed again to the right time; a job whose worker died (stalled)
 * runs again and finds the entry `publishing` — after the lease expires the runner
 * reconciles it through the adapter's `findPublished`, never republishing blindly.
 *
 * @example
 * ```ts
 * import { createCalendar } from '@smm/core/calendar';
 * import { createScheduler } from '@smm/core/scheduler';
 * import { createBullmqScheduler, createRedisStore } from '@smm/queue-bullmq';
 *
 * const store = createRedisStore({ url: process.env.REDIS_URL! });
 * const runner = createScheduler({ store, client, leaseMs: 30_000 });
 * const bullmq = createBullmqScheduler({ store, runner, url: process.env.REDIS_URL!, concurrency: 8 });
 * const calendar = createCalendar({ store: bullmq.store, accounts });   // planning side
 * bullmq.start();                                                      // worker side
 * process.on('SIGTERM', () => void bullmq.close());
 * ```
 */
export function createBullmqScheduler(options: BullmqSchedulerOptions): BullmqScheduler {
  const o = parseWithSchema(BullmqSchedulerOptionsSchema, options, 'BullmqSchedulerOptions');
  const clock = o.clock ?? systemClock;
  const owned = o.connection === undefined;
  // BullMQ requires maxRetriesPerRequest: null so its blocking commands are never cut short.
  // Auto-pipelining batches the job calls of a worker's concurrent jobs into one socket write
  // (as the store's connection does).
  const connection = o.connection ?? new Redis(o.url!, { maxRetriesPerRequest: null, enableAutoPipelining: true });
  const queue = new Queue<EntryJobData>(o.queueName, { connection, prefix: o.prefix });
  const jobOptions = (entryId: string, runAt: number): JobsOptions => ({
    jobId: jobIdOf(entryId),
    delay: Math.max(0, runAt - clock.now()),
    removeOnComplete: true,
    // Failed jobs stay for inspection (a few); sync() replaces them.
    removeOnFail: { count: 1_000 },
  });
  const raw = o.store;
  const snapshots = snapshotAccessOf(raw);
  const jobData = (entry: CalendarEntry): EntryJobData =>
    snapshots === undefined ? { entryId: entry.id } : { entryId: entry.id, snapshot: snapshots.of(entry) };
  let worker: Worker<EntryJobData> | undefined;
  let syncTimer: ReturnType<typeof setInterval> | undefined;

  async function syncEntry(entryOrId: CalendarEntry | string): Promise<'added' | 'moved' | 'kept' | 'removed'> {
    const entry = typeof entryOrId === 'string' ? await raw.get(entryOrId) : entryOrId;
    const entryId = typeof entryOrId === 'string' ? entryOrId : entryOrId.id;
    const runAt = entry === undefined ? null : jobRunAt(entry, o.leaseGraceMs);
    const job = await queue.getJob(jobIdOf(entryId));
    if (runAt === null) {
      if (job === undefined) return 'kept';
      // An active job is finishing; it will see the entry and stop on its own.
      await job.remove().catch(() => undefined);
      return 'removed';
    }
    if (job === undefined) {
      await queue.add('publish', jobData(entry!), jobOptions(entryId, runAt));
      return 'added';
    }
    const state = await job.getState();
    if (state === 'delayed') {
      try {
        await job.changeDelay(Math.max(0, runAt - clock.now()));
        // The entry changed: a stale snapshot would only cost the worker a read, but it is cheap to keep it fresh.
        if (snapshots !== undefined) await job.updateData(jobData(entry!)).catch(() => undefined);
        return 'moved';
      } catch {
        // It left the delayed set meanwhile (promoted, or run): the processor re-checks the entry.
        return 'kept';
      }
    }
    if (SYNCED_STATES.has(state)) return 'kept'; // it runs soon; the processor re-checks the entry
    // completed / failed / unknown: free the id, then schedule afresh.
    await job.remove().catch(() => undefined);
    await queue.add('publish', jobData(entry!), jobOptions(entryId, runAt));
    return 'added';
  }

  async function syncAll(entries: readonly CalendarEntry[]): Promise<void> {
    // New entries need new jobs: one addBulk per chunk (BullMQ ignores ids that exist).
    const fresh = entries.flatMap((entry) => {
      const runAt = jobRunAt(entry, o.leaseGraceMs);
      return runAt === null ? [] : [{ name: 'publish', data: jobData(entry), opts: jobOptions(entry.id, runAt) }];
    });
    for (let i = 0; i < fresh.length; i += 1_000) await queue.addBulk(fresh.slice(i, i + 1_000));
  }

  async function eachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) await run(items[next++]!);
      }),
    );
  }

  async function syncMany(entries: readonly CalendarEntry[]): Promise<void> {
    await eachLimited(entries, 16, async (entry) => void (await syncEntry(entry)));
  }

  const store: ScheduleStore = {
    get: (id) => raw.get(id),
    query: (query) => raw.query(query),
    claimDue: (request) => raw.claimDue(request),
    claim: (id, request) => raw.claim(id, request),
    extendLease: (id, owner, now, leaseMs, token) => raw.extendLease(id, owner, now, leaseMs, token),
    releaseLease: (id, owner, token) => raw.releaseLease(id, owner, token),
    dueSummary: (now) => raw.dueSummary(now),
    async insert(entry) {
      await raw.insert(entry);
      await syncAll([entry]);
    },
    async insertMany(entries) {
      await raw.insertMany(entries);
      await syncAll(entries);
    },
    async put(entry, expect) {
      const stored = await raw.put(entry, expect);
      await syncEntry(stored);
      return stored;
    },
    async putMany(writes) {
      const stored = await raw.putMany(writes);
      await syncMany(stored);
      return stored;
    },
    async transition(id, change) {
      const stored = await raw.transition(id, change);
      await syncEntry(stored);
      return stored;
    },
  };

  async function delayTo(job: Job<EntryJobData>, token: string | undefined, runAt: number): Promise<never> {
    await job.moveToDelayed(Math.max(runAt, clock.now() + 1), token);
    throw new DelayedError();
  }

  async function processJob(job: Job<EntryJobData>, token?: string): Promise<string> {
    const runner = o.runner!;
    const { entryId, snapshot } = job.data;
    if (snapshot !== undefined) snapshots?.prime(entryId, snapshot);
    let outcome: { status: string; entry?: CalendarEntry };
    try {
      outcome = await runner.executeEntry(entryId);
    } catch (error) {
      // The store or the network below the runner failed: try the job again later rather
      // than lose it. The entry's lease (if any) keeps other workers off meanwhile.
      worker?.emit('error', error instanceof Error ? error : new Error(String(error)));
      return delayTo(job, token, clock.now() + o.errorRetryMs);
    }
    if (outcome.status !== 'retry_scheduled' && outcome.status !== 'not_claimed') return outcome.status;
    // Not done: look at the entry to know when to come back (early job, a retry's backoff,
    // someone else's lease, a stale `publishing` whose lease has not expired yet).
    const entry = (outcome.status === 'retry_scheduled' ? outcome.entry : undefined) ?? (await raw.get(entryId));
    const runAt = entry === undefined ? null : jobRunAt(entry, o.leaseGraceMs);
    if (runAt === null) return 'nothing-to-do'; // canceled, held, published… the job ends here
    return delayTo(job, token, runAt);
  }

  async function sync(): Promise<SyncReport> {
    const entries = await raw.query({ statuses: ['scheduled', 'publishing'] });
    const report = { entries: entries.length, added: 0, moved: 0 };
    await eachLimited(entries, 16, async (entry) => {
      const done = await syncEntry(entry);
      if (done === 'added') report.added += 1;
      if (done === 'moved') report.moved += 1;
    });
    return report;
  }

  async function stop(): Promise<void> {
    if (syncTimer !== undefined) clearInterval(syncTimer);
    syncTimer = undefined;
    const current = worker;
    worker = undefined;
    await current?.close();
  }

  return {
    store,
    queue,

    start() {
      if (worker !== undefined) return;
      if (o.runner === undefined)
        throw new Error('createBullmqScheduler: start() needs `runner` (a Scheduler from createScheduler) to run jobs.');
      worker = new Worker<EntryJobData>(o.queueName, processJob, {
        connection,
        prefix: o.prefix,
        concurrency: o.concurrency,
        lockDuration: o.lockDurationMs,
        stalledInterval: o.stalledIntervalMs,
        maxStalledCount: o.maxStalledCount,
      });
      // BullMQ re-emits connection and processing errors here; without a listener Node would throw.
      worker.on('error', () => undefined);
      if (o.syncIntervalMs > 0) {
        syncTimer = setInterval(() => void sync().catch(() => undefined), o.syncIntervalMs);
        syncTimer.unref?.();
      }
    },

    stop,

    async syncEntry(entryOrId) {
      await syncEntry(entryOrId);
    },

    sync,

    async health() {
      const now = clock.now();
      const [counts, workers, due] = await Promise.all([
        queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized'),
        queue.getWorkersCount(),
        raw.dueSummary(now),
      ]);
      const oldestAgeMs = due.oldestScheduledAt === null ? 0 : Math.max(0, now - Date.parse(due.oldestScheduledAt));
      const problems: string[] = [];
      const waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0);
      const stuck = due.stuckPublishing ?? { count: 0, oldestSince: null, ids: [] };
      if (workers === 0 && (due.count > 0 || waiting > 0 || stuck.count > 0)) {
        const what = [
          due.count > 0 ? `${due.count} entries are due` : '',
          waiting > 0 ? `${waiting} jobs are waiting` : '',
          stuck.count > 0 ? `${stuck.count} entries are stuck in "publishing"` : '',
        ].filter(Boolean);
        problems.push(`${what.join(', ')} and no worker is connected to queue "${o.queueName}"; start a worker.`);
      }
      const stuckAgeMs = stuck.oldestSince === null ? 0 : Math.max(0, now - Date.parse(stuck.oldestSince));
      if (stuck.count > 0 && stuckAgeMs > o.leaseGraceMs)
        problems.push(
          `${stuck.count} entries are stuck in "publishing" with no live lease, the oldest for ${Math.round(stuckAgeMs / 1000)} s (${stuck.ids.slice(0, 5).join(', ')}${stuck.count > 5 ? ', …' : ''}): the worker publishing them stopped and none has reconciled them.`,
        );
      if (due.count > 0 && oldestAgeMs > o.overdueAlertMs)
        problems.push(
          `the oldest due entry is ${Math.round(oldestAgeMs / 1000)} s late (alert after ${Math.round(o.overdueAlertMs / 1000)} s).`,
        );
      return {
        ok: problems.length === 0,
        problems,
        workers,
        jobs: {
          waiting,
          delayed: counts.delayed ?? 0,
          active: counts.active ?? 0,
          failed: counts.failed ?? 0,
        },
        overdue: { ...due, oldestAgeMs },
      };
    },

    async close() {
      await stop();
      await queue.close();
      if (owned && connection.status !== 'end') await connection.quit().catch(() => connection.disconnect());
    },
  };
}
