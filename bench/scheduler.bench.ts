// Scheduler runner at scale: 100,000 entries due within one minute, published through a
// zero-latency in-process adapter (its doPublish records the call and returns at once), for
// each store backend. How each backend is measured:
// - memory, sqlite (fake clock): a fake clock steps through the minute one poll interval at a
//   time and each step runs `runDue` on every worker until nothing is due, so the simulated
//   minute passes as fast as the runner can go:
//   - throughput = entries / wall seconds;
//   - lag = clock time from an entry's due time to its publish call (p99). Work takes no clock
//     time here, so lag shows the runner's own scheduling delay (about one poll interval),
//     never the machine's speed.
// - bullmq (real time): BullMQ runs its wake-up jobs on the wall clock (delayed jobs), so it
//   cannot be stepped. A private redis-server is started (startRedisServer from
//   @smm/queue-bullmq/testing) and stopped; 3 workers, each with its own Redis connections,
//   store handle and runner (lease owner), publishing `concurrency` (32, `--bullmq-concurrency
//   N`) entries at once (the runner's; as many wake-up jobs at once too), in two shapes
//   (`--bullmq-shape processes|in-process|both`, default both):
//   - "3 processes": each worker its own Node process (bench/scheduler-bullmq-worker.ts),
//     reporting its publish calls over IPC — how workers are deployed (one per process or
//     machine), and the only shape where Node's work can use more than one core;
//   - "in-process": the 3 workers share this process's event loop (the shape of earlier
//     figures), so one core bounds all of Node's work.
//   Two runs on a fresh queue each:
//   - "minute": the entries are due evenly over one real minute. lag = wall time from due to
//     the publish call (p50/p99) — the scheduling delay a user sees; entries/s here is bound
//     by the arrival rate (COUNT / 60 s), so its target is "keeps up" (all published within
//     the minute plus 5 s);
//   - "backlog": the same entries all due at one instant, so workers always have work:
//     throughput = entries / wall seconds from that instant to the last publish (the
//     capacity, compared with the ≥ 5,000 entries/s target); lag there is just queueing.
//   Each run also prints the CPU time per entry of the workers' Node processes and of
//   redis-server, and the Redis commands per entry (those inside Lua scripts included) —
//   steadier than wall time on a shared machine, where other work takes the cores.
//   Filling Redis (entries + a delayed wake-up job per distinct due instant) happens before the
//   first entry is due and is not timed.
// Baseline, same process: the raw store loop (claimDue + publishing + published, no client,
// no runner) on the memory store — the runner overhead ratio is raw / runner.
//
//   npx tsx --expose-gc bench/scheduler.bench.ts [count] [--only memory,sqlite,bullmq] [--bullmq-shape processes|in-process|both] [--bullmq-concurrency 32]
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../packages/core/src/clock/index.js';
import { createMemoryStore, type CalendarEntry, type ScheduleStore } from '../packages/core/src/schedule-store/index.js';
import { createScheduler } from '../packages/core/src/scheduler/index.js';
import { systemClock } from '../packages/core/src/clock/index.js';
import { createSqliteStore } from '../packages/store-sqlite/src/index.js';
import { createBullmqScheduler, createRedisStore, type RedisStore } from '../packages/queue-bullmq/src/index.js';
import { startRedisServer } from '../packages/queue-bullmq/src/testing/index.js';
import { storeEntry } from '../packages/testkit/src/store-conformance/index.js';
import { zeroLatencyClient } from './zero-latency-client.js';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
// `--only sqlite` (or a comma list) runs just those backends: a name matches by its first word.
const ONLY = onlyAt === -1 ? undefined : new Set((args[onlyAt + 1] ?? '').split(',').filter(Boolean));
// `--bullmq-concurrency N`: entries each BullMQ worker publishes at once (its runner's concurrency; default 32).
const concurrencyAt = args.indexOf('--bullmq-concurrency');
const BULLMQ_CONCURRENCY = concurrencyAt === -1 ? 32 : Number(args[concurrencyAt + 1]);
if (!Number.isInteger(BULLMQ_CONCURRENCY) || BULLMQ_CONCURRENCY < 1)
  throw new Error('--bullmq-concurrency needs a whole number of entries ≥ 1');
const COUNT = Number(args.find((arg, index) => /^\d+$/.test(arg) && index !== onlyAt + 1 && index !== concurrencyAt + 1) ?? 100_000);
const SPAN_MS = 60_000;
const POLL_MS = 1_000;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');

/**
 * ─── BACKENDS ────────────────────────────────────────────────────────────────────────────
 * One line per store. `create()` returns a fresh, empty store and how to close it; `workers`
 * schedulers (default 1) share it, as separate workers would. The SQLite and BullMQ
 * engineers add their entries here.
 */
interface Backend {
  name: string;
  /** Target throughput, entries per wall second. */
  target: number;
  workers?: number;
  /** Fake-clock backends: a fresh, empty store, driven by `runDue` steps. */
  create?(): Promise<{ store: ScheduleStore; close(): Promise<void> | void }>;
  /** Real-time backends measure themselves (one result per scenario). */
  run?(): Promise<Result[]>;
}

const backends: Backend[] = [
  { name: 'memory', target: 20_000, create: async () => ({ store: createMemoryStore(), close: () => {} }) },
  {
    name: 'sqlite',
    target: 10_000,
    create: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'smm-bench-sqlite-'));
      const store = createSqliteStore({ path: join(dir, 'schedule.db') });
      return { store, close: () => (store.close(), rmSync(dir, { recursive: true, force: true })) };
    },
  },
  { name: 'bullmq', target: 5_000, workers: 3, run: () => runBullmq(3, BULLMQ_CONCURRENCY) },
];
// ──────────────────────────────────────────────────────────────────────────────────────────

const gc = (globalThis as { gc?: () => void }).gc;
let now = T0;
// Time moves only when the driver sets it; a sleep (the lease keeper's) ends only when aborted.
const clock: Clock = {
  now: () => now,
  sleep: (_ms, signal) =>
    new Promise<void>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true })),
};
const dueAtOf = (i: number) => T0 + Math.floor((i * SPAN_MS) / COUNT);

/** Entries `b<from>` … `b<to - 1>` of the bench, entry i due at `dueAt(i)`. */
function entries(dueAt: (i: number) => number = dueAtOf, from = 0, to = COUNT): CalendarEntry[] {
  const memo = { accountKey: 'memo:a1', platform: 'memo', accountId: 'a1' };
  return Array.from({ length: to - from }, (_, k) =>
    storeEntry(`b${from + k}`, { ...memo, scheduledAt: new Date(dueAt(from + k)).toISOString() }),
  );
}

async function fill(store: ScheduleStore): Promise<void> {
  const all = entries();
  for (let i = 0; i < all.length; i += 10_000) await store.insertMany(all.slice(i, i + 10_000));
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface Result {
  name: string;
  target: number;
  workers: number;
  published: number;
  duplicates: number;
  seconds: number;
  perSecond: number;
  p50LagMs: number;
  p99LagMs: number;
  /** Why it misses even if the throughput is met. */
  note?: string;
}

async function runBackend(backend: Backend): Promise<Result[]> {
  if (backend.run) return backend.run();
  gc?.();
  now = T0 - POLL_MS;
  const { store, close } = await backend.create!();
  try {
    await fill(store);
    const lags = new Float64Array(COUNT);
    const seen = new Uint8Array(COUNT);
    let published = 0;
    let duplicates = 0;
    const client = zeroLatencyClient((i) => {
      if (seen[i]) duplicates += 1;
      else {
        seen[i] = 1;
        lags[i] = now - dueAtOf(i);
        published += 1;
      }
    }, clock);
    const workers = Array.from({ length: backend.workers ?? 1 }, (_, w) =>
      createScheduler({ store, client, clock, owner: `bench-${w}`, concurrency: 64, batchSize: 64, lagWarningMs: Number.MAX_SAFE_INTEGER }),
    );
    const started = performance.now();
    for (let step = 0; step <= SPAN_MS + POLL_MS && published < COUNT; step += POLL_MS) {
      now = T0 + step;
      await Promise.all(workers.map((worker) => worker.runDue()));
    }
    const seconds = (performance.now() - started) / 1000;
    const sorted = lags.slice(0, COUNT).sort();
    return [
      {
        name: `${backend.name} (fake clock)`,
        target: backend.target,
        workers: workers.length,
        published,
        duplicates,
        seconds,
        perSecond: published / seconds,
        p50LagMs: percentile(sorted, 50),
        p99LagMs: percentile(sorted, 99),
      },
    ];
  } finally {
    await close();
  }
}

/** How the bullmq rows run their workers (`--bullmq-shape`, default both). */
type BullmqShape = 'processes' | 'in-process';
const shapeAt = args.indexOf('--bullmq-shape');
const BULLMQ_SHAPES: BullmqShape[] =
  shapeAt === -1 || args[shapeAt + 1] === 'both' ? ['processes', 'in-process'] : [args[shapeAt + 1] as BullmqShape];
const workerScript = fileURLToPath(new URL('./scheduler-bullmq-worker.ts', import.meta.url));

/**
 * BullMQ in real time (see the header): a private redis-server, `workers` workers with
 * `concurrency` jobs each — separate processes, or all in this one — two scenarios on fresh
 * queues per shape.
 */
async function runBullmq(workerCount: number, concurrency: number): Promise<Result[]> {
  const redis = await startRedisServer();
  try {
    // How long filling takes here (entries + their wake-up jobs), from a scratch sample, so the
    // first entry falls due only once the queue is full.
    const sample = Math.min(2_000, COUNT);
    const probeStore = createRedisStore({ url: redis.url, prefix: 'bench-probe' });
    const probe = createBullmqScheduler({ store: probeStore, url: redis.url, queueName: 'bench-probe' });
    const probeStarted = performance.now();
    await probe.store.insertMany(entries((i) => Date.now() + 3_600_000 + i, 0, sample));
    const fillMs = ((performance.now() - probeStarted) / sample) * COUNT;
    await probe.close();
    await probeStore.redis.flushall();
    await probeStore.close();
    const results: Result[] = [];
    for (const shape of BULLMQ_SHAPES) {
      const run = (scenario: 'minute' | 'backlog', dueAt: (start: number, i: number) => number) =>
        runBullmqScenario(redis.url, scenario, shape, workerCount, concurrency, fillMs, dueAt);
      results.push(await run('minute', (start, i) => start + Math.floor((i * SPAN_MS) / COUNT)));
      results.push(await run('backlog', (start) => start));
    }
    return results;
  } finally {
    await redis.stop();
  }
}

/** The workers of one scenario: started once the queue is full, closed at the end. */
interface BullmqWorkers {
  start(): void;
  /** Closes them; resolves to the Node CPU time (ms, all workers) they used since `start()`. */
  close(): Promise<number>;
}

/** `count` workers in this process, each with its own Redis connections, store handle and runner. */
function inProcessWorkers(
  url: string,
  prefix: string,
  count: number,
  concurrency: number,
  onPublish: (i: number, at: number) => void,
): BullmqWorkers {
  const client = zeroLatencyClient((i) => onPublish(i, Date.now()), systemClock);
  const workers = Array.from({ length: count }, (_, w) => {
    const store = createRedisStore({ url, prefix });
    const runner = createScheduler({
      store,
      client,
      owner: `bench-${w}`,
      leaseMs: 60_000,
      concurrency,
      lagWarningMs: Number.MAX_SAFE_INTEGER,
    });
    // syncIntervalMs 0: the safety-net sweep is not what is measured.
    const bullmq = createBullmqScheduler({ store, runner, url, queueName: prefix, concurrency, syncIntervalMs: 0 });
    return { store, bullmq };
  });
  let startCpu = process.cpuUsage();
  return {
    start() {
      startCpu = process.cpuUsage();
      for (const worker of workers) worker.bullmq.start();
    },
    async close() {
      const { user, system } = process.cpuUsage(startCpu);
      for (const worker of workers) {
        await worker.bullmq.close();
        await worker.store.close();
      }
      return (user + system) / 1000;
    },
  };
}

/** `count` worker processes (bench/scheduler-bullmq-worker.ts), each reporting its publishes over IPC. */
async function workerProcesses(
  url: string,
  prefix: string,
  count: number,
  concurrency: number,
  onPublish: (i: number, at: number) => void,
): Promise<BullmqWorkers> {
  let childCpuMs = 0;
  const children = await Promise.all(
    Array.from({ length: count }, (_, w) => {
      const child = fork(workerScript, [], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, REDIS_URL: url, STORE_PREFIX: prefix, OWNER: `bench-${w}`, CONCURRENCY: String(concurrency) },
      });
      child.on('message', (message: unknown) => {
        if (typeof message !== 'object' || message === null) return;
        const { published, cpuMs } = message as { published?: number[]; cpuMs?: number };
        for (let k = 0; k < (published?.length ?? 0); k += 2) onPublish(published![k]!, published![k + 1]!);
        if (cpuMs !== undefined) childCpuMs += cpuMs;
      });
      return new Promise<ChildProcess>((resolve, reject) => {
        child.once('message', (message) => (message === 'ready' ? resolve(child) : reject(new Error(`worker ${w}: ${String(message)}`))));
        child.once('exit', (code) => reject(new Error(`worker ${w} exited with ${code} before it was ready`)));
      });
    }),
  );
  return {
    start: () => children.forEach((child) => child.send('start')),
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.send('stop');
            }),
        ),
      );
      return childCpuMs;
    },
  };
}

async function runBullmqScenario(
  url: string,
  scenario: 'minute' | 'backlog',
  shape: BullmqShape,
  workerCount: number,
  concurrency: number,
  fillMs: number,
  dueAt: (start: number, i: number) => number,
): Promise<Result> {
  gc?.();
  const prefix = `bench-${scenario}`;
  const store = createRedisStore({ url, prefix });
  const planner = createBullmqScheduler({ store, url, queueName: prefix });
  const lags = new Float64Array(COUNT);
  const seen = new Uint8Array(COUNT);
  let published = 0;
  let duplicates = 0;
  let lastPublishAt = 0;
  let start = 0;
  const onPublish = (i: number, at: number) => {
    if (seen[i]) duplicates += 1;
    else {
      seen[i] = 1;
      lags[i] = at - dueAt(start, i);
      published += 1;
      lastPublishAt = Math.max(lastPublishAt, at);
    }
  };
  const workers =
    shape === 'processes'
      ? await workerProcesses(url, prefix, workerCount, concurrency, onPublish)
      : inProcessWorkers(url, prefix, workerCount, concurrency, onPublish);
  try {
    // Filling is not timed; the first entry falls due once it is done (estimate × 1.5 + 3 s).
    const fillStarted = performance.now();
    start = Date.now() + Math.ceil(fillMs * 1.5) + 3_000;
    // Made chunk by chunk: the in-process workers share this heap, and 100,000 entry objects kept
    // alive here would only add to their garbage collector's work.
    for (let i = 0; i < COUNT; i += 5_000) await planner.store.insertMany(entries((j) => dueAt(start, j), i, Math.min(COUNT, i + 5_000)));
    const filledAt = Date.now();
    if (filledAt > start)
      console.log(
        `  (bullmq ${scenario}: filling took ${((performance.now() - fillStarted) / 1000).toFixed(1)} s and ran ${filledAt - start} ms past the first due time)`,
      );
    const redisCpuAt = await redisCpuMs(store.redis);
    await store.redis.config('RESETSTAT');
    workers.start();

    const giveUpAt = start + SPAN_MS + 180_000;
    while (published < COUNT && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (Math.max(lastPublishAt, start) - start) / 1000;
    const redisCpu = (await redisCpuMs(store.redis)) - redisCpuAt;
    const commands = await redisCommands(store.redis);
    const nodeCpu = await workers.close();
    const perEntry = (ms: number) => (ms / Math.max(1, published)).toFixed(3);
    console.log(
      `  (bullmq ${scenario}, ${shape}: CPU per entry — Node ${perEntry(nodeCpu)} ms, redis-server ${perEntry(redisCpu)} ms; ` +
        `Redis commands per entry ${(commands.total / Math.max(1, published)).toFixed(1)} counting those inside scripts, ` +
        `${(commands.scripts / Math.max(1, published)).toFixed(2)} script calls)`,
    );
    const sorted = lags.filter((_, i) => seen[i] === 1).sort();
    const keptUp = scenario === 'minute' ? published === COUNT && lastPublishAt <= start + SPAN_MS + 5_000 : true;
    return {
      name: `bullmq ${scenario} (${shape === 'processes' ? `${workerCount} processes` : 'in-process'})`,
      // "minute" is bound by the arrival rate: its bar is keeping up, not 2,000/s.
      target: scenario === 'minute' ? 0 : 5_000,
      workers: workerCount,
      published,
      duplicates,
      seconds,
      perSecond: seconds > 0 ? published / seconds : 0,
      p50LagMs: percentile(sorted, 50),
      p99LagMs: percentile(sorted, 99),
      ...(keptUp ? {} : { note: 'did not keep up' }),
    };
  } finally {
    await workers.close(); // again after an error; closing twice is harmless
    await planner.queue.obliterate({ force: true }).catch(() => undefined);
    await planner.close();
    await store.redis.flushall();
    await store.close();
  }
}

/** redis-server's CPU time so far (user + system, ms). */
async function redisCpuMs(redis: RedisStore['redis']): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/** Commands Redis ran since CONFIG RESETSTAT (those inside scripts too, but not INFO/CONFIG), and the script calls among them. */
async function redisCommands(redis: RedisStore['redis']): Promise<{ total: number; scripts: number }> {
  let total = 0;
  let scripts = 0;
  for (const [, name, calls] of (await redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (name === 'info' || name!.startsWith('config')) continue;
    total += Number(calls);
    if (name === 'evalsha' || name === 'eval') scripts += Number(calls);
  }
  return { total, scripts };
}

// The raw store loop the runner is built on, without client or runner: claim, publishing, published.
async function baseline(): Promise<number> {
  gc?.();
  const store = createMemoryStore();
  await fill(store);
  const started = performance.now();
  let done = 0;
  for (let step = 0; step <= SPAN_MS + POLL_MS; step += POLL_MS) {
    const at = new Date(T0 + step).toISOString();
    for (;;) {
      const batch = await store.claimDue({ owner: 'raw', now: T0 + step, leaseMs: 60_000, limit: 64 });
      if (batch.length === 0) break;
      await Promise.all(
        batch.map(async (entry) => {
          await store.transition(entry.id, {
            to: 'publishing',
            at,
            by: 'raw',
            leaseOwner: 'raw',
            patch: { idempotencyKey: `k${entry.id}` },
          });
          await store.transition(entry.id, {
            to: 'published',
            at,
            by: 'raw',
            leaseOwner: 'raw',
            releaseLease: true,
            patch: { published: { platform: 'memo', accountId: 'a1', parts: [{ platform: 'memo', id: entry.id }], publishedAt: at } },
          });
          done += 1;
        }),
      );
    }
  }
  if (done !== COUNT) throw new Error(`baseline published ${done} of ${COUNT}`);
  return done / ((performance.now() - started) / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `scheduler: ${fmt(COUNT)} entries due within ${SPAN_MS / 1000} s, zero-latency adapter; memory/sqlite on a fake clock stepping ${POLL_MS} ms, bullmq in real time (3 workers × ${BULLMQ_CONCURRENCY} at once: ${BULLMQ_SHAPES.join(', then ')}; private redis-server); ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(1)}`,
);
const raw = await baseline();
const results: Result[] = [];
for (const backend of backends) {
  if (ONLY === undefined || ONLY.has(backend.name.split(' ')[0]!)) results.push(...(await runBackend(backend)));
}

const rows = [
  ['backend', 'workers', 'published', 'dupes', 'wall s', 'entries/s', 'target', 'p50 lag', 'p99 lag', 'result'],
  ...results.map((r) => {
    const pass = r.published === COUNT && r.duplicates === 0 && r.perSecond >= r.target && r.note === undefined;
    return [
      r.name,
      String(r.workers),
      fmt(r.published),
      String(r.duplicates),
      r.seconds.toFixed(2),
      fmt(r.perSecond),
      r.target > 0 ? `≥ ${fmt(r.target)}` : 'keeps up',
      `${fmt(r.p50LagMs)} ms`,
      `${fmt(r.p99LagMs)} ms`,
      pass ? 'PASS' : `MISS${r.note ? ` (${r.note})` : ''}`,
    ];
  }),
];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
const memory = results.find((r) => r.name.startsWith('memory'));
console.log(`baseline (raw memory-store claim + 2 transitions, no client/runner): ${fmt(raw)} entries/s`);
if (memory) console.log(`runner overhead on memory: ${(raw / memory.perSecond).toFixed(2)}× the raw store loop`);
