import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { NetworkError, PublishOutcomeUnknownError } from '../errors/index.js';
import { createMemoryStore } from '../schedule-store/index.js';
import { createScheduler } from './create-scheduler.js';
import type { SchedulerEvents } from './scheduler-events.js';
import { createTestNetwork, dueEntry } from './scheduler-test-network.js';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();

// A worker crashed mid-publish: the entry is `publishing` with its key, and the lease ran out.
function crashed(id: string) {
  const entry = dueEntry(id, at(-120_000), {
    status: 'publishing',
    idempotencyKey: `smm-entry-${id}`,
    lease: { owner: 'dead-worker', expiresAt: at(-60_000) },
  });
  entry.history = [...entry.history, { from: 'scheduled', to: 'publishing', at: at(-120_000), by: 'dead-worker' }];
  return entry;
}

function setup(strategy: 'native-key' | 'lookup' | 'none', lookupFaults?: unknown[]) {
  const clock = createFakeClock({ now: T0 });
  const store = createMemoryStore();
  const network = createTestNetwork({ clock, strategy, ...(lookupFaults ? { lookupFaults } : {}) });
  const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w2', retry: { baseDelayMs: 10_000 } });
  const unknown: Array<SchedulerEvents['entry-outcome-unknown']> = [];
  scheduler.on('entry-outcome-unknown', (event) => unknown.push(event));
  return { clock, store, network, scheduler, unknown };
}

describe('reconciling entries left publishing by a crash', () => {
  it('lookup: the post was made before the crash → published with its refs, nothing posted again', async () => {
    const { store, network, scheduler } = setup('lookup');
    network.posts.push({ id: '77', text: 'post c1 🚀', key: 'smm-entry-c1', at: Date.parse(at(-119_000)) });
    await store.insert(crashed('c1'));
    const report = await scheduler.runDue();
    expect(report.published).toBe(1);
    const entry = await store.get('c1');
    expect(entry?.status).toBe('published');
    expect(entry?.published?.parts.map((part) => part.id)).toEqual(['77']);
    expect(entry?.history.at(-1)).toMatchObject({
      from: 'publishing',
      to: 'published',
      by: 'w2',
      reason: 'found on the network by its idempotency key',
    });
    expect(network.publishCalls).toHaveLength(0);
    expect(network.posts).toHaveLength(1);
  });

  it('lookup: the post definitely is not there → published now, once, with the same key', async () => {
    const { store, network, scheduler } = setup('lookup');
    await store.insert(crashed('c2'));
    expect((await scheduler.executeEntry('c2')).status).toBe('published');
    expect(network.posts.map((post) => post.key)).toEqual(['smm-entry-c2']);
    expect((await store.get('c2'))?.history.slice(-3).map((record) => record.to)).toEqual(['scheduled', 'publishing', 'published']);
  });

  it('native-key: publishing again with the same key returns the post the network already made', async () => {
    const { store, network, scheduler } = setup('native-key');
    network.posts.push({ id: '5', text: 'post c3 🚀', key: 'smm-entry-c3', at: Date.parse(at(-119_000)) });
    await store.insert(crashed('c3'));
    expect((await scheduler.runDue()).published).toBe(1);
    expect(network.posts).toHaveLength(1);
    expect(network.publishCalls.map((call) => call.key)).toEqual(['smm-entry-c3']);
    expect((await store.get('c3'))?.published?.parts[0]?.id).toBe('5');
  });

  it('strategy none: it becomes outcome_unknown with an event asking a person, and nothing is published', async () => {
    const { store, network, scheduler, unknown } = setup('none');
    await store.insert(crashed('c4'));
    expect((await scheduler.runDue()).outcomeUnknown).toBe(1);
    const entry = await store.get('c4');
    expect(entry?.status).toBe('outcome_unknown');
    expect(entry?.lease).toBeNull();
    expect(entry?.error?.code).toBe('publish_outcome_unknown');
    expect(unknown.map((event) => event.entry.id)).toEqual(['c4']);
    expect(unknown[0]?.reason).toMatch(/cannot tell whether the post exists/);
    expect(network.publishCalls).toHaveLength(0);
  });

  it('a publishing entry whose lease is still live is left alone', async () => {
    const { store, network, scheduler } = setup('lookup');
    const live = crashed('c5');
    await store.insert({ ...live, lease: { owner: 'busy-worker', expiresAt: at(30_000) } });
    expect((await scheduler.runDue()).claimed).toBe(0);
    expect(network.lookups()).toBe(0);
  });

  it('a lookup that fails transiently is tried again after a backoff, then settles', async () => {
    const { clock, store, network, scheduler } = setup('lookup', [new NetworkError('reset', { phase: 'connect' })]);
    network.posts.push({ id: '9', text: 'post c6 🚀', key: 'smm-entry-c6', at: Date.parse(at(-119_000)) });
    await store.insert(crashed('c6'));
    expect((await scheduler.runDue()).retried).toBe(1);
    const waiting = await store.get('c6');
    expect(waiting?.status).toBe('publishing');
    expect(waiting?.lease?.expiresAt).toBe(at(10_000));
    expect((await scheduler.runDue(clock.now() + 9_999)).claimed).toBe(0);
    expect((await scheduler.runDue(clock.now() + 10_000)).published).toBe(1);
    expect(network.publishCalls).toHaveLength(0);
  });
});

describe('a publish call whose outcome is unknown', () => {
  it('lookup: the post was made → published, never posted twice', async () => {
    const { store, network, scheduler } = setup('lookup');
    await store.insert(dueEntry('u1', at(0)));
    network.faults.push({ kind: 'commit-then-throw', error: new PublishOutcomeUnknownError('connection dropped after sending') });
    expect((await scheduler.runDue()).published).toBe(1);
    expect(network.posts).toHaveLength(1);
    expect((await store.get('u1'))?.published?.parts[0]?.id).toBe(network.posts[0]?.id);
  });

  it('strategy none: outcome_unknown with the cause, never retried', async () => {
    const { store, network, scheduler, unknown } = setup('none');
    await store.insert(dueEntry('u2', at(0)));
    network.faults.push({ kind: 'commit-then-throw', error: new PublishOutcomeUnknownError('timed out after sending') });
    expect((await scheduler.runDue()).outcomeUnknown).toBe(1);
    const entry = await store.get('u2');
    expect(entry?.status).toBe('outcome_unknown');
    expect(entry?.error).toEqual({ code: 'publish_outcome_unknown', message: expect.stringContaining('timed out after sending') });
    expect(unknown).toHaveLength(1);
    expect(network.publishCalls).toHaveLength(1);
  });

  it('lookup: not there → retried later with backoff, not in a loop', async () => {
    const { store, network, scheduler } = setup('lookup');
    await store.insert(dueEntry('u3', at(0)));
    network.faults.push({ kind: 'throw', error: new PublishOutcomeUnknownError('dropped') });
    expect((await scheduler.runDue()).retried).toBe(1);
    expect(await store.get('u3')).toMatchObject({ status: 'scheduled', attempts: 1, nextAttemptAt: at(10_000), scheduledAt: at(0) });
    expect((await scheduler.runDue(Date.parse(at(10_000)))).published).toBe(1);
    expect(network.posts).toHaveLength(1);
  });
});
