import { AuthError } from '@smm/core/errors';
import { createHttpClient } from '@smm/core/http';
import { describe, expect, it } from 'vitest';
import { exchangeForLongLivedToken, refreshLongLivedToken } from './long-lived-tokens.js';

const now = Date.parse('2026-01-05T09:00:00Z');

/** Answers like Meta's long-lived token endpoints (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/). */
function tokenFetch() {
  const seen: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(`${url.origin}${url.pathname}?${[...url.searchParams.keys()].join('&')}`);
    return new Response(
      JSON.stringify({ access_token: `long-${url.searchParams.get('grant_type')}`, token_type: 'bearer', expires_in: 5183944 }),
      {
        headers: { 'content-type': 'application/json' },
      },
    );
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('exchangeForLongLivedToken', () => {
  it('uses th_exchange_token at graph.threads.net/access_token (connect context)', async () => {
    const { fetch, seen } = tokenFetch();
    const token = await exchangeForLongLivedToken(
      { fetch, now: () => now, settings: {} },
      { kind: 'threads', accessToken: 'short', appSecret: 'secret' },
    );
    expect(token).toEqual({
      accessToken: 'long-th_exchange_token',
      expiresIn: 5183944,
      expiresAt: new Date(now + 5183944_000).toISOString(),
    });
    expect(seen).toEqual(['https://graph.threads.net/access_token?grant_type&client_secret&access_token']);
  });

  it('uses ig_exchange_token at graph.instagram.com/access_token', async () => {
    const { fetch, seen } = tokenFetch();
    await exchangeForLongLivedToken(
      { fetch, now: () => now, settings: {} },
      { kind: 'instagram', accessToken: 'short', appSecret: 'secret' },
    );
    expect(seen).toEqual(['https://graph.instagram.com/access_token?grant_type&client_secret&access_token']);
  });

  it('uses fb_exchange_token at graph.facebook.com/<version>/oauth/access_token, with the app id', async () => {
    const { fetch, seen } = tokenFetch();
    const token = await exchangeForLongLivedToken(
      { http: createHttpClient({ platform: 'facebook', fetch }), now: () => now },
      { kind: 'facebook', accessToken: 'short', appSecret: 'secret', appId: '1234' },
    );
    expect(token.accessToken).toBe('long-fb_exchange_token');
    expect(seen).toEqual(['https://graph.facebook.com/v26.0/oauth/access_token?grant_type&client_id&client_secret&fb_exchange_token']);
    await expect(
      exchangeForLongLivedToken({ fetch, now: () => now, settings: {} }, { kind: 'facebook', accessToken: 'short', appSecret: 'secret' }),
    ).rejects.toThrow(/needs the app id/);
  });
});

describe('refreshLongLivedToken', () => {
  it('uses ig_refresh_token and th_refresh_token at /refresh_access_token', async () => {
    const { fetch, seen } = tokenFetch();
    const context = { fetch, now: () => now, settings: {} };
    expect((await refreshLongLivedToken(context, { kind: 'instagram', accessToken: 'old' })).accessToken).toBe('long-ig_refresh_token');
    expect((await refreshLongLivedToken(context, { kind: 'threads', accessToken: 'old' })).accessToken).toBe('long-th_refresh_token');
    expect(seen).toEqual([
      'https://graph.instagram.com/refresh_access_token?grant_type&access_token',
      'https://graph.threads.net/refresh_access_token?grant_type&access_token',
    ]);
  });

  it('refuses Facebook (no refresh grant) with a non-refreshable AuthError saying to reconnect', async () => {
    const error = await refreshLongLivedToken(
      { fetch: tokenFetch().fetch, now: () => now, settings: {} },
      { kind: 'facebook', accessToken: 'x' },
    ).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).refreshable).toBe(false);
    expect((error as AuthError).message).toContain('connect the account again');
  });

  it('keeps the token out of the error when Meta refuses', async () => {
    const fetch = (async () =>
      new Response(JSON.stringify({ error: { message: 'Session has expired', type: 'OAuthException', code: 190, error_subcode: 463 } }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      })) as typeof globalThis.fetch;
    const error = await refreshLongLivedToken(
      { fetch, now: () => now, settings: {} },
      { kind: 'threads', accessToken: 'SECRET-TOKEN-123' },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(JSON.stringify(error)).not.toContain('SECRET-TOKEN-123');
    expect(String((error as Error).message)).not.toContain('SECRET-TOKEN-123');
  });
});
