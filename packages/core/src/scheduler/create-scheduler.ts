import { noopLogger } from '../client/index.js';
import { holdProcess } from '../clock/index.js';
import { ValidationError } from '../errors/index.js';
import type { CalendarEntry, ClaimStart } from '../schedule-store/index.js';
import { executeClaimed, publishingTransition } from './entry-executor.js';
import type { ExecutorContext } from './executor-context.js';
import type { EntryOutcome } from './entry-outcome.js';
import type { DueBatch, DueBatchResult } from './due-batch.js';
import { createLeaseKeeper } from './lease-keeper.js';
import { createSchedulerEmitter, type SchedulerEvents } from './scheduler-events.js';
import type { SchedulerHealth } from './scheduler-health.js';
import { resolveSchedulerOptions, type SchedulerOptions } from './scheduler-options.js';

// A claimed entry, and the same entry once the claim's own write started it (`publishing`).
interface Claimed {
  entry: CalendarEntry;
  started?: CalendarEntry;
}

/**
 * What one `runDue` pass did, by outcome.
 *
 * @example
 * ```ts
 * const report = await scheduler.runDue();
 * console.log(`${report.published}/${report.claimed} published, ${report.retried} to retry`);
 * ```
 */
export interface RunDueReport {
  claimed: number;
  published: number;
  failed: number;
  outcomeUnknown: number;
  retried: number;
  /** Claimed, then lost to a concurrent change (another worker, a person's edit). */
  notClaimed: number;
  /** Entries whose run hit a store error (their lease runs out; they are reconciled later). */
  errors: number;
}

/**
 * The runner: claims due entries under a lease and publishes them, exactly once.
 *
 * @example
 * ```ts
 * const scheduler = createScheduler({ store, client });
 * scheduler.on('entry-failed', ({ entry, error }) => console.error(entry.id, error.code, error.message));
 * scheduler.start();
 * process.on('SIGTERM', () => void scheduler.stop({ timeoutMs: 30_000 }));
 * ```
 */
export interface Scheduler {
  /** This worker's id (the lease owner it writes). */
  readonly owner: string;
  /** How long a claim lasts, in ms (renewed while its publish runs): when a dead worker's entries become claimable again. */
  readonly leaseMs: number;
  /**
   * Starts the poll loop on the clock (no-op when already running). Until `stop()` resolves,
   * the scheduler keeps the process alive (unless created with `keepAlive: false`).
   */
  start(): void;
  /**
   * Stops polling, waits for in-flight publishes to finish (their leases are released as
   * they settle), up to `timeoutMs` (default: no limit). Publishes still running after the
   * timeout are not aborted — their outcome would be unknown — their leases simply expire
   * and another worker reconciles them.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** One pass for apps that drive the scheduler from their own cron: claims everything due at `now` and runs it. */
  runDue(now?: number): Promise<RunDueReport>;
  /**
   * Claims one batch of due entries and starts them, for queue workers that share a backlog
   * (a BullMQ wake-up job). Waits until `limit` more entries fit under `concurrency`, claims
   * up to `limit` entries due at `now` (default: the clock, read after the wait), and resolves
   * as soon as they are claimed; `done` settles when they have run. `limit` defaults to half of
   * `concurrency` (rounded up), so one batch is claimed while another publishes, and is never
   * more than `concurrency`.
   *
   * @throws ValidationError when `limit` is not a whole number ≥ 1.
   * @example
   * ```ts
   * let batch;
   * do {
   *   batch = await scheduler.runDueBatch();          // claimed and publishing
   *   void batch.done.then((results) => record(results));
   * } while (batch.full);                             // more may be due
   * ```
   */
  runDueBatch(options?: { now?: number; limit?: number }): Promise<DueBatch>;
  /** Claims one entry by id and runs it (publish, or reconcile a stale `publishing` one) — what a queue worker calls for an entry it knows by id. */
  executeEntry(id: string, options?: { now?: number }): Promise<EntryOutcome>;
  /** What is late in the store, and what this scheduler is doing. */
  health(): Promise<SchedulerHealth>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof SchedulerEvents>(event: E, listener: (payload: SchedulerEvents[E]) => void): () => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

interface StoreFailure {
  storeError: unknown;
}

/**
 * Creates the scheduler runner over a `ScheduleStore` (from `@smm/core/schedule-store`) and an `SmmClient`.
 *
 * Exactly once: an entry goes to `publishing` with a stable idempotency key, under this
 * worker's lease, *before* the network is called. A transient failure (rate limit, 5xx,
 * network) puts it back to `scheduled` with `attempts` and `nextAttemptAt` (backoff, calendar
 * time kept) until `scheduledAt + retry.deadlineMs`, then `failed` with `deadline_exceeded`;
 * a permanent one fails it with the error's code and message. An entry found in `publishing`
 * with an expired lease (a crash) is reconciled through the adapter's idempotency strategy —
 * `published`, published again with the same key, or `outcome_unknown` for a person — and
 * never blindly republished.
 *
 * Runtime-neutral: every wait goes through `clock`. A started scheduler keeps the process
 * alive, as a listening server does, and nothing of it does once `stop()` resolves.
 *
 * @throws ValidationError naming each bad option.
 * @example
 * ```ts
 * import { createClient } from '@smm/core/client';
 * import { createMemoryStore } from '@smm/core/schedule-store';
 * import { createScheduler } from '@smm/core/scheduler';
 *
 * const store = createMemoryStore();
 * const client = createClient({ adapters: [mastodon], accounts, credentials });
 * const scheduler = createScheduler({ store, client, concurrency: 8 });
 * scheduler.on('entry-outcome-unknown', ({ entry, reason }) => notifyEditors(entry.id, reason));
 * scheduler.start();
 *
 * // Or from a cron job, once a minute:
 * const report = await scheduler.runDue();
 * ```
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const resolved = resolveSchedulerOptions(options);
  const logger = resolved.logger ?? noopLogger;
  const emitter = createSchedulerEmitter(logger);
  const { store, clock, owner, concurrency, leaseMs, batchSize } = resolved;
  const leases = createLeaseKeeper({
    store,
    clock,
    owner,
    leaseMs,
    onLost: (id) => logger.warn('scheduler lost the lease of an entry while publishing it', { entryId: id, owner }),
    onError: (id, error) => emitter.emit('error', { error, entryId: id, phase: 'lease' }),
  });
  const ctx: ExecutorContext = { ...resolved, emitter, logger, leases };

  const inFlight = new Set<Promise<unknown>>();
  // runDueBatch calls waiting for room under `concurrency`, first come first served: woken as
  // runs settle (a Promise.race over inFlight per waiter would cost waiters × runs per settle).
  // Room handed to a batch is reserved until its claim has launched what it got.
  const roomWaiters: Array<{ need: number; wake: () => void }> = [];
  let reservedRoom = 0;
  const freeRoom = () => concurrency - inFlight.size - reservedRoom;
  function wakeRoomWaiters(): void {
    while (roomWaiters.length > 0 && freeRoom() >= roomWaiters[0]!.need) {
      const waiter = roomWaiters.shift()!;
      reservedRoom += waiter.need;
      waiter.wake();
    }
  }
  /** Resolves once `need` runs fit, with that room reserved: the caller must `releaseRoom(need)` after launching. */
  async function reserveRoom(need: number): Promise<void> {
    if (roomWaiters.length === 0 && freeRoom() >= need) {
      reservedRoom += need;
      return;
    }
    await new Promise<void>((wake) => roomWaiters.push({ need, wake }));
  }
  function releaseRoom(need: number): void {
    reservedRoom -= need;
    wakeRoomWaiters();
  }
  let lastPollAt: number | null = null;
  let loop: { controller: AbortController; done: Promise<void>; release: () => void } | undefined;

  // Entries this worker is running, by id: a claim of one of them is this worker claiming its
  // own in-flight entry again (its lease lapsed), never a second run.
  const running = new Map<string, Promise<EntryOutcome | StoreFailure>>();

  // Runs a claimed entry; a store error ends in an 'error' event (the lease then runs out
  // and the entry is reconciled later), never in an unhandled rejection.
  function launch({ entry, started }: Claimed): { run: Promise<EntryOutcome | StoreFailure>; adopted: boolean } {
    const current = running.get(entry.id);
    if (current !== undefined) {
      // The running call carries on under the new claim's token: one publish, one event.
      if (leases.adopt(entry)) return { run: current, adopted: true };
      // That run lost its lease and is being aborted: settle the new claim after it ends.
      const next = current.then(() => execute(entry));
      track(entry.id, next);
      return { run: next, adopted: false };
    }
    const run = execute(entry, started);
    track(entry.id, run);
    return { run, adopted: false };
  }

  function track(id: string, run: Promise<EntryOutcome | StoreFailure>): void {
    running.set(id, run);
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      wakeRoomWaiters();
      if (running.get(id) === run) running.delete(id);
    });
  }

  async function execute(entry: CalendarEntry, started?: CalendarEntry): Promise<EntryOutcome | StoreFailure> {
    leases.hold(started ?? entry);
    try {
      return await executeClaimed(ctx, entry, started);
    } catch (error) {
      logger.error('scheduler could not run an entry', {
        entryId: entry.id,
        error: error instanceof Error ? error.message : String(error),
      });
      emitter.emit('error', { error, entryId: entry.id, phase: 'execute' });
      return { storeError: error };
    } finally {
      leases.release(entry.id);
    }
  }

  // The claim starts each `scheduled` entry it can in its own write (ClaimRequest.start): the
  // claim and `publishing` become durable together, and the run goes straight to the network.
  // A store that ignores `start` returns entries as claimed: they start the ordinary way.
  function startOnClaim(): { start: ClaimStart; claimedOf(entry: CalendarEntry): Claimed } {
    const before = new Map<string, CalendarEntry>();
    return {
      start(claimed) {
        // Already running here (its lease lapsed): the running call carries on instead (launch).
        if (running.has(claimed.id)) return undefined;
        const change = publishingTransition(ctx, claimed, clock.now(), { leaseOwner: owner, leaseToken: claimed.lease?.token });
        if (change !== undefined) before.set(claimed.id, claimed);
        return change;
      },
      claimedOf(entry) {
        const claimed = before.get(entry.id);
        const started = claimed !== undefined && entry.status === 'publishing' && entry.lease?.token === claimed.lease?.token;
        return started ? { entry: claimed, started: entry } : { entry };
      },
    };
  }

  async function claimBatch(now: number, limit: number): Promise<Claimed[]> {
    lastPollAt = now;
    const { start, claimedOf } = startOnClaim();
    return (await store.claimDue({ owner, now, leaseMs, limit, includeStalePublishing: true, start })).map(claimedOf);
  }

  // Claims up to `limit` entries due at `now` and launches them; an entry already running here
  // (its lease lapsed and was claimed again) carries on as the same run and is not listed.
  async function claimAndLaunch(
    now: number,
    limit: number,
  ): Promise<{ claimed: number; launched: { id: string; run: Promise<EntryOutcome | StoreFailure> }[] }> {
    const claimed = await claimBatch(now, limit);
    const launched: { id: string; run: Promise<EntryOutcome | StoreFailure> }[] = [];
    for (const each of claimed) {
      const { run, adopted } = launch(each);
      if (!adopted) launched.push({ id: each.entry.id, run });
    }
    return { claimed: claimed.length, launched };
  }

  async function runLoop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const room = concurrency - inFlight.size;
      if (room <= 0) {
        await Promise.race(inFlight);
        continue;
      }
      const limit = Math.min(batchSize, room);
      let claimed: Claimed[] = [];
      try {
        claimed = await claimBatch(clock.now(), limit);
      } catch (error) {
        logger.error('scheduler poll failed', { error: error instanceof Error ? error.message : String(error) });
        emitter.emit('error', { error, phase: 'poll' });
      }
      for (const each of claimed) launch(each);
      if (claimed.length === limit || signal.aborted) continue; // more may be due
      try {
        await clock.sleep(resolved.pollIntervalMs, signal);
      } catch {
        return; // stopped
      }
    }
  }

  // Waits for in-flight publishes, up to timeoutMs; then stops renewing what still runs.
  async function settleInFlight(timeoutMs: number | undefined): Promise<void> {
    if (inFlight.size === 0) return;
    const settled = Promise.allSettled([...inFlight]).then(() => undefined);
    if (timeoutMs === undefined) {
      await settled;
    } else {
      const timer = new AbortController();
      await Promise.race([settled, clock.sleep(timeoutMs, timer.signal).catch(() => undefined)]);
      timer.abort();
      if (inFlight.size > 0) {
        // Stop renewing: the stuck publishes' leases run out and another worker reconciles them.
        leases.stop();
        logger.warn('scheduler stopped with publishes still running; their leases will expire', { owner, inFlight: inFlight.size });
      }
    }
    logger.info('scheduler stopped', { owner });
  }

  const scheduler: Scheduler = {
    owner,
    leaseMs,

    start() {
      if (loop !== undefined) return;
      const controller = new AbortController();
      // The loop's own waits are unref'd clock timers: without this hold, a worker script whose
      // store has nothing due yet would simply exit.
      const release = resolved.keepAlive ? holdProcess() : () => undefined;
      loop = { controller, done: runLoop(controller.signal), release };
      logger.info('scheduler started', { owner, concurrency });
    },

    async stop(stopOptions = {}) {
      const current = loop;
      loop = undefined;
      try {
        if (current !== undefined) {
          current.controller.abort();
          await current.done;
        }
        await settleInFlight(stopOptions.timeoutMs);
      } finally {
        current?.release();
      }
    },

    async runDue(now) {
      const at = now ?? clock.now();
      const report: RunDueReport = { claimed: 0, published: 0, failed: 0, outcomeUnknown: 0, retried: 0, notClaimed: 0, errors: 0 };
      const count = (outcome: EntryOutcome | StoreFailure) => {
        if ('storeError' in outcome) report.errors += 1;
        else if (outcome.status === 'published') report.published += 1;
        else if (outcome.status === 'failed') report.failed += 1;
        else if (outcome.status === 'outcome_unknown') report.outcomeUnknown += 1;
        else if (outcome.status === 'retry_scheduled') report.retried += 1;
        else report.notClaimed += 1;
      };
      const mine = new Set<Promise<unknown>>();
      for (;;) {
        const room = concurrency - mine.size;
        if (room <= 0) {
          await Promise.race(mine);
          continue;
        }
        const limit = Math.min(batchSize, room);
        const { claimed, launched } = await claimAndLaunch(at, limit);
        report.claimed += claimed;
        for (const { run } of launched) {
          const counted = run.then(count);
          mine.add(counted);
          void counted.finally(() => mine.delete(counted));
        }
        if (claimed < limit) break;
      }
      await Promise.all(mine);
      return report;
    },

    async runDueBatch(batchOptions = {}) {
      const asked = batchOptions.limit ?? Math.ceil(concurrency / 2);
      if (!Number.isInteger(asked) || asked < 1)
        throw new ValidationError('runDueBatch options', [
          {
            path: ['limit'],
            code: 'too_small',
            message: `must be a whole number ≥ 1 (got ${String(asked)}); leave it out for half of concurrency`,
          },
        ]);
      const limit = Math.min(asked, concurrency);
      await reserveRoom(limit);
      let claimed: number;
      let launched: Awaited<ReturnType<typeof claimAndLaunch>>['launched'];
      try {
        ({ claimed, launched } = await claimAndLaunch(batchOptions.now ?? clock.now(), limit));
      } finally {
        releaseRoom(limit);
      }
      const done = Promise.all(
        launched.map(({ id, run }) =>
          run.then((outcome): DueBatchResult => ('storeError' in outcome ? { id, error: outcome.storeError } : { id, outcome })),
        ),
      );
      return { ids: launched.map(({ id }) => id), full: claimed === limit, done };
    },

    async executeEntry(id, executeOptions = {}) {
      const now = executeOptions.now ?? clock.now();
      const { start, claimedOf } = startOnClaim();
      const claimed = await store.claim(id, { owner, now, leaseMs, includeStalePublishing: true, start });
      if (claimed === undefined) {
        const entry = await store.get(id);
        return entry === undefined ? { status: 'not_claimed' } : { status: 'not_claimed', entry };
      }
      const outcome = await launch(claimedOf(claimed)).run;
      if ('storeError' in outcome) throw outcome.storeError;
      return outcome;
    },

    async health() {
      const now = clock.now();
      const summary = await store.dueSummary(now);
      const oldestAgeMs = summary.oldestScheduledAt === null ? null : Math.max(0, now - Date.parse(summary.oldestScheduledAt));
      const stuck = summary.stuckPublishing ?? { count: 0, oldestSince: null, ids: [] };
      const stuckAgeMs = stuck.oldestSince === null ? null : Math.max(0, now - Date.parse(stuck.oldestSince));
      const problems: string[] = [];
      if (oldestAgeMs !== null && oldestAgeMs > resolved.lagWarningMs) {
        problems.push(
          `${summary.count} entries are overdue, the oldest by ${Math.round(oldestAgeMs / 1000)} s: no worker is claiming them (is a scheduler running on this store?).`,
        );
      }
      if (stuckAgeMs !== null && stuckAgeMs > resolved.pollIntervalMs) {
        problems.push(
          `${stuck.count} entries are stuck in "publishing" with no live lease, the oldest for ${Math.round(stuckAgeMs / 1000)} s (${stuck.ids.slice(0, 5).join(', ')}${stuck.count > 5 ? ', …' : ''}): the worker publishing them stopped and none has reconciled them; start a worker.`,
        );
      }
      return {
        running: loop !== undefined,
        inFlight: inFlight.size,
        overdue: { count: summary.count, oldestScheduledAt: summary.oldestScheduledAt, oldestAgeMs },
        stuckPublishing: { count: stuck.count, oldestSince: stuck.oldestSince, oldestAgeMs: stuckAgeMs, ids: stuck.ids },
        lastPollAt: lastPollAt === null ? null : iso(lastPollAt),
        ok: problems.length === 0,
        problems,
      };
    },

    on(event, listener) {
      return emitter.on(event, listener);
    },
  };
  return scheduler;
}
