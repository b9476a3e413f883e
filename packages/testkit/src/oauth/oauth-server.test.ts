import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createMastodonSimulator } from '../mastodon/index.js';
import { createXSimulator } from '../x/index.js';
import { X_SIMULATOR_CLIENT_ID, X_SIMULATOR_CONFIDENTIAL_CLIENT, isCodeVerifier, s256Challenge } from './index.js';

// RFC 7636 Appendix B: the example verifier and its S256 challenge, copied from the RFC.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const REDIRECT = 'http://127.0.0.1:8123/callback';
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});

describe('PKCE helpers', () => {
  it('computes the S256 challenge of RFC 7636 Appendix B', () => {
    expect(s256Challenge(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
  });

  it('accepts verifiers of 43 to 128 unreserved characters only', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~'.split('')), minLength: 0, maxLength: 140 }), (verifier) => {
        expect(isCodeVerifier(verifier)).toBe(verifier.length >= 43 && verifier.length <= 128);
      }),
    );
    expect(isCodeVerifier(`${'a'.repeat(42)}+`)).toBe(false);
  });
});

async function authorizeX(sim: ReturnType<typeof createXSimulator>, extra: Record<string, string> = {}) {
  const url = new URL(`${sim.baseUrl}/i/oauth2/authorize`);
  const params = {
    response_type: 'code',
    client_id: X_SIMULATOR_CLIENT_ID,
    redirect_uri: REDIRECT,
    scope: 'tweet.read users.read offline.access',
    state: 'state-123',
    code_challenge: RFC_CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return sim.fetch(url, { redirect: 'manual' });
}

describe('the X simulator as an authorization server', () => {
  it('redirects to redirect_uri with a code and the same state, then exchanges the code once for working tokens', async () => {
    const sim = createXSimulator({ clock: createFakeClock() });
    const redirect = await authorizeX(sim);
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('state-123');
    const code = location.searchParams.get('code')!;
    const exchange = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: X_SIMULATOR_CLIENT_ID,
      code_verifier: RFC_VERIFIER,
    };
    const response = await sim.fetch(`${sim.baseUrl}/2/oauth2/token`, form(exchange));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'tweet.read users.read offline.access' });
    expect(typeof tokens.refresh_token).toBe('string');
    const me = await sim.fetch(`${sim.baseUrl}/2/users/me`, { headers: { authorization: `Bearer ${tokens.access_token as string}` } });
    expect(me.status).toBe(200);
    // One-time code (RFC 6749 §4.1.2): the second exchange fails and revokes what the first issued.
    const again = await sim.fetch(`${sim.baseUrl}/2/oauth2/token`, form(exchange));
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    const after = await sim.fetch(`${sim.baseUrl}/2/users/me`, { headers: { authorization: `Bearer ${tokens.access_token as string}` } });
    expect(after.status).toBe(401);
  });

  it('refuses a wrong or missing code_verifier, and an authorization request without PKCE', async () => {
    const sim = createXSimulator({ clock: createFakeClock() });
    const code = new URL((await authorizeX(sim)).headers.get('location')!).searchParams.get('code')!;
    const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: X_SIMULATOR_CLIENT_ID };
    const wrong = await sim.fetch(`${sim.baseUrl}/2/oauth2/token`, form({ ...base, code_verifier: 'x'.repeat(43) }));
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const missing = await sim.fetch(`${sim.baseUrl}/2/oauth2/token`, form(base));
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    const noPkce = await authorizeX(sim, { code_challenge: '' });
    const location = new URL(noPkce.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('does not redirect to an unregistered redirect_uri or for an unknown client', async () => {
    const sim = createXSimulator({ clock: createFakeClock() });
    expect((await authorizeX(sim, { redirect_uri: 'https://evil.example/cb' })).status).toBe(400);
    expect((await authorizeX(sim, { client_id: 'nobody' })).status).toBe(400);
  });

  it('rotates refresh tokens: the old one is refused with invalid_grant, and so is the old access token', async () => {
    const sim = createXSimulator({ clock: createFakeClock() });
    const code = new URL((await authorizeX(sim)).headers.get('location')!).searchParams.get('code')!;
    const first = (await (
      await sim.fetch(
        `${sim.baseUrl}/2/oauth2/token`,
        form({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT,
          client_id: X_SIMULATOR_CLIENT_ID,
          code_verifier: RFC_VERIFIER,
        }),
      )
    ).json()) as { access_token: string; refresh_token: string };
    const refresh = (token: string) =>
      sim.fetch(
        `${sim.baseUrl}/2/oauth2/token`,
        form({ grant_type: 'refresh_token', refresh_token: token, client_id: X_SIMULATOR_CLIENT_ID }),
      );
    const second = (await (await refresh(first.refresh_token)).json()) as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const stale = await refresh(first.refresh_token);
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ error: 'invalid_grant' });
    const old = await sim.fetch(`${sim.baseUrl}/2/users/me`, { headers: { authorization: `Bearer ${first.access_token}` } });
    expect(old.status).toBe(401);
    // RFC 7009: revoking the refresh token drops its access token too.
    const revoked = await sim.fetch(
      `${sim.baseUrl}/2/oauth2/revoke`,
      form({ token: second.refresh_token, client_id: X_SIMULATOR_CLIENT_ID }),
    );
    expect(revoked.status).toBe(200);
    expect((await refresh(second.refresh_token)).status).toBe(400);
    const dropped = await sim.fetch(`${sim.baseUrl}/2/users/me`, { headers: { authorization: `Bearer ${second.access_token}` } });
    expect(dropped.status).toBe(401);
  });

  it('authenticates a confidential client with HTTP Basic and refuses a wrong secret with 401 invalid_client', async () => {
    const sim = createXSimulator({ clock: createFakeClock() });
    const code = new URL(
      (await authorizeX(sim, { client_id: X_SIMULATOR_CONFIDENTIAL_CLIENT.clientId })).headers.get('location')!,
    ).searchParams.get('code')!;
    const body = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: RFC_VERIFIER };
    const basic = (secret: string) => `Basic ${Buffer.from(`${X_SIMULATOR_CONFIDENTIAL_CLIENT.clientId}:${secret}`).toString('base64')}`;
    const bad = await sim.fetch(`${sim.baseUrl}/2/oauth2/token`, {
      ...form(body),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('wrong') },
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: 'invalid_client' });
    const good = await sim.fetch(`${sim.baseUrl}/2/oauth2/token`, {
      ...form(body),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(X_SIMULATOR_CONFIDENTIAL_CLIENT.clientSecret) },
    });
    expect(good.status).toBe(200);
  });

  it('still refreshes the simulator’s own starting credentials', async () => {
    const sim = createXSimulator({ clock: createFakeClock() });
    const response = await sim.fetch(
      `${sim.baseUrl}/2/oauth2/token`,
      form({ grant_type: 'refresh_token', refresh_token: sim.credentials.refreshToken, client_id: sim.credentials.clientId }),
    );
    expect(response.status).toBe(200);
  });
});

describe('the Mastodon simulator as an authorization server', () => {
  it('registers an app, authorises it, and issues a token the API accepts; revoke makes it fail', async () => {
    const sim = createMastodonSimulator({ clock: createFakeClock() });
    const registered = await sim.fetch(
      `${sim.baseUrl}/api/v1/apps`,
      form({ client_name: 'smm test', redirect_uris: REDIRECT, scopes: 'read write' }),
    );
    expect(registered.status).toBe(200);
    const app = (await registered.json()) as Record<string, unknown>;
    expect(app).toMatchObject({ name: 'smm test', scopes: ['read', 'write'], redirect_uris: [REDIRECT], client_secret_expires_at: 0 });
    const url = new URL(`${sim.baseUrl}/oauth/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: app.client_id as string,
      redirect_uri: REDIRECT,
      scope: 'read write:statuses',
      state: 's',
      code_challenge: RFC_CHALLENGE,
      code_challenge_method: 'S256',
    }).toString();
    const code = new URL((await sim.fetch(url, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!;
    const secretFields = { client_id: app.client_id as string, client_secret: app.client_secret as string };
    const token = await sim.fetch(
      `${sim.baseUrl}/oauth/token`,
      form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: RFC_VERIFIER, ...secretFields }),
    );
    const tokens = (await token.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', scope: 'read write:statuses' });
    expect(tokens.refresh_token).toBeUndefined();
    const auth = { headers: { authorization: `Bearer ${tokens.access_token as string}` } };
    expect((await sim.fetch(`${sim.baseUrl}/api/v1/accounts/verify_credentials`, auth)).status).toBe(200);
    expect((await sim.fetch(`${sim.baseUrl}/oauth/revoke`, form({ token: tokens.access_token as string, ...secretFields }))).status).toBe(
      200,
    );
    expect((await sim.fetch(`${sim.baseUrl}/api/v1/accounts/verify_credentials`, auth)).status).toBe(401);
  });

  it('refuses a scope the app did not register, and an app without a name (422)', async () => {
    const sim = createMastodonSimulator({ clock: createFakeClock() });
    const unnamed = await sim.fetch(`${sim.baseUrl}/api/v1/apps`, form({ client_name: '', redirect_uris: REDIRECT }));
    expect(unnamed.status).toBe(422);
    const app = (await (
      await sim.fetch(`${sim.baseUrl}/api/v1/apps`, form({ client_name: 'a', redirect_uris: REDIRECT, scopes: 'read' }))
    ).json()) as {
      client_id: string;
    };
    const url = new URL(`${sim.baseUrl}/oauth/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: app.client_id,
      redirect_uri: REDIRECT,
      scope: 'write',
      state: 's',
    }).toString();
    const location = new URL((await sim.fetch(url, { redirect: 'manual' })).headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_scope');
  });
});
