import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { createMemoryStore } from '../schedule-store/index.js';
import { createScheduler } from './create-scheduler.js';
import type { SchedulerEvents } from './scheduler-events.js';
import { createTestNetwork, dueEntry } from './scheduler-test-network.js';

const T0 = '2026-03-02T09:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();

function setup(strategy: 'native-key' | 'lookup' | 'none' = 'lookup') {
  const clock = createFakeClock({ now: T0 });
  const store = createMemoryStore();
  const network = createTestNetwork({ clock, strategy });
  return { clock, store, network };
}

function collect<E extends keyof SchedulerEvents>(
  scheduler: { on: (event: E, listener: (payload: SchedulerEvents[E]) => void) => () => void },
  event: E,
): SchedulerEvents[E][] {
  const seen: SchedulerEvents[E][] = [];
  scheduler.on(event, (payload) => seen.push(payload));
  return seen;
}

describe('createScheduler: publishing', () => {
  it('publishes due entries once, records the post refs and leaves the rest alone', async () => {
    const { clock, store, network } = setup();
    await store.insertMany([dueEntry('a', at(-60_000)), dueEntry('b', at(0)), dueEntry('later', at(1))]);
    const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w1' });
    const published = collect(scheduler, 'entry-published');

    const report = await scheduler.runDue();
    expect(report).toEqual({ claimed: 2, published: 2, failed: 0, outcomeUnknown: 0, retried: 0, notClaimed: 0, errors: 0 });
    expect(network.posts.map((post) => post.text).sort()).toEqual(['post a 🚀', 'post b 🚀']);

    const a = await store.get('a');
    expect(a?.status).toBe('published');
    expect(a?.lease).toBeNull();
    expect(a?.idempotencyKey).toBe('smm-entry-a');
    const post = network.posts.find((item) => item.text === 'post a 🚀')!;
    expect(post.key).toBe('smm-entry-a');
    expect(a?.published?.parts).toEqual([{ platform: 'memo', id: post.id, accountId: 'a1', url: `https://memo.example/p/${post.id}` }]);
    expect(a?.history.slice(-2).map((record) => [record.from, record.to, record.by])).toEqual([
      ['scheduled', 'publishing', 'w1'],
      ['publishing', 'published', 'w1'],
    ]);
    expect((await store.get('later'))?.status).toBe('scheduled');
    expect(published.map((event) => event.entry.id).sort()).toEqual(['a', 'b']);

    // A second pass finds nothing to do: nothing is published twice.
    expect((await scheduler.runDue()).claimed).toBe(0);
    expect(network.posts).toHaveLength(2);
  });

  it('never publishes an entry twice with two schedulers racing on one store', async () => {
    const { clock, store, network } = setup('none');
    const ids = Array.from({ length: 120 }, (_, i) => `e${i}`);
    await store.insertMany(ids.map((id, i) => dueEntry(id, at(-(i % 7) * 1_000))));
    const a = createScheduler({ store, client: network.client, clock, owner: 'A', concurrency: 5, batchSize: 3 });
    const b = createScheduler({ store, client: network.client, clock, owner: 'B', concurrency: 7, batchSize: 4 });
    const direct = ids.filter((_, i) => i % 5 === 0).flatMap((id) => [a.executeEntry(id), b.executeEntry(id)]);
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue(), ...direct]);

    expect(network.posts).toHaveLength(120);
    expect(network.duplicates()).toEqual([]);
    expect(network.publishCalls).toHaveLength(120);
    const stored = await store.query({});
    expect(stored.every((entry) => entry.status === 'published' && entry.lease === null)).toBe(true);
    // Both workers did part of the work (the race was real).
    const by = (owner: string) => stored.filter((entry) => entry.history.at(-1)?.by === owner).length;
    expect(by('A') + by('B')).toBe(120);
    expect(ra && rb && typeof ra === 'object' && 'claimed' in ra && 'claimed' in rb).toBe(true);
  });

  it('runDueBatch claims one batch, resolves once claimed, and waits for room under concurrency', async () => {
    const { clock, store, network } = setup('native-key');
    await store.insertMany(['a', 'b', 'c', 'd', 'e'].map((id, i) => dueEntry(id, at(-i * 1_000))));
    await store.insert(dueEntry('later', at(60_000)));
    const releases: Array<() => void> = [];
    for (let i = 0; i < 5; i += 1) network.faults.push({ kind: 'wait', release: new Promise<void>((resolve) => releases.push(resolve)) });
    const scheduler = createScheduler({ store, client: network.client, clock, owner: 'w1', concurrency: 3 });
    expect(scheduler.leaseMs).toBe(60_000); // the default; a queue worker sets its lease watches by it

    // Default limit: half of concurrency, rounded up (2). Oldest due first; resolved while both still publish.
    const first = await scheduler.runDueBatch();
    expect(first.ids).toEqual(['e', 'd']);
    expect(first.full).toBe(true);
    await clock.advance(0);
    expect((await store.get('e'))?.status).toBe('publishing');
    expect(network.posts).toHaveLength(0);

    // Room for 1 under concurrency 3: a batch of 2 waits until one of the first two settles.
    let secondIds: readonly string[] | undefined;
    const second = scheduler.runDueBatch().then((batch) => ((secondIds = batch.ids), batch));
    await clock.advance(0);
    expect(secondIds).toBeUndefined();
    releases[0]!();
    const batch2 = await second;
    expect(batch2.ids).toEqual(['c', 'b']);

    // Asked for more than is due: not full; `later` is not due.
    releases.forEach((release) => release());
    const third = await scheduler.runDueBatch({ limit: 3 });
    expect(third.ids).toEqual(['a']);
    expect(third.full).toBe(false);
    const results = [...(await first.done), ...(await batch2.done), ...(await third.done)];
    expect(results.map((result) => [result.id, 'outcome' in result ? result.outcome.status : 'error'])).toEqual([
      ['e', 'published'],
      ['d', 'published'],
      ['c', 'published'],
      ['b', 'published'],
      ['a', 'published'],
    ]);
    expect(network.posts).toHaveLength(5);
    expect((await store.get('later'))?.status).toBe('scheduled');
    // Nothing due: an empty batch, at once.
    expect(await scheduler.runDueBatch()).toMatchObject({ ids: [], full: false });
    // A limit over concurrency is capped to it.
    await store.insertMany(['f', 'g', 'h', 'i'].map((id) => dueEntry(id, at(0))));
    expect((await scheduler.runDueBatch({ limit: 10 })).ids).toHaveLength(3);
    await expect(scheduler.runDueBatch({ limit: 0 })).rejects.toThrow(ValidationError);
    await expect(scheduler.runDueBatch({ limit: 1.5 })).rejects.toThrow(/limit: must be a whole number/);
  });

  it('does not publish held (paused) entries', async () => {
    const { clock, store, network } = setup();
    await store.insert(dueEntry('held', at(-1_000), { hold: { scope: 'account', since: at(-2_000), by: 'ana', reason: 'crisis' } }));
    const scheduler = createScheduler({ store, client: network.client, clock });
    expect((await scheduler.runDue()).claimed).toBe(0);
    expect(await scheduler.executeEntry('held')).toMatchObject({ status: 'not_claimed', entry: { id: 'held', status: 'scheduled' } });
    expect(network.publishCalls).toHaveLength(0);

    const held = (await store.get('held'))!;
    await store.put({ ...held, hold: null });
    expect((await scheduler.runDue()).published).toBe(1);
  });

  it('executeEntry returns not_claimed for an entry that is not due, held, claimed by another worker or unknown', async () => {
    const { clock, store, network } = setup();
    await store.insertMany([dueEntry('future', at(60_000)), dueEntry('taken', at(-1_000)), dueEntry('due', at(-1_000))]);
    await store.claim('taken', { owner: 'other', now: clock.now(), leaseMs: 60_000 });
    const scheduler = createScheduler({ store, client: network.client, clock, owner: 'me' });

    const future = await scheduler.executeEntry('future');
    expect(future.status).toBe('not_claimed');
    expect(future.entry?.status).toBe('scheduled');
    const taken = await scheduler.executeEntry('taken');
    expect(taken).toMatchObject({ status: 'not_claimed', entry: { lease: { owner: 'other' } } });
    expect(await scheduler.executeEntry('nope')).toEqual({ status: 'not_claimed' });
    expect(network.publishCalls).toHaveLength(0);

    expect((await scheduler.executeEntry('due')).status).toBe('published');
    // The not-due one runs when asked at its time.
    expect((await scheduler.executeEntry('future', { now: Date.parse(at(60_000)) })).status).toBe('published');
  });

  it('validates options eagerly, naming each bad field', () => {
    const { store, network } = setup();
    let error: unknown;
    try {
      createScheduler({
        store,
        client: network.client,
        concurrency: 0,
        leaseMs: 5,
        retry: { baseDelayMs: -1 },
        keepAlive: 'yes' as unknown as boolean,
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((issue) => issue.path.join('.')).sort()).toEqual(['concurrency', 'keepAlive', 'leaseMs']);
    expect((error as ValidationError).message).toMatch(/keepAlive: must be true or false/);
    expect(() => createScheduler({ store, client: network.client, retry: { baseDelayMs: 10_000, maxDelayMs: 1_000 } })).toThrow(
      /maxDelayMs/,
    );
  });
});

describe('createScheduler: loop, stop and health', () => {
  it('start() polls on the clock and publishes entries as they come due', async () => {
    const { clock, store, network } = setup();
    await store.insertMany([dueEntry('now', at(0)), dueEntry('in5s', at(5_000))]);
    const scheduler = createScheduler({ store, client: network.client, clock, pollIntervalMs: 1_000 });
    scheduler.start();
    await clock.advance(0);
    expect(network.posts.map((post) => post.text)).toEqual(['post now 🚀']);
    await clock.advance(4_000);
    expect(network.posts).toHaveLength(1);
    await clock.advance(1_000);
    expect(network.posts.map((post) => post.text)).toEqual(['post now 🚀', 'post in5s 🚀']);
    expect(network.publishCalls[1]?.at).toBe(Date.parse(at(5_000)));
    expect((await scheduler.health()).running).toBe(true);
    await scheduler.stop();
    expect(clock.pending()).toBe(0);
    expect((await scheduler.health()).running).toBe(false);
  });

  it('stop() lets the in-flight publish finish, releases its lease and leaves no timer', async () => {
    const { clock, store, network } = setup();
    await store.insertMany([dueEntry('slow', at(0))]);
    let release!: () => void;
    network.faults.push({ kind: 'wait', release: new Promise<void>((resolve) => (release = resolve)) });
    const scheduler = createScheduler({ store, client: network.client, clock, leaseMs: 30_000 });
    scheduler.start();
    await clock.advance(0);
    expect((await store.get('slow'))?.status).toBe('publishing');
    // The lease is renewed while the publish runs.
    await clock.advance(25_000);
    expect(Date.parse((await store.get('slow'))!.lease!.expiresAt)).toBeGreaterThan(clock.now());

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await clock.advance(0);
    expect(stopped).toBe(false);
    expect((await scheduler.health()).inFlight).toBe(1);
    release();
    await stopping;
    const slow = await store.get('slow');
    expect(slow?.status).toBe('published');
    expect(slow?.lease).toBeNull();
    expect(clock.pending()).toBe(0);
  });

  it('stop({ timeoutMs }) returns after the timeout, leaving the stuck publish to lease expiry', async () => {
    const { clock, store, network } = setup();
    await store.insert(dueEntry('stuck', at(0)));
    network.faults.push({ kind: 'wait', release: new Promise<void>(() => {}) });
    const scheduler = createScheduler({ store, client: network.client, clock });
    scheduler.start();
    await clock.advance(0);
    let stopped = false;
    const stopping = scheduler.stop({ timeoutMs: 5_000 }).then(() => (stopped = true));
    await clock.advance(0); // let stop() start its timer
    await clock.advance(4_000);
    expect(stopped).toBe(false);
    await clock.advance(1_000);
    await stopping;
    expect((await store.get('stuck'))?.status).toBe('publishing');
  });

  it('health() with no worker running reports the overdue entries and their oldest age', async () => {
    const { clock, store, network } = setup();
    await store.insertMany([
      dueEntry('ten-min-late', at(-600_000)),
      dueEntry('late', at(-30_000)),
      dueEntry('on-time', at(0)),
      dueEntry('future', at(60_000)),
      dueEntry('held', at(-900_000), { hold: { scope: 'brand', since: at(-1), by: 'ana' } }),
    ]);
    const scheduler = createScheduler({ store, client: network.client, clock, lagWarningMs: 60_000 });
    expect(await scheduler.health()).toEqual({
      running: false,
      inFlight: 0,
      overdue: { count: 3, oldestScheduledAt: at(-600_000), oldestAgeMs: 600_000 },
      stuckPublishing: { count: 0, oldestSince: null, oldestAgeMs: null, ids: [] },
      lastPollAt: null,
      ok: false,
      problems: [expect.stringContaining('3 entries are overdue')],
    });
    await scheduler.runDue();
    expect(await scheduler.health()).toEqual({
      running: false,
      inFlight: 0,
      overdue: { count: 0, oldestScheduledAt: null, oldestAgeMs: null },
      stuckPublishing: { count: 0, oldestSince: null, oldestAgeMs: null, ids: [] },
      lastPollAt: T0,
      ok: true,
      problems: [],
    });
  });

  it("emits 'lag' for entries claimed later than lagWarningMs after they were due", async () => {
    const { clock, store, network } = setup();
    await store.insertMany([dueEntry('late', at(-120_000)), dueEntry('fresh', at(-10_000))]);
    const scheduler = createScheduler({ store, client: network.client, clock, lagWarningMs: 60_000 });
    const lag = collect(scheduler, 'lag');
    const claimed = collect(scheduler, 'entry-claimed');
    await scheduler.runDue();
    expect(lag).toEqual([{ entryId: 'late', accountKey: 'memo:a1', dueAt: at(-120_000), lagMs: 120_000 }]);
    expect(claimed.map((event) => [event.entry.id, event.lagMs, event.reconcile]).sort()).toEqual([
      ['fresh', 10_000, false],
      ['late', 120_000, false],
    ]);
  });

  it('a throwing listener does not stop publishing', async () => {
    const { clock, store, network } = setup();
    await store.insert(dueEntry('a', at(0)));
    const scheduler = createScheduler({ store, client: network.client, clock });
    scheduler.on('entry-claimed', () => {
      throw new Error('listener bug');
    });
    const errors = collect(scheduler, 'error');
    expect((await scheduler.runDue()).published).toBe(1);
    expect(errors.map((event) => event.phase)).toEqual(['listener']);
  });
});
