import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('account metrics', () => {
  it('reads account metrics from verify_credentials', async () => {
    const { sim, client, account, requests } = testEnv();
    await client.publish(account, { text: 'one' });
    await client.publish(account, { text: 'two' });
    const snapshot = await client.getAccountMetrics(account);
    const reported = sim.reportedAccountMetrics();
    expect(requests().at(-1)).toBe('GET /api/v1/accounts/verify_credentials');
    expect(snapshot.metrics).toEqual({
      followers: { value: reported.followers_count, platformName: 'followers_count' },
      following: { value: reported.following_count, platformName: 'following_count' },
      posts: { value: 2, platformName: 'statuses_count' },
    });
  });
});
