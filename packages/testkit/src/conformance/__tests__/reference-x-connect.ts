import { connectRequest, type OAuthConnect } from '@smm/core/adapter-kit';
import { z } from 'zod';

type Credentials = { accessToken: string; refreshToken: string; clientId: string };

const MeSchema = z.object({ data: z.object({ id: z.string(), username: z.string() }) });

/** A correct OAuth connect for the X simulator, written from X's docs for the kit's self-test. */
export function referenceXConnect(baseUrl: string, options: { listNothing?: boolean } = {}): OAuthConnect<Credentials> {
  return {
    kind: 'oauth2',
    endpoints: () => ({
      authorizationUrl: `${baseUrl}/i/oauth2/authorize`,
      tokenUrl: `${baseUrl}/2/oauth2/token`,
      revocationUrl: `${baseUrl}/2/oauth2/revoke`,
    }),
    defaultScopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access'],
    pkce: 'S256',
    clientAuthentication: 'client_secret_basic',
    refresh: 'rotating',
    toCredentials: (tokens, { clientId }) => ({ accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? '', clientId }),
    tokensOf: (credentials) => credentials,
    async listConnectableAccounts(credentials, context) {
      if (options.listNothing) return [];
      const me = await connectRequest(context, {
        platform: 'x',
        what: 'GET /2/users/me',
        url: `${baseUrl}/2/users/me`,
        bearer: credentials.accessToken,
        schema: MeSchema,
      });
      return [{ id: me.data.id, handle: me.data.username, kind: 'user' }];
    },
  };
}
