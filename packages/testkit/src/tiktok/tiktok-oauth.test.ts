import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createTikTokSimulator } from './index.js';

const REDIRECT = 'http://127.0.0.1:8123/callback/';
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});

// https://developers.tiktok.com/doc/login-kit-web, https://developers.tiktok.com/doc/oauth-user-access-token-management
describe('the TikTok simulator as Login Kit', () => {
  const setup = () => {
    const sim = createTikTokSimulator({ clock: createFakeClock() });
    const authorize = (params: Record<string, string>) => {
      const url = new URL(`${sim.baseUrl}/v2/auth/authorize/`);
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      return sim.fetch(url, { redirect: 'manual' });
    };
    return { sim, authorize };
  };
  const asked = { response_type: 'code', redirect_uri: REDIRECT, scope: 'user.info.basic,video.list', state: 's-1' };

  it('names the client client_key: a request with only client_id is refused without a redirect', async () => {
    const { sim, authorize } = setup();
    const refused = await authorize({ ...asked, client_id: sim.credentials.clientKey });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('exchanges a code for tokens with comma-separated scopes, open_id and refresh_expires_in; they work on the API and rotate', async () => {
    const { sim, authorize } = setup();
    const redirect = await authorize({ ...asked, client_key: sim.credentials.clientKey });
    expect(redirect.status).toBe(302);
    const back = new URL(redirect.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('s-1');
    const app = { client_key: sim.credentials.clientKey, client_secret: sim.credentials.clientSecret };
    const exchange = await sim.fetch(
      `${sim.baseUrl}/v2/oauth/token/`,
      form({ ...app, code: back.searchParams.get('code')!, grant_type: 'authorization_code', redirect_uri: REDIRECT }),
    );
    expect(exchange.status).toBe(200);
    const tokens = (await exchange.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({
      scope: 'user.info.basic,video.list',
      open_id: sim.account.id,
      token_type: 'Bearer',
      expires_in: 7200,
      refresh_expires_in: 180 * 86_400,
    });
    const me = await sim.fetch(`${sim.baseUrl}/v2/user/info/?fields=open_id`, {
      headers: { authorization: `Bearer ${String(tokens.access_token)}` },
    });
    expect(me.status).toBe(200);

    const refresh = form({ ...app, grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) });
    expect((await sim.fetch(`${sim.baseUrl}/v2/oauth/token/`, refresh)).status).toBe(200);
    const again = await sim.fetch(`${sim.baseUrl}/v2/oauth/token/`, refresh);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a token request whose client_secret is wrong', async () => {
    const { sim, authorize } = setup();
    const redirect = await authorize({ ...asked, client_key: sim.credentials.clientKey });
    const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
    const answer = await sim.fetch(
      `${sim.baseUrl}/v2/oauth/token/`,
      form({
        client_key: sim.credentials.clientKey,
        client_secret: 'nope',
        code,
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT,
      }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid_client' });
  });
});
