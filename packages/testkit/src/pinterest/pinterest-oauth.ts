import { createOAuthServer, type OAuthTokenSink } from '../oauth/index.js';
import { json, type SimRequest, type SimRoute } from '../simulator/index.js';
import { invalidParametersBody, pinterestOpenApi } from './pinterest-openapi.js';

/**
 * The scopes of Pinterest's OAuth 2.0 scheme (`components.securitySchemes.pinterest_oauth2` of its
 * OpenAPI document, pinterest/api-description `v5/openapi.json`).
 */
const PINTEREST_SCOPES = [
  'ads:read',
  'ads:write',
  'billing:read',
  'billing:write',
  'biz_access:read',
  'biz_access:write',
  'boards:read',
  'boards:read_secret',
  'boards:write',
  'boards:write_secret',
  'catalogs:read',
  'catalogs:write',
  'pins:read',
  'pins:read_secret',
  'pins:write',
  'pins:write_secret',
  'user_accounts:read',
  'user_accounts:write',
] as const;

const DAY_S = 86_400;

/** Options of {@link pinterestOAuthRoutes}. @internal */
export interface PinterestOAuthOptions {
  /** The app registered on the simulator (Pinterest's apps are confidential: HTTP Basic at the token endpoint). */
  client: { clientId: string; clientSecret: string };
  accessTokenTtlMs: number;
  now(): number;
  tokens: OAuthTokenSink;
  /** Refresh tokens the OAuth server did not issue (the simulator's seeded credentials) go here. */
  refreshFallback(request: SimRequest): Response;
  /** Checks a 200 answer against the document (a simulator bug throws). */
  checked(body: unknown): void;
}

/**
 * Pinterest's OAuth 2.0 authorization-code flow on the simulator
 * (https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/):
 * `GET /oauth/` (www.pinterest.com's consent page, approving at once) takes `scope` as a
 * comma-separated list, as Pinterest's own quickstart sends it (pinterest/api-quickstart
 * `nodejs/src/user_auth.js`), and no PKCE; `POST /v5/oauth/token` takes both grants with the
 * app's HTTP Basic credentials, each request held to the document's `OauthAccessTokenRequest`
 * and each answer to `OauthAccessTokenResponse` (with `response_type` naming the grant and the
 * continuous refresh token's 60-day lifetime). Pinterest revokes only system users' tokens
 * (`POST /v5/oauth/token/revoke`), so no revocation endpoint is mounted. @internal
 */
export function pinterestOAuthRoutes(options: PinterestOAuthOptions): SimRoute[] {
  const server = createOAuthServer({
    paths: { authorize: '/oauth/', token: '/v5/oauth/token', revoke: '/v5/oauth/token/revoke' },
    scopes: PINTEREST_SCOPES,
    clients: [{ ...options.client, redirectUris: 'loopback' }],
    requirePkce: false,
    refreshTokens: true,
    accessTokenTtlMs: options.accessTokenTtlMs,
    tokenType: 'bearer',
    tokenPrefix: 'pina',
    now: options.now,
    tokens: options.tokens,
    // Continuous refresh tokens live 60 days (the document's note on `POST /oauth/token`).
    extraTokenFields: (now) => ({
      refresh_token_expires_in: 60 * DAY_S,
      refresh_token_expires_at: Math.floor(now / 1000) + 60 * DAY_S,
    }),
    fallback: options.refreshFallback,
  });
  const route = (method: SimRoute['method'], path: string) =>
    server.routes.find((entry) => entry.method === method && entry.path === path)!;
  const authorize = route('GET', '/oauth/');
  const token = route('POST', '/v5/oauth/token');

  // The shared server splits scopes on spaces: hand it Pinterest's commas as spaces. A
  // space-separated list is not Pinterest's form, so it stays one (unknown) scope.
  const authorizeWithCommas = (request: SimRequest) => {
    const asked = request.searchParams.get('scope');
    if (asked === null) return authorize.handle(request);
    const searchParams = new URLSearchParams(request.searchParams);
    searchParams.set('scope', /\s/.test(asked) ? asked.replace(/\s+/g, '_') : asked.split(',').join(' '));
    return authorize.handle({ ...request, searchParams });
  };

  const tokenOnTheDocument = async (request: SimRequest): Promise<Response> => {
    const violations = pinterestOpenApi().checkRequest({
      method: 'POST',
      template: '/oauth/token',
      params: {},
      query: request.query,
      contentType: request.headers['content-type'],
      body: request.body,
      bodySize: request.bodySize,
    });
    if (violations.length > 0) return json(400, invalidParametersBody(violations));
    const form = request.body as Record<string, string>;
    // `OauthAccessTokenRequestCode` (full document) requires both; the cut document keeps only the discriminator.
    if (form.grant_type === 'authorization_code' && (!form.code || !form.redirect_uri)) {
      return json(400, { code: 1, message: 'Invalid parameters. code and redirect_uri are required for grant_type authorization_code.' });
    }
    const response = await token.handle(request);
    if (response.status !== 200) return response;
    const body = { ...((await response.json()) as Record<string, unknown>), response_type: form.grant_type };
    options.checked(body);
    return json(200, body, { 'cache-control': 'no-store' });
  };

  return [
    { method: 'GET', path: '/oauth/', handle: authorizeWithCommas },
    { method: 'POST', path: '/v5/oauth/token', handle: tokenOnTheDocument },
  ];
}
