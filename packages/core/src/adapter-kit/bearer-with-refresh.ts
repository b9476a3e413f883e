import type { CredentialsProvider } from '../http/index.js';

/** The token fields {@link bearerWithRefresh} reads, each time, from the adapter's current credentials. */
export interface BearerTokens {
  accessToken: string;
  refreshToken?: string | undefined;
  /** ISO-8601 UTC: refreshed `marginMs` before this. */
  expiresAt?: string | undefined;
}

/**
 * A credentials provider for OAuth 2.0 bearer tokens that can be refreshed: sends
 * `authorization: Bearer <accessToken>`, refreshes `marginMs` (default 1 min) before `expiresAt`
 * when there is a refresh token, and runs one refresh at a time — a network that replaces the
 * refresh token on every refresh (X, Pinterest) would refuse a second concurrent refresh
 * presenting the spent one. `refreshOnce` obtains and stores the new tokens.
 *
 * @example
 * ```ts
 * let current = input.credentials;
 * return bearerWithRefresh({ tokens: () => current, clock, refreshOnce: async () => { current = await exchange(current); }, secrets: () => [current.accessToken] });
 * ```
 */
export function bearerWithRefresh(options: {
  tokens: () => BearerTokens;
  clock: { now(): number };
  refreshOnce: () => Promise<void>;
  secrets: () => readonly string[];
  marginMs?: number;
}): Required<CredentialsProvider> {
  const margin = options.marginMs ?? 60_000;
  let refreshing: Promise<void> | undefined;
  const refresh = () => {
    refreshing ??= options.refreshOnce().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
  return {
    async getHeaders() {
      const tokens = options.tokens();
      const expiresAt = tokens.expiresAt === undefined ? undefined : Date.parse(tokens.expiresAt);
      if (expiresAt !== undefined && options.clock.now() >= expiresAt - margin && tokens.refreshToken) await refresh();
      return { authorization: `Bearer ${options.tokens().accessToken}` };
    },
    refresh,
    secrets: options.secrets,
  };
}
