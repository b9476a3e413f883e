import { describe, expect, it } from 'vitest';
import { accountSnapshot, postSnapshot } from './__tests__/fixtures.js';
import { calendarBuckets, toSeries } from './index.js';

describe('toSeries — counters', () => {
  it('turns irregular cumulative observations into daily growth in the zone', () => {
    // Bucharest, UTC+2 in early March. Local days: 03-01 = [02-28T22:00Z, 03-01T22:00Z).
    const snapshots = [
      postSnapshot('p', { likes: 0 }, '2026-02-28T22:30:00.000Z'), // 03-01 00:30 local
      postSnapshot('p', { likes: 5 }, '2026-03-01T10:00:00.000Z'), // 03-01
      postSnapshot('p', { likes: 9 }, '2026-03-01T21:59:00.000Z'), // 03-01 23:59 local
      postSnapshot('p', { likes: 12 }, '2026-03-01T22:01:00.000Z'), // 03-02 00:01 local
      // 03-03: nothing observed
      postSnapshot('p', { likes: 20 }, '2026-03-04T08:00:00.000Z'), // 03-04
    ];
    const { buckets } = toSeries(snapshots, {
      metric: 'likes',
      interval: 'day',
      timeZone: 'Europe/Bucharest',
      range: { start: '2026-02-28T22:00:00.000Z', end: '2026-03-04T22:00:00.000Z' },
    });
    expect(buckets.map((bucket) => [bucket.label, bucket.value, bucket.missing, bucket.partial, bucket.spansMissing])).toEqual([
      ['2026-03-01', 9, false, true, false], // 0 → 9, first observation of the post is the base
      ['2026-03-02', 3, false, false, false], // 9 → 12
      ['2026-03-03', null, true, false, false], // missing, not 0
      ['2026-03-04', 8, false, false, true], // 12 → 20 spans the missing day
    ]);
  });

  it('counts a decrease as a decrease, not a reset: likes 100 → 99 → 105 total 105', () => {
    const snapshots = [
      postSnapshot('p', { likes: 100 }, '2026-03-01T20:00:00.000Z'),
      postSnapshot('p', { likes: 99 }, '2026-03-02T20:00:00.000Z'), // one unlike
      postSnapshot('p', { likes: 105 }, '2026-03-03T20:00:00.000Z'),
    ];
    const { buckets } = toSeries(snapshots, { metric: 'likes', interval: 'day', timeZone: 'UTC', postsStartAtZero: true });
    expect(buckets.map((bucket) => [bucket.value, bucket.decreased, bucket.reset])).toEqual([
      [100, false, false], // 0 → 100
      [-1, true, false], // 100 → 99
      [6, false, false], // 99 → 105
    ]);
    expect(buckets.reduce((sum, bucket) => sum + bucket.value!, 0)).toBe(105);
  });

  it('shares 1 → 0 → 1 on 24 posts add nothing after the first day', () => {
    const snapshots = Array.from({ length: 24 }, (_, index) => [
      postSnapshot(`p${index}`, { shares: 1 }, '2026-03-01T12:00:00.000Z'),
      postSnapshot(`p${index}`, { shares: 0 }, '2026-03-02T12:00:00.000Z'),
      postSnapshot(`p${index}`, { shares: 1 }, '2026-03-03T12:00:00.000Z'),
    ]).flat();
    const { buckets } = toSeries(snapshots, { metric: 'shares', interval: 'day', timeZone: 'UTC', postsStartAtZero: true });
    expect(buckets.map((bucket) => bucket.value)).toEqual([24, -24, 24]); // total 24, one share per post
  });

  it('restarts from 0 only on evidence: a snapshot with countersReset', () => {
    const snapshots = [
      postSnapshot('p', { impressions: 100 }, '2026-03-01T08:00:00.000Z'),
      postSnapshot('p', { impressions: 130 }, '2026-03-02T08:00:00.000Z'),
      { ...postSnapshot('p', { impressions: 10 }, '2026-03-02T12:00:00.000Z'), countersReset: true },
      postSnapshot('p', { impressions: 25 }, '2026-03-02T18:00:00.000Z'),
    ];
    const { buckets } = toSeries(snapshots, { metric: 'impressions', interval: 'day', timeZone: 'UTC' });
    expect(buckets[1]).toMatchObject({ label: '2026-03-02', value: 55, reset: true, decreased: false }); // 30 + 10 + 15
    expect(buckets[0]).toMatchObject({ label: '2026-03-01', value: 0, reset: false, partial: true });
  });

  it('carries a gauge forward when asked, and refuses malformed snapshots', () => {
    const snapshots = [
      accountSnapshot({ followers: 500 }, '2026-02-28T12:00:00.000Z'), // before the range
      accountSnapshot({ followers: 520 }, '2026-03-02T12:00:00.000Z'),
    ];
    const range = { start: '2026-03-01T00:00:00.000Z', end: '2026-03-04T00:00:00.000Z' };
    const carried = toSeries(snapshots, { metric: 'followers', interval: 'day', timeZone: 'UTC', range, carryForward: true });
    expect(carried.buckets.map((bucket) => [bucket.value, bucket.carried])).toEqual([
      [500, true],
      [520, false],
      [520, true],
    ]);
    const plain = toSeries(snapshots, { metric: 'followers', interval: 'day', timeZone: 'UTC', range });
    expect(plain.buckets.map((bucket) => bucket.value)).toEqual([null, 520, null]);
    const broken = { ...snapshots[0]!, subject: { type: 'post', platform: 'x', accountId: 'acme' } } as never;
    expect(() => toSeries([broken], { metric: 'followers', interval: 'day', timeZone: 'UTC' })).toThrow(/\[0\]\.subject\.postId/);
  });

  it('starts weeks on Sunday when asked', () => {
    // 2026-03-04 is a Wednesday: its week starts Monday 03-02, or Sunday 03-01.
    const at = Date.parse('2026-03-04T12:00:00.000Z');
    expect(calendarBuckets(at, at + 1, 'week', 'UTC')[0]!.label).toBe('2026-03-02');
    expect(calendarBuckets(at, at + 1, 'week', 'UTC', 7)[0]!.label).toBe('2026-03-01');
  });

  it('sums subjects and counts posts from zero when asked', () => {
    const snapshots = [
      postSnapshot('p', { likes: 4 }, '2026-03-01T08:00:00.000Z'),
      postSnapshot('q', { likes: 7 }, '2026-03-01T09:00:00.000Z'),
      postSnapshot('p', { likes: 6 }, '2026-03-02T08:00:00.000Z'),
    ];
    const { buckets } = toSeries(snapshots, { metric: 'likes', interval: 'day', timeZone: 'UTC', postsStartAtZero: true });
    expect(buckets.map((bucket) => [bucket.value, bucket.missingSubjects])).toEqual([
      [11, 0], // 4 + 7
      [2, 1], // p grew by 2; q was seen before but not today
    ]);
  });

  it('sums windowed snapshots by the bucket their window starts in', () => {
    const day = (start: string, value: number) => ({
      ...accountSnapshot({ impressions: value }, `${start.slice(0, 10)}T23:59:00.000Z`),
      window: { start, end: `${start.slice(0, 10)}T23:59:59.000Z` },
    });
    const { buckets, kind } = toSeries(
      [day('2026-03-02T00:00:00.000Z', 40), day('2026-03-03T00:00:00.000Z', 60), day('2026-03-05T00:00:00.000Z', 10)],
      {
        metric: 'impressions',
        interval: 'week',
        timeZone: 'UTC',
      },
    );
    expect(kind).toBe('window');
    expect(buckets.map((bucket) => [bucket.label, bucket.value])).toEqual([['2026-03-02', 110]]); // Monday 2026-03-02
  });
});

describe('toSeries — gauges and months', () => {
  it('followers are a level: last observation of each bucket, drops allowed', () => {
    const snapshots = [
      accountSnapshot({ followers: 100 }, '2026-01-10T00:00:00.000Z'),
      accountSnapshot({ followers: 120 }, '2026-01-31T00:00:00.000Z'),
      accountSnapshot({ followers: 110 }, '2026-03-15T00:00:00.000Z'),
    ];
    const { buckets, kind } = toSeries(snapshots, { metric: 'followers', interval: 'month', timeZone: 'UTC' });
    expect(kind).toBe('gauge');
    expect(buckets.map((bucket) => [bucket.label, bucket.value, bucket.missing])).toEqual([
      ['2026-01', 120, false],
      ['2026-02', null, true],
      ['2026-03', 110, false],
    ]);
  });
});

describe('DST days', () => {
  const cases = [
    { zone: 'Europe/Bucharest', date: '2026-03-29', hours: 23, start: '2026-03-28T22:00:00.000Z', end: '2026-03-29T21:00:00.000Z' },
    { zone: 'Europe/Bucharest', date: '2026-10-25', hours: 25, start: '2026-10-24T21:00:00.000Z', end: '2026-10-25T22:00:00.000Z' },
    { zone: 'America/New_York', date: '2026-03-08', hours: 23, start: '2026-03-08T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' },
    { zone: 'America/New_York', date: '2026-11-01', hours: 25, start: '2026-11-01T04:00:00.000Z', end: '2026-11-02T05:00:00.000Z' },
  ];
  for (const { zone, date, hours, start, end } of cases) {
    it(`${zone} ${date} is a ${hours}-hour day and holds exactly its own observations`, () => {
      const startMs = Date.parse(start);
      const endMs = Date.parse(end);
      const snapshots = [
        postSnapshot('p', { likes: 100 }, new Date(startMs - 60_000).toISOString()), // previous local day, 23:59
        postSnapshot('p', { likes: 103 }, new Date(startMs).toISOString()), // first instant of the day
        postSnapshot('p', { likes: 110 }, new Date(endMs - 60_000).toISOString()), // last minute of the day
        postSnapshot('p', { likes: 150 }, new Date(endMs).toISOString()), // next day 00:00
      ];
      const { buckets } = toSeries(snapshots, {
        metric: 'likes',
        interval: 'day',
        timeZone: zone,
        range: { start: new Date(startMs - 3_600_000).toISOString(), end: new Date(endMs + 3_600_000).toISOString() },
      });
      const day = buckets.find((bucket) => bucket.label === date)!;
      expect(day).toMatchObject({ start, end, hours, value: 10, missing: false }); // 100 → 110
      expect(buckets.at(-1)).toMatchObject({ value: 40 }); // 110 → 150
    });
  }

  it('calendar weeks containing a DST change last 167 or 169 hours', () => {
    const [spring] = calendarBuckets(Date.parse('2026-03-25T12:00:00Z'), Date.parse('2026-03-26T00:00:00Z'), 'week', 'Europe/Bucharest');
    expect(spring).toMatchObject({ label: '2026-03-23' });
    expect((spring!.endMs - spring!.startMs) / 3_600_000).toBe(167);
    const [autumn] = calendarBuckets(Date.parse('2026-10-28T12:00:00Z'), Date.parse('2026-10-29T00:00:00Z'), 'week', 'America/New_York');
    expect(autumn).toMatchObject({ label: '2026-10-26' });
    expect((autumn!.endMs - autumn!.startMs) / 3_600_000).toBe(169);
  });
});

describe('options', () => {
  it('refuses an unknown zone or interval with the field named', () => {
    expect(() => toSeries([], { metric: 'likes', interval: 'day', timeZone: 'Nowhere/City' })).toThrow(/timeZone/);
    expect(() => toSeries([], { metric: 'likes', interval: 'hour' as 'day', timeZone: 'UTC' })).toThrow(/interval/);
  });
});
