import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { asReferenceGroups, engagementReference } from './__tests__/engagement-reference.js';
import { postSnapshot } from './__tests__/fixtures.js';
import { aggregateEngagement, createEngagementAggregator, type ColumnarSnapshots, type EngagementAggregator } from './index.js';
import { engagementAggregatorWithLimits } from './streaming.js';

describe('streaming engagement aggregator', () => {
  it('groups by account and local day in the zone (async iterable of snapshots)', async () => {
    async function* source() {
      // New York, EST (UTC−5) on 2026-03-07; 2026-03-08 is the 23-hour day.
      yield postSnapshot('a', { likes: 3, comments: 1, reach: 100 }, '2026-03-08T04:59:00.000Z', 'one'); // 03-07 23:59
      yield postSnapshot('b', { likes: 6, reach: 100 }, '2026-03-08T05:00:00.000Z', 'one'); // 03-08 00:00
      yield postSnapshot('c', { shares: 2, reach: 300 }, '2026-03-09T03:59:00.000Z', 'one'); // 03-08 23:59 EDT
      yield postSnapshot('d', { likes: 9 }, '2026-03-08T12:00:00.000Z', 'one'); // no reach: counted as a row, not in the rate
      yield postSnapshot('e', { likes: 1, reach: 10 }, '2026-03-08T12:00:00.000Z', 'two');
    }
    const groups = await aggregateEngagement(source(), { timeZone: 'America/New_York', by: 'reach' });
    expect(groups).toEqual([
      { account: 'x:one', date: '2026-03-07', rows: 1, used: 1, engagements: 4, denominator: 100, rate: 0.04 },
      { account: 'x:one', date: '2026-03-08', rows: 3, used: 2, engagements: 8, denominator: 400, rate: 0.02 },
      { account: 'x:two', date: '2026-03-08', rows: 1, used: 1, engagements: 1, denominator: 10, rate: 0.1 },
    ]);
  });

  it('takes columnar batches (NaN = absent) and gives the same answer as snapshots', async () => {
    const at = (iso: string) => Date.parse(iso);
    const batch: ColumnarSnapshots = {
      length: 4,
      accounts: ['x:one', 'x:two'],
      account: new Uint32Array([0, 0, 1, 0]),
      observedAtMs: new Float64Array([
        at('2026-03-08T04:59:00Z'),
        at('2026-03-08T05:00:00Z'),
        at('2026-03-08T12:00:00Z'),
        at('2026-03-09T03:59:00Z'),
      ]),
      metrics: {
        likes: new Float64Array([3, 6, 1, NaN]),
        comments: new Float64Array([1, NaN, NaN, NaN]),
        shares: new Float64Array([NaN, NaN, NaN, 2]),
        reach: new Float64Array([100, 100, 10, 300]),
      },
    };
    const groups = await aggregateEngagement([batch], { timeZone: 'America/New_York', by: 'reach' });
    expect(groups.map((group) => [group.account, group.date, group.engagements, group.denominator, group.rate])).toEqual([
      ['x:one', '2026-03-07', 4, 100, 0.04],
      ['x:one', '2026-03-08', 8, 400, 0.02],
      ['x:two', '2026-03-08', 1, 10, 0.1],
    ]);
  });

  it('sums any number of interaction columns, falls back from views to videoViews, and counts rows without columns', () => {
    // Three rows of one account on 2026-03-02 (UTC), eight interaction columns (more than the
    // loop reads directly); hand sums: row 0 = 1+2+3+4+5+6+7+8 = 36, row 1 = 10 + 20 = 30
    // (only likes and linkClicks reported), row 2 reports none.
    const nan = NaN;
    const interactions = ['likes', 'comments', 'shares', 'quotes', 'saves', 'clicks', 'profileVisits', 'linkClicks'] as const;
    const values = [
      [1, 2, 3, 4, 5, 6, 7, 8],
      [10, nan, nan, nan, nan, nan, nan, 20],
      [nan, nan, nan, nan, nan, nan, nan, nan],
    ];
    const metrics = Object.fromEntries(interactions.map((name, column) => [name, Float64Array.from(values.map((row) => row[column]!))]));
    const at = Date.parse('2026-03-02T09:00:00Z');
    const batch = (extra: ColumnarSnapshots['metrics']): ColumnarSnapshots => ({
      length: 3,
      accounts: ['x:a'],
      account: new Uint32Array(3),
      observedAtMs: new Float64Array([at, at + 1000, at + 2000]),
      metrics: { ...metrics, ...extra },
    });
    // by views: row 0 has views 100, row 1 only videoViews 50, row 2 views 70 (no interactions).
    const byViews = createEngagementAggregator({ timeZone: 'UTC', by: 'views', interactions: [...interactions] });
    byViews.addColumns(batch({ views: new Float64Array([100, nan, 70]), videoViews: new Float64Array([999, 50, 999]) }));
    expect(byViews.result()).toEqual([
      { account: 'x:a', date: '2026-03-02', rows: 3, used: 2, engagements: 66, denominator: 150, rate: 66 / 150 },
    ]);
    // No denominator column at all: every row counted, none used.
    const noReach = createEngagementAggregator({ timeZone: 'UTC', by: 'reach', interactions: [...interactions] });
    noReach.addColumns(batch({}));
    expect(noReach.result()).toEqual([
      { account: 'x:a', date: '2026-03-02', rows: 3, used: 0, engagements: 0, denominator: 0, rate: null },
    ]);
    // No interaction column present: rows counted, none used.
    const none = createEngagementAggregator({ timeZone: 'UTC', by: 'reach', interactions: ['likes'] });
    none.addColumns({ ...batch({ reach: new Float64Array([5, 5, 5]) }), metrics: { reach: new Float64Array([5, 5, 5]) } });
    expect(none.result()).toEqual([{ account: 'x:a', date: '2026-03-02', rows: 3, used: 0, engagements: 0, denominator: 0, rate: null }]);
  });

  it('keeps one group per (account, day) however many rows arrive', () => {
    const aggregator = createEngagementAggregator({ timeZone: 'Europe/Bucharest' });
    const rows = 50_000;
    const batch: ColumnarSnapshots = {
      length: rows,
      accounts: ['a', 'b', 'c'],
      account: new Uint32Array(rows).map((_, index) => index % 3),
      observedAtMs: new Float64Array(rows).map((_, index) => Date.parse('2026-03-28T00:00:00Z') + (index % 4) * 86_400_000),
      metrics: { likes: new Float64Array(rows).fill(1), reach: new Float64Array(rows).fill(10) },
    };
    aggregator.addColumns(batch);
    aggregator.addColumns(batch);
    // Days: 03-28 02:00, 03-29 03:00 (DST), 03-30 03:00, 03-31 03:00 local → 4 days × 3 accounts.
    expect(aggregator.groups).toBe(12);
    const total = aggregator.result().reduce((sum, group) => sum + group.rows, 0);
    expect(total).toBe(2 * rows);
    expect(aggregator.result().every((group) => group.rate === 0.1)).toBe(true);
  });

  const reference = (
    rows: ReadonlyArray<{ account: string; at: number; likes: number; comments: number; reach: number }>,
    timeZone: string,
  ) => engagementReference(rows, timeZone, ['likes', 'comments']);

  function seededRows(count: number, accounts: number, spanDays: number, seed: number) {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const start = Date.parse('2025-10-01T00:00:00Z');
    return Array.from({ length: count }, () => ({
      account: `x:${Math.floor(next() * accounts)}`,
      at: start + Math.floor(next() * spanDays * 86_400_000),
      likes: next() < 0.1 ? NaN : Math.floor(next() * 50),
      comments: next() < 0.5 ? NaN : Math.floor(next() * 5),
      reach: next() < 0.05 ? NaN : 100 + Math.floor(next() * 900),
    }));
  }

  function toBatch(rows: ReturnType<typeof seededRows>): ColumnarSnapshots {
    const names = [...new Set(rows.map((row) => row.account))];
    const index = new Map(names.map((name, position) => [name, position]));
    return {
      length: rows.length,
      accounts: names,
      account: Uint32Array.from(rows.map((row) => index.get(row.account)!)),
      observedAtMs: Float64Array.from(rows.map((row) => row.at)),
      metrics: {
        likes: Float64Array.from(rows.map((row) => row.likes)),
        comments: Float64Array.from(rows.map((row) => row.comments)),
        reach: Float64Array.from(rows.map((row) => row.reach)),
      },
    };
  }

  function asSnapshot(row: ReturnType<typeof seededRows>[number]) {
    const metrics: Record<string, { value: number; platformName: string }> = {};
    for (const name of ['likes', 'comments', 'reach'] as const)
      if (!Number.isNaN(row[name])) metrics[name] = { value: row[name], platformName: name };
    const split = row.account.indexOf(':');
    return {
      subject: { type: 'account' as const, platform: row.account.slice(0, split), accountId: row.account.slice(split + 1) },
      observedAt: new Date(row.at).toISOString(),
      metrics,
    };
  }

  const asKeyed = asReferenceGroups;

  it('matches an independent reference over 15 months in random order, across batches and single snapshots', () => {
    // 15 months: the zone table grows several times (both directions, DST twice a year).
    const rows = seededRows(30_000, 40, 450, 7);
    const aggregator = createEngagementAggregator({ timeZone: 'America/Sao_Paulo', interactions: ['likes', 'comments'] });
    aggregator.addColumns(toBatch(rows.slice(10_000, 25_000)));
    for (const row of rows.slice(0, 2_000)) {
      const metrics: Record<string, { value: number; platformName: string }> = {};
      for (const name of ['likes', 'comments', 'reach'] as const)
        if (!Number.isNaN(row[name])) metrics[name] = { value: row[name], platformName: name };
      const [platform, accountId] = row.account.split(':') as [string, string];
      aggregator.add({ subject: { type: 'account', platform, accountId }, observedAt: new Date(row.at).toISOString(), metrics });
    }
    aggregator.addColumns(toBatch(rows.slice(2_000, 10_000)));
    aggregator.addColumns(toBatch(rows.slice(25_000)));
    expect(asKeyed(aggregator.result())).toEqual(reference(rows, 'America/Sao_Paulo'));
    expect(aggregator.groups).toBe(reference(rows, 'America/Sao_Paulo').length);
  }, 30_000);

  it('matches the reference for time-ordered batches (rows from one day after another) over DST changes and grid growth', () => {
    // Sorted by time: ~45 rows a day, so rows come in runs of one local day; 450 days push the
    // grid and the zone table to grow in the middle of a batch. Rows sharing one accounts list
    // (as a feed reusing its arrays does), then the same rows with the names in reverse order.
    const rows = seededRows(20_000, 40, 450, 11).sort((a, b) => a.at - b.at);
    for (const reversed of [false, true]) {
      const aggregator = createEngagementAggregator({ timeZone: 'America/Sao_Paulo', interactions: ['likes', 'comments'] });
      const names = [...new Set(rows.map((row) => row.account))];
      if (reversed) names.reverse();
      for (let from = 0; from < rows.length; from += 6_000) {
        const batch = toBatch(rows.slice(from, from + 6_000));
        const index = new Map(names.map((name, position) => [name, position]));
        batch.account = Uint32Array.from(rows.slice(from, from + 6_000).map((row) => index.get(row.account)!));
        batch.accounts = names;
        aggregator.addColumns(batch);
      }
      expect(asKeyed(aggregator.result())).toEqual(reference(rows, 'America/Sao_Paulo'));
    }
  });

  it('moves to sparse groups when accounts × days would be too large, with the same answer', () => {
    // 12,000 accounts over ~4 months (a day table of 125+ days): past the dense grid's 1M cells.
    const rows = seededRows(24_000, 12_000, 120, 11);
    const aggregator = createEngagementAggregator({ timeZone: 'Europe/Bucharest', interactions: ['likes', 'comments'] });
    aggregator.addColumns(toBatch(rows.slice(0, 12_000)));
    aggregator.addColumns(toBatch(rows.slice(12_000)));
    expect(asKeyed(aggregator.result())).toEqual(reference(rows, 'Europe/Bucharest'));
  }, 30_000);

  describe('changes of storage (grid limits shrunk to reach them with small data)', () => {
    // 2,000 cells always, 4,000 for the first grid, 50,000 while a third of them have rows.
    const limits = { grid: 2_000, firstGrid: 4_000, dense: 50_000 };
    const timeZone = 'Asia/Kathmandu';
    const keyed = (aggregator: EngagementAggregator) => asKeyed(aggregator.result());

    it('starts sparse when even the first grid would be too large, and moves into a grid once the groups fill a third of it', () => {
      // 100 accounts over 120 days: a first grid of 13,500 cells; 10,000 shuffled rows fill
      // about 6,900 of the 12,000 (account, day) pairs, so the groups move partway through.
      const rows = seededRows(10_000, 100, 120, 31);
      const aggregator = engagementAggregatorWithLimits({ timeZone, interactions: ['likes', 'comments'] }, limits);
      aggregator.addColumns(toBatch(rows.slice(0, 1_000)));
      expect(aggregator.storage).toBe('sparse');
      for (const row of rows.slice(1_000, 1_500)) aggregator.add(asSnapshot(row));
      aggregator.addColumns(toBatch(rows.slice(1_500)));
      expect(aggregator.storage).toBe('grid');
      expect(keyed(aggregator)).toEqual(reference(rows, timeZone));
      // 200 days later: doubling the grid's days would leave it mostly empty, so back to sparse.
      const later = seededRows(500, 100, 30, 37).map((row) => ({ ...row, at: row.at + 200 * 86_400_000 }));
      aggregator.addColumns(toBatch(later));
      expect(aggregator.storage).toBe('sparse');
      const expected = reference([...rows, ...later], timeZone);
      expect(keyed(aggregator)).toEqual(expected);
      expect(aggregator.groups).toBe(expected.length);
    });

    // 20 accounts, a row for each on every day from `from` to `to` (exclusive).
    const everyDay = (from: number, to: number) =>
      seededRows((to - from) * 20, 20, 1, 41).map((row, index) => ({
        ...row,
        account: `x:${index % 20}`,
        at: Date.parse('2025-10-01T06:00:00Z') + (from + Math.floor(index / 20)) * 86_400_000,
      }));

    it('gives the reference totals through any sequence of storage changes (any limits, rows, batches)', () => {
      const row = fc.record({
        account: fc.integer({ min: 0, max: 29 }).map((index) => `x:${index}`),
        at: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-02-10T00:00:00Z') }),
        likes: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 1_000 })),
        comments: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 50 })),
        reach: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 10_000 })),
      });
      const anyLimits = fc
        .record({
          grid: fc.integer({ min: 16, max: 3_000 }),
          first: fc.integer({ min: 0, max: 3_000 }),
          dense: fc.integer({ min: 0, max: 6_000 }),
        })
        .map(({ grid, first, dense }) => ({ grid, firstGrid: grid + first, dense: grid + dense }));
      fc.assert(
        fc.property(
          fc.array(row, { maxLength: 1_500, size: 'max' }),
          anyLimits,
          fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 10 }),
          (rows, limits, cuts) => {
            const aggregator = engagementAggregatorWithLimits({ timeZone, interactions: ['likes', 'comments'] }, limits);
            let from = 0;
            for (const [index, size] of cuts.entries()) {
              const part = rows.slice(from, index === cuts.length - 1 ? rows.length : from + size);
              from += part.length;
              if (index % 3 === 1) for (const one of part) aggregator.add(asSnapshot(one));
              else aggregator.addColumns(toBatch(part));
            }
            expect(keyed(aggregator)).toEqual(reference(rows, timeZone));
          },
        ),
        // Shrinking 1,500-row arrays can take minutes: stop at 20 s (a failure still fails).
        { numRuns: 80, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true },
      );
    }, 60_000);

    it('lays the first grid over all the days of a shuffled batch', () => {
      // Newest day first: growing from that day, a doubling at a time, would pass 2,000 cells
      // with 600 groups in; over the batch's 30 days, 20 × 64 cells.
      const rows = everyDay(0, 30).reverse();
      const aggregator = engagementAggregatorWithLimits({ timeZone, interactions: ['likes', 'comments'] }, limits);
      aggregator.addColumns(toBatch(rows));
      expect(aggregator.storage).toBe('grid');
      expect(keyed(aggregator)).toEqual(reference(rows, timeZone));
    });

    it('keeps a grid past the size it may always have while a third of its cells have rows', () => {
      // The first grid covers days -7 to 63 (20 × 71 cells); day 64 needs twice that (20 × 142
      // cells, past 2,000), and the 1,140 groups already in fill more than a third of it.
      const first = everyDay(0, 57);
      const second = everyDay(64, 67);
      const aggregator = engagementAggregatorWithLimits({ timeZone, interactions: ['likes', 'comments'] }, limits);
      aggregator.addColumns(toBatch(first));
      aggregator.addColumns(toBatch(second));
      expect(aggregator.storage).toBe('grid');
      expect(keyed(aggregator)).toEqual(reference([...first, ...second], timeZone));
    });
  });

  it('gives the reference totals for any rows, in any order, split into any batches and single snapshots', () => {
    // Mixed networks, zones with DST and a :45 offset, rows over ~14 months in any order; the
    // reference dates each row with Intl and sums in a Map (nothing shared with the aggregator).
    const row = fc.record({
      account: fc.constantFrom('x:1', 'bluesky:did:plc:abc', 'mastodon:109', 'x:2'),
      at: fc.integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.parse('2026-08-01T00:00:00Z') }),
      likes: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 10_000 })),
      comments: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 500 })),
      reach: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 100_000 })),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 300 }),
        fc.constantFrom('Europe/Bucharest', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }),
        (rows, timeZone, cuts) => {
          const aggregator = createEngagementAggregator({ timeZone, interactions: ['likes', 'comments'] });
          let from = 0;
          for (const [index, size] of cuts.entries()) {
            const part = rows.slice(from, index === cuts.length - 1 ? rows.length : from + size);
            from += part.length;
            if (index % 2 === 0) aggregator.addColumns(toBatch(part));
            else for (const one of part) aggregator.add(asSnapshot(one));
          }
          expect(asKeyed(aggregator.result())).toEqual(reference(rows, timeZone));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('keeps exact totals when a batch reuses the arrays with other accounts and days', () => {
    // One set of arrays refilled per batch (the documented way to keep memory flat): the
    // second batch names the accounts in another order and lands weeks earlier, so the
    // aggregator re-maps indexes and re-lays its grid between batches.
    const aggregator = createEngagementAggregator({ timeZone: 'Europe/Bucharest', interactions: ['likes'] });
    const batch: ColumnarSnapshots = {
      length: 2,
      accounts: ['x:a', 'x:b'],
      account: new Uint32Array([0, 1]),
      observedAtMs: new Float64Array([Date.parse('2026-03-30T10:00:00Z'), Date.parse('2026-03-30T21:30:00Z')]),
      metrics: { likes: new Float64Array([5, 7]), reach: new Float64Array([50, 70]) },
    };
    aggregator.addColumns(batch);
    batch.accounts = ['x:b', 'x:a'];
    batch.observedAtMs.set([Date.parse('2026-01-02T12:00:00Z'), Date.parse('2026-03-30T20:59:59Z')]);
    batch.metrics.likes!.set([1, 2]);
    batch.metrics.reach!.set([10, NaN]);
    aggregator.addColumns(batch);
    // 21:30Z on 03-30 is 00:30 on 03-31 in Bucharest (UTC+3); 20:59:59Z is still 03-30.
    expect(
      aggregator.result().map((group) => [group.account, group.date, group.rows, group.used, group.engagements, group.denominator]),
    ).toEqual([
      ['x:a', '2026-03-30', 2, 1, 5, 50],
      ['x:b', '2026-01-02', 1, 1, 1, 10],
      ['x:b', '2026-03-31', 1, 1, 7, 70],
    ]);
  });

  it('counts rows exactly past 2^26 in one group, and keeps those counts when the grid grows later', () => {
    // The grid packs a cell's rows and used rows into one number, exact below 2^26 rows; past
    // that the counts must move aside. 65 batches of 2^20 rows, all one group, cross it.
    const aggregator = createEngagementAggregator({ timeZone: 'UTC', interactions: ['likes'] });
    const length = 1 << 20;
    const likes = new Float64Array(length);
    const reach = new Float64Array(length).fill(2);
    for (let row = 0; row < length; row += 1) likes[row] = row % 3 === 0 ? NaN : 1;
    const batch: ColumnarSnapshots = {
      length,
      accounts: ['x:a'],
      account: new Uint32Array(length),
      observedAtMs: new Float64Array(length).fill(Date.parse('2026-03-01T12:00:00Z')),
      metrics: { likes, reach },
    };
    const batches = 65;
    for (let index = 0; index < batches; index += 1) aggregator.addColumns(batch);
    // One more usable row through `add`, then a new account on a day months away (the grid is
    // re-laid out, wider and longer).
    aggregator.add(postSnapshot('p1', { likes: 4, reach: 10 }, '2026-03-01T18:00:00Z', 'a', 'x'));
    aggregator.addColumns({
      length: 1,
      accounts: ['x:b'],
      account: new Uint32Array([0]),
      observedAtMs: new Float64Array([Date.parse('2026-09-15T00:00:00Z')]),
      metrics: { likes: new Float64Array([3]), reach: new Float64Array([30]) },
    });
    let usedPerBatch = 0;
    for (let row = 0; row < length; row += 1) if (!Number.isNaN(likes[row])) usedPerBatch += 1;
    const used = batches * usedPerBatch + 1;
    expect(batches * length).toBeGreaterThan(2 ** 26);
    expect(
      aggregator.result().map((group) => [group.account, group.date, group.rows, group.used, group.engagements, group.denominator]),
    ).toEqual([
      ['x:a', '2026-03-01', batches * length + 1, used, used - 1 + 4, (used - 1) * 2 + 10],
      ['x:b', '2026-09-15', 1, 1, 3, 30],
    ]);
  });

  it('names the field of a bad batch or snapshot in a ValidationError', () => {
    const aggregator = createEngagementAggregator({ timeZone: 'UTC' });
    const bad = (act: () => void): ValidationError => {
      try {
        act();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return error as ValidationError;
      }
      throw new Error('expected a ValidationError');
    };
    const outside = toBatch(seededRows(4, 2, 3, 3));
    outside.account[2] = 7; // only 2 names
    expect(bad(() => aggregator.addColumns(outside)).message).toMatch(/account\.2|account\[2\]/);
    const short = toBatch(seededRows(4, 2, 3, 3));
    short.metrics.likes = new Float64Array(3);
    expect(bad(() => aggregator.addColumns(short)).message).toMatch(/metrics\.likes/);
    // Instants no local date can name with a four-digit year: refused, not a RangeError from
    // Temporal or a day table grown to year 200,000.
    for (const at of [1e300, 8e15, Date.parse('0001-01-01T00:00:00Z'), Date.parse('9999-12-31T12:00:00Z')]) {
      const far = toBatch(seededRows(4, 2, 3, 3));
      far.observedAtMs[3] = at;
      expect(bad(() => aggregator.addColumns(far)).message).toMatch(/observedAtMs\[3\].*0001-01-02 and 9999-12-30/s);
    }
    expect(
      bad(() =>
        aggregator.add({ subject: { type: 'account', platform: 'x', accountId: '1' }, observedAt: '+200000-01-01T00:00:00Z', metrics: {} }),
      ).message,
    ).toMatch(/observedAt.*0001-01-02 and 9999-12-30/s);
    expect(
      bad(() => aggregator.add({ subject: { type: 'account', platform: 'x', accountId: '1' }, observedAt: 'soon', metrics: {} })).message,
    ).toMatch(/observedAt/);
    expect(
      bad(() => aggregator.add({ subject: { type: 'account', platform: 'x' }, observedAt: '2026-03-01T00:00:00Z', metrics: {} } as never))
        .message,
    ).toMatch(/accountId/);
  });

  it('refuses a malformed row at the door', () => {
    const aggregator = createEngagementAggregator({ timeZone: 'UTC' });
    expect(() => aggregator.add({ subject: { type: 'account' }, observedAt: 'x', metrics: {} } as never)).toThrow(/subject/);
    const batch = toBatch(seededRows(3, 1, 1, 1));
    batch.observedAtMs[1] = NaN;
    expect(() => aggregator.addColumns(batch)).toThrow(/observedAtMs\.1|observedAtMs\[1\]/);
  });
});
