/**
 * Distributed workers on Redis: three worker processes share one Redis and publish a
 * calendar to two Mastodon accounts, each post exactly once.
 *
 *   npx -y pnpm@10 exec tsx examples/worker/main.ts            (from the repository root, after a build)
 *   REDIS_URL=redis://127.0.0.1:6379 npx -y pnpm@10 exec tsx examples/worker/main.ts   (your own Redis)
 *
 * It starts a private redis-server on a free port of 127.0.0.1 (unless REDIS_URL is set),
 * serves two Mastodon simulators from @smm/testkit on 127.0.0.1 (two instances, one account
 * each), forks three `worker.ts` processes — the program a deployment runs per process —
 * plans 30 entries due over the next few seconds through `bullmq.store`, waits until every
 * entry is published, shows which worker published how many and that each simulator holds
 * each post exactly once, then stops the workers with SIGTERM and stops Redis.
 * Without redis-server (and no REDIS_URL) it says how to install it and exits 0, skipped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createCalendar } from '@smm/core/calendar';
import type { CalendarEntry } from '@smm/core/schedule-store';
import { createBullmqScheduler, createRedisStore } from '@smm/queue-bullmq';
import { findRedisServer, startRedisServer } from '@smm/queue-bullmq/testing';
import { createMastodonSimulator, type MastodonSimulator } from '@smm/testkit/mastodon';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// For deadlines raced against work: an unref'd timer does not keep the process alive once the work is done.
const deadlineAfter = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());

const WORKERS = 3;
const POSTS_PER_ACCOUNT = 15;
const PUBLISH_DEADLINE_MS = 45_000;

if (process.env.REDIS_URL === undefined && findRedisServer() === undefined) {
  console.log(
    'skipped: redis-server is not installed. Install it with `sudo apt-get install redis-server` ' +
      '(or `bash scripts/setup-system.sh`), or point this example at your own Redis with REDIS_URL=redis://host:6379.',
  );
  process.exit(0);
}

/** A worker process and the lines it printed. */
interface Worker {
  name: string;
  child: ChildProcess;
  lines: string[];
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(name: string, env: Record<string, string>): Worker {
  // fork() reuses this process's execArgv, so the worker runs under tsx just like main.ts.
  const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
    env: { ...process.env, ...env, SMM_WORKER_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const worker: Worker = {
    name,
    child,
    lines: [],
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  };
  let buffer = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (buffer + chunk).split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      worker.lines.push(line);
      detail(`  ${line}`);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (worker.stderr += chunk));
  return worker;
}

const alive = (worker: Worker) => worker.child.exitCode === null && worker.child.signalCode === null;
const howItEnded = (worker: Worker, when: string) =>
  `${worker.name} exited (${worker.child.signalCode ?? `code ${worker.child.exitCode}`}) ${when}${worker.stderr.trim() ? `:\n${worker.stderr.trim()}` : ''}`;

/** Resolves once every worker printed its "ready" line; throws if one exits or takes too long. */
async function waitReady(workers: Worker[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!workers.every((worker) => worker.lines.some((line) => line.includes('] ready:')))) {
    const dead = workers.find((worker) => !alive(worker));
    if (dead) throw new Error(howItEnded(dead, 'before it was ready'));
    if (Date.now() > until) throw new Error(`the workers were not ready after ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

const cleanups: Array<() => Promise<unknown> | unknown> = [];
let workers: Worker[] = [];
const problems: string[] = [];
const started = Date.now();

try {
  // 1. Redis: yours, or a throwaway one (no persistence, 127.0.0.1 only).
  let redisUrl = process.env.REDIS_URL;
  if (redisUrl === undefined) {
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    redisUrl = redis.url;
    console.log(`redis-server started on ${redis.url} (pid ${redis.pid})`);
  } else {
    console.log(`using REDIS_URL ${redisUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
  }
  // A prefix of its own, so a run never touches other data on a shared Redis (and is removed after).
  const prefix = `smm-example-worker-${process.pid}`;
  const store = createRedisStore({ url: redisUrl, prefix });
  // The client retries a refused connection forever (what a worker wants); here a wrong
  // REDIS_URL should fail fast instead.
  let redisError = 'no answer';
  store.redis.on('error', (error: Error) => (redisError = error.message));
  const pong = await Promise.race([store.redis.ping().catch(() => 'error'), deadlineAfter(5_000)]);
  if (pong !== 'PONG') {
    store.redis.disconnect();
    throw new Error(
      `Redis at ${redisUrl.replace(/\/\/[^@/]*@/, '//***@')} did not answer PING within 5 s (${redisError}): is REDIS_URL right, and is Redis running?`,
    );
  }
  // The planning side (an API server, say) writes through bullmq.store, so every entry gets a
  // wake-up job at its time. It needs no runner: it never publishes.
  const planner = createBullmqScheduler({ store, url: redisUrl, queueName: prefix });
  cleanups.push(async () => {
    // Remove this run's keys: the queue's jobs, then the store's entries.
    await planner.queue.obliterate({ force: true });
    await planner.close();
    let cursor = '0';
    do {
      const [next, keys] = await store.redis.scan(cursor, 'MATCH', `${store.keyPrefix}*`, 'COUNT', 500);
      if (keys.length > 0) await store.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await store.close();
  });

  // 2. Two Mastodon instances, one account on each, served over real HTTP on 127.0.0.1.
  const sims: MastodonSimulator[] = [
    createMastodonSimulator({ seed: 1, baseUrl: 'https://social.example', account: { id: '110000000000000001', username: 'acme' } }),
    createMastodonSimulator({ seed: 2, baseUrl: 'https://toot.example', account: { id: '110000000000000002', username: 'acme_news' } }),
  ];
  const servers: Array<Awaited<ReturnType<MastodonSimulator['listen']>>> = [];
  for (const sim of sims) {
    const server = await sim.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => server.close());
    servers.push(server);
  }
  const accounts = sims.map((sim, i) => ({
    id: sim.account.id,
    handle: sim.account.handle,
    instanceUrl: servers[i]!.url,
    accessToken: sim.credentials.accessToken,
  }));
  console.log(`Mastodon simulators: ${accounts.map((account) => `@${account.handle} on ${account.instanceUrl}`).join(', ')}`);

  // 3. The workers: separate processes, configured only through the environment.
  const env = { REDIS_URL: redisUrl, SMM_PREFIX: prefix, SMM_CONCURRENCY: '4', MASTODON_ACCOUNTS: JSON.stringify(accounts) };
  workers = Array.from({ length: WORKERS }, (_, i) => startWorker(`worker-${i + 1}`, env));
  cleanups.push(async () => {
    // Only reached with workers still running when something failed: do not leave them behind.
    for (const worker of workers) if (alive(worker)) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
  });
  await waitReady(workers, 30_000);
  console.log(`${WORKERS} worker processes ready (pids ${workers.map((worker) => worker.child.pid).join(', ')})`);

  // 4. Plan 30 entries, pinned a few seconds from now, through the job-syncing store.
  const calendar = createCalendar({
    store: planner.store,
    accounts: sims.map((sim) => ({ account: { platform: 'mastodon', id: sim.account.id, handle: sim.account.handle } })),
  });
  // A little lead time: a pinned time must still be in the future when the calendar checks it.
  const firstDue = Date.now() + 3_000;
  const planned: CalendarEntry[] = [];
  for (let i = 0; i < POSTS_PER_ACCOUNT; i += 1) {
    const number = String(i + 1).padStart(2, '0');
    // One draft for both accounts: two entries (one per account), due every 300 ms.
    const entries = await calendar.createEntries(
      {
        draft: {
          text: `Release notes, part ${number}/${POSTS_PER_ACCOUNT}: published by whichever worker got there first, and only once.`,
        },
        accounts: sims.map((sim) => `mastodon:${sim.account.id}`),
        place: { at: new Date(firstDue + i * 300).toISOString() },
      },
      { by: 'planner' },
    );
    planned.push(...entries);
  }
  console.log(
    `planned ${planned.length} entries for ${sims.length} accounts, due over the next ${((firstDue - Date.now() + POSTS_PER_ACCOUNT * 300) / 1000).toFixed(0)} s`,
  );

  // 5. Wait until nothing is scheduled or publishing any more (bounded).
  const deadline = Date.now() + PUBLISH_DEADLINE_MS;
  let open = planned.length;
  while (open > 0) {
    const dead = workers.find((worker) => !alive(worker));
    if (dead) throw new Error(howItEnded(dead, 'while entries were still open'));
    if (Date.now() > deadline) {
      const health = await planner.health();
      throw new Error(
        `${open} of ${planned.length} entries were still open after ${PUBLISH_DEADLINE_MS / 1000} s ` +
          `(jobs: ${JSON.stringify(health.jobs)}, workers connected: ${health.workers}). Is a worker stuck? See its output.`,
      );
    }
    await sleep(200);
    open = (await planner.store.query({ statuses: ['scheduled', 'publishing'] })).length;
  }
  const stored = await planner.store.query({});
  console.log(`all due entries settled ${((Date.now() - firstDue) / 1000).toFixed(1)} s after the first was due`);

  // 6. Who published what: the entry history records the runner (worker) that published it.
  const byWorker = new Map<string, number>(workers.map((worker) => [worker.name, 0]));
  for (const entry of stored) {
    if (entry.status !== 'published') {
      problems.push(`entry ${entry.id} ended ${entry.status}${entry.error ? ` (${entry.error.code}: ${entry.error.message})` : ''}`);
      continue;
    }
    const publisher = entry.history.findLast((record) => record.to === 'published')?.by ?? '(unknown)';
    byWorker.set(publisher, (byWorker.get(publisher) ?? 0) + 1);
  }
  console.log('published per worker:');
  for (const [name, count] of byWorker) console.log(`  ${name.padEnd(10)} ${String(count).padStart(3)}`);
  if (stored.length !== planned.length) problems.push(`the store holds ${stored.length} entries; ${planned.length} were planned`);

  // 7. Exactly once, checked on the networks themselves: each planned text is one post on its
  // account's instance, it is the post the entry points at, and nothing else was posted.
  const sends = new Map<string, number>();
  for (const [i, sim] of sims.entries()) {
    const accountKey = `mastodon:${sim.account.id}`;
    const posts = sim.posts().filter((post) => !post.deleted);
    const mine = stored.filter((entry) => entry.accountKey === accountKey);
    for (const entry of mine) {
      const matching = posts.filter((post) => post.text === entry.draft.text);
      if (matching.length !== 1)
        problems.push(`${accountKey}: "${entry.draft.text.slice(0, 30)}…" is on the network ${matching.length} times`);
      else if (entry.published && entry.published.parts[0]?.id !== matching[0]!.id) {
        problems.push(`${entry.id} points at post ${entry.published.parts[0]?.id}, but the network has it as ${matching[0]!.id}`);
      }
    }
    const strays = posts.filter((post) => !mine.some((entry) => entry.draft.text === post.text));
    if (strays.length > 0) problems.push(`${accountKey}: ${strays.length} post(s) that belong to no entry`);
    // Create requests per idempotency key: the network dedupes a repeated key, so this shows
    // whether anything was even sent twice (a retry after a timeout would be; here none should).
    for (const request of sim.requests) {
      if (request.method === 'POST' && request.path === '/api/v1/statuses') {
        const key = `${accountKey} ${request.headers['idempotency-key'] ?? '(no key)'}`;
        sends.set(key, (sends.get(key) ?? 0) + 1);
      }
    }
    console.log(
      `@${sim.account.handle} on instance ${i + 1}: ${posts.length} posts for ${mine.length} entries, ${new Set(posts.map((post) => post.text)).size} distinct`,
    );
  }
  const resent = [...sends.values()].filter((count) => count > 1).length;
  console.log(
    `create requests: ${[...sends.values()].reduce((sum, count) => sum + count, 0)} for ${sends.size} idempotency keys${resent ? ` (${resent} sent more than once; the network deduped them)` : ''}`,
  );

  // 8. Graceful stop: SIGTERM, as an orchestrator sends it; each worker finishes its jobs and exits 0.
  for (const worker of workers) worker.child.kill('SIGTERM');
  const stopDeadline = deadlineAfter(25_000);
  for (const worker of workers) {
    const result = await Promise.race([worker.exited, stopDeadline]);
    if (result === 'timeout') problems.push(`${worker.name} did not stop within 25 s of SIGTERM`);
    else if (result.code !== 0)
      problems.push(`${worker.name} exited ${result.code ?? result.signal} after SIGTERM:\n${worker.stderr.trim()}`);
    else if (!worker.lines.some((line) => line.endsWith('] stopped'))) problems.push(`${worker.name} exited without stopping gracefully`);
  }
  if (problems.length === 0) console.log(`${WORKERS} workers stopped gracefully (SIGTERM)`);
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
  // Quiet runs did not show the workers' logs: show their ends now, they say what went wrong.
  if (quiet) {
    for (const worker of workers) console.error(`--- ${worker.name}:\n${[...worker.lines.slice(-15), worker.stderr.trim()].join('\n')}`);
  }
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      problems.push(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

if (problems.length > 0) {
  console.error(`FAILED:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(
    `ok: every entry published exactly once by ${WORKERS} workers sharing one Redis (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
