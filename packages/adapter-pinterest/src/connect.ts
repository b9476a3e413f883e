import { bearerTokensOf, connectRequest, tokensFromAnswer, type OAuthConnect } from '@smm/core/adapter-kit';
import { AccountSchema } from './api-schemas.js';
import type { PinterestCredentials } from './credentials.js';

/**
 * Scopes asked for by default: the account (`user_accounts:read`), its boards and sections
 * (`boards:read`, to list them at connect time), and its pins (`pins:read`, `pins:write`).
 * Add `boards:read_secret` and `pins:write_secret` to pin to secret boards.
 * https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/ (scopes)
 */
export const PINTEREST_DEFAULT_SCOPES = ['boards:read', 'pins:read', 'pins:write', 'user_accounts:read'] as const;

/**
 * Pinterest's connect flow, OAuth 2.0 authorization code
 * (https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/):
 * authorize at `https://www.pinterest.com/oauth/` with comma-separated scopes, exchange and
 * refresh at `POST /v5/oauth/token` with the app id and secret as HTTP Basic. Pinterest documents
 * no PKCE for this flow, and its revoke endpoint (`POST /v5/oauth/token/revoke`) takes only
 * system users' tokens, so there is no revocation URL. Apps activated on or after 25 September
 * 2025 get continuous refresh tokens (replaced on each refresh) without `continuous_refresh`
 * (the note on `POST /oauth/token` in Pinterest's OpenAPI document). The account behind the
 * login is `GET /v5/user_account`. @internal
 */
export function pinterestConnect(config: { authBaseUrl: string; apiBaseUrl: string }): OAuthConnect<PinterestCredentials> {
  return {
    kind: 'oauth2',
    endpoints: () => ({
      issuer: config.authBaseUrl,
      authorizationUrl: `${config.authBaseUrl}/oauth/`,
      tokenUrl: `${config.apiBaseUrl}/v5/oauth/token`,
    }),
    defaultScopes: PINTEREST_DEFAULT_SCOPES,
    scopeSeparator: ',',
    // Pinterest's web flow authenticates the app with its secret and documents no code_challenge.
    pkce: 'none',
    clientAuthentication: 'client_secret_basic',
    refresh: 'rotating',
    toCredentials: (tokens, { clientId, clientSecret, now }) => ({
      ...tokensFromAnswer(tokens, { expiresFrom: now }),
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
    }),
    tokensOf: bearerTokensOf,
    async listConnectableAccounts(credentials, context) {
      // https://developers.pinterest.com/docs/api/v5/user_account-get
      const me = await connectRequest(context, {
        platform: 'pinterest',
        what: 'GET /v5/user_account',
        url: `${config.apiBaseUrl}/v5/user_account`,
        bearer: credentials.accessToken,
        schema: AccountSchema.required({ id: true, username: true }),
      });
      const businessName = (me as { business_name?: unknown }).business_name;
      return [
        {
          id: me.id,
          handle: me.username,
          ...(typeof businessName === 'string' && businessName ? { displayName: businessName } : {}),
          kind: 'user',
        },
      ];
    },
  };
}
