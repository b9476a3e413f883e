import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

describe('credentials', () => {
  it('refreshes an expired access token with the refresh token, client key and secret, and saves the new pair (refresh tokens rotate)', async () => {
    const env = testEnv();
    env.sim.faults.inject({ kind: 'expired-token', match: 'GET /v2/user/info' });
    await env.client.getAccountMetrics(env.account);
    const refresh = env.sim.requests.find((request) => request.path === '/v2/oauth/token/');
    expect(refresh?.body).toEqual({
      client_key: env.sim.credentials.clientKey,
      client_secret: env.sim.credentials.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: env.sim.credentials.refreshToken,
    });
    expect(env.savedCredentials).toHaveLength(1);
    const saved = env.savedCredentials[0] as { accessToken: string; refreshToken: string };
    expect(saved.accessToken).not.toBe(env.sim.credentials.accessToken);
    expect(saved.refreshToken).not.toBe(env.sim.credentials.refreshToken);
    // The rotated refresh token works for the next refresh.
    env.sim.faults.inject({ kind: 'expired-token', match: 'GET /v2/user/info' });
    await env.client.getAccountMetrics(env.account);
    expect(env.savedCredentials).toHaveLength(2);
  });

  it('without a refresh token an expired token ends in an AuthError that names no secret', async () => {
    const env = testEnv({ credentials: (sim) => ({ accessToken: sim.credentials.accessToken }) });
    env.sim.faults.inject({ kind: 'expired-token', count: 5 });
    const outcome = await settle(env.client.getAccountMetrics(env.account));
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: Error }).error;
    expect(error.name).toBe('AuthError');
    expect(JSON.stringify({ message: error.message, error })).not.toContain(env.sim.credentials.accessToken);
  });
});
