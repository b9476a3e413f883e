import { bearerTokensOf, connectRequest, tokensFromAnswer, type OAuthConnect } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { XUserSchema } from './api-schemas.js';
import type { XCredentials } from './credentials.js';
import { X_API_URL } from './settings.js';

// docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token: the consent page is on
// x.com, the token and revoke endpoints on api.x.com.
const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';

/** Scopes asked for by default: read and write posts, read the user, upload media, and a refresh token (`offline.access`). */
export const X_DEFAULT_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'] as const;

const MeSchema = z.object({ data: XUserSchema });

/**
 * X's connect flow (OAuth 2.0 Authorization Code with PKCE, docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code):
 * authorize at `https://x.com/i/oauth2/authorize`, token and revoke at `https://api.x.com/2/oauth2/token|revoke`;
 * confidential clients authenticate with HTTP Basic; access tokens last 2 hours and every
 * refresh rotates the refresh token. With another `baseUrl` (a simulator or proxy), all three
 * live under it. The account behind a login is the user (`GET /2/users/me`). @internal
 */
export function xConnect(config: { baseUrl: string }): OAuthConnect<XCredentials> {
  const base = config.baseUrl.replace(/\/+$/, '');
  return {
    kind: 'oauth2',
    endpoints: () => ({
      issuer: 'https://x.com',
      authorizationUrl: base === X_API_URL ? X_AUTHORIZE_URL : `${base}/i/oauth2/authorize`,
      tokenUrl: `${base}/2/oauth2/token`,
      revocationUrl: `${base}/2/oauth2/revoke`,
    }),
    defaultScopes: X_DEFAULT_SCOPES,
    pkce: 'S256',
    clientAuthentication: 'client_secret_basic',
    refresh: 'rotating',
    toCredentials: (tokens, { clientId, now }) => ({ ...tokensFromAnswer(tokens, { expiresFrom: now }), clientId }),
    tokensOf: bearerTokensOf,
    async listConnectableAccounts(credentials, context) {
      const me = await connectRequest(context, {
        platform: 'x',
        what: 'GET /2/users/me',
        url: `${base}/2/users/me`,
        bearer: credentials.accessToken,
        schema: MeSchema,
      });
      return [{ id: me.data.id, handle: me.data.username, ...(me.data.name ? { displayName: me.data.name } : {}), kind: 'user' }];
    },
  };
}
