import { AuthError } from '@smm/core/adapter-kit';
import { createClient } from '@smm/core/client';
import { createConnectFlow } from '@smm/core/connect';
import { createFakeClock } from '@smm/testkit/clock';
import { createPinterestSimulator } from '@smm/testkit/pinterest';
import { describe, expect, it } from 'vitest';
import { createPinterestAdapter } from './index.js';
import { listPinterestBoards } from './internal/index.js';

const REDIRECT = 'http://127.0.0.1:9000/callback/pinterest';
const DAY_MS = 86_400_000;

function setup() {
  const clock = createFakeClock({ now: '2026-03-02T10:00:00.000Z' });
  const sim = createPinterestSimulator({ clock, seed: 1 });
  const adapter = createPinterestAdapter({ baseUrl: sim.baseUrl, authBaseUrl: sim.baseUrl });
  const app = { clientId: sim.credentials.clientId, clientSecret: sim.credentials.clientSecret };
  const flow = createConnectFlow(adapter, { ...app, redirectUri: REDIRECT, fetch: sim.fetch, now: () => clock.now() });
  return { clock, sim, adapter, app, flow };
}

describe('Pinterest connect flow', () => {
  it('authorizes at /oauth/ with comma-separated scopes and no PKCE, exchanges the code with HTTP Basic, and lists the account', async () => {
    const { clock, sim, flow, app } = setup();
    const start = await flow.start();
    const url = new URL(start.url);
    // https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/ (step 1)
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.baseUrl}/oauth/`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: '1484362',
      redirect_uri: REDIRECT,
      scope: 'boards:read,pins:read,pins:write,user_accounts:read',
      state: start.state,
    });

    const callbackUrl = (await sim.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
    const code = new URL(callbackUrl).searchParams.get('code');
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });

    // Step 3: POST /v5/oauth/token, Basic base64("<app id>:<app secret>"), form grant_type, code, redirect_uri.
    const exchange = sim.requests.find((request) => request.path === '/v5/oauth/token')!;
    expect(exchange.method).toBe('POST');
    // Each half form-urlencoded first (RFC 6749 §2.3.1): the same bytes as Pinterest's plain `id:secret` for ids and secrets of letters and digits.
    const basic = /^Basic (.+)$/.exec(exchange.headers.authorization ?? '')![1]!;
    expect(Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)).toEqual(['1484362', 'pinterest-sim-secret']);
    expect(exchange.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(exchange.body).toEqual({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });

    const stored = credentials as { accessToken: string; refreshToken: string; expiresAt: string; clientId: string; clientSecret: string };
    expect(stored.refreshToken).toEqual(expect.any(String));
    expect(stored.clientId).toBe(app.clientId);
    expect(stored.clientSecret).toBe(app.clientSecret);
    // The simulator's access tokens live 30 days.
    expect(Date.parse(stored.expiresAt) - clock.now()).toBe(30 * DAY_MS);

    const accounts = await flow.listAccounts(credentials);
    expect(accounts).toEqual([{ id: '2783136121146311751', handle: 'smm_brand', displayName: 'smm', kind: 'user' }]);
    const me = sim.requests.at(-1)!;
    expect(me.path).toBe('/v5/user_account');
    expect(me.headers.authorization).toBe(`Bearer ${stored.accessToken}`);
  });

  it('lists the boards and their sections right after connecting, so the app can store a default board', async () => {
    const { sim, flow } = setup();
    const start = await flow.start();
    const callbackUrl = (await sim.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    const [account] = await flow.listAccounts(credentials);

    const client = createClient({
      adapters: [createPinterestAdapter({ baseUrl: sim.baseUrl })],
      accounts: [{ platform: 'pinterest', id: account!.id, handle: account!.handle! }],
      credentials: { [`pinterest:${account!.id}`]: credentials },
      fetch: sim.fetch,
    });
    const boards = await listPinterestBoards(await client.http(`pinterest:${account!.id}`));
    // The simulator's default: 3 boards of 2 sections each.
    expect(boards.map((board) => board.name)).toEqual(['Board 1', 'Board 2', 'Board 3']);
    expect(boards[0]).toMatchObject({
      id: '549755885175',
      sections: [
        { id: '5000000000000', name: 'Section 1.1' },
        { id: '5000000000001', name: 'Section 1.2' },
      ],
    });

    // The default board chosen at connect time takes the account's pins.
    await client.publish(`pinterest:${account!.id}`, {
      text: 'Connected',
      media: [{ kind: 'image', source: { type: 'url', url: 'https://example.com/salad.jpg' }, mimeType: 'image/jpeg', altText: 'A salad' }],
      networkOptions: { pinterest: { boardId: boards[1]!.id, boardSectionId: boards[1]!.sections[0]!.id } },
    });
    const pin = sim.requests.find((request) => request.method === 'POST' && request.path === '/v5/pins')!;
    expect(pin.body).toMatchObject({ board_id: '549755886175', board_section_id: '5000000000100' });
  });

  it('refuses a wrong app secret with an AuthError that shows neither the secret nor the code', async () => {
    const { sim, adapter } = setup();
    const flow = createConnectFlow(adapter, {
      clientId: '1484362',
      clientSecret: 'not-the-secret',
      redirectUri: REDIRECT,
      fetch: sim.fetch,
    });
    const start = await flow.start();
    const callbackUrl = (await sim.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
    const code = new URL(callbackUrl).searchParams.get('code')!;
    const outcome = await flow
      .finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier })
      .catch((error: unknown) => error);
    expect(AuthError.isInstance(outcome)).toBe(true);
    const shown = `${(outcome as Error).message} ${String((outcome as Error).cause ?? '')}`;
    expect(shown).not.toContain('not-the-secret');
    expect(shown).not.toContain(code);
  });
});
