import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('account metrics', () => {
  it('maps profile counts to followers, following and posts', async () => {
    const { client, account, sim, calls } = testEnv();
    const snapshot = await client.getAccountMetrics(account);
    const reported = sim.reportedAccountMetrics();
    expect(snapshot.metrics).toEqual({
      followers: { value: reported.followersCount, platformName: 'followersCount' },
      following: { value: reported.followsCount, platformName: 'followsCount' },
      posts: { value: reported.postsCount, platformName: 'postsCount' },
    });
    expect(calls('app.bsky.actor.getProfile')[0]!.query).toEqual({ actor: sim.account.id });
  });
});
