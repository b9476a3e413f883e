import { ApiCallError, AuthError, RateLimitError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { testEnv, settle } from './__tests__/test-env.js';
import { mapMastodonError } from './error-mapping.js';

const map = (status: number, body: unknown) => mapMastodonError({ status, headers: new Headers(), body });

describe('mapMastodonError', () => {
  it('reads { error } and OAuth { error, error_description } bodies', () => {
    expect(map(422, { error: "Validation failed: Text can't be blank" })).toEqual({
      message: "Validation failed: Text can't be blank",
      notActedOn: true,
    });
    expect(map(401, { error: 'The access token is invalid' })).toEqual({
      message: 'The access token is invalid',
      auth: { refreshable: true },
    });
    expect(map(400, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' })).toEqual({
      platformCode: 'invalid_grant',
      message: 'The provided authorization grant is invalid',
      auth: { refreshable: false },
      notActedOn: true,
    });
  });

  it('treats a missing scope (403) as an auth failure no refresh fixes, other 403s as refusals', () => {
    expect(map(403, { error: 'This action is outside the authorized scopes' })).toEqual({
      message: 'This action is outside the authorized scopes',
      auth: { refreshable: false },
      notActedOn: true,
    });
    expect(map(403, { error: 'This action is not allowed' })).toEqual({ message: 'This action is not allowed', notActedOn: true });
  });

  it('leaves 5xx retryable and unknown bodies without a message', () => {
    expect(map(503, '<html>Bad gateway</html>')).toEqual({ message: '<html>Bad gateway</html>' });
    expect(map(500, null)).toEqual({});
  });
});

describe('errors through the client', () => {
  it('401 without a refresh token: AuthError telling to authorise again, no token anywhere', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'hi' });
    const from = sim.requests.length;
    sim.faults.inject({ kind: 'expired-token', count: 5 });
    const result = await settle(client.getPost(account, published.parts[0]!));
    const error = result.ok ? undefined : result.error;
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).message).toMatch(/authorise the account again/i);
    expect((error as AuthError).refreshable).toBe(false);
    expect(sim.requests.length - from).toBe(1);
    const shown = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(sim.credentials.accessToken);
  });

  it('401 with a refresh token: refreshes once through /oauth/token, saves the rotated tokens, retries', async () => {
    const tokenForms: URLSearchParams[] = [];
    const { sim, client, account, savedCredentials, intercepted } = testEnv({
      credentials: { accessToken: 'stale-token', refreshToken: 'refresh-1', clientId: 'app-1', clientSecret: 'secret-1' },
      intercept: async (request) => {
        if (!request.url.endsWith('/oauth/token')) return undefined;
        tokenForms.push(new URLSearchParams(await request.text()));
        return Response.json({
          access_token: 'mastodon-token-0',
          token_type: 'Bearer',
          refresh_token: 'refresh-2',
          created_at: 1767603600,
        });
      },
    });
    const metrics = await client.getAccountMetrics(account);
    expect(metrics.metrics.followers?.platformName).toBe('followers_count');
    expect(tokenForms.map((form) => Object.fromEntries(form))).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'app-1', client_secret: 'secret-1' },
    ]);
    expect(intercepted[0]!.method).toBe('POST');
    expect(intercepted[0]!.headers.get('authorization')).toBeNull();
    expect(sim.requests.map((request) => request.headers.authorization)).toEqual(['Bearer stale-token', 'Bearer mastodon-token-0']);
    expect(savedCredentials).toEqual([
      { accessToken: 'mastodon-token-0', refreshToken: 'refresh-2', clientId: 'app-1', clientSecret: 'secret-1' },
    ]);
  });

  it('a refused refresh ends in AuthError after one try, with no token or secret in it', async () => {
    let refreshes = 0;
    const { sim, client, account } = testEnv({
      settings: { clientId: 'app-1', clientSecret: 'secret-1' },
      credentials: { accessToken: 'stale-token', refreshToken: 'refresh-1' },
      intercept: (request) => {
        if (!request.url.endsWith('/oauth/token')) return undefined;
        refreshes += 1;
        return Response.json({ error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' }, { status: 400 });
      },
    });
    const result = await settle(client.getAccountMetrics(account));
    const error = result.ok ? undefined : result.error;
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).message).toMatch(/authorise the account again/i);
    expect(refreshes).toBe(1);
    expect(sim.requests).toHaveLength(1);
    const shown = `${(error as Error).message} ${JSON.stringify(error)}`;
    for (const secret of ['stale-token', 'refresh-1', 'secret-1']) expect(shown).not.toContain(secret);
  });

  it('a missing scope (403) is an AuthError that no refresh is tried for', async () => {
    const { client, account, intercepted } = testEnv({
      credentials: { accessToken: 'mastodon-token-0', refreshToken: 'refresh-1', clientId: 'app-1' },
      intercept: (request) =>
        new URL(request.url).pathname === '/api/v1/notifications'
          ? Response.json({ error: 'This action is outside the authorized scopes' }, { status: 403 })
          : undefined,
    });
    const result = await settle(client.listMentions(account));
    const error = result.ok ? undefined : result.error;
    expect(AuthError.isInstance(error) && error.refreshable).toBe(false);
    expect(intercepted.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/notifications']);
  });

  it('429: fails fast when asked to, with RateLimitError carrying the announced ISO reset', async () => {
    const { clock, sim, client, account } = testEnv({ httpOptions: { onRateLimited: () => 'fail' } });
    const resetAt = new Date(clock.now() + 60_000).toISOString();
    sim.faults.inject({ kind: '429-storm', count: 10, resetInMs: 60_000 });
    const result = await settle(client.getAccountMetrics(account));
    const error = result.ok ? undefined : result.error;
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).resetAt).toBe(resetAt);
  });

  it('429: waits for the reset by default, then succeeds', async () => {
    const { clock, sim, client, account } = testEnv();
    const start = clock.now();
    sim.faults.inject({ kind: '429-storm', count: 1, resetInMs: 60_000 });
    const metrics = await client.getAccountMetrics(account);
    expect(metrics.metrics.posts?.value).toBe(0);
    expect(clock.now() - start).toBeGreaterThanOrEqual(60_000);
  });

  it('malformed JSON in a success answer becomes ApiCallError', async () => {
    const { sim, client, account } = testEnv();
    sim.faults.inject({ kind: 'malformed-json', count: 1 });
    const result = await settle(client.listMentions(account));
    expect(!result.ok && ApiCallError.isInstance(result.error)).toBe(true);
  });

  it('a refusal error never shows the token, in its message or its JSON', async () => {
    const { sim, client, account } = testEnv({ settings: { maxCharacters: 900 } });
    const result = await settle(client.publish(account, { text: 'b'.repeat(700) }));
    expect(result.ok).toBe(false);
    const error = result.ok ? undefined : result.error;
    const shown = `${(error as Error).message} ${JSON.stringify(error)} ${JSON.stringify((error as Error).cause)}`;
    expect(shown).toContain('character limit');
    expect(shown).not.toContain(sim.credentials.accessToken);
  });
});
