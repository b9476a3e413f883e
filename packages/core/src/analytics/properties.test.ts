import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalMetric, MetricSnapshot } from '../model/index.js';
import {
  amplificationRate,
  clickThroughRate,
  conversionRate,
  costPerMille,
  engagementRate,
  periodChange,
  responseRate,
  shareOfVoice,
  toSeries,
  topPosts,
  viralityRate,
} from './index.js';

const METRICS: CanonicalMetric[] = [
  'likes',
  'comments',
  'shares',
  'quotes',
  'saves',
  'clicks',
  'linkClicks',
  'reach',
  'impressions',
  'views',
  'conversions',
  'spend',
];

const snapshotArb: fc.Arbitrary<MetricSnapshot> = fc
  .record({
    postId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    observedAt: fc.integer({ min: Date.parse('2026-03-01T00:00:00Z'), max: Date.parse('2026-04-30T00:00:00Z') }),
    values: fc.dictionary(fc.constantFrom(...METRICS), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 })), {
      maxKeys: METRICS.length,
    }),
  })
  .map(({ postId, observedAt, values }) => ({
    subject: { type: 'post' as const, platform: 'x', accountId: 'acme', postId },
    observedAt: new Date(observedAt).toISOString(),
    metrics: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, platformName: name }])),
  }));

const isNullOrFinite = (value: number | null) => value === null || Number.isFinite(value);

describe('properties', () => {
  it('every rate is null or finite, never NaN/Infinity, for any snapshots', () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { maxLength: 12 }), fc.integer({ min: 0, max: 10_000 }), (snapshots, followers) => {
        for (const value of [
          engagementRate(snapshots, { by: 'reach' }),
          engagementRate(snapshots, { by: 'impressions' }),
          engagementRate(snapshots, { by: 'views' }),
          engagementRate(snapshots, { by: 'followers', followers }),
          amplificationRate(snapshots, { variant: 'per-post' }),
          amplificationRate(snapshots, { variant: 'per-follower', followers }),
          viralityRate(snapshots),
          clickThroughRate(snapshots),
          conversionRate(snapshots),
          costPerMille(snapshots),
        ]) {
          expect(isNullOrFinite(value)).toBe(true);
        }
      }),
    );
  });

  it('rates are null when every denominator is 0', () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { minLength: 1, maxLength: 8 }), (snapshots) => {
        const zeroed = snapshots.map((snapshot) => ({
          ...snapshot,
          metrics: {
            ...snapshot.metrics,
            reach: { value: 0, platformName: 'reach' },
            impressions: { value: 0, platformName: 'impressions' },
          },
        }));
        expect(engagementRate(zeroed, { by: 'reach' })).toBeNull();
        expect(viralityRate(zeroed)).toBeNull();
        expect(clickThroughRate(zeroed)).toBeNull();
        expect(engagementRate(snapshots, { by: 'followers', followers: 0 })).toBeNull();
      }),
    );
  });

  it('period change is null on a zero previous value and exact otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (current, previous) => {
        expect(periodChange(current, 0).relative).toBeNull();
        expect(periodChange(current, previous).absolute).toBe(current - previous);
      }),
    );
  });

  it('bounded rates stay in range: share of voice and response rate in 0..1', () => {
    const mentionArb = fc.record({
      id: fc.integer({ min: 1, max: 30 }).map(String),
      accountId: fc.constantFrom('acme-x', 'globex-x', 'listening'),
      text: fc.constantFrom('acme', 'globex', 'acme and globex', 'nothing'),
      createdAt: fc
        .integer({ min: Date.parse('2026-03-01T00:00:00Z'), max: Date.parse('2026-03-05T00:00:00Z') })
        .map((ms) => new Date(ms).toISOString()),
    });
    fc.assert(
      fc.property(
        fc.array(mentionArb, { maxLength: 30 }),
        fc.array(
          fc.record({ inReplyToId: fc.integer({ min: 1, max: 30 }).map(String), offset: fc.integer({ min: -3_600_000, max: 86_400_000 }) }),
          { maxLength: 30 },
        ),
        (raw, answers) => {
          const mentions = raw.map((m) => ({ ...m, platform: 'x', kind: 'mention' as const, author: { id: 'u', handle: 'u' } }));
          const sov = shareOfVoice({
            brand: { name: 'Acme', accountIds: ['acme-x'], terms: ['acme'] },
            competitors: [{ name: 'Globex', accountIds: ['globex-x'], terms: ['globex'] }],
            mentions,
          });
          for (const share of Object.values(sov.share)) expect(share === null || (share >= 0 && share <= 1)).toBe(true);
          const replies = answers.map((answer) => ({
            inReplyToId: answer.inReplyToId,
            createdAt: new Date(Date.parse('2026-03-03T00:00:00Z') + answer.offset).toISOString(),
          }));
          const rate = responseRate({ mentions, replies });
          expect(rate === null || (rate >= 0 && rate <= 1)).toBe(true);
          expect(rate === null).toBe(mentions.length === 0);
        },
      ),
    );
  });

  it('results do not depend on input order', () => {
    fc.assert(
      fc.property(
        fc
          .array(snapshotArb, { maxLength: 12 })
          .chain((snapshots) =>
            fc.tuple(fc.constant(snapshots), fc.shuffledSubarray(snapshots, { minLength: snapshots.length, maxLength: snapshots.length })),
          ),
        ([original, shuffled]) => {
          expect(engagementRate(shuffled, { by: 'reach' })).toBe(engagementRate(original, { by: 'reach' }));
          expect(costPerMille(shuffled)).toBe(costPerMille(original));
          expect(topPosts(shuffled, { by: 'likes' }).map((entry) => entry.score)).toEqual(
            topPosts(original, { by: 'likes' }).map((entry) => entry.score),
          );
          const options = { metric: 'likes' as const, interval: 'day' as const, timeZone: 'Europe/Bucharest' };
          expect(toSeries(shuffled, options)).toEqual(toSeries(original, options));
        },
      ),
    );
  });

  it("counter series telescope: the buckets sum to each post's last minus first observation (a decrease is not a reset)", () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { maxLength: 20 }), (snapshots) => {
        const series = toSeries(snapshots, { metric: 'impressions', interval: 'day', timeZone: 'America/New_York' });
        let sum = 0;
        for (const bucket of series.buckets) {
          expect(bucket.missing).toBe(bucket.value === null);
          expect(bucket.reset).toBe(false); // no snapshot carries countersReset
          sum += bucket.value ?? 0;
        }
        // Independently: per post, sorted by time (ties by value), last − first.
        const byPost = new Map<string, Array<[number, number]>>();
        for (const snapshot of snapshots) {
          const value = snapshot.metrics.impressions?.value;
          if (value === undefined || snapshot.subject.type !== 'post') continue;
          byPost.set(snapshot.subject.postId, [...(byPost.get(snapshot.subject.postId) ?? []), [Date.parse(snapshot.observedAt), value]]);
        }
        let expected = 0;
        for (const points of byPost.values()) {
          points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          expected += points[points.length - 1]![1] - points[0]![1];
        }
        expect(sum).toBe(expected);
      }),
    );
  });
});
