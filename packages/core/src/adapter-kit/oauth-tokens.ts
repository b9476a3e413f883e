/** An OAuth 2.0 token answer (RFC 6749 §5.1), as far as storing it goes. */
export interface OAuthTokenAnswer {
  access_token: string;
  refresh_token?: string | undefined;
  /** Seconds the access token lives, counted from when the answer was issued. */
  expires_in?: number | undefined;
}

/** The tokens as credentials keep them. */
export interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  /** ISO-8601 UTC instant the access token expires. */
  expiresAt?: string;
}

/**
 * The tokens of an OAuth 2.0 token answer as credentials store them: `accessToken`,
 * `refreshToken` when the answer has one, and — when `expiresFrom` (the instant the answer
 * arrived, epoch milliseconds) is given and the answer has `expires_in` — `expiresAt`, that
 * instant plus `expires_in` seconds. Leave `expiresFrom` out for credentials that keep no
 * expiry (their token is refreshed when the network refuses it).
 *
 * @example
 * ```ts
 * tokensFromAnswer({ access_token: 'a', refresh_token: 'r', expires_in: 7200 }, { expiresFrom: Date.parse('2026-03-01T10:00:00Z') });
 * // { accessToken: 'a', refreshToken: 'r', expiresAt: '2026-03-01T12:00:00.000Z' }
 * ```
 */
export function tokensFromAnswer(answer: OAuthTokenAnswer, options: { expiresFrom?: number } = {}): StoredTokens {
  const tokens: StoredTokens = { accessToken: answer.access_token };
  if (answer.refresh_token !== undefined && answer.refresh_token !== '') tokens.refreshToken = answer.refresh_token;
  if (options.expiresFrom !== undefined && answer.expires_in !== undefined) {
    tokens.expiresAt = new Date(options.expiresFrom + answer.expires_in * 1000).toISOString();
  }
  return tokens;
}

/**
 * `tokensOf` for credentials that keep their tokens as `accessToken` and `refreshToken`: the
 * two tokens, for the connect flow to revoke or refresh.
 *
 * @example
 * ```ts
 * const connect: OAuthConnect<MyCredentials> = { …, tokensOf: bearerTokensOf };
 * ```
 */
export function bearerTokensOf(credentials: { accessToken: string; refreshToken?: string | undefined }): {
  accessToken: string;
  refreshToken?: string;
} {
  return credentials.refreshToken
    ? { accessToken: credentials.accessToken, refreshToken: credentials.refreshToken }
    : { accessToken: credentials.accessToken };
}
