import { describe, expect, it } from 'vitest';
import { SMALL_VIDEO, testEnv } from './__tests__/test-env.js';

const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: SMALL_VIDEO }, mimeType: 'video/mp4' };

describe('doGetPostMetrics and doGetAccountMetrics', () => {
  it('maps viewCount, likeCount and commentCount; favoriteCount (always 0) is not reported', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Metrics', media: [video] });
    await env.clock.advance(6 * 3_600_000);
    const snapshot = await env.client.getPostMetrics(env.account, published.parts[0]!);
    const reported = env.sim.reportedPostMetrics(published.parts[0]!.id);
    expect(snapshot.metrics.videoViews).toEqual({ value: reported.viewCount, platformName: 'statistics.viewCount' });
    expect(snapshot.metrics.likes).toEqual({ value: reported.likeCount, platformName: 'statistics.likeCount' });
    expect(snapshot.metrics.comments).toEqual({ value: reported.commentCount, platformName: 'statistics.commentCount' });
    expect(Object.keys(snapshot.metrics).sort()).toEqual(['comments', 'likes', 'videoViews']);
  });

  it("maps the channel's subscriberCount, videoCount and viewCount", async () => {
    const env = testEnv();
    const snapshot = await env.client.getAccountMetrics(env.account);
    const reported = env.sim.reportedAccountMetrics();
    expect(snapshot.metrics.followers).toEqual({ value: reported.subscriberCount, platformName: 'statistics.subscriberCount' });
    expect(snapshot.metrics.posts).toEqual({ value: 0, platformName: 'statistics.videoCount' });
  });
});
