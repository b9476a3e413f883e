import { describe, expect, it } from 'vitest';
import { EntryConflictError, EntryNotFoundError, IllegalTransitionError } from './errors.js';
import { createMemoryStore } from './memory-store.js';
import { entryFixture } from './test-fixtures.js';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function scheduled(id: string, at: number, extra = {}) {
  return entryFixture(id, { status: 'scheduled', scheduledAt: iso(at), placement: 'queue', ...extra });
}

describe('createMemoryStore', () => {
  it('inserts, gets, refuses duplicate ids, and inserts many all-or-nothing', async () => {
    const store = createMemoryStore();
    await store.insert(entryFixture('a'));
    expect((await store.get('a'))?.id).toBe('a');
    await expect(store.insert(entryFixture('a'))).rejects.toSatisfy(EntryConflictError.isInstance);
    await expect(store.insertMany([entryFixture('b'), entryFixture('a')])).rejects.toSatisfy(EntryConflictError.isInstance);
    expect(await store.get('b')).toBeUndefined();
    await expect(store.insertMany([entryFixture('c'), entryFixture('c')])).rejects.toSatisfy(EntryConflictError.isInstance);
    expect(await store.get('c')).toBeUndefined();
  });

  it('put is compare-and-set on version, keeps status and history', async () => {
    const store = createMemoryStore();
    await store.insert(entryFixture('a'));
    const v1 = await store.put({ ...entryFixture('a'), draft: { ...entryFixture('a').draft, text: 'edited' } }, { expectedVersion: 0 });
    expect(v1.version).toBe(1);
    await expect(store.put(v1, { expectedVersion: 0 })).rejects.toSatisfy(EntryConflictError.isInstance);
    await expect(store.put({ ...v1, status: 'scheduled' })).rejects.toThrow(/use transition/);
    await expect(store.put({ ...v1, history: [] })).rejects.toThrow(/append-only/);
    await expect(store.put(entryFixture('zzz'))).rejects.toSatisfy(EntryNotFoundError.isInstance);
  });

  it('transition enforces the table, expected status/version and appends history', async () => {
    const store = createMemoryStore();
    await store.insert(entryFixture('a'));
    await expect(store.transition('a', { to: 'published', at: iso(T0), by: 'w' })).rejects.toSatisfy(IllegalTransitionError.isInstance);
    await expect(store.transition('a', { to: 'in_review', at: iso(T0), by: 'w', expectedStatus: 'approved' })).rejects.toSatisfy(
      EntryConflictError.isInstance,
    );
    await expect(store.transition('a', { to: 'in_review', at: iso(T0), by: 'w', expectedVersion: 7 })).rejects.toSatisfy(
      EntryConflictError.isInstance,
    );
    const next = await store.transition('a', {
      to: 'in_review',
      at: iso(T0),
      by: 'ana',
      reason: 'go',
      expectedStatus: 'draft',
      expectedVersion: 0,
    });
    expect(next.history.at(-1)).toEqual({ from: 'draft', to: 'in_review', at: iso(T0), by: 'ana', reason: 'go' });
    expect((await store.get('a'))?.version).toBe(1);
  });

  it('claims due entries once, under contention, earliest first, skipping held and future ones', async () => {
    const store = createMemoryStore();
    await store.insertMany([
      scheduled('late', T0 + 60_000),
      scheduled('b', T0 - 1000),
      scheduled('a', T0 - 2000),
      scheduled('held', T0 - 5000, { hold: { scope: 'account', since: iso(T0), by: 'ana' } }),
      scheduled('c', T0),
      entryFixture('draft'),
    ]);
    const [one, two] = await Promise.all([
      store.claimDue({ owner: 'w1', now: T0, leaseMs: 30_000, limit: 2 }),
      store.claimDue({ owner: 'w2', now: T0, leaseMs: 30_000, limit: 2 }),
    ]);
    expect(one.map((e) => e.id)).toEqual(['a', 'b']);
    expect(two.map((e) => e.id)).toEqual(['c']);
    expect(one[0]!.lease).toEqual({ owner: 'w1', expiresAt: iso(T0 + 30_000), token: expect.any(String) });
    expect(await store.claimDue({ owner: 'w3', now: T0, leaseMs: 30_000 })).toEqual([]);
    expect(await store.dueSummary(T0)).toEqual({
      count: 0,
      oldestScheduledAt: null,
      stuckPublishing: { count: 0, oldestSince: null, ids: [] },
    });
  });

  it('an expired lease makes the entry claimable again; a stale publishing entry comes back for reconciliation', async () => {
    const store = createMemoryStore();
    await store.insertMany([scheduled('a', T0), scheduled('b', T0)]);
    const [a, b] = await store.claimDue({ owner: 'w1', now: T0, leaseMs: 10_000 });
    const publishing = await store.transition(b!.id, {
      to: 'publishing',
      at: iso(T0 + 1),
      by: 'w1',
      leaseOwner: 'w1',
      patch: { idempotencyKey: 'k-b' },
    });
    expect(publishing.lease?.owner).toBe('w1');
    expect(await store.claimDue({ owner: 'w2', now: T0 + 9_999, leaseMs: 10_000 })).toEqual([]);
    expect(await store.extendLease(a!.id, 'w1', T0 + 5_000, 10_000)).toBe(true);
    // b's lease expires at T0+10s; a's was extended to T0+15s.
    expect(
      (await store.claimDue({ owner: 'w2', now: T0 + 10_000, leaseMs: 10_000, includeStalePublishing: false })).map((e) => e.id),
    ).toEqual([]);
    const stale = await store.claimDue({ owner: 'w2', now: T0 + 10_000, leaseMs: 10_000 });
    expect(stale.map((e) => [e.id, e.status, e.lease?.owner])).toEqual([['b', 'publishing', 'w2']]);
    // The old owner lost it: its writes conflict.
    await expect(store.transition('b', { to: 'published', at: iso(T0 + 10_001), by: 'w1', leaseOwner: 'w1' })).rejects.toSatisfy(
      EntryConflictError.isInstance,
    );
    expect(await store.extendLease('b', 'w1', T0 + 10_001, 1000)).toBe(false);
    const claimedA = await store.claimDue({ owner: 'w3', now: T0 + 15_000, leaseMs: 10_000 });
    expect(claimedA.map((e) => e.id)).toEqual(['a']);
    expect(await store.releaseLease('a', 'w1')).toBe(false);
    expect(await store.releaseLease('a', 'w3')).toBe(true);
    // Released and still scheduled and due: claimable at once.
    expect((await store.claimDue({ owner: 'w4', now: T0 + 15_000, leaseMs: 10_000 })).map((e) => e.id)).toEqual(['a']);
    const done = await store.transition('b', { to: 'published', at: iso(T0 + 10_002), by: 'w2', leaseOwner: 'w2', releaseLease: true });
    expect(done.lease).toBeNull();
    expect(done.history.map((h) => h.to)).toEqual(['scheduled', 'publishing', 'published']);
  });

  it('reports due-but-unclaimed entries and the oldest one', async () => {
    const store = createMemoryStore();
    await store.insertMany([scheduled('a', T0 - 60_000), scheduled('b', T0 - 1_000), scheduled('c', T0 + 1_000)]);
    expect(await store.dueSummary(T0)).toEqual({
      count: 2,
      oldestScheduledAt: iso(T0 - 60_000),
      stuckPublishing: { count: 0, oldestSince: null, ids: [] },
    });
  });

  it('queries by time range, account, network, status, tag, campaign, brand, group', async () => {
    const store = createMemoryStore();
    const draft = entryFixture('x').draft;
    await store.insertMany([
      scheduled('a', T0, { draft: { ...draft, tags: ['launch'], campaign: 'spring' }, brand: 'acme', groupId: 'g' }),
      scheduled('b', T0 + 1000, { accountKey: 'bluesky:2', platform: 'bluesky', accountId: '2', groupId: 'g' }),
      scheduled('c', T0 + 2000, { draft: { ...draft, tags: ['other'] } }),
      entryFixture('d'),
    ]);
    const ids = async (q: object) => (await store.query(q)).map((e) => e.id);
    expect(await ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids({ from: iso(T0), to: iso(T0 + 2000) })).toEqual(['a', 'b']);
    expect(await ids({ accountKeys: ['x:1'] })).toEqual(['a', 'c', 'd']);
    expect(await ids({ platforms: ['bluesky'] })).toEqual(['b']);
    expect(await ids({ statuses: ['draft'] })).toEqual(['d']);
    expect(await ids({ tags: ['launch', 'other'] })).toEqual(['a', 'c']);
    expect(await ids({ campaigns: ['spring'] })).toEqual(['a']);
    expect(await ids({ brands: ['acme'] })).toEqual(['a']);
    expect(await ids({ groupId: 'g', limit: 1 })).toEqual(['a']);
  });
});

describe('createMemoryStore writes', () => {
  it('put never changes a lease and putMany is all-or-nothing', async () => {
    const store = createMemoryStore();
    await store.insertMany([scheduled('a', T0), scheduled('b', T0 + 1000)]);
    const [claimed] = await store.claimDue({ owner: 'w1', now: T0, leaseMs: 10_000, limit: 1 });
    const stolen = await store.put({ ...claimed!, lease: { owner: 'thief', expiresAt: iso(T0 + 99_000) } });
    expect(stolen.lease?.owner).toBe('w1');
    const b = (await store.get('b'))!;
    await expect(
      store.putMany([{ entry: { ...b, placement: 'pinned' } }, { entry: { ...stolen }, expect: { expectedVersion: 0 } }]),
    ).rejects.toSatisfy(EntryConflictError.isInstance);
    expect((await store.get('b'))!.placement).toBe('queue');
  });
});
