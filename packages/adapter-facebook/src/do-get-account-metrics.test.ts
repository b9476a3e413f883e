import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('Page metrics', () => {
  it('reads followers from the Page and 28-day views and reach from its insights, with the window', async () => {
    const env = testEnv({ now: '2026-01-05T09:00:00Z' });
    const snapshot = await env.client.getAccountMetrics(env.account);
    const reported = env.sim.reportedAccountMetrics();
    expect(snapshot.metrics.followers).toEqual({ value: reported.followers_count, platformName: 'followers_count' });
    expect(snapshot.metrics.views).toEqual({ value: reported.page_media_view, platformName: 'page_media_view' });
    expect(snapshot.metrics.reach).toEqual({ value: reported.page_total_media_view_unique, platformName: 'page_total_media_view_unique' });
    // The simulator's day ends at 00:00 UTC: the 28 days end 2026-01-05T00:00Z.
    expect(snapshot.window).toEqual({ start: '2025-12-08T00:00:00.000Z', end: '2026-01-05T00:00:00.000Z' });
    const insights = env.sim.requests.find((request) => request.path.endsWith('/insights'))!;
    expect(insights.query).toMatchObject({ metric: 'page_media_view,page_total_media_view_unique', period: 'days_28' });
  });
});
