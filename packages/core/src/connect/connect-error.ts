import * as oauth from 'oauth4webapi';
import { ApiCallError, AuthError, NetworkError, SmmError } from '../errors/index.js';

/**
 * @internal Turns whatever an OAuth call threw (oauth4webapi's errors, a failed fetch) into an
 * smm error: `invalid_grant` / `invalid_client` / a denied consent → `AuthError` (reconnect or
 * fix the client), other error bodies → `ApiCallError` with the OAuth `error` code as
 * `platformCode`, transport failures → `NetworkError`. `secrets` (tokens, codes, verifiers,
 * the client secret) are scrubbed from every message and body.
 *
 * @example
 * ```ts
 * try { await exchange(); } catch (error) { throw toConnectError(error, 'x', 'exchanging the code', [code, verifier]); }
 * ```
 */
export function toConnectError(error: unknown, platform: string, operation: string, secrets: readonly string[]): SmmError {
  if (SmmError.isInstance(error)) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const code = error.error;
    const body = { error: code, ...(error.error_description ? { error_description: error.error_description } : {}) };
    if (code === 'invalid_grant') {
      return new AuthError(
        `${platform} refused the grant while ${operation} (invalid_grant: the code or refresh token is expired, already used or revoked): start the connect flow again`,
        { platform, status: error.status, refreshable: false, secrets },
      );
    }
    if (code === 'invalid_client' || code === 'unauthorized_client') {
      return new AuthError(
        `${platform} refused the OAuth client while ${operation} (${code}): check clientId and clientSecret (and that the app is registered on this server)`,
        { platform, status: error.status, refreshable: false, secrets },
      );
    }
    return new ApiCallError(
      `${platform} answered ${error.status} (${code}) while ${operation}: check the request's redirectUri and scopes`,
      {
        platform,
        status: error.status,
        platformCode: code,
        body,
        isRetryable: code === 'temporarily_unavailable' || error.status >= 500,
        secrets,
      },
    );
  }
  // A 401 with WWW-Authenticate at the token endpoint: the client's authentication failed (RFC 6749 §5.2).
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new AuthError(
      `${platform} refused the OAuth client while ${operation} (status ${error.status}): check clientId and clientSecret (and that the app is registered on this server)`,
      { platform, status: error.status, refreshable: false, secrets },
    );
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new AuthError(
      `${platform} did not authorise the app (${error.error}${error.error_description ? `: ${error.error_description}` : ''}): ask the user to connect again`,
      { platform, refreshable: false, secrets },
    );
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    const status = error.cause instanceof Response ? error.cause.status : 502;
    return new ApiCallError(`${platform} sent an answer that is not a valid OAuth response while ${operation}: ${error.message}`, {
      platform,
      status,
      isRetryable: status >= 500,
      secrets,
    });
  }
  return new NetworkError(
    `${platform} could not be reached while ${operation}: ${error instanceof Error ? error.message : String(error)}`,
    {
      platform,
      cause: error,
      secrets,
    },
  );
}
