import { createFakeClock } from '@smm/core/clock';
import { AuthError } from '@smm/core/errors';
import { createHttpClient } from '@smm/core/http';
import { describe, expect, it } from 'vitest';
import { graphCredentialsProvider, GraphCredentialsSchema, type GraphCredentials } from './graph-credentials.js';

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
});
