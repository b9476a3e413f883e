import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { accountSnapshot, postSnapshot } from './__tests__/fixtures.js';
import {
  amplificationRate,
  applauseRate,
  audienceGrowthRate,
  clickThroughRate,
  conversationRate,
  conversionRate,
  costPerClick,
  costPerEngagement,
  costPerMille,
  engagementRate,
  engagements,
  median,
  medianAbsoluteDeviation,
  percentile,
  periodChange,
  postingConsistency,
  shareOfVoice,
  topPosts,
  totalEngagements,
  viralityRate,
} from './index.js';
import type { Mention } from '../model/index.js';

// Expected values below are worked out by hand in the comments, not by the code under test.
const a = postSnapshot('a', { likes: 10, comments: 2, shares: 3, reach: 500, impressions: 800, linkClicks: 8, conversions: 2, spend: 4 });
const b = postSnapshot('b', { likes: 20, saves: 5, clicks: 5, reach: 1000, impressions: 1500, shares: 6, linkClicks: 12, spend: 6 });
const noReach = postSnapshot('c', { likes: 100, impressions: 100 });

describe('engagements', () => {
  it('sums the reported interactions of the default set', () => {
    expect(engagements(a)).toBe(15); // 10 + 2 + 3
    expect(engagements(b)).toBe(36); // 20 + 5 saves + 5 clicks + 6 shares
  });
  it('takes a chosen set and ignores what is absent', () => {
    expect(engagements(a, { interactions: ['likes', 'quotes'] })).toBe(10);
    expect(engagements(a, { interactions: ['quotes', 'saves'] })).toBeNull();
  });
  it('counts the latest snapshot of each post once', () => {
    const older = postSnapshot('a', { likes: 1 }, '2026-03-01T00:00:00.000Z');
    expect(totalEngagements([older, a, b])).toBe(51); // 15 + 36
  });
});

describe('engagementRate', () => {
  it('by reach: Σ engagements ÷ Σ reach, over posts that report reach', () => {
    expect(engagementRate(a, { by: 'reach' })).toBeCloseTo(15 / 500, 12); // 0.03
    // c has no reach, so it is left out of both sums: (15 + 36) / (500 + 1000) = 0.034
    expect(engagementRate([a, b, noReach], { by: 'reach' })).toBeCloseTo(0.034, 12);
  });
  it('by impressions and by views', () => {
    expect(engagementRate([a, b], { by: 'impressions' })).toBeCloseTo(51 / 2300, 12);
    const video = postSnapshot('v', { likes: 9, videoViews: 300 });
    expect(engagementRate(video, { by: 'views' })).toBeCloseTo(0.03, 12);
  });
  it('by followers: Σ engagements ÷ followers', () => {
    expect(engagementRate([a, b], { by: 'followers', followers: 2000 })).toBeCloseTo(0.0255, 12); // 51 / 2000
  });
  it('is null, never NaN or Infinity, when undefined', () => {
    expect(engagementRate(postSnapshot('z', { likes: 5, reach: 0 }), { by: 'reach' })).toBeNull();
    expect(engagementRate(postSnapshot('z', { reach: 50 }), { by: 'reach' })).toBeNull();
    expect(engagementRate(a, { by: 'followers', followers: 0 })).toBeNull();
    expect(engagementRate(a, { by: 'followers', followers: undefined })).toBeNull();
    expect(engagementRate([], { by: 'impressions' })).toBeNull();
  });
});

describe('per-post rates (Kaushik and Hootsuite variants)', () => {
  it('amplification: shares per post, and per follower', () => {
    expect(amplificationRate([a, b], { variant: 'per-post' })).toBe(4.5); // (3 + 6) / 2
    expect(amplificationRate([a, b], { variant: 'per-follower', followers: 1500 })).toBeCloseTo(0.003, 12); // 4.5 / 1500
    expect(amplificationRate([a, b], { variant: 'per-follower' })).toBeNull();
  });
  it('applause: likes per post, and per follower', () => {
    expect(applauseRate([a, b], { variant: 'per-post' })).toBe(15); // (10 + 20) / 2
    expect(applauseRate(a, { variant: 'per-follower', followers: 400 })).toBeCloseTo(0.025, 12);
  });
  it('conversation: comments per post (only posts that report comments)', () => {
    expect(conversationRate([a, b], { variant: 'per-post' })).toBe(2); // b has no comments metric: 2 / 1
    expect(conversationRate(b, { variant: 'per-post' })).toBeNull();
  });
});

describe('virality, CTR, conversion, costs', () => {
  it('virality = Σ shares ÷ Σ impressions', () => {
    expect(viralityRate([a, b])).toBeCloseTo(9 / 2300, 12);
  });
  it('CTR = Σ link clicks ÷ Σ impressions, or any clicks when asked', () => {
    expect(clickThroughRate([a, b])).toBeCloseTo(20 / 2300, 12);
    expect(clickThroughRate(b, { clicks: 'clicks' })).toBeCloseTo(5 / 1500, 12);
  });
  it('conversion rate = Σ conversions ÷ Σ link clicks, over posts that report both', () => {
    expect(conversionRate([a, b])).toBeCloseTo(0.25, 12); // b has no conversions: 2 / 8
  });
  it('CPC, CPM, CPE', () => {
    expect(costPerClick([a, b])).toBeCloseTo(0.5, 12); // (4 + 6) / (8 + 12)
    expect(costPerMille([a, b])).toBeCloseTo((10 / 2300) * 1000, 9); // ≈ 4.3478
    expect(costPerEngagement([a, b])).toBeCloseTo(10 / 51, 12);
    expect(costPerClick(postSnapshot('free', { spend: 3, linkClicks: 0 }))).toBeNull();
  });
});

describe('audienceGrowthRate', () => {
  const history = [
    accountSnapshot({ followers: 1900 }, '2026-02-20T00:00:00.000Z'),
    accountSnapshot({ followers: 2000 }, '2026-02-28T23:00:00.000Z'),
    accountSnapshot({ followers: 2050 }, '2026-03-15T00:00:00.000Z'),
    accountSnapshot({ followers: 2100 }, '2026-03-31T20:00:00.000Z'),
    accountSnapshot({ followers: 5000 }, '2026-04-02T00:00:00.000Z'),
  ];
  it('(end − start) ÷ start with start at or before the range start', () => {
    expect(audienceGrowthRate(history, { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' })).toBeCloseTo(0.05, 12); // 2000 → 2100
  });
  it('can be negative and is null without two observations or with a zero start', () => {
    const shrinking = [
      accountSnapshot({ followers: 400 }, '2026-03-01T00:00:00.000Z'),
      accountSnapshot({ followers: 300 }, '2026-03-05T00:00:00.000Z'),
    ];
    expect(audienceGrowthRate(shrinking, { start: '2026-03-01T00:00:00.000Z', end: '2026-03-10T00:00:00.000Z' })).toBeCloseTo(-0.25, 12);
    expect(audienceGrowthRate(shrinking.slice(0, 1), { start: '2026-03-01T00:00:00.000Z', end: '2026-03-10T00:00:00.000Z' })).toBeNull();
    const fromZero = [
      accountSnapshot({ followers: 0 }, '2026-03-01T00:00:00.000Z'),
      accountSnapshot({ followers: 3 }, '2026-03-05T00:00:00.000Z'),
    ];
    expect(audienceGrowthRate(fromZero, { start: '2026-03-01T00:00:00.000Z', end: '2026-03-10T00:00:00.000Z' })).toBeNull();
  });
});

describe('statistics', () => {
  it('median, nearest-rank percentile and MAD', () => {
    expect(median([3, 1, 4, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90); // rank ⌈9⌉ = 9
    expect(percentile([1, 2, 3], 0.9)).toBe(3); // rank ⌈2.7⌉ = 3
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(median([])).toBeNull();
  });
});

describe('periodChange', () => {
  it('absolute and relative change against the previous period', () => {
    expect(periodChange(125, 100)).toEqual({ current: 125, previous: 100, absolute: 25, relative: 0.25 });
    expect(periodChange(0.03, 0.04).relative).toBeCloseTo(-0.25, 12);
    expect(periodChange(5, 0)).toEqual({ current: 5, previous: 0, absolute: 5, relative: null });
    expect(periodChange(null, 3)).toEqual({ current: null, previous: 3, absolute: null, relative: null });
  });
});

describe('topPosts', () => {
  it('ranks the latest snapshot of each post, leaves out posts without the metric', () => {
    const older = postSnapshot('b', { likes: 999 }, '2026-03-01T00:00:00.000Z');
    const ranked = topPosts([noReach, a, older, b], { by: 'reach', limit: 5 });
    expect(ranked.map((entry) => [entry.snapshot.subject.type === 'post' && entry.snapshot.subject.postId, entry.score])).toEqual([
      ['b', 1000],
      ['a', 500],
    ]);
    expect(topPosts([a, b, noReach], { by: 'likes', limit: 1, order: 'asc' })[0]!.score).toBe(10);
  });
  it('refuses a bad option with a ValidationError naming it', () => {
    expect(() => topPosts([a], { by: 'likes', limit: 0 })).toThrow(ValidationError);
    expect(() => topPosts([a], { by: 'likes', limit: 0 })).toThrow(/limit/);
  });
});

function mention(id: string, accountId: string, text: string, createdAt = '2026-03-10T10:00:00.000Z'): Mention {
  return { id, platform: 'x', accountId, kind: 'mention', author: { id: `u${id}`, handle: `user${id}` }, text, createdAt };
}

describe('shareOfVoice', () => {
  it('counts direct (in the entity inbox) and indirect (named in text) mentions', () => {
    const mentions = [
      mention('1', 'acme-x', 'hi @acme'), // acme direct
      mention('2', 'acme-x', 'acme vs globex?'), // acme direct, globex indirect
      mention('3', 'listening', 'I love ACME'), // acme indirect
      mention('4', 'globex-x', 'hello'), // globex direct
      mention('5', 'globex-x', 'hello again'), // globex direct
      mention('6', 'listening', 'globex is down'), // globex indirect
      mention('6', 'listening', 'globex is down'), // duplicate, ignored
      mention('7', 'listening', 'nothing to see'),
    ];
    const result = shareOfVoice({
      brand: { name: 'Acme', accountIds: ['acme-x'], terms: ['acme'] },
      competitors: [{ name: 'Globex', accountIds: ['globex-x'], terms: ['globex'] }],
      mentions,
    });
    expect(result.brand).toEqual({ direct: 2, indirect: 1, total: 3 });
    expect(result.competitors.Globex).toEqual({ direct: 2, indirect: 2, total: 4 });
    expect(result.share.direct).toBeCloseTo(0.5, 12); // 2 / 4
    expect(result.share.indirect).toBeCloseTo(1 / 3, 12); // 1 / 3
    expect(result.share.total).toBeCloseTo(3 / 7, 12);
  });
  it('is null when nobody was mentioned', () => {
    const result = shareOfVoice({ brand: { name: 'Acme', terms: ['acme'] }, competitors: [], mentions: [] });
    expect(result.share).toEqual({ direct: null, indirect: null, total: null });
  });
});

describe('postingConsistency', () => {
  it('compares the gaps with a daily plan', () => {
    const day = 86_400_000;
    const result = postingConsistency({
      publishedAt: [
        '2026-03-01T09:00:00.000Z',
        '2026-03-02T09:00:00.000Z',
        '2026-03-03T09:00:00.000Z',
        '2026-03-06T09:00:00.000Z',
        '2026-03-07T09:00:00.000Z',
        '2026-03-09T09:00:00.000Z',
      ],
      plannedGapMs: day,
      range: { start: '2026-03-01T00:00:00.000Z', end: '2026-03-08T00:00:00.000Z' },
    });
    // 5 posts inside the range (the one on the 9th is outside), 7 expected.
    expect(result.posts).toBe(5);
    expect(result.expectedPosts).toBe(7);
    expect(result.adherence).toBeCloseTo(5 / 7, 12);
    expect(result.gaps).toEqual([day, day, 3 * day, day]);
    expect(result.longGaps).toEqual([{ from: '2026-03-03T09:00:00.000Z', to: '2026-03-06T09:00:00.000Z', gapMs: 3 * day }]);
    expect(result.meanGapMs).toBe(1.5 * day);
    // std of [1,1,3,1] days = sqrt(((.5²)·3 + 1.5²)/4) = sqrt(0.75) days; ÷ 1.5 days
    expect(result.gapVariation).toBeCloseTo(Math.sqrt(0.75) / 1.5, 12);
  });
  it('refuses a zero cadence', () => {
    expect(() =>
      postingConsistency({
        publishedAt: [],
        plannedGapMs: 0,
        range: { start: '2026-03-01T00:00:00.000Z', end: '2026-03-02T00:00:00.000Z' },
      }),
    ).toThrow(/plannedGapMs/);
  });
});
