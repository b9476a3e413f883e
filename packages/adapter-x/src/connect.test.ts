import { createHash } from 'node:crypto';
import { createClient } from '@smm/core/client';
import { createConnectFlow } from '@smm/core/connect';
import { AuthError, ValidationError } from '@smm/core/adapter-kit';
import { createFakeClock } from '@smm/testkit/clock';
import { X_SIMULATOR_CLIENT_ID, X_SIMULATOR_CONFIDENTIAL_CLIENT } from '@smm/testkit/oauth';
import { createXSimulator } from '@smm/testkit/x';
import { describe, expect, it } from 'vitest';
import { createXAdapter, type XCredentials } from './index.js';

const REDIRECT = 'http://127.0.0.1:9000/callback/x';

function setup(client: { clientId: string; clientSecret?: string } = { clientId: X_SIMULATOR_CLIENT_ID }) {
  const clock = createFakeClock({ now: '2026-03-02T10:00:00.000Z' });
  const sim = createXSimulator({ clock });
  const adapter = createXAdapter({ baseUrl: sim.baseUrl });
  const flow = createConnectFlow<XCredentials>(adapter, { ...client, redirectUri: REDIRECT, fetch: sim.fetch, now: () => clock.now() });
  // What the browser does: follow the authorization URL to the redirect.
  const authorize = async () => {
    const start = await flow.start();
    const redirect = await sim.fetch(start.url, { redirect: 'manual' });
    return { start, callbackUrl: redirect.headers.get('location')! };
  };
  return { clock, sim, adapter, flow, authorize };
}

describe('X connect flow', () => {
  it('sends production apps to x.com for consent and to api.x.com for tokens, as X documents', () => {
    const connect = createXAdapter().connect;
    if (connect?.kind !== 'oauth2') throw new Error('the X adapter must declare an OAuth 2.0 connect flow');
    const endpoints = connect.endpoints({});
    expect(endpoints).toEqual({
      issuer: 'https://x.com',
      authorizationUrl: 'https://x.com/i/oauth2/authorize',
      tokenUrl: 'https://api.x.com/2/oauth2/token',
      revocationUrl: 'https://api.x.com/2/oauth2/revoke',
    });
  });

  it('builds an authorization URL with the default scopes, state and an S256 challenge of the verifier', async () => {
    const { flow } = setup();
    const { url, state, codeVerifier } = await flow.start();
    const params = new URL(url).searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(X_SIMULATOR_CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(REDIRECT);
    expect(params.get('scope')).toBe('tweet.read tweet.write users.read media.write offline.access');
    expect(params.get('state')).toBe(state);
    expect(params.get('code_challenge')).toBe(createHash('sha256').update(codeVerifier).digest('base64url'));
    expect(params.get('code_challenge_method')).toBe('S256');
  });

  it('finishes with credentials the X adapter publishes with, expiring 2 hours after the exchange', async () => {
    const { clock, sim, adapter, flow, authorize } = setup();
    const { start, callbackUrl } = await authorize();
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    expect(credentials).toMatchObject({ clientId: X_SIMULATOR_CLIENT_ID, expiresAt: new Date(clock.now() + 7_200_000).toISOString() });
    expect(credentials.refreshToken).toEqual(expect.any(String));
    expect(await flow.listAccounts(credentials)).toEqual([
      { id: sim.account.id, handle: sim.account.handle, kind: 'user', displayName: expect.any(String) },
    ]);
    const client = createClient({
      adapters: [adapter],
      accounts: [{ platform: 'x', id: sim.account.id, handle: sim.account.handle }],
      credentials: { [`x:${sim.account.id}`]: credentials },
      fetch: sim.fetch,
      clock,
    });
    const { published } = await client.publish(`x:${sim.account.id}`, { text: 'Connected through OAuth 2.0 with PKCE' });
    expect(sim.posts().map((post) => post.id)).toContain(published.parts[0]!.id);
  });

  it('refuses a callback whose state differs, without a token request', async () => {
    const { sim, flow, authorize } = setup();
    const { start, callbackUrl } = await authorize();
    const before = sim.requests.length;
    await expect(flow.finish({ callbackUrl, expectedState: 'another-state', codeVerifier: start.codeVerifier })).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && error.issues[0]!.path[0] === 'state',
    );
    expect(sim.requests.slice(before)).toEqual([]);
  });

  it('authenticates a confidential client with HTTP Basic and never shows the secret in the error of a wrong one', async () => {
    const good = setup(X_SIMULATOR_CONFIDENTIAL_CLIENT);
    const first = await good.authorize();
    await good.flow.finish({ callbackUrl: first.callbackUrl, expectedState: first.start.state, codeVerifier: first.start.codeVerifier });
    const exchange = good.sim.requests.find((request) => request.path === '/2/oauth2/token')!;
    // RFC 6749 §2.3.1: Basic over the form-urlencoded id and secret.
    const [scheme, encoded] = exchange.headers.authorization!.split(' ');
    const [id, secret] = Buffer.from(encoded!, 'base64')
      .toString('utf8')
      .split(':')
      .map((part) => decodeURIComponent(part));
    expect([scheme, id, secret]).toEqual(['Basic', X_SIMULATOR_CONFIDENTIAL_CLIENT.clientId, X_SIMULATOR_CONFIDENTIAL_CLIENT.clientSecret]);

    const wrongSecret = 'not-the-secret-0123456789';
    const bad = setup({ clientId: X_SIMULATOR_CONFIDENTIAL_CLIENT.clientId, clientSecret: wrongSecret });
    const second = await bad.authorize();
    const error = await bad.flow
      .finish({ callbackUrl: second.callbackUrl, expectedState: second.start.state, codeVerifier: second.start.codeVerifier })
      .catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).message).toContain('clientId and clientSecret');
    const shown = `${(error as AuthError).message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(wrongSecret);
    expect(shown).not.toContain(second.start.codeVerifier);
  });
});
