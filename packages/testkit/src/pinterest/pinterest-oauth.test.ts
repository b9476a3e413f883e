import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createPinterestSimulator } from './pinterest-simulator.js';

const REDIRECT = 'http://127.0.0.1:9000/callback';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function authorizeUrl(baseUrl: string, scope: string) {
  const url = new URL(`${baseUrl}/oauth/`);
  url.search = new URLSearchParams({ client_id: '1484362', redirect_uri: REDIRECT, response_type: 'code', scope, state: 's1' }).toString();
  return url.href;
}

describe("Pinterest simulator's OAuth 2.0 flow", () => {
  it('approves comma-separated scopes, exchanges the code once with HTTP Basic, and the token works on the API', async () => {
    const sim = createPinterestSimulator({ clock: createFakeClock() });
    const redirect = await sim.fetch(authorizeUrl(sim.baseUrl, 'boards:read,user_accounts:read'), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const back = new URL(redirect.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('s1');
    const code = back.searchParams.get('code')!;
    const exchange = () =>
      sim.fetch(`${sim.baseUrl}/v5/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic('1484362', 'pinterest-sim-secret'), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }),
      });
    const response = await exchange();
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Record<string, unknown>;
    // OauthAccessTokenResponseCode: access_token, token_type, expires_in, scope (required), plus the refresh token's lifetime.
    expect(tokens).toMatchObject({
      token_type: 'bearer',
      response_type: 'authorization_code',
      expires_in: 30 * 86_400,
      refresh_token_expires_in: 60 * 86_400,
      scope: 'boards:read user_accounts:read',
    });
    const me = await sim.fetch(`${sim.baseUrl}/v5/user_account`, { headers: { authorization: `Bearer ${String(tokens.access_token)}` } });
    expect(me.status).toBe(200);
    // A code is good once (RFC 6749 §4.1.2).
    expect((await exchange()).status).toBe(400);
  });

  it('refuses a space-separated scope list, which is not Pinterest’s form', async () => {
    const sim = createPinterestSimulator({ clock: createFakeClock() });
    const redirect = await sim.fetch(authorizeUrl(sim.baseUrl, 'boards:read user_accounts:read'), { redirect: 'manual' });
    expect(new URL(redirect.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
  });

  it('refuses an authorization_code request without redirect_uri, as the document requires it', async () => {
    const sim = createPinterestSimulator({ clock: createFakeClock() });
    const redirect = await sim.fetch(authorizeUrl(sim.baseUrl, 'boards:read'), { redirect: 'manual' });
    const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
    const response = await sim.fetch(`${sim.baseUrl}/v5/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic('1484362', 'pinterest-sim-secret'), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('redirect_uri');
  });

  it('still refreshes the seeded credentials (continuous refresh: the old refresh token is then refused)', async () => {
    const sim = createPinterestSimulator({ clock: createFakeClock() });
    const refresh = (token: string) =>
      sim.fetch(`${sim.baseUrl}/v5/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic('1484362', 'pinterest-sim-secret'), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token }),
      });
    const first = await refresh(sim.credentials.refreshToken);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ response_type: 'refresh_token' });
    expect((await refresh(sim.credentials.refreshToken)).status).toBe(400);
  });
});
