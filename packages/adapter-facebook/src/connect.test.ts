import { createConnectFlow } from '@smm/core/connect';
import { createFakeClock } from '@smm/testkit/clock';
import { createFacebookSimulator } from '@smm/testkit/facebook';
import { describe, expect, it } from 'vitest';
import { simulatorSettings } from './__tests__/test-env.js';
import { createFacebookAdapter } from './index.js';

const REDIRECT = 'http://127.0.0.1:8765/callback';

describe('connecting Pages with Facebook Login', () => {
  it('trades the code for a long-lived user token, then lists each Page with its own Page token', async () => {
    const clock = createFakeClock({ now: Date.parse('2026-01-05T09:00:00Z'), autoAdvance: true });
    const sim = createFacebookSimulator({ clock, otherPages: 1 });
    const adapter = createFacebookAdapter(simulatorSettings(sim));
    const flow = createConnectFlow(adapter, {
      clientId: sim.credentials.clientId,
      clientSecret: sim.credentials.clientSecret,
      redirectUri: REDIRECT,
      fetch: sim.fetch,
      now: () => clock.now(),
    });
    const start = await flow.start();
    const url = new URL(start.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.baseUrl}/v26.0/dialog/oauth`);
    expect(url.searchParams.get('scope')).toBe(
      'pages_show_list,pages_read_engagement,pages_manage_posts,pages_manage_engagement,pages_read_user_content,read_insights,publish_video',
    );
    const redirect = await sim.fetch(start.url, { redirect: 'manual' });
    const login = await flow.finish({
      callbackUrl: redirect.headers.get('location')!,
      expectedState: start.state,
      codeVerifier: start.codeVerifier,
    });
    const accounts = await flow.listAccounts(login);
    expect(accounts.map(({ id, kind, displayName }) => ({ id, kind, displayName }))).toEqual([
      { id: sim.account.id, kind: 'page', displayName: 'smm Brand' },
      { id: '200000000000', kind: 'page', displayName: 'Other Page 1' },
    ]);
    expect(accounts[0]!.credentials).toMatchObject({ accessToken: sim.credentials.accessToken });
    // The long-lived exchange went out with the app secret (fb_exchange_token), before /me/accounts.
    expect(sim.requests.map((request) => `${request.method} ${request.path}`).slice(-2)).toEqual([
      'GET /v26.0/oauth/access_token',
      'GET /v26.0/me/accounts',
    ]);
    expect(sim.requests.at(-2)!.query).toMatchObject({ grant_type: 'fb_exchange_token' });
  });
});
