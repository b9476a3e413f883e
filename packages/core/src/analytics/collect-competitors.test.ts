import { describe, expect, it } from 'vitest';
import type { MetricSnapshot, PublicAccount } from '../model/index.js';
import { buildReport, collectCompetitorSnapshots, competitorBenchmark, type PublicAccountReader } from './index.js';

// A reader standing in for the client: what a network answers for `globex` at two moments.
const post = (id: string, publishedAt: string, counts: Record<string, number>, observedAt: string) => ({
  id,
  publishedAt,
  metrics: {
    subject: { type: 'post' as const, platform: 'x', accountId: 'g1', postId: id },
    observedAt,
    metrics: Object.fromEntries(Object.entries(counts).map(([name, value]) => [name, { value, platformName: `public_metrics.${name}` }])),
  },
});
const globexAt = (observedAt: string, followers: number, recentPosts: PublicAccount['recentPosts']): PublicAccount => ({
  account: { platform: 'x', id: 'g1', handle: 'globex', displayName: 'Globex' },
  metrics: {
    subject: { type: 'account', platform: 'x', accountId: 'g1' },
    observedAt,
    metrics: { followers: { value: followers, platformName: 'public_metrics.followers_count' } },
  },
  recentPosts,
});

function readerOf(answers: Record<string, PublicAccount>): PublicAccountReader & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    async getPublicAccount(via, target) {
      asked.push([via, target]);
      const found = answers['handle' in target ? target.handle : target.id];
      if (!found) throw new Error(`no account ${JSON.stringify(target)}`);
      return found;
    },
  };
}

const own = { platform: 'x', id: 'me', handle: 'acme' };
const ownSnapshot = (observedAt: string, followers: number, posts: number): MetricSnapshot => ({
  subject: { type: 'account', platform: 'x', accountId: 'me' },
  observedAt,
  metrics: { followers: { value: followers, platformName: 'followers_count' }, posts: { value: posts, platformName: 'post_count' } },
});

describe('collectCompetitorSnapshots + competitorBenchmark', () => {
  const start = '2026-03-01T00:00:00.000Z';
  const later = '2026-03-14T12:00:00.000Z';
  const range = { start, end: '2026-03-15T00:00:00.000Z' }; // 14 days = 2 weeks

  async function collectTwice() {
    const first = await collectCompetitorSnapshots(readerOf({ globex: globexAt(start, 1000, []) }), [{ via: 'x:me', handle: 'globex' }]);
    const reader = readerOf({
      globex: globexAt(later, 1100, [
        post('p3', '2026-03-12T09:00:00.000Z', { likes: 5 }, later),
        post('p2', '2026-03-08T09:00:00.000Z', { likes: 20, comments: 0, shares: 4 }, later),
        post('p1', '2026-03-03T09:00:00.000Z', { likes: 10, comments: 2, shares: 3, quotes: 1 }, later),
        post('p0', '2026-02-20T09:00:00.000Z', { likes: 100 }, later), // before the range: left out
      ]),
    });
    const second = await collectCompetitorSnapshots(reader, [
      { via: 'x:me', handle: 'globex' },
      { via: 'x:me', id: 'missing' },
    ]);
    return { first, second, reader };
  }

  it('returns one account snapshot and one snapshot per recent post, and the failures apart', async () => {
    const { second, reader } = await collectTwice();
    expect(reader.asked).toEqual([
      ['x:me', { handle: 'globex' }],
      ['x:me', { id: 'missing' }],
    ]);
    expect(second.competitors).toEqual([{ platform: 'x', id: 'g1', handle: 'globex', displayName: 'Globex' }]);
    expect(second.snapshots).toHaveLength(5);
    expect(second.posts.map((p) => p.postId)).toEqual(['p3', 'p2', 'p1', 'p0']);
    expect(second.failures).toHaveLength(1);
    expect(second.failures[0]!.target).toEqual({ via: 'x:me', id: 'missing' });
  });

  it('computes growth, posts per week and engagement per post by hand', async () => {
    const { first, second } = await collectTwice();
    const rows = competitorBenchmark({
      own: [own],
      competitors: second.competitors,
      snapshots: [ownSnapshot(start, 400, 40), ownSnapshot(later, 500, 46), ...first.snapshots, ...second.snapshots],
      posts: [...first.posts, ...second.posts],
      range,
    });
    // acme: growth (500 − 400) ÷ 400 = 0.25; posts from the gauge 46 − 40 = 6, ÷ 2 weeks = 3; no post metrics.
    expect(rows[0]).toMatchObject({ handle: 'acme', competitor: false, followers: 500, growth: 0.25, posts: 6, postsFrom: 'posts-gauge' });
    expect(rows[0]!.postsPerWeek).toBe(3);
    expect(rows[0]!.engagementPerPost).toBeNull();
    // globex: growth (1100 − 1000) ÷ 1000 = 0.1; 3 posts in range ÷ 2 weeks = 1.5;
    // engagement (10+2+3+1) + (20+0+4) + 5 = 16 + 24 + 5 = 45, ÷ 3 posts = 15.
    expect(rows[1]).toMatchObject({
      handle: 'globex',
      competitor: true,
      followers: 1100,
      posts: 3,
      postsFrom: 'posts',
      engagementPosts: 3,
    });
    expect(rows[1]!.growth).toBeCloseTo(0.1, 12);
    expect(rows[1]!.postsPerWeek).toBe(1.5);
    expect(rows[1]!.engagementPerPost).toBe(15);
  });

  it('feeds the report: the competitors table lists them beside your accounts', async () => {
    const { first, second } = await collectTwice();
    const report = buildReport({
      accounts: [own],
      competitors: second.competitors,
      snapshots: [ownSnapshot(start, 400, 40), ownSnapshot(later, 500, 46), ...first.snapshots, ...second.snapshots],
      posts: second.posts,
      range: { start: '2026-03-01', end: '2026-03-15' }, // end exclusive: 14 days
      timeZone: 'UTC',
    });
    expect(report.competitors?.map((row) => [row.handle, row.competitor, row.followers, row.engagementPerPost])).toEqual([
      ['acme', false, 500, null],
      ['globex', true, 1100, 15],
    ]);
  });
});
