import { createConnectFlow } from '@smm/core/connect';
import { createFakeClock } from '@smm/testkit/clock';
import { createThreadsSimulator } from '@smm/testkit/threads';
import { describe, expect, it } from 'vitest';
import { createThreadsAdapter } from './index.js';
import { THREADS_AUTH_URL, THREADS_DEFAULT_SCOPES } from './internal/index.js';

const REDIRECT = 'https://app.example.com/callback/threads';

describe('Threads connect flow', () => {
  it('sends the user to the Authorization Window with the app id, comma-separated permissions and no PKCE', async () => {
    const clock = createFakeClock({ now: '2026-03-02T10:00:00.000Z' });
    const sim = createThreadsSimulator({ clock });
    const adapter = createThreadsAdapter({ baseUrl: sim.baseUrl, appId: sim.app.id, appSecret: sim.app.secret });
    const flow = createConnectFlow(adapter, {
      clientId: sim.app.id,
      clientSecret: sim.app.secret,
      redirectUri: REDIRECT,
      fetch: sim.fetch,
      now: () => clock.now(),
    });
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
