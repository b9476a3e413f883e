import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Job } from 'bullmq';
import { createBullmqScheduler, type BullmqScheduler } from './bullmq-scheduler.js';
import { createRedisStore, type RedisStore } from './redis-store.js';
import { jobIdOf } from './entry-job.js';
import { dropPrefix } from '../test/redis-test-helpers.js';
import { scheduledEntry } from '../test/entry-fixtures.js';
import type { EntryJobData } from './bullmq-scheduler.js';
import { snapshotAccessOf } from './entry-snapshot.js';

const url = inject('redisUrl');
let n = 0;

/** When BullMQ will run a delayed job (epoch ms). */
const runsAt = (job: Job<EntryJobData>) => job.timestamp + job.delay;

describe.skipIf(url === '')(`BullMQ jobs follow their entries${url === '' ? ` (skipped: ${inject('redisSkipReason')})` : ''}`, () => {
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

  it('creates one delayed job per scheduled entry, keyed by the entry id, at its due time', async () => {
    const due = Date.now() + 3_600_000;
    await bullmq.store.insertMany([
      scheduledEntry('a', due),
      scheduledEntry('b:2', due + 60_000),
      scheduledEntry('draft', due, { status: 'draft', scheduledAt: null, placement: null }),
    ]);
    const a = await bullmq.queue.getJob(jobIdOf('a'));
    const b = await bullmq.queue.getJob(jobIdOf('b:2'));
    expect(await a?.getState()).toBe('delayed');
    // Each job carries its entry as stored, so the worker can claim it without reading it first.
    const snapshots = snapshotAccessOf(store)!;
    expect(a?.data).toEqual({ entryId: 'a', snapshot: snapshots.of((await store.get('a'))!) });
    expect(b?.data).toEqual({ entryId: 'b:2', snapshot: snapshots.of((await store.get('b:2'))!) });
    // The delay is computed from the clock when the job is added: within a few seconds of due.
    expect(Math.abs(runsAt(a!) - due)).toBeLessThan(5_000);
    expect(Math.abs(runsAt(b!) - (due + 60_000))).toBeLessThan(5_000);
    expect(await bullmq.queue.getJob(jobIdOf('draft'))).toBeUndefined();
    expect((await bullmq.queue.getJobCounts('delayed')).delayed).toBe(2);
  });

  it('deduplicates by entry id: inserting, syncing and adding again keep one job', async () => {
    const due = Date.now() + 3_600_000;
    await bullmq.store.insert(scheduledEntry('a', due));
    await bullmq.sync();
    await bullmq.syncEntry('a');
    await bullmq.queue.add('publish', { entryId: 'a' }, { jobId: jobIdOf('a'), delay: 10 });
    expect((await bullmq.queue.getJobCounts('delayed', 'waiting')).delayed).toBe(1);
    expect((await bullmq.queue.getJobCounts('waiting')).waiting).toBe(0);
  });

  it('moves the job when the entry is rescheduled and removes it when the entry is canceled or held', async () => {
    const due = Date.now() + 3_600_000;
    await bullmq.store.insertMany([scheduledEntry('a', due), scheduledEntry('b', due)]);
    const stored = (await store.get('a'))!;
    const later = due + 2 * 3_600_000;
    await bullmq.store.put({ ...stored, scheduledAt: new Date(later).toISOString() });
    const moved = await bullmq.queue.getJob(jobIdOf('a'));
    expect(await moved?.getState()).toBe('delayed');
    expect(Math.abs(runsAt(moved!) - later)).toBeLessThan(5_000);
    expect(moved?.data.snapshot?.[1]).toBe(String(stored.version + 1));

    await bullmq.store.transition('a', { to: 'canceled', at: new Date().toISOString(), by: 'ana' });
    expect(await bullmq.queue.getJob(jobIdOf('a'))).toBeUndefined();

    const b = (await store.get('b'))!;
    await bullmq.store.put({ ...b, hold: { scope: 'account', since: new Date().toISOString(), by: 'ana' } });
    expect(await bullmq.queue.getJob(jobIdOf('b'))).toBeUndefined();
    const held = (await store.get('b'))!;
    await bullmq.store.put({ ...held, hold: null });
    expect(await (await bullmq.queue.getJob(jobIdOf('b')))?.getState()).toBe('delayed');
  });

  it('sync() rebuilds the jobs of scheduled entries written elsewhere or lost in a flush', async () => {
    const due = Date.now() + 3_600_000;
    // Written straight to the store: no jobs.
    await store.insertMany([
      scheduledEntry('a', due),
      scheduledEntry('b', due + 1),
      scheduledEntry('held', due, { hold: { scope: 'brand', since: new Date().toISOString(), by: 'ana' } }),
      scheduledEntry('done', due, { status: 'canceled' }),
    ]);
    expect((await bullmq.queue.getJobCounts('delayed')).delayed).toBe(0);
    expect(await bullmq.sync()).toEqual({ entries: 3, added: 2, moved: 0 });
    expect((await bullmq.queue.getJobCounts('delayed')).delayed).toBe(2);
    // A second sync finds every job in place.
    expect(await bullmq.sync()).toEqual({ entries: 3, added: 0, moved: 2 });
    await bullmq.queue.obliterate({ force: true });
    expect((await bullmq.sync()).added).toBe(2);
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
    expect(health.jobs.waiting).toBe(2); // the overdue ones are ready, nobody takes them
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
    await bullmq.sync(); // their jobs are ready (the leases ran out): waiting, with no worker
    const health = await bullmq.health();
    expect(health.ok).toBe(false);
    expect(health.workers).toBe(0);
    expect(health.overdue.count).toBe(0); // nothing is "scheduled": the old check saw no problem
    expect(health.overdue.stuckPublishing).toEqual({
      count: 2,
      oldestSince: new Date(now - 120_000).toISOString(),
      ids: ['died-1', 'died-2'],
    });
    expect(health.jobs.waiting).toBe(2);
    expect(health.problems.join(' ')).toMatch(/2 jobs are waiting, 2 entries are stuck in "publishing" and no worker is connected/);
    expect(health.problems.join(' ')).toMatch(/stuck in "publishing" with no live lease.*died-1, died-2/);
  });

  it('rejects bad options with the field named', () => {
    expect(() => createBullmqScheduler({ store, url: 'http://x', queueName })).toThrow(/url/);
    expect(() => createBullmqScheduler({ store, queueName } as never)).toThrow(/connection/);
    expect(() => createBullmqScheduler({ store, url, queueName, concurrency: 0 })).toThrow(/concurrency/);
  });
});
