import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('public accounts (competitors)', () => {
  function seeded(quotes = true) {
    const env = testEnv({ simulator: { quotes } });
    const { id } = env.sim.addPublicAccount({
      handle: 'globex@other.example',
      displayName: 'Globex',
      followers: 640,
      following: 33,
      postsCount: 212,
      posts: [
        { text: 'older', createdAt: '2026-03-03T09:00:00.000Z', likes: 10, replies: 2, reposts: 3, quotes: 1 },
        { text: 'newer', createdAt: '2026-03-08T09:00:00.000Z', likes: 20, reposts: 4 },
      ],
    });
    return { ...env, id };
  }

  it('looks the account up by acct and reads its counts, with Mastodon names as provenance', async () => {
    const { client, account, id, requests } = seeded();
    const read = await client.getPublicAccount(account, { handle: '@globex@other.example' });
    expect(read.account).toEqual({ platform: 'mastodon', id, handle: 'globex@other.example', displayName: 'Globex' });
    expect(read.metrics.metrics).toEqual({
      followers: { value: 640, platformName: 'followers_count' },
      following: { value: 33, platformName: 'following_count' },
      posts: { value: 212, platformName: 'statuses_count' },
    });
    expect(requests().slice(-2)).toEqual(['GET /api/v1/accounts/lookup', `GET /api/v1/accounts/${id}/statuses`]);
  });

  it('reads recent statuses newest first with their counts, by id too', async () => {
    const { client, account, id } = seeded();
    const read = await client.getPublicAccount(account, { id });
    expect(read.recentPosts.map((post) => [post.publishedAt, post.metrics.metrics.likes?.value])).toEqual([
      ['2026-03-08T09:00:00.000Z', 20],
      ['2026-03-03T09:00:00.000Z', 10],
    ]);
    expect(read.recentPosts[1]!.url).toBe(`https://other.example/@globex/${read.recentPosts[1]!.id}`);
    expect(read.recentPosts[1]!.metrics.metrics).toEqual({
      likes: { value: 10, platformName: 'favourites_count' },
      shares: { value: 3, platformName: 'reblogs_count' },
      comments: { value: 2, platformName: 'replies_count' },
      quotes: { value: 1, platformName: 'quotes_count' },
    });
  });

  it('leaves quotes absent on an instance older than 4.5, which does not report them', async () => {
    const { client, account, id } = seeded(false);
    const read = await client.getPublicAccount(account, { id });
    expect(read.recentPosts[1]!.metrics.metrics.quotes).toBeUndefined();
    expect(read.recentPosts[1]!.metrics.metrics.likes?.value).toBe(10);
  });

  it('fails with Record not found for an unknown account', async () => {
    const { client, account } = seeded();
    await expect(client.getPublicAccount(account, { handle: 'nobody' })).rejects.toThrow(/Record not found/);
  });
});
