import {
  ValidationError,
  type ConnectContext,
  type ConnectableAccount,
  type OAuthConnect,
  type TokenResponse,
} from '@smm/core/adapter-kit';
import { GRAPH_API_VERSION } from './api-version.js';
import type { GraphCredentials } from './graph-credentials.js';
import { GRAPH_HOSTS, type GraphLoginKind } from './graph-hosts.js';
import { exchangeForLongLivedToken } from './long-lived-tokens.js';

/** Input of {@link graphOAuthConnect}. */
export interface GraphOAuthConnectInput<T extends GraphCredentials> {
  kind: GraphLoginKind;
  /** Scopes asked for when the app names none (Meta calls them permissions). */
  defaultScopes: readonly string[];
  /** The app id and secret (the adapter's `appId` / `appSecret` settings): needed to trade the 1-hour token for a long-lived one. */
  appId?: string | undefined;
  appSecret?: string | undefined;
  /** Facebook only: the version in the dialog and token paths (default {@link GRAPH_API_VERSION}). */
  version?: string;
  /** Override hosts (tests point them at a simulator). */
  hosts?: { authorize?: string; codeExchange?: string; api?: string };
  /** The accounts behind the login: the Pages (`/me/accounts`), the Instagram or Threads user (`/me`). */
  listConnectableAccounts(credentials: T, context: ConnectContext): Promise<ConnectableAccount<T>[]>;
  /** Builds the stored credentials from a token (default: `{ accessToken, expiresAt, issuedAt }` as is). */
  toCredentials?(token: GraphCredentials): T;
}

/**
 * Reads Meta's code-exchange answers as RFC 6749 §5.1 ones: Threads and Instagram Login send
 * `{ access_token, user_id }` without `token_type`
 * (https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions,
 * https://developers.facebook.com/docs/instagram-platform/reference/oauth-access-token), and
 * Business Login for Instagram may nest the answer in `data[0]` with the granted `permissions`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login).
 * Tokens from these endpoints are bearer tokens, so a missing `token_type` is `bearer`.
 * `graphOAuthConnect` gives it to core as `readTokenResponse`.
 *
 * @example
 * ```ts
 * readMetaTokenAnswer({ access_token: 'THQ', user_id: 1 }); // { token_type: 'bearer', access_token: 'THQ', user_id: 1 }
 * ```
 */
export function readMetaTokenAnswer(body: Record<string, unknown>): Record<string, unknown> {
  const first = Array.isArray(body.data) && body.access_token === undefined ? body.data[0] : undefined;
  const answer = first !== null && typeof first === 'object' ? (first as Record<string, unknown>) : body;
  return typeof answer.token_type === 'string' ? answer : { token_type: 'bearer', ...answer };
}

/**
 * The connect pieces of the three Meta logins (OAuth 2.0 authorization code, no PKCE, the app
 * secret in the token request body, scopes joined by commas, no refresh token):
 * - Facebook Login: `https://www.facebook.com/<version>/dialog/oauth`, code exchange at
 *   `graph.facebook.com/<version>/oauth/access_token`
 *   (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow);
 * - Instagram Login: `https://www.instagram.com/oauth/authorize`, code exchange at
 *   `api.instagram.com/oauth/access_token`
 *   (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login);
 * - Threads: `https://threads.com/oauth/authorize`, code exchange at
 *   `graph.threads.net/oauth/access_token`
 *   (https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions).
 *
 * The code exchange yields a short-lived token (1 hour), marked `shortLived`;
 * `listConnectableAccounts` first trades it for a long-lived one (about 60 days,
 * {@link exchangeForLongLivedToken}) with the app secret (`appSecret`, or the connect settings'
 * `appSecret`), so the accounts it lists carry credentials that last.
 *
 * @example
 * ```ts
 * connect: graphOAuthConnect({
 *   kind: 'threads',
 *   appSecret: settings.appSecret,
 *   defaultScopes: ['threads_basic', 'threads_content_publish'],
 *   listConnectableAccounts: async (credentials, context) => [await threadsMe(credentials, context)],
 * }),
 * ```
 */
export function graphOAuthConnect<T extends GraphCredentials>(input: GraphOAuthConnectInput<T>): OAuthConnect<T> {
  const hosts = { ...GRAPH_HOSTS[input.kind], ...input.hosts };
  const version = input.version ?? GRAPH_API_VERSION;
  const authorizationUrl = input.kind === 'facebook' ? `${hosts.authorize}/${version}/dialog/oauth` : `${hosts.authorize}/oauth/authorize`;
  const tokenUrl =
    input.kind === 'facebook' ? `${hosts.codeExchange}/${version}/oauth/access_token` : `${hosts.codeExchange}/oauth/access_token`;
  const finish = input.toCredentials ?? ((token: GraphCredentials) => token as T);
  return {
    kind: 'oauth2',
    endpoints: () => ({ issuer: hosts.authorize, authorizationUrl, tokenUrl }),
    defaultScopes: input.defaultScopes,
    scopeSeparator: ',',
    // Meta documents no code_challenge for these flows; the app secret authenticates the app.
    pkce: 'none',
    clientAuthentication: 'client_secret_post',
    refresh: 'none',
    readTokenResponse: readMetaTokenAnswer,
    toCredentials: (tokens: TokenResponse, { now }) => {
      const stored: GraphCredentials = { accessToken: tokens.access_token, issuedAt: new Date(now).toISOString(), shortLived: true };
      if (tokens.expires_in !== undefined) stored.expiresAt = new Date(now + tokens.expires_in * 1000).toISOString();
      return finish(stored);
    },
    tokensOf: (credentials) => ({ accessToken: credentials.accessToken }),
    async listConnectableAccounts(credentials, context) {
      let login = credentials;
      if (credentials.shortLived) {
        const appSecret = input.appSecret ?? (typeof context.settings.appSecret === 'string' ? context.settings.appSecret : undefined);
        const appId = input.appId ?? (typeof context.settings.appId === 'string' ? context.settings.appId : undefined);
        if (!appSecret) {
          throw new ValidationError(`${input.kind} connect`, [
            {
              path: ['appSecret'],
              code: 'missing',
              message: `is needed to trade the 1-hour token for a long-lived one: set appSecret in the ${input.kind} adapter settings`,
            },
          ]);
        }
        const token = await exchangeForLongLivedToken(context, {
          kind: input.kind,
          accessToken: credentials.accessToken,
          appSecret,
          ...(appId ? { appId } : {}),
          ...(input.kind === 'facebook' ? { version, baseUrl: hosts.codeExchange } : { baseUrl: hosts.api }),
        });
        const long: GraphCredentials = { accessToken: token.accessToken, issuedAt: new Date(context.now()).toISOString() };
        if (token.expiresAt) long.expiresAt = token.expiresAt;
        login = finish(long);
      }
      const accounts = await input.listConnectableAccounts(login, context);
      // An account without its own credentials (a Page has its own token) takes the long-lived login's.
      return accounts.map((account) => ({ ...account, credentials: account.credentials ?? login }));
    },
  };
}
