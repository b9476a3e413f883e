import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('post metrics', () => {
  it('reads organisation share statistics with a Rest.li List of encoded URNs and maps them to canonical names', async () => {
    const { sim, client, account, clock } = testEnv();
    const { published } = await client.publish(account, { text: 'measured' });
    const id = published.parts[0]!.id;
    await clock.advance(6 * 3_600_000);
    const from = sim.requests.length;
    const snapshot = await client.getPostMetrics(account, published.parts[0]!);
    const request = sim.requests[from]!;
    expect(request.path).toBe('/rest/organizationalEntityShareStatistics');
    expect(request.query).toEqual({
      q: 'organizationalEntity',
      organizationalEntity: 'urn:li:organization:2414183',
      shares: `List(${id})`,
    });
    const reported = sim.reportedPostMetrics(id);
    expect(snapshot.metrics).toEqual({
      impressions: { value: reported.impressionCount, platformName: 'impressionCount' },
      reach: { value: reported.uniqueImpressionsCount, platformName: 'uniqueImpressionsCount' },
      clicks: { value: reported.clickCount, platformName: 'clickCount' },
      likes: { value: reported.likeCount, platformName: 'likeCount' },
      comments: { value: reported.commentCount, platformName: 'commentCount' },
      shares: { value: reported.shareCount, platformName: 'shareCount' },
    });
    expect(snapshot.extra).toEqual({ engagement: { value: reported.engagement, platformName: 'engagement' } });
  });

  it("reports nothing (never 0) for a member's post, and asks nothing", async () => {
    const { sim, client, account } = testEnv({ simulator: { postAs: 'person' } });
    const { published } = await client.publish(account, { text: 'mine' });
    const from = sim.requests.length;
    expect((await client.getPostMetrics(account, published.parts[0]!)).metrics).toEqual({});
    expect(sim.requests.length).toBe(from);
  });
});
