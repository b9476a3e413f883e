import { bearerTokensOf, connectRequest, tokensFromAnswer, type OAuthConnect } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { envelope } from './api-schemas.js';
import type { TikTokCredentials } from './credentials.js';

// https://developers.tiktok.com/doc/login-kit-web: the consent page is on www.tiktok.com; the
// token and revoke endpoints on open.tiktokapis.com
// (https://developers.tiktok.com/doc/oauth-user-access-token-management).
const TIKTOK_API_URL = 'https://open.tiktokapis.com';
const TIKTOK_AUTHORIZE_URL = 'https://www.tiktok.com/v2/auth/authorize/';

/** Scopes asked for by default: the user's profile, direct posts, inbox uploads, and the video list (https://developers.tiktok.com/doc/tiktok-api-scopes). */
export const TIKTOK_DEFAULT_SCOPES = ['user.info.basic', 'video.publish', 'video.upload', 'video.list'] as const;

// https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info: `username` needs user.info.profile, so it may be missing.
const USER_FIELDS = 'open_id,union_id,avatar_url,display_name,username';
const UserSchema = envelope(
  z.object({ user: z.object({ open_id: z.string().min(1), display_name: z.string().optional(), username: z.string().optional() }) }),
);

/**
 * TikTok's connect flow, Login Kit for Web (https://developers.tiktok.com/doc/login-kit-web):
 * authorize at `https://www.tiktok.com/v2/auth/authorize/` with `client_key` (TikTok's name for
 * the client id) and comma-separated scopes; exchange, refresh and revoke at
 * `https://open.tiktokapis.com/v2/oauth/token/` and `/v2/oauth/revoke/`, form-encoded with
 * `client_key` and `client_secret` in the body
 * (https://developers.tiktok.com/doc/oauth-user-access-token-management). No PKCE: that page
 * requires `code_verifier` "for mobile and desktop app only", and Login Kit for Web documents no
 * `code_challenge`; `state` still guards the callback. Refresh tokens rotate. The account behind
 * a login is the creator (`open_id`, handle from `GET /v2/user/info/`). With another `baseUrl`
 * (a simulator or proxy), all of them live under it. @internal
 */
export function tiktokConnect(config: { baseUrl: string }): OAuthConnect<TikTokCredentials> {
  const base = config.baseUrl.replace(/\/+$/, '');
  return {
    kind: 'oauth2',
    endpoints: () => ({
      authorizationUrl: base === TIKTOK_API_URL ? TIKTOK_AUTHORIZE_URL : `${base}/v2/auth/authorize/`,
      tokenUrl: `${base}/v2/oauth/token/`,
      revocationUrl: `${base}/v2/oauth/revoke/`,
    }),
    defaultScopes: TIKTOK_DEFAULT_SCOPES,
    pkce: 'none',
    clientAuthentication: 'client_secret_post',
    refresh: 'rotating',
    clientIdParameter: 'client_key',
    scopeSeparator: ',',
    // The client key travels with the account so the adapter can refresh; the secret stays in the adapter settings.
    toCredentials: (tokens, { clientId }) => ({
      ...tokensFromAnswer(tokens),
      clientKey: clientId,
    }),
    tokensOf: bearerTokensOf,
    async listConnectableAccounts(credentials, context) {
      const answer = await connectRequest(context, {
        platform: 'tiktok',
        what: 'GET /v2/user/info/',
        url: `${base}/v2/user/info/?fields=${USER_FIELDS}`,
        bearer: credentials.accessToken,
        schema: UserSchema,
      });
      const user = answer.data.user;
      return [
        {
          id: user.open_id,
          ...(user.username ? { handle: user.username } : {}),
          ...(user.display_name ? { displayName: user.display_name } : {}),
          kind: 'user',
        },
      ];
    },
  };
}
