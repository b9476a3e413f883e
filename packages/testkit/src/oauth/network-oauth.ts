import type { SimRequest, SimRoute } from '../simulator/index.js';
import { mastodonAppsRoute } from './mastodon-apps.js';
import { createOAuthServer, type OAuthTokenSink } from './oauth-server.js';

/**
 * The OAuth 2.0 client pre-registered on the X simulator: a public client (PKCE, no secret)
 * whose redirect URIs may be any loopback address. Its id is also `sim.credentials.clientId`.
 */
export const X_SIMULATOR_CLIENT_ID = 'smm-test-client';
/** A confidential client on the X simulator (HTTP Basic at the token endpoint). */
export const X_SIMULATOR_CONFIDENTIAL_CLIENT = { clientId: 'smm-test-confidential', clientSecret: 'smm-test-confidential-secret' } as const;

// docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code: the scopes X documents.
const X_SCOPES = [
  'tweet.read',
  'tweet.write',
  'tweet.moderate.write',
  'users.email',
  'users.read',
  'follows.read',
  'follows.write',
  'offline.access',
  'space.read',
  'mute.read',
  'mute.write',
  'like.read',
  'like.write',
  'list.read',
  'list.write',
  'block.read',
  'block.write',
  'bookmark.read',
  'bookmark.write',
  'media.write',
  'dm.read',
  'dm.write',
];

// docs.joinmastodon.org/api/oauth-scopes: the top-level scopes (granular `read:*`/`write:*` are granted by their parent).
const MASTODON_SCOPES = ['read', 'write', 'follow', 'push', 'profile', 'admin:read', 'admin:write'];

/**
 * X's OAuth 2.0 endpoints for the X simulator (Authorization Code with PKCE, required; refresh
 * tokens with `offline.access`, rotated on every refresh; 2-hour access tokens): authorize at
 * `/i/oauth2/authorize` (on x.com in production), token and revoke at `/2/oauth2/token` and
 * `/2/oauth2/revoke`. Refresh tokens it did not issue go to `fallback` (the simulator's own).
 *
 * @example
 * ```ts
 * const routes = [...xOAuthRoutes({ now: () => clock.now(), accessTokenTtlMs: ttl, tokens, fallback: token }), ...apiRoutes];
 * ```
 */
export function xOAuthRoutes(options: {
  now(): number;
  accessTokenTtlMs: number;
  tokens: OAuthTokenSink;
  fallback?(request: SimRequest): Response | Promise<Response>;
}): SimRoute[] {
  return createOAuthServer({
    paths: { authorize: '/i/oauth2/authorize', token: '/2/oauth2/token', revoke: '/2/oauth2/revoke' },
    scopes: X_SCOPES,
    clients: [
      { clientId: X_SIMULATOR_CLIENT_ID, redirectUris: 'loopback' },
      { ...X_SIMULATOR_CONFIDENTIAL_CLIENT, redirectUris: 'loopback' },
    ],
    requirePkce: true,
    refreshTokens: 'offline.access',
    accessTokenTtlMs: options.accessTokenTtlMs,
    tokenType: 'bearer',
    tokenPrefix: 'x-oauth',
    now: options.now,
    tokens: options.tokens,
    revokeBody: { revoked: true },
    ...(options.fallback ? { fallback: options.fallback } : {}),
  }).routes;
}

/**
 * A Mastodon instance's OAuth endpoints for the Mastodon simulator (docs.joinmastodon.org/methods/oauth):
 * `POST /api/v1/apps` registers a client, `GET /oauth/authorize` (PKCE S256 optional, as since
 * Mastodon 4.3), `POST /oauth/token` (client_secret_post; tokens that do not expire and no
 * refresh token, `token_type: "Bearer"`, `created_at`), `POST /oauth/revoke`.
 *
 * @example
 * ```ts
 * const routes = [...mastodonOAuthRoutes({ now: () => clock.now(), tokens }), ...apiRoutes];
 * ```
 */
export function mastodonOAuthRoutes(options: { now(): number; tokens: OAuthTokenSink }): SimRoute[] {
  const server = createOAuthServer({
    paths: { authorize: '/oauth/authorize', token: '/oauth/token', revoke: '/oauth/revoke' },
    scopes: MASTODON_SCOPES,
    clients: [],
    requirePkce: false,
    refreshTokens: false,
    tokenType: 'Bearer',
    tokenPrefix: 'mastodon-oauth',
    now: options.now,
    tokens: options.tokens,
    extraTokenFields: (now) => ({ created_at: Math.floor(now / 1000) }),
  });
  return [mastodonAppsRoute({ register: (client) => server.addClient(client), knownScopes: MASTODON_SCOPES }), ...server.routes];
}
