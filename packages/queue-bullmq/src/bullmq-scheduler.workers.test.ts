import { afterEach, describe, expect, inject, it } from 'vitest';
import { createClient } from '@smm/core/client';
import type { CalendarEntry } from '@smm/core/schedule-store';
import { createScheduler } from '@smm/core/scheduler';
import { createBullmqScheduler, type BullmqScheduler } from './bullmq-scheduler.js';
import { createRedisStore, type RedisStore } from './redis-store.js';
import { wakeJobIdOf } from './wake-job.js';
import { loopbackAdapter, startLoopbackNetwork, type LoopbackNetwork } from './testing/index.js';
import { dropPrefix } from '../test/redis-test-helpers.js';
import { scheduledEntry } from '../test/entry-fixtures.js';

const url = inject('redisUrl');
const ACCOUNTS = 4;
let n = 0;

/** Waits until `done()` or the time is up; returns whether it got there. */
async function until(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return done();
}

/** A post made straight on the network, as a dead worker's POST that landed: its id. */
async function postStraight(network: LoopbackNetwork, key: string): Promise<string> {
  const response = await fetch(`${network.url}/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'post landed', key }),
  });
  return ((await response.json()) as { id: string }).id;
}

const onLoopback = (i: number): Partial<CalendarEntry> => ({
  accountKey: `loopback:${i % ACCOUNTS}`,
  platform: 'loopback',
  accountId: String(i % ACCOUNTS),
});

describe.skipIf(url === '')(`BullMQ workers publish exactly once${url === '' ? ` (skipped: ${inject('redisSkipReason')})` : ''}`, () => {
  const cleanup: Array<() => Promise<void>> = [];

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** One worker process's worth: its own store handle, runner (lease owner) and BullMQ worker. */
  function worker(
    network: LoopbackNetwork,
    prefix: string,
    name: string,
    leaseMs = 5_000,
    options: { errorRetryMs?: number } = {},
  ): { store: RedisStore; bullmq: BullmqScheduler; runner: ReturnType<typeof createScheduler> } {
    const store = createRedisStore({ url, prefix });
    const client = createClient({
      adapters: [loopbackAdapter(network.url, name)],
      accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({ platform: 'loopback', id: String(i), handle: `acct${i}` })),
      credentials: () => ({}),
    });
    const runner = createScheduler({ store, client, owner: name, leaseMs, concurrency: 4 });
    const bullmq = createBullmqScheduler({
      store,
      runner,
      url,
      queueName: prefix,
      concurrency: 4,
      syncIntervalMs: 0,
      leaseGraceMs: 20,
      ...options,
    });
    cleanup.push(async () => {
      await bullmq.close();
      await store.close();
    });
    return { store, bullmq, runner };
  }

  async function setup(): Promise<{ network: LoopbackNetwork; prefix: string; planner: BullmqScheduler; store: RedisStore }> {
    n += 1;
    const prefix = `workers-${process.pid}-${n}`;
    const network = await startLoopbackNetwork({ latencyMs: 2 });
    const store = createRedisStore({ url, prefix });
    const planner = createBullmqScheduler({ store, url, queueName: prefix });
    cleanup.push(async () => {
      await planner.queue.obliterate({ force: true }).catch(() => undefined);
      await planner.close();
      await dropPrefix(store.redis, store.keyPrefix);
      await store.close();
      await network.close();
    });
    return { network, prefix, planner, store };
  }

  it('two schedulers on one Redis never publish the same entry twice under contention', async () => {
    const { network, prefix, planner, store } = await setup();
    const COUNT = 200;
    const now = Date.now();
    // Half overdue (ready at once), half due over the next second.
    await planner.store.insertMany(Array.from({ length: COUNT }, (_, i) => scheduledEntry(`c${i}`, now - 1_000 + i * 10, onLoopback(i))));
    const a = worker(network, prefix, 'worker-a');
    const b = worker(network, prefix, 'worker-b');
    a.bullmq.start();
    b.bullmq.start();
    // More contention than jobs alone give: both runners also sweep the store directly
    // (claimDue), racing the job processors for the same entries.
    const sweeps = Promise.all([a.runner.runDue(), b.runner.runDue(), a.runner.runDue(now + 500), b.runner.runDue(now + 500)]);

    const done = await until(async () => (await store.query({ statuses: ['published'] })).length === COUNT, 20_000);
    await sweeps;
    const entries = await store.query({});
    const posts = network.posts();
    const perKey = new Map<string, number>();
    for (const post of posts) perKey.set(post.key, (perKey.get(post.key) ?? 0) + 1);

    expect(done).toBe(true);
    expect(entries.filter((entry) => entry.status !== 'published')).toEqual([]);
    expect(posts).toHaveLength(COUNT);
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);
    // Each entry records the one post made under its key, and both workers did some of the work.
    for (const entry of entries) expect(entry.published?.parts[0]?.id).toBe(posts.find((post) => post.key === entry.idempotencyKey)?.id);
    const byWorker = new Set(posts.map((post) => post.worker));
    expect(byWorker).toEqual(new Set(['worker-a', 'worker-b']));
  });

  it('a worker that died mid-publish: the entry gets a job at its lease expiry and is reconciled, never posted twice', async () => {
    const { network, prefix, planner, store } = await setup();
    // Worker "dead" had moved both entries to `publishing` under its lease, then vanished.
    // Its POST for "landed" reached the network; the one for "lost" never did.
    const landedId = await postStraight(network, 'key-landed');
    const now = Date.now();
    const leaseEnds = now + 800;
    const publishing = (id: string, key: string, i: number): CalendarEntry => {
      const entry = scheduledEntry(id, now - 5_000, onLoopback(i));
      return {
        ...entry,
        status: 'publishing',
        idempotencyKey: key,
        lease: { owner: 'dead', expiresAt: new Date(leaseEnds).toISOString() },
        history: [...entry.history, { from: 'scheduled', to: 'publishing', at: new Date(now - 1_000).toISOString(), by: 'dead' }],
      };
    };
    await store.insertMany([publishing('landed', 'key-landed', 0), publishing('lost', 'key-lost', 1)]);

    // The periodic sync finds them and wakes workers for when their lease runs out (one job: same instant).
    const report = await planner.sync();
    expect(report).toEqual({ entries: 2, wakeUps: 1 });
    const job = await planner.queue.getJob(wakeJobIdOf(leaseEnds + 250));
    expect(await job?.getState()).toBe('delayed');
    expect(Math.abs(job!.timestamp + job!.delay - leaseEnds)).toBeLessThan(1_000);

    const w = worker(network, prefix, 'worker-survivor');
    w.bullmq.start();
    const done = await until(async () => (await store.query({ statuses: ['published'] })).length === 2, 10_000);
    expect(done).toBe(true);
    const found = (await store.get('landed'))!;
    const republished = (await store.get('lost'))!;
    const posts = network.posts();
    // "landed" was found by its key: the existing post, no new one.
    expect(found.published?.parts[0]?.id).toBe(landedId);
    expect(posts.filter((post) => post.key === 'key-landed')).toHaveLength(1);
    // "lost" was provably not there: published once, with the same key.
    expect(posts.filter((post) => post.key === 'key-lost').map((post) => post.worker)).toEqual(['worker-survivor']);
    expect(republished.published?.parts[0]?.id).toBe(posts.find((post) => post.key === 'key-lost')?.id);
    expect(posts).toHaveLength(2);
  });

  it('a backlog is claimed in batches by a few jobs, not a job per entry, spread over the workers', async () => {
    const { network, prefix, planner, store } = await setup();
    const COUNT = 120;
    const now = Date.now();
    await planner.store.insertMany(Array.from({ length: COUNT }, (_, i) => scheduledEntry(`k${i}`, now - 1_000, onLoopback(i))));
    // All due at one instant: one wake-up job for all of them.
    expect(await planner.queue.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 1, delayed: 0 });
    const a = worker(network, prefix, 'worker-a');
    const b = worker(network, prefix, 'worker-b');
    const batches: number[] = [];
    for (const w of [a, b]) {
      const runDueBatch = w.runner.runDueBatch.bind(w.runner);
      w.runner.runDueBatch = async (options) => {
        const batch = await runDueBatch(options);
        batches.push(batch.ids.length);
        return batch;
      };
    }
    a.bullmq.start();
    b.bullmq.start();
    const done = await until(async () => (await store.query({ statuses: ['published'] })).length === COUNT, 20_000);
    expect(done).toBe(true);
    const posts = network.posts();
    expect(posts).toHaveLength(COUNT);
    expect(new Set(posts.map((post) => post.key)).size).toBe(COUNT);
    expect(new Set(posts.map((post) => post.worker))).toEqual(new Set(['worker-a', 'worker-b']));
    // Runner concurrency 4: claims of 2 (half of it), 60 claims in all. A job keeps claiming
    // until a claim comes back short, so the jobs are few: BullMQ numbers the jobs it creates
    // without an id of ours (the first wake-up, and one more per job whose first claim was
    // full). Jobs that hold a slot drain until the end, so that is about the 2 × 4 job slots
    // plus the few started as the backlog ends — not one per claim (60), nor per entry (120).
    await until(async () => (await planner.queue.getJobCounts('waiting', 'active')).active === 0, 5_000);
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(COUNT);
    expect(Math.max(...batches)).toBe(2);
    const jobsCreated = Number(await store.redis.get(`bull:${prefix}:id`));
    expect(jobsCreated).toBeGreaterThanOrEqual(2);
    expect(jobsCreated).toBeLessThanOrEqual(20);
  });

  it('a job whose worker died mid-batch runs again, wakes up for the claims at their lease end, and settles them once', async () => {
    const { network, prefix, planner, store } = await setup();
    const landedId = await postStraight(network, 'key-landed');
    const now = Date.now();
    const leaseEnds = now + 1_500;
    const claimedBy = (id: string, key: string, i: number, status: 'publishing' | 'scheduled'): CalendarEntry => ({
      ...scheduledEntry(id, now - 5_000, onLoopback(i)),
      status,
      ...(status === 'publishing' ? { idempotencyKey: key } : {}),
      lease: { owner: 'dead', expiresAt: new Date(leaseEnds).toISOString(), token: `t-${id}` },
    });
    // Written straight to the store (no wake-ups): only the dead run's job knows these entries.
    await store.insertMany([
      claimedBy('landed', 'key-landed', 0, 'publishing'),
      claimedBy('lost', 'key-lost', 1, 'publishing'),
      claimedBy('unstarted', 'key-unstarted', 2, 'scheduled'),
    ]);
    // What BullMQ hands a live worker after the dead one's lock ran out: the job, with its claims on record.
    await planner.queue.add('wake', { at: now - 5_000, claimed: ['landed', 'lost', 'unstarted'] });
    const w = worker(network, prefix, 'worker-survivor');
    w.bullmq.start();
    // The leases are still live: the re-run claims nothing and wakes workers at their end (+ grace 20 ms).
    const wake = await until(
      async () => (await (await planner.queue.getJob(wakeJobIdOf(leaseEnds + 20)))?.getState()) === 'delayed',
      5_000,
    );
    expect(wake).toBe(true);
    expect(network.posts()).toHaveLength(1);

    const done = await until(async () => (await store.query({ statuses: ['published'] })).length === 3, 10_000);
    expect(done).toBe(true);
    const posts = network.posts();
    expect((await store.get('landed'))!.published?.parts[0]?.id).toBe(landedId);
    expect(posts.filter((post) => post.key === 'key-landed')).toHaveLength(1);
    expect(posts.filter((post) => post.key === 'key-lost').map((post) => post.worker)).toEqual(['worker-survivor']);
    expect(posts).toHaveLength(3);
  });

  it('a worker killed between its claim and the record of it: the lease watch it set before claiming finds the entries', async () => {
    const { network, prefix, store } = await setup();
    const now = Date.now();
    // Written straight to the store, then one wake-up: the first job is the only one that knows of them.
    await store.insertMany(['g1', 'g2', 'g3'].map((id, i) => scheduledEntry(id, now - 1_000, onLoopback(i))));
    // A failed job comes back only after a minute: what recovers the entries sooner is the watch.
    const w = worker(network, prefix, 'worker-survivor', 1_000, { errorRetryMs: 60_000 });
    const real = w.runner.runDueBatch.bind(w.runner);
    let first = true;
    w.runner.runDueBatch = async (options) => {
      if (!first) return real(options);
      first = false;
      // What a worker killed right after its claim leaves: entries in publishing under a lease
      // nobody renews, and no record of them in any job.
      await store.claimDue({
        owner: 'ghost',
        now: Date.now(),
        leaseMs: 1_000,
        limit: 10,
        start: (entry) => ({
          to: 'publishing',
          at: new Date().toISOString(),
          by: 'ghost',
          leaseOwner: 'ghost',
          patch: { idempotencyKey: `smm-entry-${entry.id}` },
        }),
      });
      throw new Error('killed after the claim');
    };
    const wake = createBullmqScheduler({ store, url, queueName: prefix });
    cleanup.push(() => wake.close());
    await wake.queue.add('wake', { at: now });
    w.bullmq.start();
    // The watch: lease 1 s + grace, on the next whole second.
    const done = await until(async () => (await store.query({ statuses: ['published'] })).length === 3, 8_000);
    expect(done).toBe(true);
    const posts = network.posts();
    expect(posts.map((post) => post.key).sort()).toEqual(['smm-entry-g1', 'smm-entry-g2', 'smm-entry-g3']);
    expect(new Set(posts.map((post) => post.worker))).toEqual(new Set(['worker-survivor']));
  });
});
