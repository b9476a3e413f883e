/**
 * A simulated OAuth 2.0 authorization server (RFC 6749, RFC 7636 PKCE, RFC 7009 revocation)
 * that network simulators mount at their documented paths, with the X and Mastodon profiles
 * (and Mastodon's `POST /api/v1/apps`). Build one for your own network's simulator with
 * `createOAuthServer`.
 *
 * @packageDocumentation
 */
export {
  createOAuthServer,
  type OAuthClientRecord,
  type OAuthServer,
  type OAuthServerOptions,
  type OAuthTokenSink,
} from './oauth-server.js';
export { mastodonAppsRoute } from './mastodon-apps.js';
export { X_SIMULATOR_CLIENT_ID, X_SIMULATOR_CONFIDENTIAL_CLIENT, mastodonOAuthRoutes, xOAuthRoutes } from './network-oauth.js';
export { isCodeVerifier, s256Challenge, verifierMatches } from './pkce.js';
