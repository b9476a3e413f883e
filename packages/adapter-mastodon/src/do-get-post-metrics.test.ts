import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('status metrics', () => {
  it('reports favourites, reblogs and replies as likes, shares and comments; quotes stay absent before 4.5', async () => {
    const { clock, sim, client, account, requests } = testEnv();
    const { published } = await client.publish(account, { text: 'measured' });
    await clock.advance(6 * 3_600_000);
    const from = sim.requests.length;
    const snapshot = await client.getPostMetrics(account, published.parts[0]!);
    const reported = sim.reportedPostMetrics(published.parts[0]!.id);
    expect(requests(from)).toEqual([`GET /api/v1/statuses/${published.parts[0]!.id}`]);
    expect(snapshot.metrics).toEqual({
      likes: { value: reported.favourites_count, platformName: 'favourites_count' },
      shares: { value: reported.reblogs_count, platformName: 'reblogs_count' },
      comments: { value: reported.replies_count, platformName: 'replies_count' },
    });
    expect(snapshot.subject).toEqual({ type: 'post', platform: 'mastodon', accountId: sim.account.id, postId: published.parts[0]!.id });
  });

  it('reports quotes_count as quotes where the server sends it (Mastodon 4.5+)', async () => {
    const { clock, sim, client, account } = testEnv({ simulator: { quotes: true } });
    const { published } = await client.publish(account, { text: 'quotable' });
    await clock.advance(6 * 3_600_000);
    const snapshot = await client.getPostMetrics(account, published.parts[0]!);
    expect(snapshot.metrics.quotes).toEqual({
      value: sim.reportedPostMetrics(published.parts[0]!.id).quotes_count,
      platformName: 'quotes_count',
    });
  });
});
