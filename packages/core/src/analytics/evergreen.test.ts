import { describe, expect, it } from 'vitest';
import { accountSnapshot, postSnapshot } from './__tests__/fixtures.js';
import { chooseEvergreen, type EvergreenPost } from './index.js';

const DAY = 86_400_000;
const now = '2026-06-01T12:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(now) - days * DAY).toISOString();
const post = (postId: string, age: number, contentId?: string): EvergreenPost => ({
  platform: 'x',
  accountId: 'acme',
  postId,
  publishedAt: daysAgo(age),
  ...(contentId ? { contentId } : {}),
});

describe('chooseEvergreen', () => {
  const posts = [
    post('a', 100),
    post('b', 90),
    post('c', 80),
    post('d', 10),
    post('old', 400),
    post('e', 60, 'guide'),
    post('e2', 5, 'guide'),
  ];
  const snapshots = [
    postSnapshot('a', { likes: 40, impressions: 1000 }, daysAgo(95)), // 0.04
    postSnapshot('b', { likes: 90, impressions: 1000 }, daysAgo(85)), // 0.09
    postSnapshot('c', { likes: 10, comments: 10, impressions: 400 }, daysAgo(75)), // 0.05
    postSnapshot('d', { likes: 300, impressions: 1000 }, daysAgo(5)), // 0.3 but ran 10 days ago
    postSnapshot('old', { likes: 500, impressions: 1000 }, daysAgo(390)), // outside the window
    postSnapshot('e', { likes: 80, impressions: 800 }, daysAgo(55)), // 0.1 but its content re-ran 5 days ago
    postSnapshot('f', { likes: 1, impressions: 1 }, daysAgo(50)), // no published post: not a candidate
  ];

  it('ranks posts of the window by the chosen rate, leaving out content that ran recently', () => {
    const chosen = chooseEvergreen({ posts, snapshots, now, windowMs: 180 * DAY, cooldownMs: 30 * DAY, by: 'impressions', limit: 2 });
    expect(chosen.map((choice) => [choice.postId, choice.score])).toEqual([
      ['b', 0.09],
      ['c', 0.05],
    ]);
    expect(chosen[0]).toMatchObject({ contentId: 'post:x:acme:b', lastRunAt: daysAgo(90) });
    // With a 3-day cool-down the re-run guide and the recent post come back.
    const relaxed = chooseEvergreen({ posts, snapshots, now, windowMs: 180 * DAY, cooldownMs: 3 * DAY, by: 'impressions', limit: 3 });
    expect(relaxed.map((choice) => [choice.postId, choice.contentId])).toEqual([
      ['d', 'post:x:acme:d'],
      ['e', 'guide'],
      ['b', 'post:x:acme:b'],
    ]);
    expect(relaxed[1]!.lastRunAt).toBe(daysAgo(5));
  });

  it('skips small denominators and ranks by followers of the post’s own account', () => {
    const small = chooseEvergreen({
      posts,
      snapshots,
      now,
      windowMs: 180 * DAY,
      cooldownMs: 30 * DAY,
      by: 'impressions',
      minDenominator: 500,
    });
    expect(small.map((choice) => choice.postId)).toEqual(['b', 'a']); // c has 400 impressions
    const withFollowers = [
      ...snapshots,
      accountSnapshot({ followers: 2000 }, daysAgo(200)),
      accountSnapshot({ followers: 1000 }, daysAgo(80)),
    ];
    const byFollowers = chooseEvergreen({
      posts,
      snapshots: withFollowers,
      now,
      windowMs: 180 * DAY,
      cooldownMs: 30 * DAY,
      by: 'followers',
    });
    // a measured 95 days ago (2000 followers): 40 / 2000; b 85 days ago (2000): 90 / 2000; c 75 days ago (1000): 20 / 1000.
    expect(byFollowers.map((choice) => [choice.postId, choice.score])).toEqual([
      ['b', 0.045],
      ['a', 0.02],
      ['c', 0.02],
    ]);
  });

  it('refuses bad options with a ValidationError naming them', () => {
    expect(() => chooseEvergreen({ posts, snapshots, now, windowMs: 0, cooldownMs: 0, by: 'impressions' })).toThrow(/windowMs/);
    expect(() => chooseEvergreen({ posts, snapshots, now, windowMs: DAY, cooldownMs: 0, by: 'clicks' as never })).toThrow(/by/);
  });
});
