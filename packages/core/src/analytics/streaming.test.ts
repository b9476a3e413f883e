import { describe, expect, it } from 'vitest';
import { postSnapshot } from './__tests__/fixtures.js';
import { aggregateEngagement, createEngagementAggregator, type ColumnarSnapshots } from './index.js';

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
});
