import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('reading from X', () => {
  it('lists mentions with the documented query and maps them (kinds, authors, reply target)', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 0 } });
    const { published } = await env.client.publish(env.account, { text: 'talk to us' });
    env.sim.addMention({ text: '@smm_brand love it', kind: 'reply', postId: published.parts[0]!.id });
    env.sim.addMention({ text: 'hey @smm_brand' });
    const page = await env.client.listMentions(env.account, { limit: 5 });
    const [request] = env.sim.requests.filter((entry) => entry.path.endsWith('/mentions'));
    expect(request!.path).toBe(`/2/users/${env.sim.account.id}/mentions`);
    expect(request!.query).toMatchObject({ max_results: '5', expansions: 'author_id' });
    expect(String(request!.query['tweet.fields']).split(',')).toEqual(
      expect.arrayContaining(['created_at', 'author_id', 'referenced_tweets', 'conversation_id']),
    );
    expect(page.nextCursor).toBeNull();
    // Newest first, as X returns them.
    expect(page.items.map((mention) => [mention.text, mention.kind])).toEqual([
      ['hey @smm_brand', 'mention'],
      ['@smm_brand love it', 'reply'],
    ]);
    const reply = page.items[1]!;
    expect(reply.inReplyToId).toBe(published.parts[0]!.id);
    expect(reply.subject?.id).toBe(published.parts[0]!.id);
    expect(reply.author.handle).not.toBe(reply.author.id); // the expanded username, not the id
    expect(reply.url).toBe(`https://x.com/${reply.author.handle}/status/${reply.id}`);
    expect(page.items[0]!.subject).toBeUndefined();
  });

  it("clamps the page size to X's 5–100 and passes the cursor back as pagination_token", async () => {
    const env = testEnv({ simulator: { mentionBacklog: 12 } });
    const first = await env.client.listMentions(env.account, { limit: 1 });
    expect(first.items).toHaveLength(5);
    await env.client.listMentions(env.account, { cursor: first.nextCursor, limit: 500 });
    const queries = env.sim.requests.filter((entry) => entry.path.endsWith('/mentions')).map((entry) => entry.query);
    expect(queries[0]!.max_results).toBe('5');
    expect(queries[0]!.pagination_token).toBeUndefined();
    expect(queries[1]!.max_results).toBe('100');
    expect(queries[1]!.pagination_token).toBe(first.nextCursor);
  });

  it('reads every mention through client.mentions() to the end, once each', async () => {
    const env = testEnv({ simulator: { mentionBacklog: 23 } });
    const ids: string[] = [];
    for await (const mention of env.client.mentions(env.account, { limit: 10 })) ids.push(mention.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(env.sim.mentionCount());
  });

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
      shares: { value: reported.retweet_count, platformName: 'public_metrics.retweet_count' },
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
    expect(query['tweet.fields']).toBe('public_metrics,non_public_metrics,organic_metrics');
  });

  it('asks only for public metrics with privateMetrics: false, leaving private ones absent', async () => {
    const env = testEnv({ settings: { privateMetrics: false } });
    const { published } = await env.client.publish(env.account, { text: 'public only' });
    const snapshot = await env.client.getPostMetrics(env.account, published.parts[0]!);
    expect(Object.keys(snapshot.metrics).sort()).toEqual(['comments', 'impressions', 'likes', 'quotes', 'saves', 'shares']);
    expect(env.sim.requests.at(-1)!.query['tweet.fields']).toBe('public_metrics');
  });

  it('falls back to public metrics when X refuses the private fields', async () => {
    const env = testEnv({
      fetch: (simFetch) => async (input, init) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        if (url.pathname.startsWith('/2/tweets/') && url.searchParams.get('tweet.fields')?.includes('non_public_metrics')) {
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

  it('maps account metrics; other X counts go under extra', async () => {
    const env = testEnv();
    const snapshot = await env.client.getAccountMetrics(env.account);
    const reported = env.sim.reportedAccountMetrics();
    expect(snapshot.metrics).toEqual({
      followers: { value: reported.followers_count, platformName: 'public_metrics.followers_count' },
      following: { value: reported.following_count, platformName: 'public_metrics.following_count' },
      posts: { value: reported.tweet_count, platformName: 'public_metrics.tweet_count' },
    });
    expect(snapshot.extra).toEqual({
      'public_metrics.listed_count': { value: reported.listed_count, platformName: 'public_metrics.listed_count' },
      'public_metrics.like_count': { value: reported.like_count, platformName: 'public_metrics.like_count' },
    });
  });

  it('gets a post with its reply target and media count; null once deleted; deleting twice is fine', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'root', thread: [{ text: 'child' }] });
    const child = await env.client.getPost(env.account, published.parts[1]!);
    expect(child).toMatchObject({
      text: 'child',
      inReplyTo: { id: published.parts[0]!.id },
      mediaCount: 0,
      ref: { id: published.parts[1]!.id },
    });
    await env.client.delete(env.account, published.parts[1]!);
    await env.client.delete(env.account, published.parts[1]!);
    expect(await env.client.getPost(env.account, published.parts[1]!)).toBeNull();
    expect(env.requests().filter((line) => line.startsWith('DELETE'))).toEqual([
      `DELETE /2/tweets/${published.parts[1]!.id}`,
      `DELETE /2/tweets/${published.parts[1]!.id}`,
    ]);
  });

  it('finds a published draft by its text in the own timeline, and nothing before `since` or without a draft', async () => {
    const env = testEnv();
    const draft = { text: 'Fish & chips <3 https://example.com/menu', thread: [{ text: 'second part' }] };
    const { published } = await env.client.publish(env.account, draft);
    const found = await env.client.findPublished(env.account, { idempotencyKey: 'any', draft });
    expect(found?.parts.map((part) => part.id)).toEqual(published.parts.map((part) => part.id));
    const timeline = env.sim.requests.at(-1)!;
    expect(timeline.path).toBe(`/2/users/${env.sim.account.id}/tweets`);
    expect(timeline.query).toMatchObject({ max_results: '100' });
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'any' })).toBeNull();
    expect(
      await env.client.findPublished(env.account, {
        idempotencyKey: 'any',
        draft,
        since: new Date(env.clock.now() + 60_000).toISOString(),
      }),
    ).toBeNull();
    expect(await env.client.findPublished(env.account, { idempotencyKey: 'any', draft: { text: 'never said' } })).toBeNull();
  });
});
