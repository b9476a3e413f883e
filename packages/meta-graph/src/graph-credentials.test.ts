import { createFakeClock } from '@smm/core/clock';
import { AuthError } from '@smm/core/errors';
import { createHttpClient } from '@smm/core/http';
import { describe, expect, it } from 'vitest';
import { graphCredentialsProvider, GraphCredentialsSchema, type GraphCredentials } from './graph-credentials.js';
import { mapGraphError } from './map-graph-error.js';

const DAY = 86_400_000;

function refresher() {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    calls.push(`${url.pathname}?grant_type=${url.searchParams.get('grant_type')}`);
    return new Response(JSON.stringify({ access_token: `fresh-${calls.length}`, token_type: 'bearer', expires_in: 60 * 86_400 }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { http: createHttpClient({ platform: 'threads', fetch, baseUrl: 'https://graph.threads.net' }), calls };
}

describe('graphCredentialsProvider', () => {
  it('sends the token as a Bearer header and exposes it as a secret', async () => {
    const clock = createFakeClock();
    const { http } = refresher();
    const provider = graphCredentialsProvider({
      kind: 'facebook',
      credentials: { accessToken: 'page-token' },
      http,
      clock,
      saveCredentials: async () => {},
    });
    expect(await provider.getHeaders()).toEqual({ authorization: 'Bearer page-token' });
    expect(provider.secrets()).toEqual(['page-token']);
  });

  it('extends a Threads token 7 days before it expires, once it is 24 h old, and saves it', async () => {
    const clock = createFakeClock({ now: '2026-01-05T09:00:00Z' });
    const { http, calls } = refresher();
    const saved: GraphCredentials[] = [];
    const credentials = {
      accessToken: 'old',
      issuedAt: '2026-01-05T08:00:00.000Z',
      expiresAt: new Date(clock.now() + 3 * DAY).toISOString(),
    };
    const provider = graphCredentialsProvider({
      kind: 'threads',
      credentials,
      http,
      clock,
      saveCredentials: async (next) => void saved.push(next),
    });
    // Only 1 h old: Threads refuses to refresh a token younger than 24 h, so none is tried.
    expect(await provider.getHeaders()).toEqual({ authorization: 'Bearer old' });
    expect(calls).toEqual([]);
    await clock.advance(DAY);
    expect(await provider.getHeaders()).toEqual({ authorization: 'Bearer fresh-1' });
    expect(calls).toEqual(['/refresh_access_token?grant_type=th_refresh_token']);
    expect(saved).toEqual([
      { accessToken: 'fresh-1', issuedAt: new Date(clock.now()).toISOString(), expiresAt: new Date(clock.now() + 60 * DAY).toISOString() },
    ]);
    expect(provider.secrets()).toEqual(['fresh-1']);
    // Far from expiry again: no more refreshes.
    await provider.getHeaders();
    expect(calls).toHaveLength(1);
  });

  it('runs one refresh for concurrent requests', async () => {
    const clock = createFakeClock({ now: '2026-01-05T09:00:00Z' });
    const { http, calls } = refresher();
    const credentials = { accessToken: 'old', issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-06T00:00:00.000Z' };
    const provider = graphCredentialsProvider({ kind: 'instagram', credentials, http, clock, saveCredentials: async () => {} });
    await Promise.all([provider.getHeaders(), provider.getHeaders(), provider.getHeaders()]);
    expect(calls).toEqual(['/refresh_access_token?grant_type=ig_refresh_token']);
  });

  it('answers a refused Facebook token with a non-refreshable AuthError (no refresh grant)', async () => {
    const clock = createFakeClock();
    const { http, calls } = refresher();
    const provider = graphCredentialsProvider({
      kind: 'facebook',
      credentials: { accessToken: 'user' },
      http,
      clock,
      saveCredentials: async () => {},
    });
    const error = await provider.refresh().catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).refreshable).toBe(false);
    expect((error as Error).message).toContain('connect the account again');
    expect(calls).toEqual([]);
  });

  it('validates stored credentials with messages that say what to store', () => {
    const result = GraphCredentialsSchema.safeParse({ accessToken: '', expiresAt: 'tomorrow' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual([
      'accessToken: must be the access token Meta issued (connect the account to get one)',
      'expiresAt: must be an ISO-8601 instant such as 2026-02-01T00:00:00Z',
    ]);
  });

  it("with core's client: an expired token (190/463) is refreshed once and the call sent again with the new one", async () => {
    const clock = createFakeClock({ now: '2026-01-05T09:00:00Z', autoAdvance: true });
    const seen: string[] = [];
    // The server already considers the stored token expired.
    let current: string | undefined;
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      const url = new URL(request.url);
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/refresh_access_token') {
        seen.push(`refresh ${url.searchParams.get('grant_type')}`);
        current = 'new-token';
        return json(200, { access_token: current, token_type: 'bearer', expires_in: 5184000 });
      }
      const token = request.headers.get('authorization');
      seen.push(`${url.pathname} ${token}`);
      if (token !== `Bearer ${current}`)
        return json(400, {
          error: {
            message: 'Error validating access token: Session has expired',
            type: 'OAuthException',
            code: 190,
            error_subcode: 463,
            fbtrace_id: 'T1',
          },
        });
      return json(200, { id: '17841400008460056' });
    }) as typeof globalThis.fetch;
    const bare = createHttpClient({ platform: 'instagram', fetch, clock, baseUrl: 'https://graph.instagram.com', mapError: mapGraphError });
    const saved: GraphCredentials[] = [];
    const credentials = graphCredentialsProvider({
      kind: 'instagram',
      credentials: { accessToken: 'old-token', issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-02-20T00:00:00.000Z' },
      http: bare,
      clock,
      saveCredentials: async (next) => void saved.push(next),
    });
    const http = createHttpClient({
      platform: 'instagram',
      fetch,
      clock,
      baseUrl: 'https://graph.instagram.com',
      mapError: mapGraphError,
      credentials,
    });
    const response = await http.request<{ id: string }>({ path: '/v26.0/me' });
    expect(response.data.id).toBe('17841400008460056');
    expect(seen).toEqual(['/v26.0/me Bearer old-token', 'refresh ig_refresh_token', '/v26.0/me Bearer new-token']);
    expect(saved.map((next) => next.accessToken)).toEqual(['new-token']);
  });

  it('keeps using a still-valid token when its early refresh fails, and says reconnect once it has expired', async () => {
    const clock = createFakeClock({ now: '2026-01-05T09:00:00Z', autoAdvance: true });
    let refreshes = 0;
    const fetch = (async () => {
      refreshes += 1;
      return new Response(
        JSON.stringify({ error: { message: 'Error validating access token', type: 'OAuthException', code: 190, error_subcode: 467 } }),
        {
          status: 400,
          headers: { 'content-type': 'application/json' },
        },
      );
    }) as typeof globalThis.fetch;
    const http = createHttpClient({
      platform: 'threads',
      fetch,
      clock,
      baseUrl: 'https://graph.threads.net',
      mapError: mapGraphError,
      maxRetries: 0,
    });
    const credentials = { accessToken: 'still-good', issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-07T09:00:00.000Z' };
    const provider = graphCredentialsProvider({ kind: 'threads', credentials, http, clock, saveCredentials: async () => {} });
    // Two days left (inside the 7-day margin): the refresh is tried, fails, and the old token still goes.
    expect(await provider.getHeaders()).toEqual({ authorization: 'Bearer still-good' });
    expect(refreshes).toBe(1);
    await clock.advance(3 * DAY);
    const error = await Promise.resolve(provider.getHeaders()).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).refreshable).toBe(false);
    expect((error as Error).message).toContain('connect the account again');
    expect((error as Error).message).not.toContain('still-good');
  });
});
