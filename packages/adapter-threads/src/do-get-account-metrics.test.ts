import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('account metrics', () => {
  it('reads threads_insights over the last 7 days: profile views summed, totals and followers by canonical name', async () => {
    const { client, account, sim, clock } = testEnv();
    await client.publish(account, { text: 'something to like' });
    await clock.advance(2 * 3_600_000);
    const snapshot = await client.getAccountMetrics(account);
    const reported = sim.reportedAccountMetrics();
    expect(snapshot.metrics).toEqual({
      profileVisits: { value: reported.views, platformName: 'views' },
      likes: { value: reported.likes, platformName: 'likes' },
      comments: { value: reported.replies, platformName: 'replies' },
      shares: { value: reported.reposts, platformName: 'reposts' },
      quotes: { value: reported.quotes, platformName: 'quotes' },
      linkClicks: { value: reported.clicks, platformName: 'clicks' },
      followers: { value: reported.followers_count, platformName: 'followers_count' },
    });
    const query = sim.requests.find((request) => request.path.endsWith('/threads_insights'))!.query as Record<string, string>;
    expect(Number(query.until) - Number(query.since)).toBe(7 * 86_400);
    expect(Date.parse(snapshot.window!.end) - Date.parse(snapshot.window!.start)).toBe(7 * 86_400_000);
  });
});
