import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('account metrics', () => {
  it('reads GET /v5/user_account and GET /v5/user_account/analytics into followers, following, posts and 90-day totals', async () => {
    const { sim, client, account, requests } = testEnv();
    const snapshot = await client.getAccountMetrics(account);
    expect(requests()).toEqual(['GET /v5/user_account', 'GET /v5/user_account/analytics']);
    const reported = sim.reportedAccountMetrics();
    expect(snapshot.metrics).toMatchObject({
      followers: { value: reported.follower_count, platformName: 'follower_count' },
      following: { value: reported.following_count, platformName: 'following_count' },
      posts: { value: 0, platformName: 'pin_count' },
      impressions: { value: 0, platformName: 'IMPRESSION' },
    });
  });
});
