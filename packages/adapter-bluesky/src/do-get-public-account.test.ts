import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('public accounts (competitors)', () => {
  function seeded() {
    const env = testEnv();
    const { id } = env.sim.addPublicAccount({
      handle: 'globex.bsky.social',
      displayName: 'Globex',
      followers: 950,
      following: 120,
      postsCount: 310,
      posts: [
        { text: 'older', createdAt: '2026-03-03T09:00:00.000Z', likes: 10, replies: 2, reposts: 3, quotes: 1 },
        { text: 'newer', createdAt: '2026-03-08T09:00:00.000Z', likes: 20, reposts: 4 },
      ],
    });
    return { ...env, id };
  }

  it('reads the profile counts by handle, with Bluesky names as provenance', async () => {
    const { client, account, id, calls } = seeded();
    const read = await client.getPublicAccount(account, { handle: 'globex.bsky.social' });
    expect(read.account).toEqual({ platform: 'bluesky', id, handle: 'globex.bsky.social', displayName: 'Globex' });
    expect(read.metrics.metrics).toEqual({
      followers: { value: 950, platformName: 'followersCount' },
      following: { value: 120, platformName: 'followsCount' },
      posts: { value: 310, platformName: 'postsCount' },
    });
    expect(calls('app.bsky.feed.getAuthorFeed')[0]!.query).toEqual({ actor: id, limit: '100', filter: 'posts_no_replies' });
  });

  it('reads recent posts newest first with their counts, by DID too', async () => {
    const { client, account, id } = seeded();
    const read = await client.getPublicAccount(account, { id });
    expect(read.recentPosts.map((post) => [post.publishedAt, post.metrics.metrics.likes?.value])).toEqual([
      ['2026-03-08T09:00:00.000Z', 20],
      ['2026-03-03T09:00:00.000Z', 10],
    ]);
    const older = read.recentPosts[1]!;
    expect(older.id).toMatch(new RegExp(`^at://${id}/app.bsky.feed.post/`));
    expect(older.url).toBe(`https://bsky.app/profile/globex.bsky.social/post/${older.id.split('/').at(-1)}`);
    expect(older.metrics.metrics).toEqual({
      likes: { value: 10, platformName: 'likeCount' },
      shares: { value: 3, platformName: 'repostCount' },
      comments: { value: 2, platformName: 'replyCount' },
      quotes: { value: 1, platformName: 'quoteCount' },
    });
  });

  it('fails for a handle Bluesky does not know', async () => {
    const { client, account } = seeded();
    await expect(client.getPublicAccount(account, { handle: 'nobody.bsky.social' })).rejects.toThrow(/Profile not found/);
  });
});
