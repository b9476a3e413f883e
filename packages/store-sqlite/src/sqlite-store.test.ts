import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@smm/core/errors';
import {
  ENTRY_STATUSES,
  EntryConflictError,
  EntryNotFoundError,
  IllegalTransitionError,
  createMemoryStore,
  type CalendarEntry,
  type ScheduleStore,
} from '@smm/core/schedule-store';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';
import { T0, entryFixture, iso, scheduledFixture as scheduled, tempDir } from './test-fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function fileStore(): SqliteStore {
  const dir = tempDir();
  const store = createSqliteStore({ path: dir.file('schedule.db') });
  cleanups.push(() => {
    store.close();
    dir.remove();
  });
  return store;
}

describe('createSqliteStore', () => {
  it('inserts, gets, refuses duplicate ids, and inserts many all-or-nothing', async () => {
    const store = fileStore();
    await store.insert(entryFixture('a'));
    expect((await store.get('a'))?.id).toBe('a');
    expect(await store.get('nope')).toBeUndefined();
    await expect(store.insert(entryFixture('a'))).rejects.toSatisfy(EntryConflictError.isInstance);
    await expect(store.insertMany([entryFixture('b'), entryFixture('a')])).rejects.toSatisfy(EntryConflictError.isInstance);
    expect(await store.get('b')).toBeUndefined();
    await expect(store.insertMany([entryFixture('c'), entryFixture('c')])).rejects.toSatisfy(EntryConflictError.isInstance);
    expect(await store.get('c')).toBeUndefined();
    expect((await store.query({})).map((e) => e.id)).toEqual(['a']);
  });

  it('put is compare-and-set on version, keeps status, history and lease', async () => {
    const store = fileStore();
    await store.insert(entryFixture('a'));
    const v1 = await store.put({ ...entryFixture('a'), draft: { ...entryFixture('a').draft, text: 'edited' } }, { expectedVersion: 0 });
    expect(v1.version).toBe(1);
    expect((await store.get('a'))?.draft.text).toBe('edited');
    await expect(store.put(v1, { expectedVersion: 0 })).rejects.toSatisfy(EntryConflictError.isInstance);
    await expect(store.put({ ...v1, status: 'scheduled' })).rejects.toThrow(/use transition/);
    await expect(store.put({ ...v1, history: [] })).rejects.toThrow(/append-only/);
    await expect(store.put(entryFixture('zzz'))).rejects.toSatisfy(EntryNotFoundError.isInstance);
    expect((await store.get('a'))?.version).toBe(1);
  });

  it('transition enforces the table, expectations, and appends history', async () => {
    const store = fileStore();
    await store.insert(entryFixture('a'));
    await expect(store.transition('a', { to: 'published', at: iso(T0), by: 'w' })).rejects.toSatisfy(IllegalTransitionError.isInstance);
    await expect(store.transition('a', { to: 'in_review', at: iso(T0), by: 'w', expectedStatus: 'approved' })).rejects.toSatisfy(
      EntryConflictError.isInstance,
    );
    await expect(store.transition('a', { to: 'in_review', at: iso(T0), by: 'w', expectedVersion: 7 })).rejects.toSatisfy(
      EntryConflictError.isInstance,
    );
    await expect(store.transition('zzz', { to: 'in_review', at: iso(T0), by: 'w' })).rejects.toSatisfy(EntryNotFoundError.isInstance);
    const next = await store.transition('a', {
      to: 'in_review',
      at: iso(T0),
      by: 'ana',
      reason: 'go',
      expectedStatus: 'draft',
      expectedVersion: 0,
    });
    expect(next.history.at(-1)).toEqual({ from: 'draft', to: 'in_review', at: iso(T0), by: 'ana', reason: 'go' });
    expect(await store.get('a')).toEqual(next);
    expect(next.version).toBe(1);
  });

  it('claims due entries once, earliest first, skipping held, future and unscheduled ones', async () => {
    const store = fileStore();
    await store.insertMany([
      scheduled('late', T0 + 60_000),
      scheduled('b', T0 - 1000),
      scheduled('a', T0 - 2000),
      scheduled('held', T0 - 5000, { hold: { scope: 'account', since: iso(T0), by: 'ana' } }),
      scheduled('c', T0),
      entryFixture('draft'),
    ]);
    const one = await store.claimDue({ owner: 'w1', now: T0, leaseMs: 30_000, limit: 2 });
    const two = await store.claimDue({ owner: 'w2', now: T0, leaseMs: 30_000, limit: 2 });
    expect(one.map((e) => e.id)).toEqual(['a', 'b']);
    expect(two.map((e) => e.id)).toEqual(['c']);
    expect(one[0]!.lease).toEqual({ owner: 'w1', expiresAt: iso(T0 + 30_000), token: expect.any(String) });
    expect(one[0]!.version).toBe(1);
    expect(await store.get('a')).toEqual(one[0]);
    expect(await store.claimDue({ owner: 'w3', now: T0, leaseMs: 30_000 })).toEqual([]);
    expect(await store.dueSummary(T0)).toMatchObject({ count: 0, oldestScheduledAt: null });
  });

  it('an expired lease makes the entry claimable again; a stale publishing entry comes back for reconciliation', async () => {
    const store = fileStore();
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
    expect(publishing.idempotencyKey).toBe('k-b');
    expect(await store.claimDue({ owner: 'w2', now: T0 + 9_999, leaseMs: 10_000 })).toEqual([]);
    expect(await store.extendLease(a!.id, 'w1', T0 + 5_000, 10_000)).toBe(true);
    expect(await store.claimDue({ owner: 'w2', now: T0 + 10_000, leaseMs: 10_000, includeStalePublishing: false })).toEqual([]);
    expect(await store.claim('b', { owner: 'w2', now: T0 + 10_000, leaseMs: 10_000, includeStalePublishing: false })).toBeUndefined();
    const stale = await store.claimDue({ owner: 'w2', now: T0 + 10_000, leaseMs: 10_000 });
    expect(stale.map((e) => [e.id, e.status, e.lease?.owner])).toEqual([['b', 'publishing', 'w2']]);
    await expect(store.transition('b', { to: 'published', at: iso(T0 + 10_001), by: 'w1', leaseOwner: 'w1' })).rejects.toSatisfy(
      EntryConflictError.isInstance,
    );
    expect(await store.extendLease('b', 'w1', T0 + 10_001, 1000)).toBe(false);
    expect((await store.claimDue({ owner: 'w3', now: T0 + 15_000, leaseMs: 10_000 })).map((e) => e.id)).toEqual(['a']);
    expect(await store.releaseLease('a', 'w1')).toBe(false);
    expect(await store.releaseLease('a', 'w3')).toBe(true);
    expect((await store.get('a'))?.lease).toBeNull();
    expect((await store.claim('a', { owner: 'w4', now: T0 + 15_000, leaseMs: 10_000 }))?.lease?.owner).toBe('w4');
    const done = await store.transition('b', { to: 'published', at: iso(T0 + 10_002), by: 'w2', leaseOwner: 'w2', releaseLease: true });
    expect(done.lease).toBeNull();
    expect(done.history.map((h) => h.to)).toEqual(['draft', 'scheduled', 'publishing', 'published']);
    await expect(store.extendLease('zzz', 'w1', T0, 1)).rejects.toSatisfy(EntryNotFoundError.isInstance);
  });

  it('holds a retried entry back until the later of scheduledAt and nextAttemptAt', async () => {
    const store = fileStore();
    await store.insertMany([
      scheduled('retry', T0 - 10_000, { nextAttemptAt: iso(T0 + 5_000), attempts: 1 }),
      scheduled('moved', T0 + 8_000, { nextAttemptAt: iso(T0 - 1_000), attempts: 2 }),
    ]);
    expect(await store.dueSummary(T0)).toMatchObject({ count: 0, oldestScheduledAt: null });
    expect(await store.claim('retry', { owner: 'w', now: T0 + 4_999, leaseMs: 1000 })).toBeUndefined();
    expect(await store.dueSummary(T0 + 5_000)).toMatchObject({ count: 1, oldestScheduledAt: iso(T0 - 10_000) });
    expect((await store.claimDue({ owner: 'w', now: T0 + 7_999, leaseMs: 1000 })).map((e) => e.id)).toEqual(['retry']);
    expect((await store.claimDue({ owner: 'w', now: T0 + 8_000, leaseMs: 1000 })).map((e) => e.id)).toEqual(['moved']);
  });

  it('reports due-but-unclaimed entries, including those whose lease expired', async () => {
    const store = fileStore();
    await store.insertMany([scheduled('a', T0 - 60_000), scheduled('b', T0 - 1_000), scheduled('c', T0 + 1_000)]);
    expect(await store.dueSummary(T0)).toMatchObject({ count: 2, oldestScheduledAt: iso(T0 - 60_000) });
    await store.claim('a', { owner: 'w', now: T0, leaseMs: 5_000 });
    expect(await store.dueSummary(T0)).toMatchObject({ count: 1, oldestScheduledAt: iso(T0 - 1_000) });
    expect(await store.dueSummary(T0 + 5_000)).toMatchObject({ count: 3, oldestScheduledAt: iso(T0 - 60_000) });
  });

  it('queries by time range, account, network, status, tag, campaign, brand, group', async () => {
    const store = fileStore();
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
    expect(await ids({ accountKeys: [] })).toEqual([]);
    // Tags follow edits.
    const c = (await store.get('c'))!;
    await store.put({ ...c, draft: { ...c.draft, tags: ['launch'] } });
    expect(await ids({ tags: ['other'] })).toEqual([]);
    expect(await ids({ tags: ['launch'] })).toEqual(['a', 'c']);
  });

  it('put never changes a lease and putMany is all-or-nothing', async () => {
    const store = fileStore();
    await store.insertMany([scheduled('a', T0), scheduled('b', T0 + 1000)]);
    const [claimed] = await store.claimDue({ owner: 'w1', now: T0, leaseMs: 10_000, limit: 1 });
    const stolen = await store.put({ ...claimed!, lease: { owner: 'thief', expiresAt: iso(T0 + 99_000) } });
    expect(stolen.lease?.owner).toBe('w1');
    expect((await store.get('a'))!.lease?.owner).toBe('w1');
    const b = (await store.get('b'))!;
    await expect(
      store.putMany([{ entry: { ...b, placement: 'pinned' } }, { entry: { ...stolen }, expect: { expectedVersion: 0 } }]),
    ).rejects.toSatisfy(EntryConflictError.isInstance);
    expect((await store.get('b'))!.placement).toBe('queue');
    await expect(store.putMany([{ entry: { ...b, placement: 'pinned' } }, { entry: { ...b } }])).rejects.toSatisfy(
      EntryConflictError.isInstance,
    );
    const written = await store.putMany([{ entry: { ...b, placement: 'pinned' }, expect: { expectedVersion: 0 } }, { entry: stolen }]);
    expect(written.map((e) => e.version)).toEqual([1, 3]);
    expect((await store.get('b'))!.placement).toBe('pinned');
  });

  it('rejects bad options with a ValidationError naming the field', () => {
    expect(() => createSqliteStore({})).toThrow(/exactly one of `path`/);
    expect(() => createSqliteStore({ path: ':memory:', busyTimeoutMs: -1 })).toThrow(/busyTimeoutMs: must be 0 or more ms/);
    expect(() => createSqliteStore({ path: ':memory:', synchronous: 'off' as 'full' })).toThrow(/synchronous/);
    expect(() => createSqliteStore({ database: {} as never })).toThrow(/database: must be an open better-sqlite3 Database/);
    const dir = tempDir();
    cleanups.push(dir.remove);
    let error: unknown;
    try {
      createSqliteStore({ path: dir.file('missing-dir/schedule.db') });
    } catch (caught) {
      error = caught;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/path: cannot open .*directory exists/);
  });
});

// Differential test: random operation sequences give the same results on SQLite as on the
// memory store (the reference semantics).
describe('createSqliteStore agrees with the memory store', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const owners = ['w1', 'w2'];
  const time = fc.integer({ min: -5, max: 15 }).map((k) => T0 + k * 1000);
  const entryArb = fc
    .record({
      id: fc.constantFrom(...ids),
      scheduled: fc.boolean(),
      at: time,
      held: fc.boolean(),
      tags: fc.subarray(['x', 'y', 'z']),
      brand: fc.option(fc.constantFrom('acme', 'zen'), { nil: undefined }),
      campaign: fc.option(fc.constantFrom('spring', 'fall'), { nil: undefined }),
      retryAt: fc.option(time, { nil: undefined }),
    })
    .map((e): CalendarEntry => {
      const base = e.scheduled ? scheduled(e.id, e.at) : entryFixture(e.id, { scheduledAt: iso(e.at) });
      return {
        ...base,
        ...(e.brand === undefined ? {} : { brand: e.brand }),
        ...(e.retryAt === undefined ? {} : { nextAttemptAt: iso(e.retryAt), attempts: 1 }),
        hold: e.held ? { scope: 'brand', since: iso(T0), by: 'ana' } : null,
        draft: { ...base.draft, tags: e.tags, ...(e.campaign === undefined ? {} : { campaign: e.campaign }) },
      };
    });
  type Op =
    | { op: 'insert'; entry: CalendarEntry }
    | { op: 'insertMany'; entries: CalendarEntry[] }
    | { op: 'put'; id: string; text: string; at: number; held: boolean; tags: string[]; stale: boolean }
    | { op: 'transition'; id: string; to: CalendarEntry['status']; owner?: string; release: boolean; n: number }
    | { op: 'claimDue'; owner: string; now: number; stale: boolean }
    | { op: 'claim'; id: string; owner: string; now: number; stale: boolean }
    | { op: 'extendLease'; id: string; owner: string; now: number }
    | { op: 'releaseLease'; id: string; owner: string }
    | { op: 'query'; from?: number; to?: number; statuses?: CalendarEntry['status'][]; tags?: string[]; brands?: string[]; limit?: number }
    | { op: 'dueSummary'; now: number };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    entryArb.map((entry) => ({ op: 'insert' as const, entry })),
    fc.array(entryArb, { maxLength: 3 }).map((entries) => ({ op: 'insertMany' as const, entries })),
    fc.record({
      op: fc.constant('put' as const),
      id: fc.constantFrom(...ids),
      text: fc.string(),
      at: time,
      held: fc.boolean(),
      tags: fc.subarray(['x', 'y', 'z']),
      stale: fc.boolean(),
    }),
    fc.record({
      op: fc.constant('transition' as const),
      id: fc.constantFrom(...ids),
      to: fc.constantFrom(...ENTRY_STATUSES),
      owner: fc.option(fc.constantFrom(...owners), { nil: undefined }),
      release: fc.boolean(),
      n: fc.nat(1000),
    }),
    fc.record({ op: fc.constant('claimDue' as const), owner: fc.constantFrom(...owners), now: time, stale: fc.boolean() }),
    fc.record({
      op: fc.constant('claim' as const),
      id: fc.constantFrom(...ids),
      owner: fc.constantFrom(...owners),
      now: time,
      stale: fc.boolean(),
    }),
    fc.record({ op: fc.constant('extendLease' as const), id: fc.constantFrom(...ids), owner: fc.constantFrom(...owners), now: time }),
    fc.record({ op: fc.constant('releaseLease' as const), id: fc.constantFrom(...ids), owner: fc.constantFrom(...owners) }),
    fc.record(
      {
        op: fc.constant('query' as const),
        from: time,
        to: time,
        statuses: fc.subarray([...ENTRY_STATUSES]),
        tags: fc.subarray(['x', 'y', 'z']),
        brands: fc.subarray(['acme', 'zen']),
        limit: fc.nat(4),
      },
      { requiredKeys: ['op'] },
    ),
    fc.record({ op: fc.constant('dueSummary' as const), now: time }),
  );

  async function apply(store: ScheduleStore, reference: ScheduleStore, op: Op): Promise<unknown> {
    switch (op.op) {
      case 'insert':
        return store.insert(op.entry);
      case 'insertMany':
        return store.insertMany(op.entries);
      case 'put': {
        // Edits start from what the reference store holds, as a caller would read it.
        const current = (await reference.get(op.id)) ?? entryFixture(op.id);
        const entry = {
          ...current,
          scheduledAt: iso(op.at),
          hold: op.held ? { scope: 'account' as const, since: iso(T0), by: 'li' } : null,
          draft: { ...current.draft, text: op.text, tags: op.tags },
        };
        return store.put(entry, { expectedVersion: op.stale ? current.version - 1 : current.version });
      }
      case 'transition':
        return store.transition(op.id, {
          to: op.to,
          at: iso(T0 + op.n),
          by: op.owner ?? 'ana',
          ...(op.owner === undefined ? {} : { leaseOwner: op.owner }),
          releaseLease: op.release,
          ...(op.to === 'publishing' ? { patch: { idempotencyKey: `k-${op.id}` } } : {}),
        });
      case 'claimDue':
        return (await store.claimDue({ owner: op.owner, now: op.now, leaseMs: 3_000, includeStalePublishing: op.stale })).sort((a, b) =>
          a.id < b.id ? -1 : 1,
        );
      case 'claim':
        return store.claim(op.id, { owner: op.owner, now: op.now, leaseMs: 3_000, includeStalePublishing: op.stale });
      case 'extendLease':
        return store.extendLease(op.id, op.owner, op.now, 2_000);
      case 'releaseLease':
        return store.releaseLease(op.id, op.owner);
      case 'query':
        return store.query({
          ...(op.from === undefined ? {} : { from: iso(op.from) }),
          ...(op.to === undefined ? {} : { to: iso(op.to) }),
          ...(op.statuses === undefined ? {} : { statuses: op.statuses }),
          ...(op.tags === undefined ? {} : { tags: op.tags }),
          ...(op.brands === undefined ? {} : { brands: op.brands }),
          ...(op.limit === undefined ? {} : { limit: op.limit }),
        });
      case 'dueSummary':
        return store.dueSummary(op.now);
    }
  }

  // Lease tokens are random per store: compare that there is one, not its value.
  const tokensMasked = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value ?? null, (key, v: unknown) => (key === 'token' && typeof v === 'string' ? 'T' : v)));

  async function outcome(run: () => Promise<unknown>): Promise<unknown> {
    try {
      return { ok: tokensMasked(await run()) };
    } catch (error) {
      return { error: (error as { code?: string }).code ?? String(error) };
    }
  }

  it('gives the same results and leaves the same entries for random operation sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(entryArb, { selector: (entry) => entry.id, minLength: 3 }),
        fc.array(opArb, { minLength: 10, maxLength: 60 }),
        async (initial, ops) => {
          const memory = createMemoryStore();
          const sqlite = createSqliteStore({ path: ':memory:' });
          try {
            await memory.insertMany(initial);
            await sqlite.insertMany(initial);
            for (const op of ops) {
              // The SQLite op runs first: it reads its edits from the reference before the reference changes.
              const got = await outcome(() => apply(sqlite, memory, op));
              const want = await outcome(() => apply(memory, memory, op));
              expect(got, JSON.stringify(op)).toEqual(want);
            }
            expect(tokensMasked(await sqlite.query({}))).toEqual(tokensMasked(await memory.query({})));
          } finally {
            sqlite.close();
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
