import { Redis } from 'ioredis';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import { parseWithSchema, systemClock } from '@smm/core';
import type { CalendarEntry, DueSummary, ScheduleStore } from '@smm/core/schedule-store';
import type { DueBatch } from '@smm/core/scheduler';
import { BullmqSchedulerOptionsSchema, type BullmqSchedulerOptions } from './bullmq-scheduler-options.js';
import { jobRunAt, wakeJobIdOf } from './wake-job.js';

/**
 * The data of a wake-up job. A job names no entry: when it runs, it claims whatever is due
 * in the store, batch by batch — the entries decide, the job only wakes a worker.
 *
 * @example
 * ```ts
 * const job = await bullmq.queue.getJob(wakeJobIdOf(Date.parse('2026-03-02T09:00:00Z')));
 * job?.data; // { at: 1772442000000 } — and, while it runs, { at, claimed: ['post-1', …] }
 * ```
 */
export interface WakeJobData {
  /** The instant (epoch ms) this job was set for. */
  at: number;
  /**
   * The entries this job's run holds, written before any batch of them is published: when its
   * worker dies, BullMQ runs the job again (stalled) and that run first looks at each of them —
   * reconciling it once its lease has run out — then claims whatever is due.
   */
  claimed?: string[];
  /** Set on the lease watches a job adds before it claims (see `WakeJobData.claimed`): they look for entries whose claim was never recorded. */
  watch?: true;
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
  /**
   * Instants a wake-up job was ensured for: one per distinct future time an entry needs a
   * worker, plus one job now when anything is already due (it claims them all, batch by batch).
   */
  wakeUps: number;
}

/** Runs due entries as BullMQ jobs. See {@link createBullmqScheduler}. */
export interface BullmqScheduler {
  /**
   * The store to plan with (`createCalendar({ store: bullmq.store })`): every write through it
   * also makes sure a wake-up job exists for when the written entries fall due.
   */
  readonly store: ScheduleStore;
  /** The BullMQ queue of wake-up jobs (for dashboards). */
  readonly queue: Queue<WakeJobData>;
  /** Starts this process's worker: `concurrency` wake-up jobs at once, each claiming a batch through `runner.runDueBatch`. */
  start(): void;
  /** Graceful: stops taking jobs, waits for running ones (so leases are released), stops syncing. */
  stop(): Promise<void>;
  /** Makes sure a wake-up job exists for when one entry next needs a worker (after writes that bypassed `store`). */
  syncEntry(entryOrId: CalendarEntry | string): Promise<void>;
  /** Rebuilds wake-ups from the store: every `scheduled` / `publishing` entry gets one at its time (after a Redis flush, or writes elsewhere). */
  sync(): Promise<SyncReport>;
  /** Job counts, connected workers and the store's overdue summary. */
  health(): Promise<BullmqSchedulerHealth>;
  /** `stop()`, then closes the queue and the connection it opened. */
  close(): Promise<void>;
}

// A wake-up closer than this is added under an id of its own, never shared: a job with the
// shared id may already be running past its claim, and would not see the entry just written.
const SOON_MS = 1_000;

/**
 * The BullMQ backend of the scheduler: delayed **wake-up jobs** and workers in any number of
 * processes that claim due entries in batches through the core runner (`runDueBatch`) — the
 * same claiming, leases, idempotency keys and reconciliation as the embedded runner.
 *
 * A job names no entry, only an instant: every write through `store` makes sure a job exists
 * for when its entries next need a worker (one shared job per instant, id `wakeJobIdOf(at)`).
 * A job that runs claims due entries batch by batch (`runner.runDueBatch`) until a batch comes
 * back short; its first full batch adds a job for now, so other workers claim the rest of a
 * backlog in parallel — a backlog of N entries costs a few jobs, not N. Before a batch
 * publishes, the job records the entries it holds: when its worker dies, BullMQ runs the job
 * again (stalled) and that run looks at those entries — after their lease expires the runner
 * reconciles each through the adapter's `findPublished`, never republishing blindly. Retries
 * and store errors get a wake-up at their next time. A job that finds nothing due simply
 * ends: the entries decide.
 *
 * @example
 * ```ts
 * import { createCalendar } from '@smm/core/calendar';
 * import { createScheduler } from '@smm/core/scheduler';
 * import { createBullmqScheduler, createRedisStore } from '@smm/queue-bullmq';
 *
 * const store = createRedisStore({ url: process.env.REDIS_URL! });
 * const runner = createScheduler({ store, client, leaseMs: 30_000, concurrency: 16 });
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
  const queue = new Queue<WakeJobData>(o.queueName, { connection, prefix: o.prefix });
  const raw = o.store;
  let worker: Worker<WakeJobData> | undefined;
  let stopping = false;
  // The latest lease watch set (see drain): at most one a second per process.
  let watchedUntil = 0;
  let syncTimer: ReturnType<typeof setInterval> | undefined;

  /**
   * Wake-up jobs for these instants: one shared job per distinct instant more than SOON_MS
   * away; closer ones get jobs of their own (one per distinct instant), and everything already
   * due one job now — it claims them all, batch by batch.
   */
  async function wakeAt(instants: Iterable<number>): Promise<number> {
    const now = clock.now();
    const shared = new Set<number>();
    const own = new Set<number>();
    for (const at of instants) {
      if (at > now + SOON_MS) shared.add(at);
      else own.add(Math.max(at, now));
    }
    const job = (at: number, jobId?: string) => ({
      name: 'wake',
      data: { at },
      // Failed jobs stay for inspection (a few); completed ones free their id for a later write.
      opts: { jobId, delay: at - now, removeOnComplete: true, removeOnFail: { count: 1_000 } },
    });
    const jobs = [...[...shared].map((at) => job(at, wakeJobIdOf(at))), ...[...own].map((at) => job(at))];
    for (let i = 0; i < jobs.length; i += 1_000) await queue.addBulk(jobs.slice(i, i + 1_000));
    return jobs.length;
  }

  const runAtOf = (entries: Iterable<CalendarEntry>) => {
    const instants: number[] = [];
    for (const entry of entries) {
      const at = jobRunAt(entry, o.leaseGraceMs);
      if (at !== null) instants.push(at);
    }
    return instants;
  };

  async function syncEntry(entryOrId: CalendarEntry | string): Promise<void> {
    const entry = typeof entryOrId === 'string' ? await raw.get(entryOrId) : entryOrId;
    if (entry !== undefined) await wakeAt(runAtOf([entry]));
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
      await wakeAt(runAtOf([entry]));
    },
    async insertMany(entries) {
      await raw.insertMany(entries);
      await wakeAt(runAtOf(entries));
    },
    async put(entry, expect) {
      const stored = await raw.put(entry, expect);
      await wakeAt(runAtOf([stored]));
      return stored;
    },
    async putMany(writes) {
      const stored = await raw.putMany(writes);
      await wakeAt(runAtOf(stored));
      return stored;
    },
    async transition(id, change) {
      const stored = await raw.transition(id, change);
      await wakeAt(runAtOf([stored]));
      return stored;
    },
  };

  async function delayTo(job: Job<WakeJobData>, token: string | undefined, runAt: number): Promise<never> {
    await job.moveToDelayed(Math.max(runAt, clock.now() + 1), token);
    throw new DelayedError();
  }

  const reportError = (error: unknown) => worker?.emit('error', error instanceof Error ? error : new Error(String(error)));

  /** When an entry that did not end in this run needs a worker again: its own time, or a retry of the store read soon. */
  async function nextRunOf(id: string, known: CalendarEntry | undefined): Promise<number | null> {
    try {
      const entry = known ?? (await raw.get(id));
      return entry === undefined ? null : jobRunAt(entry, o.leaseGraceMs);
    } catch (error) {
      reportError(error);
      return clock.now() + o.errorRetryMs;
    }
  }

  /**
   * A worker that dies between a claim and the record of it leaves entries no job knows of:
   * before claiming, a job makes sure a wake-up exists for when the leases it is about to take
   * run out (rounded up to the next whole second, so a process adds at most one a second).
   */
  async function watchLeases(): Promise<void> {
    const leaseMs = o.runner?.leaseMs;
    if (leaseMs === undefined) return;
    const now = clock.now();
    const at = Math.ceil((now + leaseMs + o.leaseGraceMs) / 1_000) * 1_000;
    if (at <= watchedUntil) return;
    await queue.add(
      'wake',
      { at, watch: true },
      { jobId: `watch-${at}`, delay: at - now, removeOnComplete: true, removeOnFail: { count: 1_000 } },
    );
    watchedUntil = at;
  }

  /** The entries a dead worker's run of this job had claimed: each is claimed by id (reconciled once its lease is out) or woken for later. */
  async function recover(ids: readonly string[]): Promise<void> {
    const runner = o.runner!;
    const later = await Promise.all(
      ids.map(async (id) => {
        const outcome = await runner.executeEntry(id);
        if (outcome.status !== 'retry_scheduled' && outcome.status !== 'not_claimed') return null;
        return nextRunOf(id, outcome.entry);
      }),
    );
    await wakeAt(later.filter((at) => at !== null));
  }

  async function processJob(job: Job<WakeJobData>, token?: string): Promise<string> {
    if (job.data.claimed !== undefined && job.data.claimed.length > 0) {
      try {
        await recover(job.data.claimed);
      } catch (error) {
        // The store or the network below the runner failed: look again later, claims kept.
        reportError(error);
        return delayTo(job, token, clock.now() + o.errorRetryMs);
      }
    }
    return drain(job, token);
  }

  /**
   * Claims due entries batch by batch until a batch comes back short (nothing more is due) or
   * the worker stops; the next batch is claimed as soon as the runner has room, while earlier
   * ones still publish. The first full batch adds a job for now, so other workers join in on a
   * backlog. Before a batch publishes, the job records every entry it has in flight.
   */
  async function drain(job: Job<WakeJobData>, token: string | undefined): Promise<string> {
    const runner = o.runner!;
    const inFlight = new Set<string>();
    const settling: Array<Promise<void>> = [];
    const later: Array<Promise<number | null>> = [];
    let spawned = false;
    let claimedAny = false;
    for (;;) {
      let batch: DueBatch;
      try {
        // A watch job's own first claim arms no new watch: an idle queue must not wake itself forever.
        if (job.data.watch !== true || claimedAny) await watchLeases();
        batch = await runner.runDueBatch(o.batchSize === undefined ? {} : { limit: o.batchSize });
      } catch (error) {
        reportError(error);
        if (!claimedAny) return delayTo(job, token, clock.now() + o.errorRetryMs);
        later.push(Promise.resolve(clock.now() + o.errorRetryMs)); // what is in flight still settles below
        break;
      }
      if (batch.ids.length > 0) {
        claimedAny = true;
        for (const id of batch.ids) inFlight.add(id);
        // On record before anything of the batch settles (a re-run after this worker dies
        // looks at them); and, on a backlog, a job now so that another worker claims too.
        await Promise.all([
          job.updateData({ ...job.data, claimed: [...inFlight] }).catch(reportError),
          batch.full && !spawned ? ((spawned = true), wakeAt([clock.now()]).catch(reportError)) : undefined,
        ]);
        settling.push(
          batch.done.then((results) => {
            for (const result of results) {
              inFlight.delete(result.id);
              if ('error' in result) {
                reportError(result.error);
                later.push(nextRunOf(result.id, undefined)); // its lease runs out, then it is reconciled
              } else if (result.outcome.status === 'retry_scheduled' || result.outcome.status === 'not_claimed') {
                later.push(nextRunOf(result.id, result.outcome.entry));
              }
            }
          }),
        );
      }
      if (!batch.full || stopping) break;
    }
    await Promise.all(settling);
    // Come back for what did not end here: retries at their backoff, store errors at lease end.
    if (later.length > 0) await wakeAt((await Promise.all(later)).filter((at) => at !== null));
    return claimedAny ? 'ran' : 'nothing-due';
  }

  async function sync(): Promise<SyncReport> {
    const entries = await raw.query({ statuses: ['scheduled', 'publishing'] });
    return { entries: entries.length, wakeUps: await wakeAt(runAtOf(entries)) };
  }

  async function stop(): Promise<void> {
    // Running jobs stop claiming and finish what they have in flight.
    stopping = true;
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
      stopping = false;
      if (o.runner === undefined)
        throw new Error('createBullmqScheduler: start() needs `runner` (a Scheduler from createScheduler) to run jobs.');
      worker = new Worker<WakeJobData>(o.queueName, processJob, {
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

    syncEntry,

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
          waiting > 0 ? `${waiting} ${waiting === 1 ? 'job is' : 'jobs are'} waiting` : '',
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
