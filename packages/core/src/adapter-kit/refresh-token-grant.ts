import { z } from 'zod';
import { AuthError } from '../errors/index.js';
import type { AdapterHttpClient } from './current-spec.js';
import { tokensFromAnswer } from './oauth-tokens.js';
import { parseApiResponse } from './parse-api-response.js';

/** Where and how one network takes the refresh-token grant; what {@link refreshTokenGrant} needs besides the tokens. */
export interface RefreshTokenEndpoint {
  /** The network id, for the errors. */
  platform: string;
  /** The token endpoint: a path on the adapter's base URL, or an absolute URL. */
  path: string;
  /** The rate-limit bucket of the token call. */
  bucket: string;
  /** What the call is called in a parse error, e.g. `'POST /oauth/token'`. */
  operation: string;
  /** The form field naming the client: `client_id` (RFC 6749, the default) or e.g. TikTok's `client_key`. */
  clientIdField?: string;
  /** Whether the grant needs the client secret too (TikTok); else it is sent only when known. */
  requireClientSecret?: boolean;
  /** Extra request headers, e.g. an explicit form content type. */
  headers?: Record<string, string>;
  /** The `AuthError` messages, each with the network's "authorise again" hint. */
  messages: {
    /** No refresh token or client (id, or secret when required) to refresh with. */
    missing: string;
    /** The network refused the refresh, or its answer was not a token. */
    refused: string;
  };
}

/** The tokens and client that {@link refreshTokenGrant} sends. */
export interface RefreshTokenGrantOptions extends RefreshTokenEndpoint {
  /** The adapter's credential-less client (`CredentialsFactoryInput.http`). */
  http: Pick<AdapterHttpClient, 'request'>;
  refreshToken: string | undefined;
  clientId: string | undefined;
  clientSecret?: string | undefined;
  /** Every token and secret held (read when the refresh fails), scrubbed from the error. */
  secrets: () => readonly string[];
  /** When given, `expires_in` is read and the new token's `expiresAt` computed on this clock. */
  clock?: { now(): number };
}

/** What a refresh brought: the new access token, the rotated refresh token when the network sent one, the expiry when asked for. */
export interface RefreshedTokens {
  accessToken: string;
  refreshToken?: string;
  /** ISO-8601 UTC: only when a `clock` was given and the answer had `expires_in`. */
  expiresAt?: string;
}

// RFC 6749 §5.1: the successful answer; other fields (token_type, scope…) are not needed.
const TokenSchema = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1).optional() });
const TokenWithExpirySchema = TokenSchema.extend({ expires_in: z.number().optional() });

/**
 * The OAuth 2.0 refresh-token grant (RFC 6749 §6): `POST` to the token endpoint with the form
 * `grant_type=refresh_token&refresh_token=…&client_id=…[&client_secret=…]`, the answer parsed,
 * the new tokens returned for the caller to store. Throws `AuthError` (`refreshable: false`):
 * `messages.missing` (status 401) when there is no refresh token or client id (or secret, when
 * required), and `messages.refused` when the call fails or its answer is not a token — with
 * the failure as `cause` and `secrets` scrubbed, so no token shows in the error.
 *
 * @example
 * ```ts
 * const tokens = await refreshTokenGrant({
 *   http, platform: 'mastodon', path: '/oauth/token', bucket: 'write', operation: 'POST /oauth/token',
 *   refreshToken: current.refreshToken, clientId: app.clientId, clientSecret: app.clientSecret,
 *   secrets: () => [current.accessToken], messages: { missing: 'No refresh token: authorise again.', refused: 'Refresh refused: authorise again.' },
 * });
 * current = { ...current, accessToken: tokens.accessToken, ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}) };
 * ```
 */
export async function refreshTokenGrant(options: RefreshTokenGrantOptions): Promise<RefreshedTokens> {
  const { refreshToken, clientId, clientSecret, platform } = options;
  if (refreshToken === undefined || clientId === undefined || (options.requireClientSecret === true && clientSecret === undefined)) {
    throw new AuthError(options.messages.missing, { platform, status: 401, refreshable: false });
  }
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    [options.clientIdField ?? 'client_id']: clientId,
  });
  if (clientSecret !== undefined) form.set('client_secret', clientSecret);
  let token: z.infer<typeof TokenWithExpirySchema>;
  try {
    const response = await options.http.request({
      method: 'POST',
      path: options.path,
      body: form,
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      bucket: options.bucket,
    });
    token = parseApiResponse(options.clock === undefined ? TokenSchema : TokenWithExpirySchema, response, platform, options.operation);
  } catch (error) {
    throw new AuthError(options.messages.refused, { platform, refreshable: false, cause: error, secrets: options.secrets() });
  }
  return options.clock === undefined ? tokensFromAnswer(token) : tokensFromAnswer(token, { expiresFrom: options.clock.now() });
}
