import { AuthError, SmmError } from '@smm/core/adapter-kit';
import { createConnectFlow } from '@smm/core/connect';
import { createFakeClock } from '@smm/testkit/clock';
import { createTikTokSimulator } from '@smm/testkit/tiktok';
import { describe, expect, it } from 'vitest';
import { createTikTokAdapter, type TikTokCredentials } from './index.js';

const REDIRECT = 'http://127.0.0.1:9000/callback/tiktok';

function setup(secret?: string) {
  const clock = createFakeClock({ now: '2026-03-02T10:00:00.000Z' });
  const sim = createTikTokSimulator({ clock });
  const adapter = createTikTokAdapter({ baseUrl: sim.baseUrl, clientSecret: sim.credentials.clientSecret });
  const client = { clientId: sim.credentials.clientKey, clientSecret: secret ?? sim.credentials.clientSecret };
  const flow = createConnectFlow<TikTokCredentials>(adapter, {
    ...client,
    redirectUri: REDIRECT,
    fetch: sim.fetch,
    now: () => clock.now(),
  });
  // What the browser does: follow the authorization URL to the redirect.
  const authorize = async () => {
    const start = await flow.start();
    const redirect = await sim.fetch(start.url, { redirect: 'manual' });
    return { start, callbackUrl: redirect.headers.get('location')! };
  };
  return { sim, flow, authorize };
}

describe('TikTok connect flow (Login Kit for Web)', () => {
  it('sends production apps to www.tiktok.com for consent and to open.tiktokapis.com for tokens', () => {
    const connect = createTikTokAdapter().connect;
    if (connect?.kind !== 'oauth2') throw new Error('the TikTok adapter must declare an OAuth 2.0 connect flow');
    // https://developers.tiktok.com/doc/login-kit-web and /doc/oauth-user-access-token-management
    expect(connect.endpoints({})).toEqual({
      authorizationUrl: 'https://www.tiktok.com/v2/auth/authorize/',
      tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/',
      revocationUrl: 'https://open.tiktokapis.com/v2/oauth/revoke/',
    });
  });

  it('builds the authorization URL with client_key, comma-separated scopes, response_type=code, redirect_uri and state, without PKCE', async () => {
    const flow = createConnectFlow(createTikTokAdapter(), {
      clientId: 'awx1key',
      clientSecret: 'shh',
      redirectUri: 'https://app.example/cb/',
    });
    const { url, state } = await flow.start();
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe('https://www.tiktok.com/v2/auth/authorize/');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      client_key: 'awx1key',
      scope: 'user.info.basic,video.publish,video.upload,video.list',
      response_type: 'code',
      redirect_uri: 'https://app.example/cb/',
      state,
    });
  });

  it('exchanges the code with the form fields TikTok documents and stores the tokens with the client key', async () => {
    const { sim, flow, authorize } = setup();
    const { start, callbackUrl } = await authorize();
    const code = new URL(callbackUrl).searchParams.get('code');
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });

    const exchange = sim.requests.find((request) => request.method === 'POST' && request.path === '/v2/oauth/token/');
    expect(exchange?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(exchange?.body).toMatchObject({
      client_key: 'sim-client-key',
      client_secret: 'sim-client-secret',
      code,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT,
    });
    expect(exchange?.body).not.toHaveProperty('code_verifier');
    expect(credentials).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), clientKey: 'sim-client-key' });
    expect(credentials).not.toHaveProperty('clientSecret');
  });

  it('lists the creator behind the login: open_id, username and display name from GET /v2/user/info/', async () => {
    const { sim, flow, authorize } = setup();
    const { start, callbackUrl } = await authorize();
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    const accounts = await flow.listAccounts(credentials);
    expect(accounts).toEqual([{ id: '-000OpenIdSimCreator', handle: 'smm_creator', displayName: 'SMM Creator', kind: 'user' }]);
    const info = sim.requests.find((request) => request.path === '/v2/user/info/');
    expect(info?.query).toEqual({ fields: 'open_id,union_id,avatar_url,display_name,username' });
    expect(info?.headers.authorization).toBe(`Bearer ${credentials.accessToken}`);
  });

  it('revokes with client_key, client_secret and token at /v2/oauth/revoke/; the token then stops working', async () => {
    const { sim, flow, authorize } = setup();
    const { start, callbackUrl } = await authorize();
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    await flow.revoke(credentials);
    const revokes = sim.requests.filter((request) => request.path === '/v2/oauth/revoke/');
    expect(revokes.map((request) => request.body)).toContainEqual(
      expect.objectContaining({ client_key: 'sim-client-key', client_secret: 'sim-client-secret', token: credentials.accessToken }),
    );
    await expect(flow.listAccounts(credentials)).rejects.toBeInstanceOf(AuthError);
  });

  it('a refused exchange names neither the secret nor the code', async () => {
    const wrong = 'wrong-secret-value-1234';
    const { flow, authorize } = setup(wrong);
    const { start, callbackUrl } = await authorize();
    const code = new URL(callbackUrl).searchParams.get('code')!;
    const error: unknown = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier }).catch((e) => e);
    expect(SmmError.isInstance(error)).toBe(true);
    const told = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    expect(told).not.toContain(wrong);
    expect(told).not.toContain(code);
  });
});
