import { describe, expect, it } from 'vitest';
import { mapXError } from './error-mapping.js';
import { ApiCallError, PublishOutcomeUnknownError, RateLimitError } from '@smm/core/adapter-kit';
import { settle, testEnv } from './__tests__/test-env.js';

const map = (status: number, body: unknown) => mapXError({ status, headers: new Headers(), body });

describe('mapXError', () => {
  it('reads problem details: message, kind as code; 4xx refusals created nothing', () => {
    expect(
      map(403, {
        title: 'Forbidden',
        detail: 'You are not allowed to create a Tweet with duplicate content.',
        type: 'about:blank',
        status: 403,
      }),
    ).toEqual({
      message: 'You are not allowed to create a Tweet with duplicate content.',
      notActedOn: true,
    });
    expect(
      map(400, {
        errors: [{ message: 'Your media IDs are invalid.', parameters: { 'media.media_ids': [] } }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      }),
    ).toEqual({
      platformCode: 'invalid-request',
      message: 'One or more parameters to your request was invalid.',
      notActedOn: true,
    });
  });

  it('treats 429, v1.1 code 88 and a usage cap as rate limits', () => {
    expect(map(429, { errors: [{ code: 88, message: 'Rate limit exceeded' }] })).toEqual({
      platformCode: 88,
      message: 'Rate limit exceeded',
      rateLimited: true,
      notActedOn: true,
    });
    expect(
      map(429, {
        title: 'UsageCapExceeded',
        detail: 'Usage cap exceeded: Monthly product cap',
        type: 'https://api.twitter.com/2/problems/usage-capped',
      }),
    ).toMatchObject({ platformCode: 'usage-capped', rateLimited: true });
  });

  it('asks for one refresh on 401, and none when X refuses the app itself', () => {
    expect(map(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' })).toEqual({
      message: 'Unauthorized: X did not accept the access token (expired, revoked or invalid; X answers all three alike)',
      auth: { refreshable: true },
    });
    expect(
      map(403, {
        title: 'Unsupported Authentication',
        detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.',
        type: 'https://api.twitter.com/2/problems/unsupported-authentication',
      }),
    ).toMatchObject({
      platformCode: 'unsupported-authentication',
      auth: { refreshable: false },
    });
    expect(map(400, { error: 'invalid_grant', error_description: 'Value passed for the token was invalid.' })).toEqual({
      platformCode: 'invalid_grant',
      message: 'Value passed for the token was invalid.',
      auth: { refreshable: false },
      notActedOn: true,
    });
  });

  it("leaves a 5xx retryable and unproven, and copes with a body that is not X's", () => {
    expect(map(503, { title: 'Service Unavailable', detail: 'Something went wrong.' })).toEqual({ message: 'Something went wrong.' });
    expect(map(502, '<html>bad gateway</html>')).toEqual({});
  });
});

describe('X errors through the HTTP client', () => {
  it('429: fails with RateLimitError carrying the reset X announced, scoped to the endpoint bucket', async () => {
    const env = testEnv({ httpOptions: { maxWaitMs: 1_000 } });
    const { published } = await env.client.publish(env.account, { text: 'rate limited read' });
    env.sim.faults.inject({ kind: '429-storm', count: 5, match: 'GET /2/tweets/', resetInMs: 120_000 });
    const sentAt = env.clock.now();
    const outcome = await settle(env.client.getPost(env.account, published.parts[0]!));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: RateLimitError }).error;
    expect(RateLimitError.isInstance(error)).toBe(true);
    // x-rate-limit-reset is whole epoch seconds.
    expect(error.resetAt).toBe(new Date(Math.ceil((sentAt + 120_000) / 1000) * 1000).toISOString());
    expect(error.scope).toBe(`x:${env.sim.account.id}:read:tweets`);
  });

  it('429: waits for the reset when allowed to, then succeeds', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'waits' });
    env.sim.faults.inject({ kind: '429-storm', count: 1, match: 'GET /2/tweets/', resetInMs: 120_000 });
    const before = env.clock.now();
    const post = await env.client.getPost(env.account, published.parts[0]!);
    expect(post?.text).toBe('waits');
    expect(env.clock.now() - before).toBeGreaterThanOrEqual(119_000);
  });

  it('a throttled mentions endpoint does not hold back reading posts (per-endpoint buckets)', async () => {
    const env = testEnv({ httpOptions: { maxWaitMs: 1_000 } });
    const { published } = await env.client.publish(env.account, { text: 'not held back' });
    env.sim.faults.inject({ kind: '429-storm', count: 1, match: '/mentions', resetInMs: 600_000 });
    const throttled = await settle(env.client.listMentions(env.account));
    expect(!throttled.ok && RateLimitError.isInstance(throttled.error)).toBe(true);
    const before = env.clock.now();
    expect((await env.client.getPost(env.account, published.parts[0]!))?.text).toBe('not held back');
    expect(env.clock.now() - before).toBeLessThan(1_000);
  });

  it('5xx on a read: retried until it succeeds', async () => {
    const env = testEnv();
    await env.client.getAccountMetrics(env.account);
    const from = env.sim.requests.length;
    env.sim.faults.inject({ kind: '5xx', count: 2, status: 503 });
    const snapshot = await env.client.getAccountMetrics(env.account);
    expect(snapshot.metrics.followers?.value).toBe(env.sim.reportedAccountMetrics().followers_count);
    expect(env.requests(from)).toEqual([
      'GET /2/users/1460000000000000001',
      'GET /2/users/1460000000000000001',
      'GET /2/users/1460000000000000001',
    ]);
  });

  it('5xx on POST /2/tweets: never blindly re-posted (outcome unknown), and a retry with the same key posts once', async () => {
    const env = testEnv();
    env.sim.faults.inject({ kind: '5xx', count: 1, status: 503, match: 'POST /2/tweets' });
    const first = await settle(env.client.publish(env.account, { text: 'maybe posted' }, { idempotencyKey: 'k-503' }));
    expect(!first.ok && PublishOutcomeUnknownError.isInstance(first.error)).toBe(true);
    const second = await env.client.publish(env.account, { text: 'maybe posted' }, { idempotencyKey: 'k-503' });
    expect(
      env.sim
        .posts()
        .filter((post) => post.text === 'maybe posted')
        .map((post) => post.id),
    ).toEqual([second.published.parts[0]!.id]);
  });

  it('resumes a thread whose answer was lost part way, without duplicating a part', async () => {
    const env = testEnv();
    let posts = 0;
    env.sim.faults.inject({
      kind: 'drop-after-send',
      count: 1,
      match: (request) => request.method === 'POST' && request.path === '/2/tweets' && ++posts === 2,
    });
    const draft = { text: 'thread 1/3', thread: [{ text: 'thread 2/3' }, { text: 'thread 3/3' }] };
    const first = await settle(env.client.publish(env.account, draft, { idempotencyKey: 'thread-key' }));
    expect(!first.ok && PublishOutcomeUnknownError.isInstance(first.error)).toBe(true);
    expect(env.sim.posts().map((post) => post.text)).toEqual(['thread 1/3', 'thread 2/3']);

    const { published } = await env.client.publish(env.account, draft, { idempotencyKey: 'thread-key' });
    const held = env.sim.posts();
    expect(held.map((post) => post.text)).toEqual(['thread 1/3', 'thread 2/3', 'thread 3/3']);
    expect(published.parts.map((part) => part.id)).toEqual(held.map((post) => post.id));
    expect(held[2]!.replyToId).toBe(held[1]!.id);

    // Now complete: the same key finds all three without posting.
    const before = env.sim.requests.length;
    const again = await env.client.publish(env.account, draft, { idempotencyKey: 'thread-key' });
    expect(again.warnings.map((warning) => warning.code)).toContain('already_published');
    expect(env.requests(before).filter((line) => line.startsWith('POST'))).toEqual([]);
  });

  it('malformed JSON: ApiCallError, not a crash', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'malformed' });
    env.sim.faults.inject({ kind: 'malformed-json', count: 1, match: 'GET /2/tweets/' });
    const outcome = await settle(env.client.getPost(env.account, published.parts[0]!));
    expect(!outcome.ok && ApiCallError.isInstance(outcome.error)).toBe(true);
  });

  it('no error carries a token in its message or JSON form', async () => {
    const env = testEnv({ httpOptions: { maxWaitMs: 1_000, maxRetries: 0 } });
    const { published } = await env.client.publish(env.account, { text: 'secrets' });
    const errors: unknown[] = [];
    for (const kind of ['429-storm', '5xx', 'malformed-json', 'expired-token'] as const) {
      env.sim.faults.clear();
      env.sim.faults.inject({ kind, count: 10 });
      const outcome = await settle(env.client.getPost(env.account, published.parts[0]!));
      expect(outcome.ok).toBe(false);
      errors.push((outcome as { error: unknown }).error);
    }
    for (const error of errors) {
      const shown = `${(error as Error).message} ${JSON.stringify((error as { toJSON(): unknown }).toJSON())}`;
      expect(shown).not.toMatch(/x-(access|refresh)-\d/);
    }
  });
});
