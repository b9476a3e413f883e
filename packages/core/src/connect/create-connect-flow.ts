import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import type {
  Adapter,
  AdapterV1ConnectableAccount,
  AdapterV1ConnectContext,
  AdapterV1ConnectSettings,
  AdapterV1OAuthConnect,
  AdapterV1TokenResponse,
} from '../adapter-spec/index.js';
import { ValidationError } from '../errors/index.js';
import { parseWithSchema, toValidationIssues } from '../model/index.js';
import { toConnectError } from './connect-error.js';
import { oauthClientParts } from './oauth-client.js';

/** Options of {@link createConnectFlow}. */
export interface ConnectFlowOptions<TCredentials = unknown> {
  /** Per-connection settings the adapter reads (e.g. `{ instanceUrl }` for Mastodon). */
  settings?: AdapterV1ConnectSettings;
  /** Your app's OAuth client id (for Mastodon: from `registerApp`, per instance). */
  clientId: string;
  /** Only for confidential clients (a server that keeps it secret); leave out for public clients. */
  clientSecret?: string;
  /** Where the network sends the browser back; must be registered with the network exactly. */
  redirectUri: string;
  /** Scopes to ask for (default: the adapter's `connect.defaultScopes`). */
  scopes?: readonly string[];
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default: `Date.now`. */
  now?: () => number;
  /**
   * Called with the new credentials after every refresh: store them, replacing the old ones
   * (the network may have rotated the refresh token, and the old one then stops working).
   * The same function as `createClient({ onCredentialsChange })`, so one store serves both.
   */
  onCredentialsChange?: (account: { platform: string; id?: string }, credentials: TCredentials) => void | Promise<void>;
}

/** What {@link ConnectFlow.start} returns: send the user to `url`; keep `state` and `codeVerifier` for the callback. */
export interface ConnectStart {
  url: string;
  /** Store it (session or signed cookie) and hand it back to `finish` as `expectedState`. */
  state: string;
  /** Store it server-side with the state, never in the URL; hand it back to `finish`. */
  codeVerifier: string;
}

/** What {@link ConnectFlow.finish} takes: the callback URL (or its `code` and `state`), and what `start` gave you. */
export interface ConnectFinishInput {
  /** The full URL the browser came back to (query has `code` and `state`, or `error`). */
  callbackUrl?: string | URL;
  /** Instead of `callbackUrl`: the `code` query parameter. */
  code?: string;
  /** Instead of `callbackUrl`: the `state` query parameter. */
  state?: string;
  /** The `state` that `start` returned for this user. */
  expectedState: string;
  /** The `codeVerifier` that `start` returned for this user. */
  codeVerifier: string;
}

/** One adapter's OAuth 2.0 connect flow for one app: see {@link createConnectFlow}. */
export interface ConnectFlow<TCredentials = unknown> {
  /** Builds the authorization URL with a fresh `state` and PKCE `code_verifier` (S256). */
  start(): Promise<ConnectStart>;
  /** Checks the callback's `state`, exchanges the code (sending the verifier), returns the credentials to store. */
  finish(input: ConnectFinishInput, signal?: AbortSignal): Promise<TCredentials>;
  /** Refreshes the access token; a rotated refresh token replaces the old one; reported to `onCredentialsChange`. */
  refresh(credentials: TCredentials, account?: { id?: string }, signal?: AbortSignal): Promise<TCredentials>;
  /** Revokes the refresh token and the access token (RFC 7009). */
  revoke(credentials: TCredentials, signal?: AbortSignal): Promise<void>;
  /** The accounts behind the login (the user, or their Pages, organisations, channels). */
  listAccounts(credentials: TCredentials, signal?: AbortSignal): Promise<AdapterV1ConnectableAccount<TCredentials>[]>;
}

const OptionsSchema = z.strictObject({
  settings: z.record(z.string(), z.unknown()).optional(),
  clientId: z.string().min(1, { error: "must be your app's OAuth client id (not empty)" }),
  clientSecret: z.string().min(1, { error: 'must be the client secret (not empty), or left out for a public client' }).optional(),
  redirectUri: z.url({ error: 'must be the absolute redirect URI registered with the network, e.g. http://127.0.0.1:8080/callback' }),
  scopes: z.array(z.string().min(1, { error: 'must not be empty' })).optional(),
  fetch: z.custom<typeof fetch>((value) => typeof value === 'function', { error: 'must be a fetch function' }).optional(),
  now: z.custom<() => number>((value) => typeof value === 'function', { error: 'must be a function returning epoch ms' }).optional(),
  onCredentialsChange: z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function').optional(),
});

/** @internal The adapter's OAuth connect member, or a ValidationError saying why there is none. */
export function oauthConnectOf(adapter: Adapter): AdapterV1OAuthConnect {
  const connect = adapter.connect;
  if (connect?.kind !== 'oauth2') {
    const why = connect
      ? `it connects with kind "${connect.kind}" (use loginWithPassword)`
      : 'it declares no connect flow (spec v1.1 `connect`)';
    throw new ValidationError(`connect flow of "${adapter.platform}"`, [
      { path: ['adapter', 'connect'], code: 'no_oauth_connect', message: `${adapter.platform} has no OAuth 2.0 connect flow: ${why}` },
    ]);
  }
  return connect;
}

/**
 * Creates the OAuth 2.0 authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636 S256) for
 * one adapter, built on oauth4webapi: `start` → redirect the user → `finish` on your callback →
 * store the credentials. Your app keeps `state` and `codeVerifier` between `start` and
 * `finish` (in the user's server-side session): `finish` refuses a callback whose `state`
 * differs, before any token request. See docs/connecting-accounts.md.
 *
 * @throws ValidationError naming the option when an option is wrong, or when the adapter has no OAuth connect flow.
 * @example
 * ```ts
 * const flow = createConnectFlow(createXAdapter(), { clientId: process.env.X_CLIENT_ID!, redirectUri: 'https://app.example/callback/x' });
 * const { url, state, codeVerifier } = await flow.start();
 * session.save({ state, codeVerifier }); // then redirect the browser to `url`
 * // … on the callback:
 * const credentials = await flow.finish({ callbackUrl: request.url, expectedState: session.state, codeVerifier: session.codeVerifier });
 * const [account] = await flow.listAccounts(credentials);
 * ```
 */
export function createConnectFlow<TCredentials = unknown>(
  adapter: Adapter,
  options: ConnectFlowOptions<TCredentials>,
): ConnectFlow<TCredentials> {
  const connect = oauthConnectOf(adapter) as AdapterV1OAuthConnect<TCredentials>;
  const parsed = parseWithSchema(OptionsSchema, options, `createConnectFlow options for "${adapter.platform}"`);
  const settings: AdapterV1ConnectSettings = parsed.settings ?? {};
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const endpoints = connect.endpoints(settings);
  const app = { clientId: parsed.clientId, clientSecret: parsed.clientSecret };
  const parts = oauthClientParts(connect as AdapterV1OAuthConnect, endpoints, app, fetchImpl);
  const platform = adapter.platform;
  const context = (signal?: AbortSignal): AdapterV1ConnectContext => ({ fetch: fetchImpl, now, settings, ...(signal ? { signal } : {}) });
  const appSecrets = app.clientSecret ? [app.clientSecret] : [];

  // The credentials a flow hands out pass the adapter's own schema, so the client accepts them.
  function checked(credentials: TCredentials): TCredentials {
    const result = adapter.credentials.schema.safeParse(credentials);
    if (!result.success)
      throw new ValidationError(`credentials built by ${platform}'s connect flow`, toValidationIssues(result.error.issues));
    return result.data as TCredentials;
  }

  function credentialsFrom(tokens: AdapterV1TokenResponse): TCredentials {
    return checked(
      connect.toCredentials(tokens, {
        clientId: app.clientId,
        ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
        now: now(),
      }),
    );
  }

  return {
    async start() {
      const state = oauth.generateRandomState();
      const codeVerifier = oauth.generateRandomCodeVerifier();
      const url = new URL(endpoints.authorizationUrl);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set(connect.clientIdParameter ?? 'client_id', app.clientId);
      url.searchParams.set('redirect_uri', parsed.redirectUri);
      url.searchParams.set('scope', (parsed.scopes ?? connect.defaultScopes).join(connect.scopeSeparator ?? ' '));
      url.searchParams.set('state', state);
      if (connect.pkce === 'S256') {
        url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
        url.searchParams.set('code_challenge_method', 'S256');
      }
      return { url: url.href, state, codeVerifier };
    },

    async finish(input, signal) {
      const params = callbackParameters(input, platform);
      const secrets = [...appSecrets, input.codeVerifier, params.get('code') ?? ''].filter(Boolean);
      // Compared here, before oauth4webapi, so a forged callback gets a precise error and never reaches the token endpoint.
      if (params.get('state') !== input.expectedState) {
        throw new ValidationError(`OAuth callback for ${platform}`, [
          {
            path: ['state'],
            code: 'state_mismatch',
            message:
              "does not match expectedState (a forged, stale or other user's callback): no token was requested; start the connect flow again with a fresh state",
          },
        ]);
      }
      try {
        const validated = oauth.validateAuthResponse(parts.as, parts.client, params, input.expectedState);
        const response = await oauth.authorizationCodeGrantRequest(
          parts.as,
          parts.client,
          parts.clientAuth,
          validated,
          parsed.redirectUri,
          connect.pkce === 'S256' ? input.codeVerifier : oauth.nopkce,
          parts.requestOptions(signal),
        );
        const tokens = await oauth.processAuthorizationCodeResponse(parts.as, parts.client, response);
        return credentialsFrom(tokens as AdapterV1TokenResponse);
      } catch (error) {
        throw toConnectError(error, platform, 'exchanging the authorization code', secrets);
      }
    },

    async refresh(credentials, account, signal) {
      const { accessToken, refreshToken } = connect.tokensOf(credentials);
      if (!refreshToken) {
        throw new ValidationError(`credentials to refresh for ${platform}`, [
          {
            path: ['refreshToken'],
            code: 'no_refresh_token',
            message: `is missing: ${platform} issued none (ask for offline access), so reconnect the account instead`,
          },
        ]);
      }
      const secrets = [...appSecrets, accessToken, refreshToken];
      let next: TCredentials;
      try {
        const response = await oauth.refreshTokenGrantRequest(
          parts.as,
          parts.client,
          parts.clientAuth,
          refreshToken,
          parts.requestOptions(signal),
        );
        const tokens = (await oauth.processRefreshTokenResponse(parts.as, parts.client, response)) as AdapterV1TokenResponse;
        // RFC 6749 §6: a server that does not rotate sends no new refresh token; the old one stays valid.
        next = credentialsFrom({ ...tokens, refresh_token: tokens.refresh_token ?? refreshToken });
      } catch (error) {
        throw toConnectError(error, platform, 'refreshing the access token', secrets);
      }
      await options.onCredentialsChange?.({ platform, ...(account?.id ? { id: account.id } : {}) }, next);
      return next;
    },

    async revoke(credentials, signal) {
      if (!endpoints.revocationUrl) return;
      const { accessToken, refreshToken } = connect.tokensOf(credentials);
      const tokens = [refreshToken, accessToken].filter((token): token is string => Boolean(token));
      try {
        // The refresh token first: RFC 7009 §2.1 lets a server drop the access tokens of that grant with it.
        for (const token of tokens) {
          const response = await oauth.revocationRequest(parts.as, parts.client, parts.clientAuth, token, parts.requestOptions(signal));
          await oauth.processRevocationResponse(response);
        }
      } catch (error) {
        throw toConnectError(error, platform, 'revoking the tokens', [...appSecrets, ...tokens]);
      }
    },

    listAccounts(credentials, signal) {
      return connect.listConnectableAccounts(credentials, context(signal));
    },
  };
}

function callbackParameters(input: ConnectFinishInput, platform: string): URLSearchParams {
  if (input.callbackUrl !== undefined) return new URL(input.callbackUrl).searchParams;
  if (input.code === undefined) {
    throw new ValidationError(`OAuth callback for ${platform}`, [
      { path: ['callbackUrl'], code: 'missing', message: 'give the callback URL the browser came back to, or its code and state' },
    ]);
  }
  return new URLSearchParams({ code: input.code, ...(input.state === undefined ? {} : { state: input.state }) });
}
