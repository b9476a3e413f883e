import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('public accounts (competitors)', () => {
  function seeded() {
    const env = testEnv();
    const { id } = env.sim.addPublicAccount({
      handle: 'globex',
      displayName: 'Globex',
      followers: 1200,
      following: 80,
      postsCount: 431,
      posts: [
        { text: 'older', createdAt: '2026-03-03T09:00:00.000Z', likes: 10, replies: 2, reposts: 3, quotes: 1 },
        { text: 'newer', createdAt: '2026-03-08T09:00:00.000Z', likes: 20, reposts: 4 },
      ],
    });
    return { env, id };
  }

  it('reads followers, following and post count by username, with X names as provenance', async () => {
    const { env, id } = seeded();
    const read = await env.client.getPublicAccount(env.account, { handle: 'globex' });
    expect(read.account).toEqual({ platform: 'x', id, handle: 'globex', displayName: 'Globex' });
    expect(read.metrics.subject).toEqual({ type: 'account', platform: 'x', accountId: id });
    expect(read.metrics.metrics).toEqual({
      followers: { value: 1200, platformName: 'public_metrics.followers_count' },
      following: { value: 80, platformName: 'public_metrics.following_count' },
      posts: { value: 431, platformName: 'public_metrics.post_count' },
    });
  });

  it('reads recent posts newest first with their public metrics', async () => {
    const { env, id } = seeded();
    const read = await env.client.getPublicAccount(env.account, { id });
    expect(read.recentPosts.map((post) => [post.publishedAt, post.metrics.metrics.likes?.value])).toEqual([
      ['2026-03-08T09:00:00.000Z', 20],
      ['2026-03-03T09:00:00.000Z', 10],
    ]);
    const older = read.recentPosts[1]!;
    expect(older.url).toBe(`https://x.com/globex/status/${older.id}`);
    expect(older.metrics.metrics).toMatchObject({
      likes: { value: 10, platformName: 'public_metrics.like_count' },
      comments: { value: 2, platformName: 'public_metrics.reply_count' },
      shares: { value: 3, platformName: 'public_metrics.repost_count' },
      quotes: { value: 1, platformName: 'public_metrics.quote_count' },
    });
    // Both requests passed the simulator's OpenAPI check (a refused one would have thrown).
    const paths = env.sim.requests.map((request) => request.path);
    expect(paths).toContain(`/2/users/${id}/tweets`);
  });

  it('fails with a not-found error naming the handle when X has no such user', async () => {
    const { env } = seeded();
    await expect(env.client.getPublicAccount(env.account, { handle: 'nobody_here' })).rejects.toThrow(/@nobody_here/);
  });
});
