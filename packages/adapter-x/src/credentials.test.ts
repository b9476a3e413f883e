import { describe, expect, it } from 'vitest';
import { AuthError } from '@smm/core/adapter-kit';
import { settle, testEnv } from './__tests__/test-env.js';

const tokenRequests = (env: ReturnType<typeof testEnv>) => env.sim.requests.filter((request) => request.path === '/2/oauth2/token');

describe('X credentials (OAuth 2.0 refresh with rotation)', () => {
  it('refreshes once after a 401, retries with the new token and hands the rotated tokens back', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'before expiry' });
    env.sim.expireAccessTokens();
    const post = await env.client.getPost(env.account, published.parts[0]!);
    expect(post?.text).toBe('before expiry');
    const [refresh] = tokenRequests(env);
    expect(tokenRequests(env)).toHaveLength(1);
    expect(refresh!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(refresh!.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'x-refresh-0', client_id: 'smm-test-client' });
    // The simulator issues 2-hour tokens (expires_in 7200).
    expect(env.savedCredentials).toEqual([
      {
        accessToken: 'x-access-1',
        refreshToken: 'x-refresh-1',
        clientId: 'smm-test-client',
        expiresAt: new Date(Date.parse(refresh!.at) + 7_200_000).toISOString(),
      },
    ]);
    expect(env.sim.requests.at(-1)!.headers.authorization).toBe('Bearer x-access-1');
  });

  it('refreshes once for many concurrent 401s (a rotated refresh token can be used once)', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'concurrent' });
    env.sim.expireAccessTokens();
    const posts = await Promise.all([1, 2, 3].map(() => env.client.getPost(env.account, published.parts[0]!)));
    expect(posts.map((post) => post?.text)).toEqual(['concurrent', 'concurrent', 'concurrent']);
    expect(tokenRequests(env)).toHaveLength(1);
  });

  it('refreshes ahead of expiresAt, before sending the request', async () => {
    const env = testEnv({ credentials: (sim) => ({ ...sim.credentials, expiresAt: '2026-01-05T09:00:30.000Z' }) });
    await env.client.publish(env.account, { text: 'ahead of time' });
    expect(env.requests().slice(0, 2)).toEqual(['POST /2/oauth2/token', 'POST /2/tweets']);
    expect(env.sim.requests[1]!.headers.authorization).toBe('Bearer x-access-1');
  });

  it('uses the clientId and clientSecret settings when the credentials carry no client id', async () => {
    const env = testEnv({
      settings: { clientId: 'smm-test-client', clientSecret: 'app-secret' },
      credentials: (sim) => ({ accessToken: sim.credentials.accessToken, refreshToken: sim.credentials.refreshToken }),
    });
    env.sim.expireAccessTokens();
    await env.client.getAccountMetrics(env.account);
    const [refresh] = tokenRequests(env);
    expect(refresh!.headers.authorization).toBe(`Basic ${Buffer.from('smm-test-client:app-secret').toString('base64')}`);
    expect((refresh!.body as { client_id: string }).client_id).toBe('smm-test-client');
  });

  it('fails with a non-refreshable AuthError that shows no token when X refuses the refresh', async () => {
    const env = testEnv({ credentials: (sim) => ({ ...sim.credentials, refreshToken: 'stale-refresh-token' }) });
    env.sim.expireAccessTokens();
    const outcome = await settle(env.client.getAccountMetrics(env.account));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: AuthError }).error;
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.refreshable).toBe(false);
    const shown = `${error.message} ${JSON.stringify(error.toJSON())} ${String(error.stack)}`;
    for (const secret of ['x-access-0', 'stale-refresh-token']) expect(shown).not.toContain(secret);
    expect(env.savedCredentials).toEqual([]);
  });

  it('says what is missing when a token cannot be refreshed at all', async () => {
    const env = testEnv({ credentials: (sim) => ({ accessToken: sim.credentials.accessToken }) });
    env.sim.expireAccessTokens();
    const outcome = await settle(env.client.getAccountMetrics(env.account));
    const error = (outcome as { error: AuthError }).error;
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.message).toContain('offline.access');
    expect(tokenRequests(env)).toHaveLength(0);
  });

  // X answers a bare 401 "Unauthorized" for an expired, a revoked and an invalid token alike: the
  // stored expiresAt tells which one the user has, and so what fixes it.
  it('says an invalid token that had not expired is invalid or revoked, and that reconnecting fixes it', async () => {
    const env = testEnv({ credentials: () => ({ accessToken: 'copied-wrong-token', expiresAt: '2026-01-05T11:00:00.000Z' }) });
    const outcome = await settle(env.client.getAccountMetrics(env.account));
    const error = (outcome as { error: AuthError }).error;
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'X rejected the access token as invalid or revoked (it had not expired) and it cannot be refreshed: reconnect the account to get a new token',
    );
    expect(error.refreshable).toBe(false);
    expect(`${error.message} ${JSON.stringify(error.toJSON())}`).not.toContain('copied-wrong-token');
  });

  it('says a revoked token is invalid or revoked when X refuses the refresh too', async () => {
    const env = testEnv({ credentials: (sim) => ({ ...sim.credentials, expiresAt: '2026-01-05T11:00:00.000Z' }) });
    env.sim.revokeAccess();
    const outcome = await settle(env.client.getAccountMetrics(env.account));
    const error = (outcome as { error: AuthError }).error;
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'X rejected the access token as invalid or revoked, and refused to refresh it (the refresh token is revoked too, e.g. the user removed the app at x.com/settings/connected_apps): reconnect the account',
    );
    expect(tokenRequests(env)).toHaveLength(1);
    const shown = `${error.message} ${JSON.stringify(error.toJSON())} ${String(error.stack)}`;
    for (const secret of ['x-access-0', 'x-refresh-0']) expect(shown).not.toContain(secret);
  });

  it('says an expired token expired, and what is missing to refresh it', async () => {
    const env = testEnv({ credentials: (sim) => ({ accessToken: sim.credentials.accessToken, expiresAt: '2026-01-05T08:59:00.000Z' }) });
    env.sim.expireAccessTokens();
    const outcome = await settle(env.client.getAccountMetrics(env.account));
    const error = (outcome as { error: AuthError }).error;
    expect(error.message).toBe(
      'X access token expired and cannot be refreshed: the credentials have no refreshToken (ask for the offline.access scope), or reconnect the account',
    );
  });

  it('says an expired token expired when X refuses its refresh', async () => {
    const env = testEnv({
      credentials: (sim) => ({ ...sim.credentials, refreshToken: 'stale-refresh-token', expiresAt: '2026-01-05T08:59:00.000Z' }),
    });
    const outcome = await settle(env.client.getAccountMetrics(env.account));
    const error = (outcome as { error: AuthError }).error;
    expect(error.message).toBe(
      'X access token expired and X refused to refresh it (the refresh token is invalid or revoked): reconnect the account',
    );
    expect(error.message).not.toContain('stale-refresh-token');
  });

  it('refuses malformed credentials naming the field, without echoing the value', () => {
    expect(() => testEnv({ credentials: () => ({ accessToken: '', refreshToken: 'secret-refresh' }) })).toThrow(
      /credentials\.x:\d+\.accessToken/,
    );
    let caught: unknown;
    try {
      testEnv({ credentials: () => ({ accessToken: '', refreshToken: 'secret-refresh', expiresAt: 'tomorrow' }) });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeDefined();
    expect(`${(caught as Error).message} ${JSON.stringify((caught as AuthError).toJSON())}`).not.toContain('secret-refresh');
  });
});
