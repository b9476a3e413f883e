import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Job } from 'bullmq';
import { createBullmqScheduler, type BullmqScheduler } from './bullmq-scheduler.js';
import { createRedisStore, type RedisStore } from './redis-store.js';
import { wakeJobIdOf } from './wake-job.js';
import { dropPrefix } from '../test/redis-test-helpers.js';
import { scheduledEntry } from '../test/entry-fixtures.js';
import type { WakeJobData } from './bullmq-scheduler.js';

const url = inject('redisUrl');
let n = 0;

/** When BullMQ will run a delayed job (epoch ms). */
const runsAt = (job: Job<WakeJobData>) => job.timestamp + job.delay;

describe.skipIf(url === '')(
  `BullMQ wake-up jobs follow their entries${url === '' ? ` (skipped: ${inject('redisSkipReason')})` : ''}`,
  () => {
    let store: RedisStore;
    let bullmq: BullmqScheduler;
    let queueName: string;

    beforeEach(() => {
      n += 1;
      queueName = `jobs-${process.pid}-${n}`;
      store = createRedisStore({ url, prefix: queueName });
      bullmq = createBullmqScheduler({ store, url, queueName });
    });

    afterEach(async () => {
      await bullmq.queue.obliterate({ force: true });
      await bullmq.close();
      await dropPrefix(store.redis, store.keyPrefix);
      await store.close();
    });

    it('creates one delayed wake-up job per instant an entry falls due, shared by the entries due then', async () => {
      const due = Date.now() + 3_600_000;
      await bullmq.store.insertMany([
        scheduledEntry('a', due),
        scheduledEntry('b:2', due + 60_000),
        scheduledEntry('c', due),
        scheduledEntry('draft', due, { status: 'draft', scheduledAt: null, placement: null }),
      ]);
      const first = await bullmq.queue.getJob(wakeJobIdOf(due));
      const second = await bullmq.queue.getJob(wakeJobIdOf(due + 60_000));
      expect(await first?.getState()).toBe('delayed');
      expect(await second?.getState()).toBe('delayed');
      expect(first?.data).toEqual({ at: due });
      expect(second?.data).toEqual({ at: due + 60_000 });
      // The delay is computed from the clock when the job is added: within a few seconds of due.
      expect(Math.abs(runsAt(first!) - due)).toBeLessThan(5_000);
      expect(Math.abs(runsAt(second!) - (due + 60_000))).toBeLessThan(5_000);
      // a and c share one job; the draft needs none.
      expect((await bullmq.queue.getJobCounts('delayed', 'waiting')).delayed).toBe(2);
    });

    it('deduplicates by instant: inserting, syncing and syncing the entry again keep one job', async () => {
      const due = Date.now() + 3_600_000;
      await bullmq.store.insert(scheduledEntry('a', due));
      await bullmq.store.insert(scheduledEntry('b', due));
      expect(await bullmq.sync()).toEqual({ entries: 2, wakeUps: 1 });
      await bullmq.syncEntry('a');
      await bullmq.syncEntry((await store.get('b'))!);
      expect(await bullmq.queue.getJobCounts('delayed', 'waiting')).toMatchObject({ delayed: 1, waiting: 0 });
    });

    it('a rescheduled or unheld entry gets a wake-up at its new time; canceled and held ones need none', async () => {
      const due = Date.now() + 3_600_000;
      await bullmq.store.insertMany([scheduledEntry('a', due), scheduledEntry('b', due + 1_000)]);
      const stored = (await store.get('a'))!;
      const later = due + 2 * 3_600_000;
      await bullmq.store.put({ ...stored, scheduledAt: new Date(later).toISOString() });
      const moved = await bullmq.queue.getJob(wakeJobIdOf(later));
      expect(await moved?.getState()).toBe('delayed');
      expect(Math.abs(runsAt(moved!) - later)).toBeLessThan(5_000);
      expect((await bullmq.queue.getJobCounts('delayed')).delayed).toBe(3);

      await bullmq.store.transition('a', { to: 'canceled', at: new Date().toISOString(), by: 'ana' });
      const b = (await store.get('b'))!;
      await bullmq.store.put({ ...b, hold: { scope: 'account', since: new Date().toISOString(), by: 'ana' } });
      expect((await bullmq.queue.getJobCounts('delayed')).delayed).toBe(3);

      // Unheld after its own wake-up was spent (removed here): a new one at its due time.
      await (await bullmq.queue.getJob(wakeJobIdOf(due + 1_000)))!.remove();
      const held = (await store.get('b'))!;
      await bullmq.store.put({ ...held, hold: null });
      expect(await (await bullmq.queue.getJob(wakeJobIdOf(due + 1_000)))?.getState()).toBe('delayed');
    });

    it('entries written due now or within a second get jobs of their own, never the shared one a running job may have passed', async () => {
      const past = Date.now() - 5_000;
      await bullmq.store.insert(scheduledEntry('late-1', past));
      await bullmq.store.insertMany([scheduledEntry('late-2', past), scheduledEntry('late-3', past - 60_000)]);
      expect(await bullmq.queue.getJob(wakeJobIdOf(past))).toBeUndefined();
      // One job now per write: it claims everything already due.
      const waiting = await bullmq.queue.getJobs(['waiting']);
      expect(waiting).toHaveLength(2);
      expect(waiting.every((job) => job.data.at >= past + 5_000 && !job.id!.startsWith('wake-'))).toBe(true);
      // Due in 300 and 700 ms: a job for each instant (a single one at either time would run
      // one of them late or miss it), neither under the shared id.
      const soon = Date.now();
      await bullmq.store.insertMany([scheduledEntry('soon-1', soon + 300), scheduledEntry('soon-2', soon + 700)]);
      const delayed = (await bullmq.queue.getJobs(['delayed'])).map((job) => job.data.at).sort();
      expect(delayed).toEqual([soon + 300, soon + 700]);
      expect(await bullmq.queue.getJob(wakeJobIdOf(soon + 300))).toBeUndefined();
    });

    it('sync() rebuilds the wake-ups of entries written elsewhere or lost in a flush', async () => {
      const due = Date.now() + 3_600_000;
      // Written straight to the store: no jobs.
      await store.insertMany([
        scheduledEntry('a', due),
        scheduledEntry('b', due + 1),
        scheduledEntry('c', due + 1),
        scheduledEntry('late', Date.now() - 60_000),
        scheduledEntry('later', Date.now() - 30_000),
        scheduledEntry('held', due, { hold: { scope: 'brand', since: new Date().toISOString(), by: 'ana' } }),
        scheduledEntry('done', due, { status: 'canceled' }),
      ]);
      expect(await bullmq.queue.getJobCounts('delayed', 'waiting')).toMatchObject({ delayed: 0, waiting: 0 });
      // Two later instants, and one job now for both overdue entries.
      expect(await bullmq.sync()).toEqual({ entries: 6, wakeUps: 3 });
      expect(await bullmq.queue.getJobCounts('delayed', 'waiting')).toMatchObject({ delayed: 2, waiting: 1 });
      await bullmq.queue.obliterate({ force: true });
      expect((await bullmq.sync()).wakeUps).toBe(3);
      expect(await bullmq.queue.getJobCounts('delayed', 'waiting')).toMatchObject({ delayed: 2, waiting: 1 });
    });

    it('a worker wakes up again for what its run did not end: a retry at its backoff, a store error at its lease end', async () => {
      const now = Date.now();
      const retryAt = now + 3_600_000;
      const leaseEnd = now + 7_200_000;
      const retried = scheduledEntry('retried', now - 1_000, { attempts: 1, nextAttemptAt: new Date(retryAt).toISOString() });
      const broken = scheduledEntry('broken', now - 1_000, {
        status: 'publishing',
        idempotencyKey: 'smm-entry-broken',
        lease: { owner: 'stub', expiresAt: new Date(leaseEnd).toISOString(), token: 't' },
      });
      await store.insertMany([retried, broken]);
      // A runner that claims both once: one ends in a retry, the other's store write failed.
      let calls = 0;
      const runner = {
        executeEntry: async () => ({ status: 'not_claimed' }),
        runDueBatch: async () => {
          calls += 1;
          if (calls > 1) return { ids: [], full: false, done: Promise.resolve([]) };
          return {
            ids: ['retried', 'broken'],
            full: false,
            done: Promise.resolve([
              { id: 'retried', outcome: { status: 'retry_scheduled' as const, entry: retried } },
              { id: 'broken', error: new Error('store unreachable') },
            ]),
          };
        },
      };
      const worker = createBullmqScheduler({ store, runner, url, queueName, syncIntervalMs: 0, leaseGraceMs: 0 });
      await worker.queue.add('wake', { at: now });
      worker.start();
      const deadline = Date.now() + 5_000;
      let woken: Array<string | undefined> = [];
      while (Date.now() < deadline) {
        woken = await Promise.all([retryAt, leaseEnd].map(async (at) => (await worker.queue.getJob(wakeJobIdOf(at)))?.getState()));
        if (woken.every((state) => state === 'delayed')) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await worker.close();
      expect(calls).toBe(1);
      expect(woken).toEqual(['delayed', 'delayed']);
    });

    it('a job sets one lease watch before it claims; a watch that finds nothing sets none, so an idle queue stays idle', async () => {
      let claims = 0;
      const runner = {
        leaseMs: 60_000,
        executeEntry: async () => ({ status: 'not_claimed' }),
        runDueBatch: async () => ((claims += 1), { ids: [], full: false, done: Promise.resolve([]) }),
      };
      const worker = createBullmqScheduler({ store, runner, url, queueName, syncIntervalMs: 0, leaseGraceMs: 0 });
      const settled = async (count: number) => {
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline && (claims < count || ((await worker.queue.getJobCounts('active', 'waiting')).active ?? 0) > 0))
          await new Promise((resolve) => setTimeout(resolve, 20));
      };
      const watches = async () => (await worker.queue.getJobs(['delayed'])).filter((job) => job.data.watch === true);
      // A watch job (as one fires a lease later): it claims, finds nothing, and sets no new watch.
      await worker.queue.add('wake', { at: Date.now(), watch: true });
      const before = Date.now();
      worker.start();
      await settled(1);
      expect(claims).toBe(1);
      expect(await watches()).toEqual([]);
      // An ordinary wake-up: one watch, on the whole second after the lease would run out.
      await worker.queue.add('wake', { at: Date.now() });
      await settled(2);
      const [watch, ...more] = await watches();
      await worker.close();
      expect(more).toEqual([]);
      expect(watch!.data.at % 1_000).toBe(0);
      expect(watch!.data.at).toBeGreaterThanOrEqual(before + 60_000);
      expect(watch!.data.at).toBeLessThanOrEqual(Date.now() + 61_000);
      expect(watch!.id).toBe(`watch-${watch!.data.at}`);
    });

    it('health() shows overdue entries and that no worker is running', async () => {
      const past = Date.now() - 120_000;
      await bullmq.store.insertMany([
        scheduledEntry('late-1', past),
        scheduledEntry('late-2', past + 1_000),
        scheduledEntry('future', Date.now() + 3_600_000),
      ]);
      const health = await bullmq.health();
      expect(health.ok).toBe(false);
      expect(health.workers).toBe(0);
      expect(health.overdue.count).toBe(2);
      expect(health.overdue.oldestScheduledAt).toBe(new Date(past).toISOString());
      expect(health.overdue.oldestAgeMs).toBeGreaterThanOrEqual(120_000);
      expect(health.jobs.waiting).toBe(1); // one wake-up for both overdue entries, nobody takes it
      expect(health.jobs.delayed).toBe(1);
      expect(health.problems.join(' ')).toMatch(/no worker/);
    });

    it('health() names entries stuck in publishing when their worker died and none runs', async () => {
      const now = Date.now();
      // A worker claimed these, moved them to publishing and was killed: its lease ran out.
      await store.insertMany([
        scheduledEntry('died-1', now - 300_000, {
          status: 'publishing',
          idempotencyKey: 'smm-entry-died-1',
          lease: { owner: 'killed', expiresAt: new Date(now - 120_000).toISOString(), token: 'tok-1' },
        }),
        scheduledEntry('died-2', now - 200_000, {
          status: 'publishing',
          idempotencyKey: 'smm-entry-died-2',
          lease: { owner: 'killed', expiresAt: new Date(now - 60_000).toISOString(), token: 'tok-2' },
        }),
      ]);
      await bullmq.sync(); // a wake-up is ready (the leases ran out): waiting, with no worker
      const health = await bullmq.health();
      expect(health.ok).toBe(false);
      expect(health.workers).toBe(0);
      expect(health.overdue.count).toBe(0); // nothing is "scheduled": the old check saw no problem
      expect(health.overdue.stuckPublishing).toEqual({
        count: 2,
        oldestSince: new Date(now - 120_000).toISOString(),
        ids: ['died-1', 'died-2'],
      });
      expect(health.jobs.waiting).toBe(1);
      expect(health.problems.join(' ')).toMatch(/1 job is waiting, 2 entries are stuck in "publishing" and no worker is connected/);
      expect(health.problems.join(' ')).toMatch(/stuck in "publishing" with no live lease.*died-1, died-2/);
    });

    it('rejects bad options with the field named', () => {
      expect(() => createBullmqScheduler({ store, url: 'http://x', queueName })).toThrow(/url/);
      expect(() => createBullmqScheduler({ store, queueName } as never)).toThrow(/connection/);
      expect(() => createBullmqScheduler({ store, url, queueName, concurrency: 0 })).toThrow(/concurrency/);
      expect(() => createBullmqScheduler({ store, url, queueName, batchSize: 2.5 })).toThrow(
        /batchSize: must be a whole number of entries/,
      );
      const executeOnly = { executeEntry: async () => ({ status: 'published' }) };
      expect(() => createBullmqScheduler({ store, url, queueName, runner: executeOnly as never })).toThrow(/runner: must have runDueBatch/);
    });
  },
);
