import { describe, expect, it } from 'vitest';
import { imageAt, testEnv, videoUrl } from './__tests__/test-env.js';

describe('doGetPostMetrics', () => {
  it('reports what Meta serves for a feed post, under Meta’s names; impressions and video views stay absent', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'metrics', media: [imageAt(env.sim)] });
    env.clock.advance(6 * 3_600_000);
    const snapshot = await env.client.getPostMetrics(env.account, published.parts[0]!);
    const reported = env.sim.reportedPostMetrics(published.parts[0]!.id);
    expect(snapshot.metrics).toEqual({
      reach: { value: reported.reach, platformName: 'reach' },
      views: { value: reported.views, platformName: 'views' },
      likes: { value: reported.likes, platformName: 'likes' },
      comments: { value: reported.comments, platformName: 'comments' },
      shares: { value: reported.shares, platformName: 'shares' },
      saves: { value: reported.saved, platformName: 'saved' },
      profileVisits: { value: reported.profile_visits, platformName: 'profile_visits' },
    });
    expect(env.requests().some((line) => line.includes('impressions'))).toBe(false);
  });

  it('reports a reel’s total watch time and no profile visits (reels do not serve them)', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'reel', media: [videoUrl()] });
    env.clock.advance(6 * 3_600_000);
    const { metrics } = await env.client.getPostMetrics(env.account, published.parts[0]!);
    const reported = env.sim.reportedPostMetrics(published.parts[0]!.id);
    expect(metrics.watchTimeMs).toEqual({ value: reported.ig_reels_video_view_total_time, platformName: 'ig_reels_video_view_total_time' });
    expect(metrics.profileVisits).toBeUndefined();
    expect(metrics.impressions).toBeUndefined();
    expect(metrics.videoViews).toBeUndefined();
  });
});
