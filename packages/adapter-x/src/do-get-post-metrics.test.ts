import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('post metrics', () => {
  it("maps post metrics to canonical names with X's names as provenance; link clicks only when X reports them", async () => {
    const env = testEnv();
    const plain = await env.client.publish(env.account, { text: 'no link here' });
    const linked = await env.client.publish(env.account, { text: 'see https://example.com/x' });
    await env.clock.advance(3 * 3_600_000);
    const snapshot = await env.client.getPostMetrics(env.account, plain.published.parts[0]!);
    const reported = env.sim.reportedPostMetrics(plain.published.parts[0]!.id);
    expect(snapshot.metrics).toEqual({
      impressions: { value: reported.impression_count, platformName: 'public_metrics.impression_count' },
      likes: { value: reported.like_count, platformName: 'public_metrics.like_count' },
      shares: { value: reported.repost_count, platformName: 'public_metrics.repost_count' },
      comments: { value: reported.reply_count, platformName: 'public_metrics.reply_count' },
      quotes: { value: reported.quote_count, platformName: 'public_metrics.quote_count' },
      saves: { value: reported.bookmark_count, platformName: 'public_metrics.bookmark_count' },
      profileVisits: { value: reported.user_profile_clicks, platformName: 'non_public_metrics.user_profile_clicks' },
    });
    expect(snapshot.extra).toEqual({
      'non_public_metrics.impression_count': { value: reported.impression_count, platformName: 'non_public_metrics.impression_count' },
    });
    const withLink = await env.client.getPostMetrics(env.account, linked.published.parts[0]!);
    expect(withLink.metrics.linkClicks).toEqual({
      value: env.sim.reportedPostMetrics(linked.published.parts[0]!.id).url_link_clicks,
      platformName: 'non_public_metrics.url_link_clicks',
    });
    const query = env.sim.requests.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/2/tweets/')).at(-1)!.query;
    expect(query['post.fields']).toBe('public_metrics,non_public_metrics,organic_metrics');
  });

  it('asks only for public metrics with privateMetrics: false, leaving private ones absent', async () => {
    const env = testEnv({ settings: { privateMetrics: false } });
    const { published } = await env.client.publish(env.account, { text: 'public only' });
    const snapshot = await env.client.getPostMetrics(env.account, published.parts[0]!);
    expect(Object.keys(snapshot.metrics).sort()).toEqual(['comments', 'impressions', 'likes', 'quotes', 'saves', 'shares']);
    expect(env.sim.requests.at(-1)!.query['post.fields']).toBe('public_metrics');
  });

  it('falls back to public metrics when X refuses the private fields', async () => {
    const env = testEnv({
      fetch: (simFetch) => async (input, init) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        if (url.pathname.startsWith('/2/tweets/') && url.searchParams.get('post.fields')?.includes('non_public_metrics')) {
          return Response.json({
            errors: [
              {
                parameter: 'non_public_metrics',
                title: 'Field Authorization Error',
                detail: 'Sorry, you are not authorized to access non_public_metrics on a Tweet.',
                type: 'https://api.twitter.com/2/problems/not-authorized-for-field',
              },
            ],
          });
        }
        return simFetch(request);
      },
    });
    const { published } = await env.client.publish(env.account, { text: 'older than 30 days' });
    const snapshot = await env.client.getPostMetrics(env.account, published.parts[0]!);
    expect(snapshot.metrics.likes?.platformName).toBe('public_metrics.like_count');
    expect(snapshot.metrics.profileVisits).toBeUndefined();
  });
});
