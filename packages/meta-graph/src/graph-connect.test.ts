import { defineAdapter, type AdapterDefinition } from '@smm/core/adapter-kit';
import { createConnectFlow } from '@smm/core/connect';
import { ValidationError } from '@smm/core/errors';
import { describe, expect, it } from 'vitest';
import { graphOAuthConnect, readMetaTokenAnswer } from './graph-connect.js';
import { GraphCredentialsSchema, type GraphCredentials } from './graph-credentials.js';

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
    expect([connect.scopeSeparator, connect.pkce, connect.clientAuthentication, connect.refresh, connect.readTokenResponse]).toEqual([
      ',',
      'none',
      'client_secret_post',
      'none',
      readMetaTokenAnswer,
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

  it("reads Meta's token answers as RFC 6749 ones: token_type filled in, Instagram's data[0] unwrapped", () => {
    // Threads, step 2 of https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions.
    expect(readMetaTokenAnswer({ access_token: 'THQVJ', user_id: 12345 })).toEqual({
      token_type: 'bearer',
      access_token: 'THQVJ',
      user_id: 12345,
    });
    // Instagram: https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token ("IGQVJ...", 17841405793187218).
    expect(readMetaTokenAnswer({ access_token: 'IGQVJ...', user_id: 17841405793187218 })).toEqual({
      token_type: 'bearer',
      access_token: 'IGQVJ...',
      user_id: 17841405793187218,
    });
    // Business Login for Instagram's nested answer.
    expect(readMetaTokenAnswer({ data: [{ access_token: 'EAAC', user_id: '1020', permissions: 'instagram_business_basic' }] })).toEqual({
      token_type: 'bearer',
      access_token: 'EAAC',
      user_id: '1020',
      permissions: 'instagram_business_basic',
    });
    // Facebook sends token_type itself: kept as is.
    expect(readMetaTokenAnswer({ access_token: 'EAAB', token_type: 'bearer', expires_in: 5183944 })).toEqual({
      access_token: 'EAAB',
      token_type: 'bearer',
      expires_in: 5183944,
    });
  });

  it("connects a Threads account through core's connect flow: code exchange without token_type, then the long-lived token", async () => {
    const REDIRECT = 'https://app.example/callback';
    const seen: string[] = [];
    // Threads as documented: the code exchange answers { access_token, user_id } (no token_type),
    // GET /access_token?grant_type=th_exchange_token answers the long-lived token.
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      const url = new URL(request.url);
      const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/oauth/access_token') {
        const form = new URLSearchParams(await request.text());
        seen.push(`${request.method} ${url.host}${url.pathname} ${form.get('grant_type')} ${form.get('client_id')} ${form.get('code')}`);
        return json({ access_token: 'THQ-short', user_id: 26000 });
      }
      if (url.pathname === '/access_token') {
        seen.push(
          `${request.method} ${url.host}${url.pathname} ${url.searchParams.get('grant_type')} ${url.searchParams.get('access_token')}`,
        );
        return json({ access_token: 'THQ-long', token_type: 'bearer', expires_in: 5183944 });
      }
      return new Response('{}', { status: 404 });
    }) as typeof globalThis.fetch;
    const adapter = defineAdapter({
      platform: 'threads-test',
      displayName: 'Threads (test)',
      capabilities: {
        content: { text: { id: 'threads-test', method: 'graphemes', maxLength: 500 }, media: { maxItems: 0, kinds: [] }, threads: false },
        visibilities: ['public'],
        replies: false,
        delete: false,
        edit: false,
        polls: false,
        firstComment: false,
        nativeScheduling: false,
        directMessages: false,
        mentionKinds: [],
        postMetrics: [],
        accountMetrics: [],
        idempotency: { strategy: 'none' },
      },
      http: { baseUrl: 'https://graph.threads.net' },
      credentials: { schema: GraphCredentialsSchema, createProvider: () => ({ getHeaders: () => ({}) }) },
      doPublish: async () => ({ parts: [{ id: '1' }] }),
      doDelete: async () => {},
      doGetPost: async () => null,
      doListMentions: async () => ({ items: [], nextCursor: null }),
      doGetPostMetrics: async () => ({ metrics: {} }),
      doGetAccountMetrics: async () => ({ metrics: {} }),
      doFindPublished: async () => null,
      connect: graphOAuthConnect<GraphCredentials>({
        kind: 'threads',
        appSecret: 'threads-app-secret',
        defaultScopes: ['threads_basic', 'threads_content_publish'],
        listConnectableAccounts: async (credentials) => [{ id: '26000', handle: 'brand', kind: 'user', credentials }],
      }),
    } as AdapterDefinition);
    const flow = createConnectFlow<GraphCredentials>(adapter, {
      clientId: '990602627938098',
      clientSecret: 'threads-app-secret',
      redirectUri: REDIRECT,
      fetch,
      now: () => now,
    });
    const start = await flow.start();
    const authorize = new URL(start.url);
    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://threads.com/oauth/authorize');
    expect(authorize.searchParams.get('scope')).toBe('threads_basic,threads_content_publish');
    expect(authorize.searchParams.get('code_challenge')).toBeNull();
    const credentials = await flow.finish({
      callbackUrl: `${REDIRECT}?code=AQBx&state=${start.state}`,
      expectedState: start.state,
      codeVerifier: start.codeVerifier,
    });
    expect(credentials).toEqual({ accessToken: 'THQ-short', issuedAt: new Date(now).toISOString(), shortLived: true });
    const accounts = await flow.listAccounts(credentials);
    expect(seen).toEqual([
      'POST graph.threads.net/oauth/access_token authorization_code 990602627938098 AQBx',
      'GET graph.threads.net/access_token th_exchange_token THQ-short',
    ]);
    expect(accounts).toEqual([
      {
        id: '26000',
        handle: 'brand',
        kind: 'user',
        credentials: {
          accessToken: 'THQ-long',
          issuedAt: new Date(now).toISOString(),
          expiresAt: new Date(now + 5183944_000).toISOString(),
        },
      },
    ]);
  });
});
