import { describe, expect, it } from 'vitest';
import { ApiCallError, AuthError, RateLimitError } from '@smm/core/adapter-kit';
import { mapBlueskyError } from './error-mapping.js';
import { testEnv } from './__tests__/test-env.js';

const map = (status: number, body: unknown) => mapBlueskyError({ status, headers: new Headers(), body });

describe('mapBlueskyError', () => {
  it('reads XRPC error bodies into what the HTTP client needs', () => {
    expect(map(400, { error: 'ExpiredToken', message: 'Token has expired' })).toEqual({
      platformCode: 'ExpiredToken',
      message: 'Token has expired',
      auth: { refreshable: true },
    });
    expect(map(401, { error: 'InvalidToken' })).toEqual({ platformCode: 'InvalidToken', auth: { refreshable: true } });
    expect(map(400, { error: 'AccountTakedown', message: 'Account has been taken down' })).toMatchObject({ auth: { refreshable: false } });
    expect(map(429, { error: 'RateLimitExceeded' })).toMatchObject({ rateLimited: true });
    expect(map(400, { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record' })).toMatchObject({
      platformCode: 'InvalidRequest',
      notActedOn: true,
    });
    expect(map(501, { error: 'MethodNotImplemented' })).toMatchObject({ retryable: false });
    expect(map(503, { error: 'InternalServerError' })).toEqual({ platformCode: 'InternalServerError' });
    expect(map(502, '<html>bad gateway</html>')).toBeUndefined();
  });
});

describe('errors through the client', () => {
  it('429: fails with RateLimitError carrying resetAt from ratelimit-reset when waiting is not allowed', async () => {
    const { client, account, sim } = testEnv({ httpOptions: { onRateLimited: () => 'fail', maxRetries: 0 } });
    sim.faults.inject({ kind: '429-storm', count: 5, resetInMs: 120_000, match: 'getProfile' });
    const error = await client.getAccountMetrics(account).catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error)).toBe(true);
    // The simulator announces the reset in whole epoch seconds: 120 s after the 429.
    const resetMs = Date.parse((error as RateLimitError).resetAt!);
    const sentMs = Date.parse(sim.requests.at(-1)!.at);
    expect(resetMs - sentMs).toBeGreaterThanOrEqual(119_000);
    expect(resetMs - sentMs).toBeLessThanOrEqual(121_000);
  });

  it('429: by default waits for the announced reset, then succeeds', async () => {
    const { client, account, sim, clock } = testEnv();
    await client.getAccountMetrics(account);
    sim.faults.inject({ kind: '429-storm', count: 1, resetInMs: 90_000 });
    const before = clock.now();
    await client.getAccountMetrics(account);
    expect(clock.now() - before).toBeGreaterThanOrEqual(90_000);
  });

  it('5xx: retried until it succeeds, for reads and for creates (the record key makes them safe)', async () => {
    const { client, account, sim, calls } = testEnv();
    sim.faults.inject({ kind: '5xx', status: 503, count: 2, match: 'createRecord' });
    await client.publish(account, { text: 'after two 503s' });
    expect(calls('com.atproto.repo.createRecord')).toHaveLength(3);
    expect(sim.posts()).toHaveLength(1);
  });

  it('malformed JSON: ApiCallError, not a crash', async () => {
    const { client, account, sim } = testEnv();
    await client.getAccountMetrics(account);
    sim.faults.inject({ kind: 'malformed-json', count: 1 });
    const error = await client.getAccountMetrics(account).catch((caught: unknown) => caught);
    expect(ApiCallError.isInstance(error)).toBe(true);
  });

  it('401 for good: one refresh, then AuthError', async () => {
    const { client, account, sim } = testEnv();
    await client.getAccountMetrics(account);
    const from = sim.requests.length;
    sim.faults.inject({ kind: 'expired-token', count: 20 });
    const error = await client.getAccountMetrics(account).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    const paths = sim.requests.slice(from).map((request) => request.path.replace('/xrpc/', ''));
    expect(paths.filter((path) => path === 'com.atproto.server.refreshSession')).toHaveLength(1);
    expect(paths.length).toBeLessThanOrEqual(4);
  });

  it('a refused record becomes a ValidationError with Bluesky’s message', async () => {
    const { client, adapter, account, sim, clock } = testEnv();
    // Bypass core's own length check to let the PDS judge a 301-grapheme text.
    const context = {
      http: await client.http(account),
      account: client.accounts[0]!,
      credentials: { getHeaders: () => ({}) },
      clock,
      logger: console,
      signal: new AbortController().signal,
      idempotencyKey: 'x',
    };
    const { parsePostDraft } = await import('@smm/core/adapter-kit');
    const outcome = await adapter
      .doPublish({ draft: parsePostDraft({ text: 'a'.repeat(301) }), networkOptions: undefined }, context)
      .catch((error: unknown) => error);
    expect(outcome).toMatchObject({ name: 'ValidationError' });
    expect((outcome as Error).message).toContain('300 graphemes');
    expect(sim.posts()).toHaveLength(0);
  });

  it('no password or token appears in any error message or toJSON', async () => {
    const { client, account, sim, savedCredentials, clock } = testEnv({ httpOptions: { onRateLimited: () => 'fail', maxRetries: 1 } });
    await client.getAccountMetrics(account);
    const errors: unknown[] = [];
    sim.faults.inject({ kind: '429-storm', count: 3 });
    errors.push(await client.getAccountMetrics(account).catch((error: unknown) => error));
    sim.faults.clear();
    await clock.advance(6 * 60_000); // past the read window the PDS announced
    sim.faults.inject({ kind: '5xx', status: 502, count: 5 });
    errors.push(await client.getAccountMetrics(account).catch((error: unknown) => error));
    sim.faults.clear();
    sim.faults.inject({ kind: 'expired-token', count: 10 });
    errors.push(await client.getAccountMetrics(account).catch((error: unknown) => error));
    const secrets = [
      sim.credentials.password,
      ...savedCredentials.flatMap((entry) => [(entry as { accessJwt: string }).accessJwt, (entry as { refreshJwt: string }).refreshJwt]),
    ];
    expect(errors.map((error) => (error as Error).name)).toEqual(['RateLimitError', 'ApiCallError', 'AuthError']);
    for (const error of errors) {
      const shown = `${(error as Error).message} ${JSON.stringify((error as { toJSON(): unknown }).toJSON())}`;
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
  });
});
