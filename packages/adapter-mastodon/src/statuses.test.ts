import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { testEnv, settle } from './__tests__/test-env.js';

describe('get, delete and metrics of statuses', () => {
  it('gets a reply back with its text, parent and attachment count', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'Fish & chips <3', thread: [{ text: 'second' }] });
    const [root, reply] = published.parts;
    const fetched = await client.getPost(account, reply!);
    expect(fetched).toEqual({
      ref: { platform: 'mastodon', accountId: sim.account.id, id: reply!.id, url: `${sim.baseUrl}/@${sim.account.handle}/${reply!.id}` },
      text: 'second',
      createdAt: sim.posts()[1]!.createdAt,
      inReplyTo: { platform: 'mastodon', accountId: sim.account.id, id: root!.id },
      mediaCount: 0,
    });
    expect((await client.getPost(account, root!))?.text).toBe('Fish & chips <3');
  });

  it('deletes with DELETE /api/v1/statuses/:id; a status already gone counts as deleted', async () => {
    const { sim, client, account, requests } = testEnv();
    const { published } = await client.publish(account, { text: 'short-lived' });
    const ref = published.parts[0]!;
    const from = sim.requests.length;
    await client.delete(account, ref);
    await client.delete(account, ref);
    expect(requests(from)).toEqual([`DELETE /api/v1/statuses/${ref.id}`, `DELETE /api/v1/statuses/${ref.id}`]);
    expect(sim.posts()[0]!.deleted).toBe(true);
    expect(await client.getPost(account, ref)).toBeNull();
    const http = await client.http(account);
    expect(http.rateLimit('delete')).toMatchObject({ limit: 30 });
  });

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

  it('reads account metrics from verify_credentials', async () => {
    const { sim, client, account, requests } = testEnv();
    await client.publish(account, { text: 'one' });
    await client.publish(account, { text: 'two' });
    const snapshot = await client.getAccountMetrics(account);
    const reported = sim.reportedAccountMetrics();
    expect(requests().at(-1)).toBe('GET /api/v1/accounts/verify_credentials');
    expect(snapshot.metrics).toEqual({
      followers: { value: reported.followers_count, platformName: 'followers_count' },
      following: { value: reported.following_count, platformName: 'following_count' },
      posts: { value: 2, platformName: 'statuses_count' },
    });
  });
});

describe('direct messages', () => {
  it('posts a direct status that mentions the recipient by handle', async () => {
    const { sim, client, account } = testEnv();
    const sent = await client.sendDirectMessage(account, { recipientId: '@ada@remote.example', text: 'Thanks for the report!' });
    const [request] = sim.requests;
    expect(request!.body).toEqual({ status: '@ada@remote.example Thanks for the report!', visibility: 'direct' });
    expect(request!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent).toEqual({ id: sim.posts()[0]!.id, sentAt: sim.posts()[0]!.createdAt });
    expect(sim.posts()[0]!.visibility).toBe('direct');
  });

  it('keeps the text when it already mentions the recipient, and looks numeric ids up', async () => {
    const { sim, client, account, intercepted } = testEnv({
      intercept: (request) =>
        new URL(request.url).pathname === '/api/v1/accounts/200001'
          ? Response.json({ id: '200001', username: 'bob', acct: 'bob@remote.example' })
          : undefined,
    });
    await client.sendDirectMessage(account, { recipientId: 'ada@remote.example', text: 'Hi @ada@remote.example, got it' });
    await client.sendDirectMessage(account, { recipientId: '200001', text: 'Hello' });
    expect(intercepted).toHaveLength(1);
    expect(sim.requests.map((request) => (request.body as { status: string }).status)).toEqual([
      'Hi @ada@remote.example, got it',
      '@bob@remote.example Hello',
    ]);
  });

  it('refuses a recipient that is neither an id nor a handle', async () => {
    const { sim, client, account } = testEnv();
    const result = await settle(client.sendDirectMessage(account, { recipientId: 'not a handle!', text: 'x' }));
    expect(!result.ok && ValidationError.isInstance(result.error) && result.error.issues[0]!.path).toEqual(['recipientId']);
    expect(sim.requests).toHaveLength(0);
  });
});
