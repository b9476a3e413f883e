import {
  bearerTokensOf,
  connectRequest,
  tokensFromAnswer,
  ValidationError,
  type ConnectSettings,
  type OAuthConnect,
} from '@smm/core/adapter-kit';
import { z } from 'zod';
import { AccountSchema } from './api-schemas.js';
import type { MastodonCredentials } from './credentials.js';

/** Scopes asked for by default: read, and write statuses and media (docs.joinmastodon.org/api/oauth-scopes). */
export const MASTODON_DEFAULT_SCOPES = ['read', 'write:statuses', 'write:media'] as const;

const AppSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1).optional() });

/**
 * Mastodon's connect flow (docs.joinmastodon.org/methods/oauth, /methods/apps): register the
 * app on the user's instance (`POST /api/v1/apps`, once per instance), authorize at
 * `/oauth/authorize` with PKCE S256 (Mastodon 4.3+; older servers ignore it), exchange and
 * revoke at `/oauth/token` and `/oauth/revoke` with the client id and secret in the body.
 * Tokens do not expire and come without a refresh token. The instance is
 * `settings.instanceUrl`, else the adapter's `baseUrl`. The account behind a login is the
 * user (`GET /api/v1/accounts/verify_credentials`). @internal
 */
export function mastodonConnect(config: { baseUrl: string }): OAuthConnect<MastodonCredentials> {
  const instance = (settings: ConnectSettings) => {
    const url = settings.instanceUrl ?? config.baseUrl;
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new ValidationError('Mastodon connect settings', [
        {
          path: ['settings', 'instanceUrl'],
          code: 'invalid_url',
          message: 'must be the instance as an absolute http(s) URL, such as https://mastodon.social',
        },
      ]);
    }
    return url.replace(/\/+$/, '');
  };
  return {
    kind: 'oauth2',
    endpoints: (settings) => {
      const base = instance(settings);
      return {
        issuer: base,
        authorizationUrl: `${base}/oauth/authorize`,
        tokenUrl: `${base}/oauth/token`,
        revocationUrl: `${base}/oauth/revoke`,
      };
    },
    defaultScopes: MASTODON_DEFAULT_SCOPES,
    pkce: 'S256',
    clientAuthentication: 'client_secret_post',
    refresh: 'none',
    // The client is per instance, so it travels with the account's credentials.
    toCredentials: (tokens, { clientId, clientSecret }) => ({
      ...tokensFromAnswer(tokens),
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
    }),
    tokensOf: bearerTokensOf,
    async registerApp(input, context) {
      const app = await connectRequest(context, {
        platform: 'mastodon',
        what: 'POST /api/v1/apps',
        method: 'POST',
        url: `${instance(context.settings)}/api/v1/apps`,
        json: {
          client_name: input.appName,
          redirect_uris: [input.redirectUri],
          scopes: input.scopes.join(' '),
          ...(input.website ? { website: input.website } : {}),
        },
        schema: AppSchema,
      });
      return { clientId: app.client_id, ...(app.client_secret ? { clientSecret: app.client_secret } : {}) };
    },
    async listConnectableAccounts(credentials, context) {
      const me = await connectRequest(context, {
        platform: 'mastodon',
        what: 'GET /api/v1/accounts/verify_credentials',
        url: `${instance(context.settings)}/api/v1/accounts/verify_credentials`,
        bearer: credentials.accessToken,
        schema: AccountSchema,
      });
      return [{ id: me.id, handle: me.acct, ...(me.display_name ? { displayName: me.display_name } : {}), kind: 'user' }];
    },
  };
}
