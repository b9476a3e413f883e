import {
  createContainerNetworkAdapter,
  createContainerNetworkSimulator,
  type ContainerNetworkSimulator,
} from '@smm/testkit/container-network';
import { createFakeClock, type FakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { createClient, type SmmClient } from '../client/index.js';
import { EntryConflictError, createMemoryStore } from '../schedule-store/index.js';
import { createScheduler } from './create-scheduler.js';
import type { SchedulerEvents } from './scheduler-events.js';
import { dueEntry } from './scheduler-test-network.js';

const T0 = '2026-03-02T09:00:00.000Z';

function network(simOptions: Parameters<typeof createContainerNetworkSimulator>[0] = {}, maxWaitMs?: number) {
  const clock: FakeClock = createFakeClock({ now: T0, autoAdvance: true });
  const sim = createContainerNetworkSimulator({ clock, ...simOptions });
  const client = (): SmmClient =>
    createClient({
      adapters: [createContainerNetworkAdapter({ baseUrl: sim.baseUrl, ...(maxWaitMs ? { maxWaitMs } : {}) })],
      accounts: [{ platform: 'containers', id: sim.account.id, handle: sim.account.handle }],
      credentials: { [`containers:${sim.account.id}`]: sim.credentials },
      clock,
      fetch: sim.fetch,
    });
  const entry = (id: string, overrides = {}) =>
    dueEntry(id, T0, { accountKey: `containers:${sim.account.id}`, platform: 'containers', accountId: sim.account.id, ...overrides });
  return { clock, sim, client, entry };
}

const creates = (sim: ContainerNetworkSimulator) => sim.requests.filter((r) => r.method === 'POST' && r.path === '/v1/containers').length;
const reads = (sim: ContainerNetworkSimulator) =>
  sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/containers/')).length;

function collect<E extends keyof SchedulerEvents>(scheduler: ReturnType<typeof createScheduler>, event: E): SchedulerEvents[E][] {
  const seen: SchedulerEvents[E][] = [];
  scheduler.on(event, (payload) => seen.push(payload));
  return seen;
}

describe('scheduler: pending publishes', () => {
  it('stores the handle on the entry before polling, reports progress, and ends published with one post', async () => {
    const { sim, client, entry, clock } = network({ finishAfter: { polls: 3 } });
    const store = createMemoryStore();
    await store.insert(entry('e1'));
    const scheduler = createScheduler({ store, client: client(), clock, owner: 'w1' });
    const seenAtPending: Array<{ stored: unknown; reads: number }> = [];
    scheduler.on(
      'entry-pending',
      () => void store.get('e1').then((e) => seenAtPending.push({ stored: e?.pendingPublish?.handle, reads: reads(sim) })),
    );
    const progress = collect(scheduler, 'entry-progress');
    const report = await scheduler.runDue();
    expect(report.claimed).toBe(1);
    const stored = (await store.get('e1'))!;
    expect(stored.status).toBe('published');
    expect(stored.pendingPublish).toBeUndefined();
    expect(sim.posts().map((post) => post.id)).toEqual([stored.published!.parts[0]!.id]);
    // The handle was in the store when the first poll had not been sent yet.
    expect(seenAtPending[0]).toEqual({ stored: 'c1', reads: 0 });
    expect(progress.map((event) => [event.entryId, event.polls])).toEqual([
      ['e1', 0],
      ['e1', 1],
      ['e1', 2],
    ]);
  });

  it('a run that finds a stale `publishing` entry with a handle resumes polling it and never creates a second container', async () => {
    const { sim, client, entry, clock } = network({ finishAfter: { polls: 2 } });
    // What a crashed worker left: the publish was accepted (container c1) and its handle stored.
    const first = await client().publish(
      `containers:${sim.account.id}`,
      { text: 'post e2 🚀' },
      { wait: false, idempotencyKey: 'smm-entry-e2' },
    );
    const store = createMemoryStore();
    await store.insert(
      entry('e2', {
        status: 'publishing',
        idempotencyKey: 'smm-entry-e2',
        pendingPublish: first.pending,
        lease: { owner: 'dead-worker', expiresAt: new Date(clock.now() - 1).toISOString(), token: 'old' },
      }),
    );
    const scheduler = createScheduler({ store, client: client(), clock, owner: 'w2' });
    await scheduler.runDue();
    const stored = (await store.get('e2'))!;
    expect(stored.status).toBe('published');
    expect(creates(sim)).toBe(1);
    expect(sim.posts()).toHaveLength(1);
    expect(stored.published!.parts[0]!.id).toBe(sim.posts()[0]!.id);
  });

  it('past the wait limit the entry is outcome_unknown with its handle kept; scheduled again, it resumes and publishes once', async () => {
    const { sim, client, entry, clock } = network({ finishAfter: { ms: 60_000 } }, 10_000);
    const store = createMemoryStore();
    await store.insert(entry('e3'));
    const scheduler = createScheduler({ store, client: client(), clock, owner: 'w3' });
    await scheduler.runDue();
    const parked = (await store.get('e3'))!;
    expect(parked.status).toBe('outcome_unknown');
    expect(parked.pendingPublish?.handle).toBe('c1');
    expect(sim.posts()).toEqual([]);
    // A person decides to keep waiting.
    await store.transition('e3', { to: 'scheduled', at: clock.iso(), by: 'ana', reason: 'keep waiting' });
    await clock.advance(60_000);
    await scheduler.runDue();
    const stored = (await store.get('e3'))!;
    expect(stored.status).toBe('published');
    expect(creates(sim)).toBe(1);
    expect(sim.posts().map((post) => post.id)).toEqual([stored.published!.parts[0]!.id]);
  });

  it('a container the network rejects fails the entry and clears the handle, so publishing again starts afresh', async () => {
    const { sim, client, entry, clock } = network({ finishAfter: { polls: 1 }, failWhen: () => true });
    const store = createMemoryStore();
    await store.insert(entry('e4'));
    await createScheduler({ store, client: client(), clock, owner: 'w4' }).runDue();
    const stored = (await store.get('e4'))!;
    expect(stored.status).toBe('failed');
    expect(stored.pendingPublish).toBeUndefined();
    expect(stored.error?.code).toBe('api_call_error');
    expect(sim.posts()).toEqual([]);
  });

  it('a run whose handle write is fenced out (its lease was taken) stops: no poll, no post, the entry is left to the new claim', async () => {
    const { sim, client, entry, clock } = network({ finishAfter: { polls: 1 } });
    const memory = createMemoryStore();
    // The store refuses the fenced put, as it does once another worker re-claimed the entry.
    const store = { ...memory, put: async () => Promise.reject(new EntryConflictError('e5', 'claimed by another worker')) };
    await memory.insert(entry('e5'));
    const report = await createScheduler({ store, client: client(), clock, owner: 'w5' }).runDue();
    expect(report.claimed).toBe(1);
    const stored = (await memory.get('e5'))!;
    expect(stored.status).toBe('publishing');
    expect(stored.pendingPublish).toBeUndefined();
    expect(reads(sim)).toBe(0);
    expect(sim.posts()).toEqual([]);
  });
});
