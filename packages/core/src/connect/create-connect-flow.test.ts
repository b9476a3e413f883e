import { createHash } from 'node:crypto';
import { createOAuthServer } from '@smm/testkit/oauth';
import { createSimulatorEngine, json } from '@smm/testkit/simulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAdapter, type AdapterDefinition, type OAuthConnect } from '../adapter-kit/index.js';
import { createFakeClock } from '../clock/index.js';
import { ApiCallError, AuthError, ValidationError } from '../errors/index.js';
import { createConnectFlow, loginWithPassword, registerApp } from './index.js';

const BASE = 'https://memo.example';
const REDIRECT = 'https://app.example/callback';
type Credentials = { token: string; refresh?: string; expiresAt?: string };

const connect: OAuthConnect<Credentials> = {
  kind: 'oauth2',
  endpoints: () => ({ authorizationUrl: `${BASE}/authorize`, tokenUrl: `${BASE}/token`, revocationUrl: `${BASE}/revoke` }),
  defaultScopes: ['read', 'write'],
  pkce: 'S256',
  clientAuthentication: 'client_secret_basic',
  refresh: 'rotating',
  toCredentials: (tokens, { now }) => ({
    token: tokens.access_token,
    ...(tokens.refresh_token ? { refresh: tokens.refresh_token } : {}),
    ...(tokens.expires_in ? { expiresAt: new Date(now + tokens.expires_in * 1000).toISOString() } : {}),
  }),
  tokensOf: (credentials) => ({ accessToken: credentials.token, ...(credentials.refresh ? { refreshToken: credentials.refresh } : {}) }),
  listConnectableAccounts: async () => [{ id: 'u1', handle: 'memo_user', kind: 'user' }],
};

function adapter(extra: Partial<AdapterDefinition> = {}) {
  return defineAdapter({
    platform: 'memo',
    displayName: 'Memo',
    capabilities: {
      content: { text: { id: 'memo', method: 'graphemes', maxLength: 100 }, media: { maxItems: 1, kinds: ['image'] }, threads: false },
      visibilities: ['public'],
      replies: false,
      delete: true,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention'],
      postMetrics: ['likes'],
      accountMetrics: ['followers'],
      idempotency: { strategy: 'lookup' },
    },
    http: { baseUrl: BASE },
    credentials: {
      schema: z.object({ token: z.string(), refresh: z.string().optional(), expiresAt: z.string().optional() }),
      createProvider: () => ({ getHeaders: () => ({}) }),
    },
    doPublish: async () => ({ parts: [{ id: '1' }] }),
    doDelete: async () => {},
    doGetPost: async () => null,
    doListMentions: async () => ({ items: [], nextCursor: null }),
    doGetPostMetrics: async () => ({ metrics: {} }),
    doGetAccountMetrics: async () => ({ metrics: {} }),
    doFindPublished: async () => null,
    connect,
    ...extra,
  } as AdapterDefinition);
}

// An authorization server (the testkit's RFC 6749/7636/7009 simulator) on a bare engine.
function server() {
  const clock = createFakeClock({ now: '2026-04-01T08:00:00.000Z' });
  const live = new Set<string>();
  const oauth = createOAuthServer({
    paths: { authorize: '/authorize', token: '/token', revoke: '/revoke' },
    scopes: ['read', 'write'],
    clients: [
      { clientId: 'public-app', redirectUris: [REDIRECT] },
      { clientId: 'secret-app', clientSecret: 's3cret-value-for-tests', redirectUris: [REDIRECT] },
    ],
    requirePkce: true,
    refreshTokens: true,
    accessTokenTtlMs: 3_600_000,
    tokenType: 'Bearer',
    tokenPrefix: 'memo',
    now: () => clock.now(),
    tokens: { accept: (token) => void live.add(token), forget: (token) => void live.delete(token) },
  });
  const engine = createSimulatorEngine({
    platform: 'memo',
    baseUrl: BASE,
    clock,
    routes: oauth.routes,
    faultResponses: {
      rateLimited: () => json(429, {}),
      serverError: (_request, status) => json(status, {}),
      expiredToken: () => json(401, {}),
      notFound: () => json(404, {}),
    },
  });
  return { clock, live, engine };
}

async function connected(clientId = 'public-app', clientSecret?: string) {
  const { clock, live, engine } = server();
  const changes: Credentials[] = [];
  const flow = createConnectFlow<Credentials>(adapter(), {
    clientId,
    ...(clientSecret ? { clientSecret } : {}),
    redirectUri: REDIRECT,
    fetch: engine.fetch,
    now: () => clock.now(),
    onCredentialsChange: (_account, next) => void changes.push(next),
  });
  const start = await flow.start();
  const callbackUrl = (await engine.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
  return { clock, live, engine, flow, start, callbackUrl, changes };
}

describe('createConnectFlow', () => {
  it('starts with a fresh state and verifier each time, and a challenge that is the S256 of the verifier', async () => {
    const { flow } = await connected();
    await fc.assert(
      fc.asyncProperty(fc.constant(null), async () => {
        const [a, b] = [await flow.start(), await flow.start()];
        expect(a.state).not.toBe(b.state);
        expect(a.codeVerifier).not.toBe(b.codeVerifier);
        expect(a.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
        expect(new URL(a.url).searchParams.get('code_challenge')).toBe(createHash('sha256').update(a.codeVerifier).digest('base64url'));
      }),
      { numRuns: 10 },
    );
  });

  it('joins scopes with spaces (RFC 6749 §3.3), or with the separator the connect member declares', async () => {
    const options = { clientId: 'public-app', redirectUri: 'http://127.0.0.1:9/cb', scopes: ['read', 'write'] };
    const spaced = await createConnectFlow<Credentials>(adapter(), options).start();
    expect(new URL(spaced.url).searchParams.get('scope')).toBe('read write');
    const commas = await createConnectFlow<Credentials>(adapter({ connect: { ...connect, scopeSeparator: ',' } }), options).start();
    expect(new URL(commas.url).searchParams.get('scope')).toBe('read,write');
    expect(() => adapter({ connect: { ...connect, scopeSeparator: ';' as ',' } })).toThrow(/scopeSeparator/);
  });

  it('exchanges the code (given as code and state) for credentials, expiring as the server says', async () => {
    const { clock, flow, start, callbackUrl, live } = await connected();
    const params = new URL(callbackUrl).searchParams;
    const credentials = await flow.finish({
      code: params.get('code')!,
      state: params.get('state')!,
      expectedState: start.state,
      codeVerifier: start.codeVerifier,
    });
    expect(credentials.expiresAt).toBe(new Date(clock.now() + 3_600_000).toISOString());
    expect(live.has(credentials.token)).toBe(true);
    expect(await flow.listAccounts(credentials)).toEqual([{ id: 'u1', handle: 'memo_user', kind: 'user' }]);
  });

  it("reads a token answer without token_type through the adapter's readTokenResponse (Meta's Threads and Instagram logins)", async () => {
    const { clock, engine } = server();
    // A token endpoint that answers as Threads does: { access_token, user_id }, no token_type.
    const metaLike = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await engine.fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(`${BASE}/token`) || !response.ok) return response;
      const { token_type: _dropped, ...rest } = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...rest, user_id: 17841 }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const finishWith = async (extra: Partial<OAuthConnect<Credentials>>) => {
      const flow = createConnectFlow<Credentials>(adapter({ connect: { ...connect, ...extra } }), {
        clientId: 'public-app',
        redirectUri: REDIRECT,
        fetch: metaLike,
        now: () => clock.now(),
      });
      const start = await flow.start();
      const callbackUrl = (await engine.fetch(start.url, { redirect: 'manual' })).headers.get('location')!;
      return flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    };
    await expect(finishWith({})).rejects.toThrow(/token_type/);
    const seen: Record<string, unknown>[] = [];
    const credentials = await finishWith({
      readTokenResponse: (body) => {
        seen.push(body);
        return { token_type: 'bearer', ...body };
      },
    });
    expect(credentials.token).toMatch(/^memo/);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.user_id).toBe(17841);
    expect(seen[0]!.token_type).toBeUndefined();
  });

  it('refreshes with rotation: onCredentialsChange gets the new refresh token, the old one then fails with AuthError', async () => {
    const { flow, start, callbackUrl, changes, live } = await connected();
    const first = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    const second = await flow.refresh(first, { id: 'u1' });
    expect(changes).toEqual([second]);
    expect(second.refresh).not.toBe(first.refresh);
    expect(live.has(first.token)).toBe(false);
    const error = await flow.refresh(first).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).message).toContain('invalid_grant');
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(first.refresh!);
  });

  it('revokes: the access token of the revoked grant stops working', async () => {
    const { flow, start, callbackUrl, live } = await connected();
    const credentials = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: start.codeVerifier });
    await flow.revoke(credentials);
    expect(live.has(credentials.token)).toBe(false);
  });

  it('maps a denied consent to AuthError, and keeps the code and verifier out of a failed exchange', async () => {
    const { flow, start } = await connected();
    const denied = `${REDIRECT}?error=access_denied&state=${start.state}`;
    await expect(flow.finish({ callbackUrl: denied, expectedState: start.state, codeVerifier: start.codeVerifier })).rejects.toSatisfy(
      (error) => AuthError.isInstance(error) && error.message.includes('access_denied'),
    );
    const code = 'made-up-code-123456';
    const error = await flow
      .finish({
        callbackUrl: `${REDIRECT}?code=${code}&state=${start.state}`,
        expectedState: start.state,
        codeVerifier: start.codeVerifier,
      })
      .catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    const shown = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain(code);
    expect(shown).not.toContain(start.codeVerifier);
  });

  it('maps a 400 other than invalid_grant to ApiCallError with the OAuth error code', async () => {
    const { flow, start, callbackUrl } = await connected();
    // A verifier of the wrong shape: the server answers invalid_request (RFC 7636 §4.4.1).
    const error = await flow.finish({ callbackUrl, expectedState: start.state, codeVerifier: 'short' }).catch((caught: unknown) => caught);
    expect(ApiCallError.isInstance(error) && [error.status, error.platformCode]).toEqual([400, 'invalid_request']);
  });

  it('names each bad option, and refuses adapters without an OAuth connect flow', () => {
    const paths = (make: () => unknown) => {
      try {
        make();
        return [];
      } catch (error) {
        return ValidationError.isInstance(error) ? error.issues.map((issue) => issue.path.join('.')) : ['not a ValidationError'];
      }
    };
    expect(paths(() => createConnectFlow(adapter(), { clientId: '', redirectUri: 'callback' }))).toEqual(['clientId', 'redirectUri']);
    expect(paths(() => createConnectFlow(adapter({ connect: undefined }), { clientId: 'a', redirectUri: REDIRECT }))).toEqual([
      'adapter.connect',
    ]);
  });

  it('registerApp and loginWithPassword refuse adapters that do not offer them, naming why', async () => {
    await expect(registerApp(adapter(), { instanceUrl: BASE, appName: 'x', redirectUri: REDIRECT })).rejects.toThrow(
      /no dynamic app registration/,
    );
    await expect(loginWithPassword(adapter(), { identifier: 'a', password: 'b' })).rejects.toThrow(/use createConnectFlow/);
  });
});

describe('defineAdapter and connect', () => {
  it('accepts an adapter without connect (spec v1.0) and checks a declared one strictly', () => {
    expect(adapter({ connect: undefined }).connect).toBeUndefined();
    expect(() => adapter({ connect: { ...connect, pkce: 'plain', extra: true } as never })).toThrow(
      // The unknown key first (it may explain what follows), then the bad value.
      /connect\.extra: unknown option[\s\S]*connect\.pkce: must be "S256"/,
    );
  });
});
