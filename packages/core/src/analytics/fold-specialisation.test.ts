import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../errors/index.js';
import type { FoldColumns } from './fold-rows.js';
import { foldsFor } from './fold-specialisation.js';
import { asReferenceGroups, engagementReference } from './__tests__/engagement-reference.js';
import { createEngagementAggregator, type ColumnarSnapshots } from './index.js';

type Row = {
  account: string;
  at: number;
  likes: number;
  comments: number;
  shares: number;
  reach: number;
};

const reference = (rows: readonly Row[], timeZone: string) => engagementReference(rows, timeZone, ['likes', 'comments', 'shares']);
const asKeyed = asReferenceGroups;

/** Shared-loop columns of `rows` rows whose one interaction column is also the denominator. */
function columnsOf(times: Float64Array, c0: Float64Array): FoldColumns {
  const rows = times.length;
  return {
    times,
    starts: new Float64Array(rows),
    accounts: new Uint32Array(rows),
    denominators: c0,
    count: 1,
    c0,
    c1: c0,
    c2: c0,
    c3: c0,
    c4: c0,
    c5: c0,
  };
}

/** One set of arrays, refilled batch after batch (what a reader keeping memory flat does). */
function reusedBuffers(capacity: number) {
  const batch = {
    length: 0,
    accounts: [] as string[],
    account: new Uint32Array(capacity),
    observedAtMs: new Float64Array(capacity),
    metrics: {
      likes: new Float64Array(capacity),
      comments: new Float64Array(capacity),
      shares: new Float64Array(capacity),
      reach: new Float64Array(capacity),
    },
  } satisfies ColumnarSnapshots;
  /** Writes `rows` into the arrays, naming the accounts in `names` order. */
  const fill = (rows: Row[], names: string[]): ColumnarSnapshots => {
    const index = new Map(names.map((name, position) => [name, position]));
    batch.length = rows.length;
    batch.accounts = names;
    rows.forEach((row, at) => {
      batch.account[at] = index.get(row.account)!;
      batch.observedAtMs[at] = row.at;
      batch.metrics.likes[at] = row.likes;
      batch.metrics.comments[at] = row.comments;
      batch.metrics.shares[at] = row.shares;
      batch.metrics.reach[at] = row.reach;
    });
    return batch;
  };
  return fill;
}

const freshBatch = (rows: Row[], names: string[]): ColumnarSnapshots => {
  const index = new Map(names.map((name, position) => [name, position]));
  return {
    length: rows.length,
    accounts: names,
    account: Uint32Array.from(rows, (row) => index.get(row.account)!),
    observedAtMs: Float64Array.from(rows, (row) => row.at),
    metrics: {
      likes: Float64Array.from(rows, (row) => row.likes),
      comments: Float64Array.from(rows, (row) => row.comments),
      shares: Float64Array.from(rows, (row) => row.shares),
      reach: Float64Array.from(rows, (row) => row.reach),
    },
  };
};

const ACCOUNTS = ['x:1', 'bluesky:did:plc:abc', 'mastodon:109', 'x:2', 'x:3'];
const value = (max: number) => fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max }));
const rowArbitrary = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  at: fc.integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.parse('2026-08-01T00:00:00Z') }),
  likes: value(10_000),
  comments: value(500),
  shares: value(50),
  reach: value(100_000),
});

describe('loops compiled for reused arrays', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('gives the reference totals when batches refill one set of arrays, in any order, accounts named in any order', () => {
    // From the second batch on, the rows go through loops compiled for these arrays; the same
    // batches as fresh arrays go through the shared loops. Both must equal the reference.
    fc.assert(
      fc.property(
        fc.array(fc.array(rowArbitrary, { maxLength: 80 }), { minLength: 2, maxLength: 8 }),
        fc.constantFrom('Europe/Bucharest', 'America/New_York', 'Asia/Kathmandu', 'UTC'),
        fc.boolean(),
        fc.boolean(),
        (batches, timeZone, sortByTime, shuffleNames) => {
          const fill = reusedBuffers(80);
          const reused = createEngagementAggregator({ timeZone, interactions: ['likes', 'comments', 'shares'] });
          const fresh = createEngagementAggregator({ timeZone, interactions: ['likes', 'comments', 'shares'] });
          batches.forEach((rows, index) => {
            if (sortByTime) rows.sort((a, b) => a.at - b.at);
            // Every other batch names the accounts in reverse: the loops go through `translate`.
            const names = shuffleNames && index % 2 === 1 ? [...ACCOUNTS].reverse() : ACCOUNTS;
            reused.addColumns(fill(rows, names));
            fresh.addColumns(freshBatch(rows, names));
          });
          const expected = reference(batches.flat(), timeZone);
          expect(asKeyed(reused.result())).toEqual(expected);
          expect(asKeyed(fresh.result())).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('compiles on the second sight of the same arrays, keeps that copy, and goes back to the shared loops for other arrays', () => {
    const times = new Float64Array(4);
    const c0 = new Float64Array(4);
    const columns = columnsOf(times, c0);
    const first = foldsFor(columns);
    const second = foldsFor({ ...columns });
    const third = foldsFor({ ...columns });
    expect(second).not.toBe(first);
    expect(third).toBe(second);
    // Another denominator column on the same times: a new set, seen once, so the shared loops.
    expect(foldsFor({ ...columns, denominators: new Float64Array(4) })).toBe(first);
    // Fresh arrays every time never compile.
    const other = { ...columns, times: new Float64Array(4) };
    expect(foldsFor(other)).toBe(first);
    expect(foldsFor({ ...other, times: new Float64Array(4) })).toBe(first);
  });

  it('does not keep the columns of a batch seen once alive (a reader that refills only its instants)', async () => {
    // A collector on demand, for this test only (vitest runs without --expose-gc).
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const times = new Float64Array(8).fill(Date.parse('2026-05-04T10:00:00Z'));
    const aggregator = createEngagementAggregator({ timeZone: 'UTC', interactions: ['likes'] });
    const batchOf = (likes: Float64Array): ColumnarSnapshots => ({
      length: 8,
      accounts: ['x:1'],
      account: new Uint32Array(8),
      observedAtMs: times,
      metrics: { likes, reach: likes },
    });
    let likes: Float64Array | undefined = new Float64Array(8).fill(2);
    const watched = new WeakRef(likes);
    aggregator.addColumns(batchOf(likes));
    likes = undefined;
    // WeakRefs made during a job keep their targets until it ends: collect from a later task.
    for (let round = 0; round < 5 && watched.deref() !== undefined; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      collect();
    }
    expect(watched.deref()).toBeUndefined();
    // The same instants with new columns still fold right.
    aggregator.addColumns(batchOf(new Float64Array(8).fill(3)));
    expect(aggregator.result().map(({ rows, engagements, denominator }) => [rows, engagements, denominator])).toEqual([[16, 40, 40]]);
  });

  it('does not keep fresh batches alive within one synchronous job either (memory stays flat in rows)', () => {
    // A reader that allocates a new batch each time, in a plain loop: no task boundary, so
    // anything that held the batches until the job ends (as a WeakRef does) would keep them all.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const rows = 100_000;
    const aggregator = createEngagementAggregator({ timeZone: 'UTC', interactions: ['likes'] });
    const freshBatch = (): ColumnarSnapshots => ({
      length: rows,
      accounts: ['x:1', 'x:2'],
      account: new Uint32Array(rows).map((_, row) => row % 2),
      observedAtMs: new Float64Array(rows).fill(Date.parse('2026-05-04T10:00:00Z')),
      metrics: { likes: new Float64Array(rows).fill(1), reach: new Float64Array(rows).fill(4) },
    });
    const batchBytes = rows * (4 + 8 * 3);
    const held = () => {
      collect();
      return process.memoryUsage().arrayBuffers;
    };
    for (let batch = 0; batch < 5; batch += 1) aggregator.addColumns(freshBatch());
    const before = held();
    for (let batch = 0; batch < 40; batch += 1) aggregator.addColumns(freshBatch());
    // 40 more batches are 112 MB of columns, all of which a WeakRef would keep. Buffers are
    // released by a sweeper that may lag the collection, so a few batches' worth may remain
    // (up to 3 seen in a full run): the bound is 10.
    expect(held() - before).toBeLessThan(10 * batchBytes);
    expect(aggregator.result().map(({ rows: count, engagements }) => [count, engagements])).toEqual([
      [45 * (rows / 2), 45 * (rows / 2)],
      [45 * (rows / 2), 45 * (rows / 2)],
    ]);
  });

  it('keeps the shared loops, with the same totals, where `new Function` is forbidden (a CSP without unsafe-eval)', async () => {
    vi.resetModules();
    vi.stubGlobal(
      'Function',
      new Proxy(Function, {
        construct() {
          throw new EvalError('Code generation from strings disallowed for this context');
        },
      }),
    );
    const { foldsFor: isolated } = await import('./fold-specialisation.js');
    const { createEngagementAggregator: create } = await import('./streaming.js');
    const c0 = new Float64Array(2);
    const columns = columnsOf(new Float64Array(2), c0);
    const shared = isolated(columns);
    expect(isolated(columns)).toBe(shared);
    expect(isolated(columns)).toBe(shared);
    // (zod compiles with `new Function` too and decided so when it loaded: give it back.)
    vi.unstubAllGlobals();
    expect(isolated(columns)).toBe(shared);

    const rows: Row[] = [
      { account: 'x:1', at: Date.parse('2026-03-29T00:30:00Z'), likes: 4, comments: Number.NaN, shares: 1, reach: 100 },
      { account: 'x:2', at: Date.parse('2026-03-29T22:00:00Z'), likes: Number.NaN, comments: Number.NaN, shares: Number.NaN, reach: 50 },
    ];
    const fill = reusedBuffers(2);
    const aggregator = create({ timeZone: 'Europe/Bucharest', interactions: ['likes', 'comments', 'shares'] });
    for (let round = 0; round < 3; round += 1) aggregator.addColumns(fill(rows, ['x:1', 'x:2']));
    // 22:00Z on 03-29 is 01:00 on 03-30 in Bucharest (UTC+3 after the change).
    expect(
      aggregator.result().map((group) => [group.account, group.date, group.rows, group.used, group.engagements, group.denominator]),
    ).toEqual([
      ['x:1', '2026-03-29', 3, 3, 15, 300],
      ['x:2', '2026-03-30', 3, 0, 0, 0],
    ]);
  });

  it('stops at a bad row in a reused batch as the shared loops do: the rows before it counted, a ValidationError naming it', () => {
    const rows: Row[] = Array.from({ length: 30 }, (_, index) => ({
      account: ACCOUNTS[index % 3]!,
      at: Date.parse('2026-05-01T08:00:00Z') + index * 3_600_000,
      likes: index,
      comments: 1,
      shares: Number.NaN,
      reach: 10,
    }));
    const outcomes = [true, false].map((reuse) => {
      const fill = reusedBuffers(30);
      const aggregator = createEngagementAggregator({ timeZone: 'UTC', interactions: ['likes', 'comments', 'shares'] });
      const batchOf = (part: Row[]) => (reuse ? fill(part, ACCOUNTS) : freshBatch(part, ACCOUNTS));
      aggregator.addColumns(batchOf(rows));
      const bad = batchOf(rows);
      bad.observedAtMs[17] = Number.NaN;
      let error: unknown;
      try {
        aggregator.addColumns(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain('observedAtMs');
      return aggregator.result().reduce((sum, group) => sum + group.rows, 0);
    });
    expect(outcomes).toEqual([30 + 17, 30 + 17]);
  });
});
