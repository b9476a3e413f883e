import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';
import { THREADS_POST_METRICS } from './internal/index.js';

describe('post metrics', () => {
  it('maps views, likes, replies, reposts and quotes to canonical names with provenance, and shares under extra', async () => {
    const { client, account, sim, clock } = testEnv();
    const { published } = await client.publish(account, { text: 'measured' });
    await clock.advance(3_600_000);
    const snapshot = await client.getPostMetrics(account, published.parts[0]!);
    const reported = sim.reportedPostMetrics(published.parts[0]!.id);
    expect(snapshot.metrics).toEqual({
      views: { value: reported.views, platformName: 'views' },
      likes: { value: reported.likes, platformName: 'likes' },
      comments: { value: reported.replies, platformName: 'replies' },
      shares: { value: reported.reposts, platformName: 'reposts' },
      quotes: { value: reported.quotes, platformName: 'quotes' },
    });
    expect(snapshot.extra).toEqual({ shares: { value: reported.shares, platformName: 'shares' } });
    expect(sim.requests.find((request) => request.path.endsWith('/insights'))!.query.metric).toBe(
      'views,likes,replies,reposts,quotes,shares',
    );
    expect(THREADS_POST_METRICS.comments).toBe('replies');
  });
});
