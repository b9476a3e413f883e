import { createClient } from '@smm/core/client';
import { createConnectFlow } from '@smm/core/connect';
import { createFakeClock } from '@smm/testkit/clock';
import { createInstagramSimulator, type InstagramLogin } from '@smm/testkit/instagram';
import { describe, expect, it } from 'vitest';
import { createInstagramAdapter } from './index.js';

const REDIRECT = 'http://127.0.0.1:9000/callback/instagram';

function setup(login: InstagramLogin) {
  const clock = createFakeClock({ now: '2026-12-01T10:00:00.000Z', autoAdvance: true });
  const sim = createInstagramSimulator({ clock, seed: 1, login });
  const { clientId, clientSecret } = sim.credentials;
  const adapter = createInstagramAdapter({
    login,
    baseUrl: sim.baseUrl,
    appId: clientId,
    appSecret: clientSecret,
    connectHosts: { authorize: sim.baseUrl, codeExchange: sim.baseUrl },
  });
  const flow = createConnectFlow(adapter, { clientId, clientSecret, redirectUri: REDIRECT, fetch: sim.fetch, now: () => clock.now() });
  return { clock, sim, adapter, flow };
}

describe('Instagram connect flow', () => {
  it('Instagram Login: authorizes at /oauth/authorize with the instagram_business_* scopes, trades the code for a 60-day token, lists the account', async () => {
    const { sim, flow, adapter, clock } = setup('instagram');
    const start = await flow.start();
    const url = new URL(start.url);
    // https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.baseUrl}/oauth/authorize`);
    expect(url.searchParams.get('scope')).toBe(
      'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments,instagram_business_manage_insights',
    );
    const callbackUrl = (await sim.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    const accounts = await flow.listAccounts(credentials);
    expect(accounts.map((account) => [account.id, account.handle, account.kind])).toEqual([[sim.account.id, sim.account.handle, 'user']]);
    // The listed account's token is the long-lived one (60 days), and it publishes.
    const stored = accounts[0]!.credentials as { accessToken: string; expiresAt: string; shortLived?: boolean };
    expect(stored.shortLived).toBeUndefined();
    expect(Date.parse(stored.expiresAt) - clock.now()).toBeGreaterThan(59 * 86_400_000);
    const client = createClient({
      adapters: [adapter],
      accounts: [{ platform: 'instagram', id: sim.account.id, handle: sim.account.handle }],
      credentials: { [`instagram:${sim.account.id}`]: stored },
      clock,
      fetch: sim.fetch,
    });
    const media = {
      kind: 'image' as const,
      source: { type: 'url' as const, url: sim.mediaHost.add(new Uint8Array([1]), 'image/jpeg') },
      mimeType: 'image/jpeg',
      sizeBytes: 1,
      width: 1080,
      height: 1080,
    };
    await client.publish(`instagram:${sim.account.id}`, { text: 'connected', media: [media] });
    expect(sim.posts().map((post) => post.text)).toEqual(['connected']);
  });

  it('Facebook Login: the Instagram accounts linked to the person’s Pages', async () => {
    const { sim, flow } = setup('facebook');
    const start = await flow.start();
    expect(new URL(start.url).pathname).toBe('/v26.0/dialog/oauth');
    const callbackUrl = (await sim.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    const accounts = await flow.listAccounts(credentials);
    expect(accounts.map((account) => [account.id, account.handle])).toEqual([[sim.account.id, sim.account.handle]]);
    expect(sim.requests.some((request) => request.path === '/v26.0/me/accounts')).toBe(true);
  });
});
