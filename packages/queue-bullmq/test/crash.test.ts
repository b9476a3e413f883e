import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, inject, it } from 'vitest';
import { createBullmqScheduler } from '../src/bullmq-scheduler.js';
import { createRedisStore } from '../src/redis-store.js';
import { startLoopbackNetwork } from '../src/testing/index.js';
import { dropPrefix } from './redis-test-helpers.js';
import { scheduledEntry } from './entry-fixtures.js';

const url = inject('redisUrl');
const root = fileURLToPath(new URL('../../../', import.meta.url));
const workerScript = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));
const ENTRIES = 1_000;
const WORKERS = 3;
// The whole test (boot, kills, recovery, checks, shutdown) stays under a minute.
const TEST_TIMEOUT_MS = 60_000;
const KILL_WINDOW_MS = 5_000;
const RECOVERY_BUDGET_MS = 40_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

it.skipIf(url === '')(
  `crash test: ${ENTRIES} entries, ${WORKERS} BullMQ worker processes SIGKILLed at random and restarted — every entry published or outcome_unknown, no duplicate, none lost${url === '' ? ` (skipped: ${inject('redisSkipReason')})` : ''}`,
  async () => {
    const id = `crash-${process.pid}`;
    const network = await startLoopbackNetwork({ latencyMs: 5 });
    const store = createRedisStore({ url, prefix: id });
    const producer = createBullmqScheduler({ store, url, queueName: id });
    const env = { ...process.env, REDIS_URL: url, NETWORK_URL: network.url, STORE_PREFIX: id, QUEUE_NAME: id, LEASE_MS: '1500' };
    // Counting open entries from the status index is one round trip: this process also serves
    // the loopback network, so it must not spend its time loading 1,000 entries every poll.
    const openCount = async () =>
      (await store.redis.scard(`${store.keyPrefix}st:scheduled`)) + (await store.redis.scard(`${store.keyPrefix}st:publishing`));

    const spawnWorker = (index: number) =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
          cwd: root,
          env: { ...env, WORKER_NAME: `w${index}` },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        children.add(child);
        child.once('exit', (code, signal) => {
          children.delete(child);
          if (signal !== 'SIGKILL' && signal !== 'SIGTERM' && code !== 0) console.log(`worker ${index} exited`, code, signal);
        });
        child.once('error', reject);
        child.stdout!.once('data', () => resolve(child));
      });

    try {
      const workers: ChildProcess[] = await Promise.all(Array.from({ length: WORKERS }, (_, i) => spawnWorker(i)));
      const started = Date.now();
      // Due over 3 s from now: the kills land while publishing is in full flow.
      await producer.store.insertMany(
        Array.from({ length: ENTRIES }, (_, i) =>
          scheduledEntry(`e${i}`, started + 200 + Math.floor((i * 3_000) / ENTRIES), {
            accountKey: `loopback:${i % 10}`,
            platform: 'loopback',
            accountId: String(i % 10),
          }),
        ),
      );

      // Kill a random live worker every 150–500 ms for 5 s; it restarts in the background
      // (a fresh process needs a moment to boot, as after a real crash).
      let kills = 0;
      const killUntil = Date.now() + KILL_WINDOW_MS;
      while (Date.now() < killUntil) {
        await sleep(150 + Math.random() * 350);
        const index = Math.floor(Math.random() * WORKERS);
        const victim = workers[index]!;
        if (victim.exitCode !== null || victim.signalCode !== null) continue; // still restarting
        victim.kill('SIGKILL');
        kills += 1;
        void spawnWorker(index).then((child) => (workers[index] = child));
      }

      // Then let the survivors finish: stalled jobs come back, stale leases get reconciled.
      const deadline = Date.now() + RECOVERY_BUDGET_MS;
      let open = await openCount();
      while (open > 0 && Date.now() < deadline) {
        await sleep(250);
        open = await openCount();
      }
      const drainedMs = Date.now() - started;
      const entries = await store.query({});
      const posts = network.posts();
      const postsPerKey = new Map<string, number>();
      for (const post of posts) postsPerKey.set(post.key, (postsPerKey.get(post.key) ?? 0) + 1);
      const duplicates = [...postsPerKey].filter(([, count]) => count > 1);
      const published = entries.filter((entry) => entry.status === 'published');
      const unknown = entries.filter((entry) => entry.status === 'outcome_unknown');
      const others = entries.filter((entry) => entry.status !== 'published' && entry.status !== 'outcome_unknown');
      // Entries a worker died on and another one settled through findPublished.
      const reconciled = entries.filter((entry) =>
        entry.history.some(
          (item) => item.reason?.startsWith('reconciled') || item.reason === 'found on the network by its idempotency key',
        ),
      );
      console.log(
        `crash test: ${kills} SIGKILLs, ${posts.length} posts, ${published.length} published, ${unknown.length} outcome_unknown, ${reconciled.length} reconciled after a crash, ${others.length} still open after ${drainedMs} ms`,
      );
      if (others.length > 0) {
        // What a failure looks like from both sides: the open entries, and the wake-up jobs
        // (those holding claims, and when the next ones run).
        const byStatus = new Map<string, number>();
        for (const entry of others) byStatus.set(entry.status, (byStatus.get(entry.status) ?? 0) + 1);
        const jobs = await producer.queue.getJobs(['waiting', 'active', 'delayed', 'failed']);
        const holding = await Promise.all(
          jobs
            .filter((job) => job.data.claimed?.some((claimedId) => others.some((entry) => entry.id === claimedId)))
            .map(async (job) => ({ id: job.id, state: await job.getState(), stalled: job.stalledCounter, failedReason: job.failedReason })),
        );
        console.log(
          'open entries by status:',
          JSON.stringify([...byStatus]),
          `wake-up jobs: ${jobs.length}, holding open entries:`,
          JSON.stringify(holding),
        );
        console.log(
          'next wake-ups:',
          JSON.stringify(
            jobs
              .map((job) => new Date(job.timestamp + job.delay).toISOString())
              .sort()
              .slice(0, 5),
          ),
        );
        console.log('health:', JSON.stringify(await producer.health()));
        for (const entry of others.slice(0, 3))
          console.log('e.g.', entry.id, entry.status, JSON.stringify(entry.lease), JSON.stringify(entry.history.slice(-2)));
      }

      expect(kills).toBeGreaterThan(0);
      expect(entries).toHaveLength(ENTRIES);
      expect(others.map((entry) => `${entry.id}: ${entry.status}`)).toEqual([]);
      expect(published.length + unknown.length).toBe(ENTRIES);
      expect(duplicates).toEqual([]);
      // None lost: every published entry's post is on the network under its own key, with the id recorded.
      for (const entry of published) {
        expect(postsPerKey.get(entry.idempotencyKey!)).toBe(1);
        expect(posts.find((post) => post.key === entry.idempotencyKey)?.id).toBe(entry.published?.parts[0]?.id);
      }
      // …and nothing was posted for an entry that does not know it.
      const keys = new Set(entries.map((entry) => entry.idempotencyKey));
      for (const post of posts) expect(keys.has(post.key)).toBe(true);
    } finally {
      await Promise.all(
        [...children].map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
            }),
        ),
      );
      await producer.queue.obliterate({ force: true }).catch(() => undefined);
      await producer.close();
      await dropPrefix(store.redis, store.keyPrefix);
      await store.close();
      await network.close();
    }
  },
  TEST_TIMEOUT_MS,
);
