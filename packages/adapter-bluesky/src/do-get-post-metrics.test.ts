import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('post metrics', () => {
  it('maps post counts to canonical names with provenance; bookmarks are absent unless the AppView reports them', async () => {
    const { client, account, sim, clock } = testEnv();
    const { published } = await client.publish(account, { text: 'measured' });
    await clock.advance(6 * 3_600_000);
    const snapshot = await client.getPostMetrics(account, published.parts[0]!);
    const reported = sim.reportedPostMetrics(published.parts[0]!.id);
    expect(snapshot.metrics).toEqual({
      likes: { value: reported.likeCount, platformName: 'likeCount' },
      shares: { value: reported.repostCount, platformName: 'repostCount' },
      comments: { value: reported.replyCount, platformName: 'replyCount' },
      quotes: { value: reported.quoteCount, platformName: 'quoteCount' },
    });
    expect(snapshot.metrics).not.toHaveProperty('saves');
    expect(snapshot.metrics).not.toHaveProperty('impressions');
  });

  it('reports saves from bookmarkCount on AppViews that send it', async () => {
    const { client, account, sim } = testEnv({ simulator: { bookmarks: true } });
    const { published } = await client.publish(account, { text: 'saved' });
    const snapshot = await client.getPostMetrics(account, published.parts[0]!);
    expect(snapshot.metrics.saves).toEqual({
      value: sim.reportedPostMetrics(published.parts[0]!.id).bookmarkCount,
      platformName: 'bookmarkCount',
    });
  });
});
