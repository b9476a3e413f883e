import { randomBytes } from 'node:crypto';
import { json, type SimRequest, type SimRoute } from '../simulator/index.js';
import { isCodeVerifier, verifierMatches } from './pkce.js';

/** A client the authorization server knows (pre-registered, or registered through an apps endpoint). */
export interface OAuthClientRecord {
  clientId: string;
  /** Present for confidential clients: they must authenticate at the token and revoke endpoints. */
  clientSecret?: string;
  /** Exact redirect URIs, or `'loopback'`: any http://127.0.0.1 / localhost / [::1] port and path (RFC 8252 §7.3). */
  redirectUris: readonly string[] | 'loopback';
  /** Scopes the client may ask for (default: every scope the server supports). */
  scopes?: readonly string[];
}

/** How the simulator's API learns about tokens this server issues and revokes. */
export interface OAuthTokenSink {
  /** An access token was issued: accept it on the API (until `expiresAtMs` when given). */
  accept(accessToken: string, expiresAtMs?: number): void;
  /** An access token was revoked or superseded: refuse it from now on. */
  forget(accessToken: string): void;
}

/** Options of {@link createOAuthServer}. */
export interface OAuthServerOptions {
  /** Where each endpoint is mounted, as the network documents it. */
  paths: { authorize: string; token: string; revoke: string };
  /** Every scope the server knows. A scope `write` also grants `write:<anything>` (Mastodon's granular scopes). */
  scopes: readonly string[];
  clients: OAuthClientRecord[];
  /** Refuse an authorization request without `code_challenge` (X requires PKCE). */
  requirePkce: boolean;
  /** Which scope earns a refresh token (`offline.access` on X); `false`: never; `true`: always. */
  refreshTokens: string | boolean;
  /** Access-token lifetime; absent: tokens do not expire (Mastodon). */
  accessTokenTtlMs?: number;
  /** `token_type` as the network spells it (`bearer`, `Bearer`). */
  tokenType: string;
  /** A prefix for the tokens issued, so a test can tell them apart. */
  tokenPrefix: string;
  now(): number;
  tokens: OAuthTokenSink;
  /** Extra fields in token responses (Mastodon's `created_at`). */
  extraTokenFields?(now: number): Record<string, unknown>;
  /** The revoke endpoint's success body (RFC 7009 says only "200"; X answers `{ "revoked": true }`). */
  revokeBody?: unknown;
  /** The client id parameter's name in authorize, token and revoke requests (default `client_id`; TikTok's is `client_key`). */
  clientIdParam?: string;
  /** What separates scopes in `scope` parameters and token responses (default a space, RFC 6749 §3.3; TikTok uses `,`). */
  scopeSeparator?: string;
  /** Token requests this server does not recognise (a refresh token it did not issue) go here: the simulator's own handler. */
  fallback?(request: SimRequest): Response | Promise<Response>;
}

/** An authorization server simulator: its routes, and its clients (add more with `addClient`). */
export interface OAuthServer {
  routes: SimRoute[];
  addClient(client: OAuthClientRecord): void;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string | undefined;
  scopes: string[];
  challenge?: { value: string; method: 'S256' | 'plain' };
  expiresAtMs: number;
  used: boolean;
  /** Tokens issued from this code: revoked when the code is presented twice (RFC 6749 §4.1.2). */
  issued: string[];
}

interface RefreshGrant {
  clientId: string;
  scopes: string[];
  accessToken: string;
}

// RFC 6749 §4.1.2: codes live briefly; 10 minutes is the recommended maximum.
const CODE_TTL_MS = 10 * 60_000;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}) =>
  json(status, { error, error_description: description }, { ...NO_STORE, ...headers });

function isLoopbackUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

function form(request: SimRequest): Record<string, string> | undefined {
  if (!(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return undefined;
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

// RFC 6749 §2.3.1: HTTP Basic with the id and secret each form-urlencoded first.
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = /^Basic (.+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const unform = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
  return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
}

/**
 * A simulated OAuth 2.0 authorization server (RFC 6749 authorization-code and refresh-token
 * grants, RFC 7636 PKCE, RFC 7009 revocation), mounted by a network simulator at the paths the
 * network documents. `GET authorize` approves at once as the simulator's account and
 * redirects to `redirect_uri` with `code` and `state`; `POST token` checks the client, the
 * one-time code, its `redirect_uri` and the PKCE verifier, and rotates refresh tokens (the old
 * one then fails with `invalid_grant`); `POST revoke` drops a token (and the access token of a
 * revoked refresh token). Requests are in the simulator's `requests` log.
 *
 * @example
 * ```ts
 * const server = createOAuthServer({
 *   paths: { authorize: '/oauth/authorize', token: '/oauth/token', revoke: '/oauth/revoke' },
 *   scopes: ['read', 'write'], clients: [{ clientId: 'app', redirectUris: 'loopback' }],
 *   requirePkce: true, refreshTokens: true, tokenType: 'Bearer', tokenPrefix: 'chirp', now: () => clock.now(),
 *   tokens: { accept: (token) => valid.add(token), forget: (token) => valid.delete(token) },
 * });
 * const routes = [...server.routes, ...apiRoutes];
 * ```
 */
export function createOAuthServer(options: OAuthServerOptions): OAuthServer {
  const clients = new Map(options.clients.map((client) => [client.clientId, client]));
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, RefreshGrant>();
  // Refresh tokens this server issued and later rotated out or revoked: always invalid_grant, never the fallback.
  const retired = new Set<string>();
  const idParam = options.clientIdParam ?? 'client_id';
  const separator = options.scopeSeparator ?? ' ';
  const scopeList = (value: string | null | undefined) => (value ?? '').split(separator).filter(Boolean);
  const secret = (kind: string) => `${options.tokenPrefix}-${kind}-${randomBytes(18).toString('base64url')}`;

  const redirectAllowed = (client: OAuthClientRecord, uri: string) =>
    client.redirectUris === 'loopback' ? isLoopbackUri(uri) : client.redirectUris.includes(uri);

  const scopeAllowed = (granted: readonly string[], scope: string) =>
    granted.includes(scope) || (scope.includes(':') && granted.includes(scope.slice(0, scope.indexOf(':'))));

  function authorize(request: SimRequest): Response {
    const query = request.searchParams;
    const client = clients.get(query.get(idParam) ?? '');
    const redirectUri = query.get('redirect_uri') ?? undefined;
    // RFC 6749 §4.1.2.1: with an unknown client or a bad redirect URI, never redirect.
    if (!client) return oauthError(400, 'invalid_client', `Unknown ${idParam}: register the app first.`);
    const target =
      redirectUri ?? (client.redirectUris !== 'loopback' && client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
    if (!target || !redirectAllowed(client, target)) {
      return oauthError(400, 'invalid_request', 'redirect_uri is missing or not registered for this client.');
    }
    const state = query.get('state');
    const back = (params: Record<string, string>) => {
      const url = new URL(target);
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      if (state !== null) url.searchParams.set('state', state);
      return new Response(null, { status: 302, headers: { location: url.href, ...NO_STORE } });
    };
    if (query.get('response_type') !== 'code') {
      return back({ error: 'unsupported_response_type', error_description: 'response_type must be "code".' });
    }
    const scopes = scopeList(query.get('scope'));
    const allowed = client.scopes ?? options.scopes;
    const unknown = scopes.filter((scope) => !scopeAllowed(allowed, scope) || !scopeAllowed(options.scopes, scope));
    if (scopes.length === 0 || unknown.length > 0) {
      return back({ error: 'invalid_scope', error_description: `Unknown or unregistered scope: ${unknown.join(' ') || '(none asked)'}.` });
    }
    const challenge = query.get('code_challenge');
    const method = query.get('code_challenge_method') ?? 'plain'; // RFC 7636 §4.3: plain when absent
    if (challenge === null && options.requirePkce) {
      return back({ error: 'invalid_request', error_description: 'code_challenge is required (PKCE).' });
    }
    if (challenge !== null && ((method !== 'S256' && method !== 'plain') || !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge))) {
      return back({ error: 'invalid_request', error_description: 'code_challenge or code_challenge_method is invalid (RFC 7636 §4.2).' });
    }
    const code = secret('code');
    codes.set(code, {
      clientId: client.clientId,
      redirectUri,
      scopes,
      ...(challenge !== null ? { challenge: { value: challenge, method: method as 'S256' | 'plain' } } : {}),
      expiresAtMs: options.now() + CODE_TTL_MS,
      used: false,
      issued: [],
    });
    return back({ code });
  }

  // RFC 6749 §2.3 / §3.2.1: confidential clients authenticate; public ones name themselves.
  function authenticate(request: SimRequest, body: Record<string, string>): OAuthClientRecord | Response {
    const basic = basicCredentials(request.headers.authorization);
    const clientId = basic?.id ?? body[idParam];
    const presented = basic?.secret ?? body.client_secret;
    const client = clientId === undefined ? undefined : clients.get(clientId);
    const challenge: Record<string, string> = basic ? { 'www-authenticate': 'Basic realm="oauth"' } : {};
    if (!client) return oauthError(basic ? 401 : 400, 'invalid_client', 'Client authentication failed.', challenge);
    if (client.clientSecret !== undefined && presented !== client.clientSecret) {
      return oauthError(basic ? 401 : 400, 'invalid_client', 'Client authentication failed.', challenge);
    }
    return client;
  }

  function issue(clientId: string, scopes: string[]): { body: Record<string, unknown>; accessToken: string } {
    const now = options.now();
    const accessToken = secret('access');
    options.tokens.accept(accessToken, options.accessTokenTtlMs === undefined ? undefined : now + options.accessTokenTtlMs);
    const wantsRefresh = typeof options.refreshTokens === 'string' ? scopes.includes(options.refreshTokens) : options.refreshTokens;
    let refreshToken: string | undefined;
    if (wantsRefresh) {
      refreshToken = secret('refresh');
      refreshTokens.set(refreshToken, { clientId, scopes, accessToken });
    }
    return {
      accessToken,
      body: {
        access_token: accessToken,
        token_type: options.tokenType,
        ...(options.accessTokenTtlMs === undefined ? {} : { expires_in: Math.round(options.accessTokenTtlMs / 1000) }),
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        scope: scopes.join(separator),
        ...options.extraTokenFields?.(now),
      },
    };
  }

  async function token(request: SimRequest): Promise<Response> {
    const body = form(request);
    if (!body) return oauthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
    if (
      body.grant_type === 'refresh_token' &&
      body.refresh_token &&
      !refreshTokens.has(body.refresh_token) &&
      !retired.has(body.refresh_token) &&
      options.fallback
    ) {
      return options.fallback(request);
    }
    const client = authenticate(request, body);
    if (client instanceof Response) return client;
    if (body.grant_type === 'authorization_code') {
      const grant = body.code === undefined ? undefined : codes.get(body.code);
      if (!grant || grant.clientId !== client.clientId || grant.expiresAtMs <= options.now()) {
        return oauthError(400, 'invalid_grant', 'The authorization code is invalid or expired.');
      }
      if (grant.used) {
        for (const issued of grant.issued) options.tokens.forget(issued);
        return oauthError(400, 'invalid_grant', 'The authorization code was already used.');
      }
      if (grant.redirectUri !== undefined && body.redirect_uri !== grant.redirectUri) {
        return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
      }
      if (grant.challenge) {
        const verifier = body.code_verifier;
        if (verifier === undefined || !isCodeVerifier(verifier))
          return oauthError(400, 'invalid_request', 'code_verifier is missing or malformed.');
        if (!verifierMatches(grant.challenge.method, grant.challenge.value, verifier)) {
          return oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge.');
        }
      } else if (body.code_verifier !== undefined) {
        return oauthError(400, 'invalid_grant', 'code_verifier sent for a code issued without code_challenge.');
      }
      grant.used = true;
      const issued = issue(client.clientId, grant.scopes);
      grant.issued.push(issued.accessToken);
      return json(200, issued.body, NO_STORE);
    }
    if (body.grant_type === 'refresh_token') {
      const grant = body.refresh_token === undefined ? undefined : refreshTokens.get(body.refresh_token);
      if (!grant || grant.clientId !== client.clientId)
        return oauthError(400, 'invalid_grant', 'The refresh token is invalid, expired or revoked.');
      const asked = scopeList(body.scope);
      if (asked.some((scope) => !grant.scopes.includes(scope))) {
        return oauthError(400, 'invalid_scope', 'A refresh may not ask for scopes beyond the original grant.');
      }
      // Rotation: the presented refresh token and its access token stop working.
      refreshTokens.delete(body.refresh_token!);
      retired.add(body.refresh_token!);
      options.tokens.forget(grant.accessToken);
      return json(200, issue(client.clientId, asked.length > 0 ? asked : grant.scopes).body, NO_STORE);
    }
    return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
  }

  function revoke(request: SimRequest): Response {
    const body = form(request);
    if (!body || !body.token) return oauthError(400, 'invalid_request', 'token is required (application/x-www-form-urlencoded).');
    const client = authenticate(request, body);
    if (client instanceof Response) return client;
    const refresh = refreshTokens.get(body.token);
    if (refresh && refresh.clientId === client.clientId) {
      refreshTokens.delete(body.token);
      retired.add(body.token);
      options.tokens.forget(refresh.accessToken);
    } else {
      options.tokens.forget(body.token);
    }
    // RFC 7009 §2.2: an unknown or already-invalid token is a success too.
    return json(200, options.revokeBody ?? {}, NO_STORE);
  }

  return {
    routes: [
      { method: 'GET', path: options.paths.authorize, handle: authorize },
      { method: 'POST', path: options.paths.token, handle: token },
      { method: 'POST', path: options.paths.revoke, handle: revoke },
    ],
    addClient: (client) => void clients.set(client.clientId, client),
  };
}
