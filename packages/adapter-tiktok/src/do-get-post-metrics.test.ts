import { describe, expect, it } from 'vitest';
import { shortVideo, testEnv } from './__tests__/test-env.js';

describe('doGetPostMetrics', () => {
  it('maps view_count, like_count, comment_count and share_count to canonical names with provenance', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'counted', media: [shortVideo()] });
    env.clock.advance(2 * 3_600_000);
    const snapshot = await env.client.getPostMetrics(env.account, published.parts[0]!);
    const reported = env.sim.reportedPostMetrics(published.parts[0]!.id);
    expect(snapshot.metrics).toEqual({
      videoViews: { value: reported.view_count, platformName: 'view_count' },
      likes: { value: reported.like_count, platformName: 'like_count' },
      comments: { value: reported.comment_count, platformName: 'comment_count' },
      shares: { value: reported.share_count, platformName: 'share_count' },
    });
  });
});
