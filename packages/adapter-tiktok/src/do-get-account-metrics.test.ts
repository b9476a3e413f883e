import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('doGetAccountMetrics', () => {
  it('reads follower_count, following_count, likes_count and video_count from user info', async () => {
    const env = testEnv();
    const snapshot = await env.client.getAccountMetrics(env.account);
    const reported = env.sim.reportedAccountMetrics();
    expect(snapshot.metrics).toEqual({
      followers: { value: reported.follower_count, platformName: 'follower_count' },
      following: { value: reported.following_count, platformName: 'following_count' },
      likes: { value: reported.likes_count, platformName: 'likes_count' },
      posts: { value: reported.video_count, platformName: 'video_count' },
    });
    expect(env.sim.requests.at(-1)?.query).toEqual({ fields: 'follower_count,following_count,likes_count,video_count' });
  });
});
