import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('account metrics', () => {
  it('maps account metrics; other X counts go under extra', async () => {
    const env = testEnv();
    const snapshot = await env.client.getAccountMetrics(env.account);
    const reported = env.sim.reportedAccountMetrics();
    expect(snapshot.metrics).toEqual({
      followers: { value: reported.followers_count, platformName: 'public_metrics.followers_count' },
      following: { value: reported.following_count, platformName: 'public_metrics.following_count' },
      posts: { value: reported.post_count, platformName: 'public_metrics.post_count' },
    });
    expect(snapshot.extra).toEqual({
      'public_metrics.listed_count': { value: reported.listed_count, platformName: 'public_metrics.listed_count' },
      'public_metrics.like_count': { value: reported.like_count, platformName: 'public_metrics.like_count' },
    });
  });
});
