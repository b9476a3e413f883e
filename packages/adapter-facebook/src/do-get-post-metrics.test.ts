import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('post metrics', () => {
  it('maps the insights Meta still serves and the post counters to canonical metrics with Graph’s names', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Measured' });
    await env.clock.advance(6 * 3_600_000);
    const snapshot = await env.client.getPostMetrics(env.account, published.parts[0]!);
    const reported = env.sim.reportedPostMetrics(published.parts[0]!.id);
    expect(snapshot.metrics.views).toEqual({ value: reported.post_media_view, platformName: 'post_media_view' });
    expect(snapshot.metrics.reach).toEqual({ value: reported.post_total_media_view_unique, platformName: 'post_total_media_view_unique' });
    expect(snapshot.metrics.clicks).toEqual({ value: reported.post_clicks, platformName: 'post_clicks' });
    expect(snapshot.metrics.likes).toEqual({ value: reported.post_reactions_like_total, platformName: 'post_reactions_like_total' });
    expect(snapshot.metrics.comments).toEqual({ value: 0, platformName: 'comments.summary.total_count' });
    // Not a video: no video views; impressions were deprecated on 15 November 2025 and are never asked for.
    expect(snapshot.metrics.videoViews).toBeUndefined();
    expect(snapshot.metrics.impressions).toBeUndefined();
    const asked = env.sim.requests.find((request) => request.path.endsWith('/insights'))!.query.metric;
    expect(String(asked).split(',')).not.toContain('post_impressions');
  });
});
