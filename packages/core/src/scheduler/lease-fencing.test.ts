import { createAcceleratedClock, createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type ScheduleStore } from '../schedule-store/index.js';
import { createScheduler } from './create-scheduler.js';
import type { SchedulerEvents } from './scheduler-events.js';
import { createTestNetwork, dueEntry } from './scheduler-test-network.js';

const T0 = '2026-03-02T09:00:00.000Z';
const t = (offsetMs: number) => Date.parse(T0) + offsetMs;
const at = (offsetMs: number) => new Date(t(offsetMs)).toISOString();
const LEASE = 30_000;

function collect<E extends keyof SchedulerEvents>(
  scheduler: { on: (event: E, listener: (payload: SchedulerEvents[E]) => void) => () => void },
  event: E,
): SchedulerEvents[E][] {
  const seen: SchedulerEvents[E][] = [];
  scheduler.on(event, (payload) => seen.push(payload));
  return seen;
}

// A store whose lease renewals fail while `down` is set (the worker's link to the store broke).
function withFailingRenewals(store: ScheduleStore): { store: ScheduleStore; down: { value: boolean } } {
  const down = { value: false };
  return {
    down,
    store: {
      ...store,
      extendLease: (...args) => (down.value ? Promise.reject(new Error('store unreachable')) : store.extendLease(...args)),
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('lease fencing', () => {
  it('on the accelerated clock at the default lease, one entry is published once: one event, one post (idempotency none)', async () => {
    // 60 s lease = 0.6 real ms at this speed, while the publish takes ~40 real ms: the lease
    // lapses again and again mid-publish, and the worker's own poll loop claims the entry back.
    const clock = createAcceleratedClock({ start: T0, speed: 100_000 });
    const store = createMemoryStore();
    const network = createTestNetwork({ clock, strategy: 'none' });
    let release!: () => void;
    network.faults.push({ kind: 'wait', release: new Promise<void>((resolve) => (release = resolve)) });
    await store.insert(dueEntry('one', at(0)));
    const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w1' });
    const published = collect(scheduler, 'entry-published');
    const unknown = collect(scheduler, 'entry-outcome-unknown');
    const claimed = collect(scheduler, 'entry-claimed');
    scheduler.start();
    await until(() => network.publishCalls.length === 1, 'the publish call');
    // Let the leases lapse many times over while the call is in flight.
    const lapsedAt = clock.now();
    await until(() => clock.now() - lapsedAt > 20 * 60_000, 'twenty lease periods');
    release();
    await until(async () => (await store.get('one'))?.status === 'published', 'the entry to be published');
    await new Promise((resolve) => setTimeout(resolve, 30)); // any late second run would show now
    await scheduler.stop();

    expect(network.publishCalls).toHaveLength(1);
    expect(network.posts).toHaveLength(1);
    expect(published).toHaveLength(1);
    expect(unknown).toHaveLength(0);
    expect(claimed.filter((event) => event.entry.id === 'one')).toHaveLength(1);
    expect((await store.get('one'))?.published?.parts[0]?.id).toBe(network.posts[0]!.id);
  });

  it('a run whose lease was claimed again cannot write, even by the same owner (token fencing)', async () => {
    const store = createMemoryStore();
    await store.insert(dueEntry('f', at(0)));
    const first = await store.claim('f', { owner: 'w1', now: t(0), leaseMs: LEASE });
    const second = await store.claim('f', { owner: 'w1', now: t(LEASE + 1), leaseMs: LEASE });
    expect(first?.lease?.token).toBeDefined();
    expect(second?.lease?.token).not.toBe(first?.lease?.token);
    await expect(
      store.transition('f', { to: 'publishing', at: at(LEASE + 2), by: 'w1', leaseOwner: 'w1', leaseToken: first!.lease!.token! }),
    ).rejects.toMatchObject({ code: 'entry_conflict' });
    expect(await store.extendLease('f', 'w1', t(LEASE + 2), LEASE, first!.lease!.token)).toBe(false);
    expect(await store.releaseLease('f', 'w1', first!.lease!.token)).toBe(false);
    expect((await store.get('f'))?.lease?.token).toBe(second!.lease!.token);
  });

  it('a lease lost mid-publish aborts the call; the new owner publishes once', async () => {
    const clock = createFakeClock({ now: T0 });
    const shared = createMemoryStore();
    const network = createTestNetwork({ clock, strategy: 'lookup' });
    const a = withFailingRenewals(shared);
    await shared.insert(dueEntry('x', at(0)));
    network.faults.push({ kind: 'wait', release: new Promise<void>(() => {}), abortable: true });
    const workerA = createScheduler({ store: a.store, client: network.client, clock, owner: 'A', leaseMs: LEASE });
    const workerB = createScheduler({ store: shared, client: network.client, clock, owner: 'B', leaseMs: LEASE });
    const aRun = workerA.runDue();
    await until(() => network.publishCalls.length === 1, "A's publish call");
    a.down.value = true; // A can no longer renew
    await clock.advance(LEASE + 1); // its lease runs out; A's keeper gives the run up and aborts the call
    const report = await aRun;
    expect(report).toMatchObject({ claimed: 1, published: 0, notClaimed: 1 });
    expect((await shared.get('x'))?.status).toBe('publishing'); // A wrote nothing after losing it

    const bReport = await workerB.runDue();
    expect(bReport).toMatchObject({ claimed: 1, published: 1 });
    expect(network.posts).toHaveLength(1);
    const entry = await shared.get('x');
    expect(entry?.status).toBe('published');
    expect(entry?.published?.parts[0]?.id).toBe(network.posts[0]!.id);
  });

  it('when a lost run still gets its post out after another claim published, entry-duplicate carries both refs', async () => {
    const clock = createFakeClock({ now: T0 });
    const shared = createMemoryStore();
    const network = createTestNetwork({ clock, strategy: 'lookup' });
    const a = withFailingRenewals(shared);
    await shared.insert(dueEntry('d', at(0)));
    let release!: () => void;
    // A's call ignores the abort (the request was already on the wire) and lands late.
    network.faults.push({ kind: 'wait', release: new Promise<void>((resolve) => (release = resolve)) });
    const workerA = createScheduler({ store: a.store, client: network.client, clock, owner: 'A', leaseMs: LEASE });
    const workerB = createScheduler({ store: shared, client: network.client, clock, owner: 'B', leaseMs: LEASE });
    const duplicatesA = collect(workerA, 'entry-duplicate');
    const aRun = workerA.runDue();
    await until(() => network.publishCalls.length === 1, "A's publish call");
    a.down.value = true;
    await clock.advance(LEASE + 1);
    expect(await workerB.runDue()).toMatchObject({ claimed: 1, published: 1 }); // B looked, found nothing, posted
    release(); // A's post lands: two posts exist now
    await aRun;

    expect(network.posts).toHaveLength(2);
    const [bPost, aPost] = network.posts;
    const entry = await shared.get('d');
    expect(entry?.status).toBe('published');
    expect(entry?.published?.parts[0]?.id).toBe(bPost!.id);
    expect(duplicatesA).toHaveLength(1);
    expect(duplicatesA[0]!.recorded.parts[0]?.id).toBe(bPost!.id);
    expect(duplicatesA[0]!.duplicate.parts[0]?.id).toBe(aPost!.id);
  });
});

describe('health sees entries stuck in publishing', () => {
  it('names them (count, oldest, ids) and says not ok once they are older than a poll', async () => {
    const clock = createFakeClock({ now: T0 });
    const store = createMemoryStore();
    const network = createTestNetwork({ clock, strategy: 'lookup' });
    await store.insertMany([
      dueEntry('dead-1', at(-120_000), { status: 'publishing', lease: { owner: 'gone', expiresAt: at(-60_000), token: 't1' } }),
      dueEntry('dead-2', at(-90_000), { status: 'publishing', lease: { owner: 'gone', expiresAt: at(-30_000), token: 't2' } }),
      dueEntry('live', at(-10_000), { status: 'publishing', lease: { owner: 'alive', expiresAt: at(50_000), token: 't3' } }),
    ]);
    const scheduler = createScheduler({ store, client: network.client, clock, pollIntervalMs: 1_000 });
    const health = await scheduler.health();
    expect(health.stuckPublishing).toEqual({ count: 2, oldestSince: at(-60_000), oldestAgeMs: 60_000, ids: ['dead-1', 'dead-2'] });
    expect(health.overdue.count).toBe(0);
    expect(health.ok).toBe(false);
    expect(health.problems).toEqual([expect.stringMatching(/2 entries are stuck in "publishing".*dead-1, dead-2/)]);
    // A worker reconciles them: nothing is stuck any more.
    await scheduler.runDue();
    expect((await scheduler.health()).stuckPublishing.count).toBe(0);
  });
});
