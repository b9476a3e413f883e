import { ValidationError } from '@smm/core/errors';
import { describe, expect, it } from 'vitest';
import { graphOAuthConnect } from './graph-connect.js';
import type { GraphCredentials } from './graph-credentials.js';

const now = Date.parse('2026-01-05T09:00:00Z');

function exchangeFetch() {
  const seen: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(`${url.origin}${url.pathname} ${url.searchParams.get('grant_type')}`);
    return new Response(JSON.stringify({ access_token: 'long-lived', token_type: 'bearer', expires_in: 5183944 }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('graphOAuthConnect', () => {
  it('points each login at its own hosts', () => {
    const list = async () => [];
    expect(graphOAuthConnect({ kind: 'facebook', defaultScopes: [], listConnectableAccounts: list }).endpoints({})).toEqual({
      issuer: 'https://www.facebook.com',
      authorizationUrl: 'https://www.facebook.com/v26.0/dialog/oauth',
      tokenUrl: 'https://graph.facebook.com/v26.0/oauth/access_token',
    });
    expect(graphOAuthConnect({ kind: 'instagram', defaultScopes: [], listConnectableAccounts: list }).endpoints({})).toEqual({
      issuer: 'https://www.instagram.com',
      authorizationUrl: 'https://www.instagram.com/oauth/authorize',
      tokenUrl: 'https://api.instagram.com/oauth/access_token',
    });
    expect(graphOAuthConnect({ kind: 'threads', defaultScopes: [], listConnectableAccounts: list }).endpoints({})).toEqual({
      issuer: 'https://threads.com',
      authorizationUrl: 'https://threads.com/oauth/authorize',
      tokenUrl: 'https://graph.threads.net/oauth/access_token',
    });
    const connect = graphOAuthConnect({ kind: 'threads', defaultScopes: ['threads_basic'], listConnectableAccounts: list });
    expect([connect.scopeSeparator, connect.pkce, connect.clientAuthentication, connect.refresh]).toEqual([
      ',',
      'none',
      'client_secret_post',
      'none',
    ]);
  });

  it('marks the code-exchange token short-lived, then trades it for a long-lived one before listing accounts', async () => {
    const { fetch, seen } = exchangeFetch();
    const listed: string[] = [];
    const connect = graphOAuthConnect({
      kind: 'threads',
      appSecret: 'app-secret',
      defaultScopes: ['threads_basic'],
      listConnectableAccounts: async (credentials) => {
        listed.push(credentials.accessToken);
        return [{ id: '1', handle: 'brand', kind: 'user' }];
      },
    });
    const short = connect.toCredentials(
      { access_token: 'short', token_type: 'bearer', expires_in: 3600 },
      { clientId: '99', clientSecret: 'app-secret', now },
    );
    expect(short).toEqual({
      accessToken: 'short',
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 3_600_000).toISOString(),
      shortLived: true,
    });
    const accounts = await connect.listConnectableAccounts(short, { fetch, now: () => now, settings: {} });
    expect(seen).toEqual(['https://graph.threads.net/access_token th_exchange_token']);
    expect(listed).toEqual(['long-lived']);
    expect(accounts).toEqual([
      {
        id: '1',
        handle: 'brand',
        kind: 'user',
        credentials: {
          accessToken: 'long-lived',
          issuedAt: new Date(now).toISOString(),
          expiresAt: new Date(now + 5183944_000).toISOString(),
        },
      },
    ]);
  });

  it("keeps a Page's own token and refuses to go on without the app secret", async () => {
    const { fetch } = exchangeFetch();
    const connect = graphOAuthConnect<GraphCredentials>({
      kind: 'facebook',
      appId: '1234',
      appSecret: 's',
      defaultScopes: ['pages_manage_posts'],
      listConnectableAccounts: async () => [{ id: 'page', kind: 'page', credentials: { accessToken: 'page-token' } }],
    });
    const accounts = await connect.listConnectableAccounts(
      { accessToken: 'short', shortLived: true },
      { fetch, now: () => now, settings: {} },
    );
    expect(accounts[0]!.credentials).toEqual({ accessToken: 'page-token' });
    const bare = graphOAuthConnect({ kind: 'instagram', defaultScopes: [], listConnectableAccounts: async () => [] });
    const error = await bare
      .listConnectableAccounts({ accessToken: 'short', shortLived: true }, { fetch, now: () => now, settings: {} })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues[0]!.message).toContain('set appSecret in the instagram adapter settings');
  });
});
