import { createConnectFlow } from '@smm/core/connect';
import { createFakeClock } from '@smm/testkit/clock';
import { createThreadsSimulator } from '@smm/testkit/threads';
import { describe, expect, it } from 'vitest';
import { createThreadsAdapter } from './index.js';
import { THREADS_AUTH_URL, THREADS_DEFAULT_SCOPES } from './internal/index.js';

const REDIRECT = 'https://app.example.com/callback/threads';

function setup(authBaseUrl?: (sim: ReturnType<typeof createThreadsSimulator>) => string) {
  const clock = createFakeClock({ now: '2026-03-02T10:00:00.000Z' });
  const sim = createThreadsSimulator({ clock });
  const adapter = createThreadsAdapter({
    baseUrl: sim.baseUrl,
    ...(authBaseUrl ? { authBaseUrl: authBaseUrl(sim) } : {}),
    appId: sim.app.id,
    appSecret: sim.app.secret,
  });
  const flow = createConnectFlow(adapter, {
    clientId: sim.app.id,
    clientSecret: sim.app.secret,
    redirectUri: REDIRECT,
    fetch: sim.fetch,
    now: () => clock.now(),
  });
  return { clock, sim, flow };
}

describe('Threads connect flow', () => {
  it('sends the user to the Authorization Window with the app id, comma-separated permissions and no PKCE', async () => {
    const { sim, flow } = setup();
    const start = await flow.start();
    const url = new URL(start.url);
    // https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions — Step 1.
    expect(`${url.origin}${url.pathname}`).toBe(`${THREADS_AUTH_URL}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: sim.app.id,
      redirect_uri: REDIRECT,
      scope: THREADS_DEFAULT_SCOPES.join(','),
      response_type: 'code',
      state: start.state,
    });
  });
});

describe('Threads connect flow, end to end against the simulator', () => {
  it('exchanges the code, trades the 1-hour token for a long-lived one, and lists the user from /me', async () => {
    const { clock, sim, flow } = setup((s) => s.baseUrl);
    const start = await flow.start();
    const callbackUrl = (await sim.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    const [account] = await flow.listAccounts(credentials);
    expect(account).toMatchObject({ id: sim.account.id, handle: 'smm_threads', kind: 'user' });
    const stored = account!.credentials as { accessToken: string; expiresAt: string; issuedAt: string; shortLived?: boolean };
    // A long-lived token: 60 days (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/).
    expect(Date.parse(stored.expiresAt) - clock.now()).toBe(60 * 86_400_000);
    expect(stored.shortLived).toBeUndefined();
    const exchange = sim.requests.find((request) => request.path === '/access_token')!;
    expect(exchange.query).toMatchObject({ grant_type: 'th_exchange_token', client_secret: sim.app.secret });
  });
});
