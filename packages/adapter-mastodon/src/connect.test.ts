import { createClient } from '@smm/core/client';
import { createConnectFlow, registerApp } from '@smm/core/connect';
import { ValidationError } from '@smm/core/adapter-kit';
import { createFakeClock } from '@smm/testkit/clock';
import { createMastodonSimulator } from '@smm/testkit/mastodon';
import { describe, expect, it } from 'vitest';
import { createMastodonAdapter } from './index.js';

const REDIRECT = 'http://127.0.0.1:9000/callback/mastodon';

describe('Mastodon connect flow', () => {
  it('registers the app on the instance, connects through /oauth/authorize with PKCE, and publishes with the token', async () => {
    const clock = createFakeClock({ now: '2026-03-02T10:00:00.000Z' });
    const sim = createMastodonSimulator({ clock });
    const adapter = createMastodonAdapter({ baseUrl: 'https://unused.example' });
    const settings = { instanceUrl: sim.baseUrl };
    const app = await registerApp(adapter, { instanceUrl: sim.baseUrl, appName: 'smm tests', redirectUri: REDIRECT, fetch: sim.fetch });
    // docs.joinmastodon.org/methods/apps/#create: client_name, redirect_uris, scopes.
    const registration = sim.requests.find((request) => request.path === '/api/v1/apps')!;
    expect(registration.body).toEqual({ client_name: 'smm tests', redirect_uris: [REDIRECT], scopes: 'read write:statuses write:media' });
    expect(app.clientSecret).toEqual(expect.any(String));

    const flow = createConnectFlow(adapter, { settings, ...app, redirectUri: REDIRECT, fetch: sim.fetch, now: () => clock.now() });
    const start = await flow.start();
    expect(start.url.startsWith(`${sim.baseUrl}/oauth/authorize?`)).toBe(true);
    const callbackUrl = (await sim.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    expect(credentials).toEqual({ accessToken: expect.any(String), clientId: app.clientId, clientSecret: app.clientSecret });
    // docs.joinmastodon.org/methods/oauth/#token: the client id and secret travel in the body.
    const exchange = sim.requests.find((request) => request.path === '/oauth/token')!;
    expect(exchange.body).toMatchObject({ grant_type: 'authorization_code', client_id: app.clientId, code_verifier: start.codeVerifier });
    expect(exchange.headers.authorization).toBeUndefined();

    const accounts = await flow.listAccounts(credentials);
    expect(accounts).toEqual([expect.objectContaining({ id: sim.account.id, kind: 'user' })]);
    const client = createClient({
      adapters: [createMastodonAdapter({ baseUrl: sim.baseUrl })],
      accounts: [{ platform: 'mastodon', id: sim.account.id, handle: sim.account.handle }],
      credentials: { [`mastodon:${sim.account.id}`]: credentials },
      fetch: sim.fetch,
      clock,
    });
    const { published } = await client.publish(`mastodon:${sim.account.id}`, { text: 'Connected to my instance' });
    expect(sim.posts().map((post) => post.id)).toContain(published.parts[0]!.id);

    await flow.revoke(credentials);
    await expect(client.publish(`mastodon:${sim.account.id}`, { text: 'After revoke' })).rejects.toThrow(/authorise the account again/i);
  });

  it('refuses refresh with a message naming the missing refresh token (Mastodon issues none)', async () => {
    const sim = createMastodonSimulator({ clock: createFakeClock() });
    const flow = createConnectFlow(createMastodonAdapter({ baseUrl: sim.baseUrl }), {
      clientId: 'c',
      redirectUri: REDIRECT,
      fetch: sim.fetch,
    });
    const error = await flow.refresh({ accessToken: 'token-without-refresh' }).catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error) && error.issues[0]!.path).toEqual(['refreshToken']);
  });

  it('names the setting when the instance URL is not a URL', () => {
    const adapter = createMastodonAdapter({ baseUrl: 'https://mastodon.example' });
    expect(() =>
      createConnectFlow(adapter, { settings: { instanceUrl: 'mastodon.social' }, clientId: 'c', redirectUri: REDIRECT }),
    ).toThrow(/settings\.instanceUrl/);
  });
});
