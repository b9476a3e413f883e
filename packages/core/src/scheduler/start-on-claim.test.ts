import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type ScheduleStore } from '../schedule-store/index.js';
import { createScheduler } from './create-scheduler.js';
import { createTestNetwork, dueEntry } from './scheduler-test-network.js';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();

// A store that records its calls, and that can hide `start` from the store below (a store
// written before ClaimRequest.start existed).
function recording(store: ScheduleStore, options: { ignoreStart: boolean }) {
  const calls: string[] = [];
  const starts: boolean[] = [];
  const wrapped: ScheduleStore = {
    ...store,
    get: (id) => store.get(id),
    claimDue: (request) => {
      calls.push('claimDue');
      starts.push(request.start !== undefined);
      const { start, ...rest } = request;
      return store.claimDue(options.ignoreStart ? rest : { ...rest, ...(start ? { start } : {}) });
    },
    transition: (id, change) => {
      calls.push(`transition:${change.to}`);
      return store.transition(id, change);
    },
    put: (entry, expect) => {
      calls.push('put');
      return store.put(entry, expect);
    },
  };
  return { store: wrapped, calls, starts };
}

describe('createScheduler: the claim starts the publish (ClaimRequest.start)', () => {
  it('claims and writes `publishing` in one store call, then publishes once with the claim fenced', async () => {
    const clock = createFakeClock({ now: T0 });
    const network = createTestNetwork({ clock, strategy: 'native-key' });
    const { store, calls, starts } = recording(createMemoryStore(), { ignoreStart: false });
    await store.insertMany([dueEntry('a', at(-1_000)), dueEntry('b', at(0))]);
    const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w1' });
    const claimedEvents: Array<{ id: string; status: string; reconcile: boolean }> = [];
    scheduler.on('entry-claimed', ({ entry, reconcile }) => claimedEvents.push({ id: entry.id, status: entry.status, reconcile }));

    const report = await scheduler.runDue();

    expect(report.published).toBe(2);
    expect(starts.every(Boolean)).toBe(true);
    // No separate `publishing` write: the claim made it.
    expect(calls.filter((call) => call === 'transition:publishing')).toEqual([]);
    expect(calls.filter((call) => call === 'transition:published')).toHaveLength(2);
    expect(network.posts.map((post) => post.key).sort()).toEqual(['smm-entry-a', 'smm-entry-b']);
    // The event still shows the entry as claimed (before it started), not as a stale `publishing` one.
    expect(claimedEvents.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'a', status: 'scheduled', reconcile: false },
      { id: 'b', status: 'scheduled', reconcile: false },
    ]);
    const a = await store.get('a');
    expect(a?.history.slice(-2).map((record) => [record.from, record.to, record.by])).toEqual([
      ['scheduled', 'publishing', 'w1'],
      ['publishing', 'published', 'w1'],
    ]);
    expect(a?.idempotencyKey).toBe('smm-entry-a');
    expect(a?.lease).toBeNull();
  });

  it('does not start what must not be published: a past-deadline entry still fails without a network call', async () => {
    const clock = createFakeClock({ now: T0 });
    const network = createTestNetwork({ clock, strategy: 'native-key' });
    const { store, calls } = recording(createMemoryStore(), { ignoreStart: false });
    // Due 2 days ago: past the default deadline (24 h).
    await store.insert(dueEntry('old', at(-2 * 86_400_000)));
    const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w1' });
    const report = await scheduler.runDue();
    expect(report.failed).toBe(1);
    expect(network.publishCalls).toHaveLength(0);
    expect(calls).toContain('transition:failed');
    const old = await store.get('old');
    expect(old?.status).toBe('failed');
    expect(old?.error?.code).toBe('deadline_exceeded');
    expect(old?.history.map((record) => record.to)).not.toContain('publishing');
  });

  it('works the same with a store that ignores start: `publishing` is then its own write before the network call', async () => {
    const clock = createFakeClock({ now: T0 });
    const network = createTestNetwork({ clock, strategy: 'native-key' });
    const { store, calls } = recording(createMemoryStore(), { ignoreStart: true });
    await store.insertMany([dueEntry('a', at(0)), dueEntry('b', at(0))]);
    const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w1' });
    const report = await scheduler.runDue();
    expect(report.published).toBe(2);
    expect(calls.filter((call) => call === 'transition:publishing')).toHaveLength(2);
    expect(network.posts).toHaveLength(2);
    expect((await store.get('a'))?.history.slice(-2).map((record) => record.to)).toEqual(['publishing', 'published']);
  });

  it('executeEntry starts the claimed entry in the claim too', async () => {
    const clock = createFakeClock({ now: T0 });
    const network = createTestNetwork({ clock, strategy: 'native-key' });
    const base = createMemoryStore();
    const { store, calls } = recording(base, { ignoreStart: false });
    const claims: boolean[] = [];
    store.claim = (id, request) => {
      claims.push(request.start !== undefined);
      return base.claim(id, request);
    };
    await store.insert(dueEntry('one', at(0)));
    const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w1' });
    const outcome = await scheduler.executeEntry('one');
    expect(outcome.status).toBe('published');
    expect(claims).toEqual([true]);
    expect(calls.filter((call) => call === 'transition:publishing')).toEqual([]);
    expect(network.publishCalls).toHaveLength(1);
  });
});
