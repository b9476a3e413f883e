import { describe, expect, it } from 'vitest';
import { imageAt, testEnv } from './__tests__/test-env.js';

describe('doGetAccountMetrics', () => {
  it('maps profile counts and the day’s reach and views, with Meta’s names', async () => {
    const env = testEnv();
    await env.client.publish(env.account, { text: 'one', media: [imageAt(env.sim)] });
    env.clock.advance(3_600_000);
    const { metrics } = await env.client.getAccountMetrics(env.account);
    const reported = env.sim.reportedAccountMetrics();
    expect(metrics).toEqual({
      followers: { value: reported.followers_count, platformName: 'followers_count' },
      following: { value: reported.follows_count, platformName: 'follows_count' },
      posts: { value: 1, platformName: 'media_count' },
      reach: { value: reported.reach, platformName: 'reach' },
      views: { value: reported.views, platformName: 'views' },
    });
    expect(env.requests().filter((line) => line.endsWith('/insights'))).toHaveLength(1);
  });
});
