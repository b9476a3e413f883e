import { createOAuthServer, type OAuthTokenSink } from '../oauth/index.js';
import type { SimRequest, SimRoute } from '../simulator/index.js';

/**
 * A public client (no secret checked) pre-registered on the TikTok simulator for flows that hold
 * no secret, such as the conformance suite's connect checks. Real TikTok always wants the
 * `client_secret` (https://developers.tiktok.com/doc/oauth-user-access-token-management).
 */
export const TIKTOK_SIMULATOR_PUBLIC_CLIENT_KEY = 'sim-public-client-key';

// https://developers.tiktok.com/doc/tiktok-api-scopes: the Login Kit scopes the simulator knows.
const TIKTOK_SCOPES = ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list', 'video.publish', 'video.upload'];

/**
 * TikTok's Login Kit for the TikTok simulator (https://developers.tiktok.com/doc/login-kit-web,
 * https://developers.tiktok.com/doc/oauth-user-access-token-management): authorize at
 * `/v2/auth/authorize/` (on www.tiktok.com in production) with `client_key` and comma-separated
 * scopes, PKCE optional (TikTok asks for it from desktop and mobile apps only); token and revoke
 * at `/v2/oauth/token/` and `/v2/oauth/revoke/` form-encoded with `client_key` and
 * `client_secret`; answers carry `open_id`, `refresh_expires_in`, comma-separated `scope` and
 * `token_type: "Bearer"`; refresh tokens rotate. Refresh tokens it did not issue go to `fallback`.
 *
 * @example
 * ```ts
 * const routes = [...tiktokOAuthRoutes({ client, openId, now, accessTokenTtlMs, tokens, fallback }), ...apiRoutes];
 * ```
 */
export function tiktokOAuthRoutes(options: {
  /** The confidential client (the app's client key and secret). */
  client: { clientKey: string; clientSecret: string };
  openId: string;
  now(): number;
  accessTokenTtlMs: number;
  tokens: OAuthTokenSink;
  fallback(request: SimRequest): Response | Promise<Response>;
}): SimRoute[] {
  return createOAuthServer({
    paths: { authorize: '/v2/auth/authorize', token: '/v2/oauth/token', revoke: '/v2/oauth/revoke' },
    clientIdParam: 'client_key',
    scopeSeparator: ',',
    scopes: TIKTOK_SCOPES,
    clients: [
      { clientId: options.client.clientKey, clientSecret: options.client.clientSecret, redirectUris: 'loopback' },
      { clientId: TIKTOK_SIMULATOR_PUBLIC_CLIENT_KEY, redirectUris: 'loopback' },
    ],
    requirePkce: false,
    refreshTokens: true,
    accessTokenTtlMs: options.accessTokenTtlMs,
    tokenType: 'Bearer',
    tokenPrefix: 'act.oauth',
    now: options.now,
    tokens: options.tokens,
    // Refresh tokens last 365 days on the token page (180 on the newer one): the simulator says 180, as its refresh route does.
    extraTokenFields: () => ({ open_id: options.openId, refresh_expires_in: 180 * 86_400 }),
    fallback: options.fallback,
  }).routes;
}
