import { AuthError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { settle, testEnv } from './__tests__/test-env.js';

describe('Pinterest credentials', () => {
  it('on an expired token refreshes once with HTTP Basic app credentials and hands the replaced refresh token to the app', async () => {
    const { sim, client, account, savedCredentials } = testEnv();
    sim.expireAccessTokens();
    await client.getAccountMetrics(account);
    const refresh = sim.requests.find((entry) => entry.path === '/v5/oauth/token')!;
    expect(refresh.headers.authorization).toBe(`Basic ${btoa(`${sim.credentials.clientId}:${sim.credentials.clientSecret}`)}`);
    expect(refresh.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'pinr_refresh-0' });
    expect(savedCredentials).toHaveLength(1);
    expect(savedCredentials[0]).toMatchObject({ accessToken: 'pina_access-1', refreshToken: 'pinr_refresh-1' });
  });

  it('without the app secret cannot refresh: AuthError that says what to set, with no secret in it', async () => {
    const { sim, client, account } = testEnv({
      settings: { clientSecret: undefined },
      credentials: (simulator) => ({ accessToken: simulator.credentials.accessToken, refreshToken: simulator.credentials.refreshToken }),
    });
    sim.expireAccessTokens();
    const outcome = await settle(client.getAccountMetrics(account));
    const error = (outcome as { error: unknown }).error;
    expect(AuthError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).toContain('clientSecret');
    expect(JSON.stringify(error)).not.toContain(sim.credentials.refreshToken);
  });
});
