import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@smm/core/errors';
import { ENTRY_STATUSES, createMemoryStore, type CalendarEntry, type ScheduleStore } from '@smm/core/schedule-store';
import { createSqliteStore } from './sqlite-store.js';
import { T0, entryFixture, iso, scheduledFixture as scheduled, tempDir } from './test-fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('createSqliteStore', () => {
  // Storage semantics (insert, put, transition, claims, leases, queries, due summary) are checked
  // by the shared store conformance suite (store-conformance.test.ts) against a file and a second
  // connection, and against the memory store by the differential test below.

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
