import type { AdapterCredentialsProvider, CredentialsFactoryInput } from './current-spec.js';
import { refreshTokenGrant, type RefreshTokenEndpoint } from './refresh-token-grant.js';

/** The stored fields {@link refreshTokenBearer} reads and renews. */
export interface RefreshableCredentials {
  accessToken: string;
  refreshToken?: string | undefined;
  /** Written (ISO-8601 UTC) only when the provider is told to `storeExpiry`. */
  expiresAt?: string | undefined;
}

/** Options of {@link refreshTokenBearer}. */
export interface RefreshTokenBearerOptions<TCredentials> extends RefreshTokenEndpoint {
  /** The OAuth client that refreshes these credentials: the stored id and secret, else the adapter settings'. */
  client: (current: TCredentials) => { id: string | undefined; secret: string | undefined };
  /** Store `expiresAt` from the answer's `expires_in` (on the adapter's clock); an answer without it keeps the old one. */
  storeExpiry?: boolean;
  /** Log whether the refresh token rotated (`{ rotated }`); default true. */
  logRotation?: boolean;
}

/**
 * A credentials provider for an OAuth 2.0 bearer token that core refreshes after a 401: sends
 * `authorization: Bearer <accessToken>`; `refresh()` runs {@link refreshTokenGrant} with the
 * stored refresh token and the client, keeps the new access token (and the rotated refresh token
 * when the network sent one), logs `<platform> access token refreshed` and hands the result to
 * `saveCredentials`. `secrets()` lists the access and refresh tokens and the client secret. It
 * does not refresh ahead of an expiry — see `bearerWithRefresh` for networks that need that.
 *
 * @example
 * ```ts
 * createProvider: (input) =>
 *   refreshTokenBearer(input, {
 *     platform: 'mastodon', path: '/oauth/token', bucket: 'write', operation: 'POST /oauth/token',
 *     client: (current) => ({ id: current.clientId ?? app.clientId, secret: current.clientSecret ?? app.clientSecret }),
 *     messages: { missing: 'Mastodon refused the access token. Authorise again.', refused: 'Mastodon did not refresh the access token. Authorise again.' },
 *   }),
 * ```
 */
export function refreshTokenBearer<TCredentials extends RefreshableCredentials>(
  input: CredentialsFactoryInput<TCredentials>,
  options: RefreshTokenBearerOptions<TCredentials>,
): Required<AdapterCredentialsProvider> {
  const { http, saveCredentials, logger, clock } = input;
  const { client, storeExpiry, logRotation, ...endpoint } = options;
  let current = input.credentials;
  const secrets = () =>
    [current.accessToken, current.refreshToken, client(current).secret].filter((value): value is string => value !== undefined);
  return {
    getHeaders: () => ({ authorization: `Bearer ${current.accessToken}` }),
    secrets,
    async refresh() {
      const { id, secret } = client(current);
      const tokens = await refreshTokenGrant({
        ...endpoint,
        http,
        refreshToken: current.refreshToken,
        clientId: id,
        clientSecret: secret,
        secrets,
        ...(storeExpiry === true ? { clock } : {}),
      });
      current = { ...current, ...tokens };
      logger.info(
        `${endpoint.platform} access token refreshed`,
        logRotation === false ? {} : { rotated: tokens.refreshToken !== undefined },
      );
      await saveCredentials(current);
    },
  };
}
