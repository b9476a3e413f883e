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
 * presenting the spent one. `refreshOnce` obtains and stores the new tokens; it is told why:
 * `'expiring'` (the stored expiry is near) or `'rejected'` (the network answered 401), so its
 * error can say whether an expired or a rejected token could not be renewed.
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
  refreshOnce: (why: 'expiring' | 'rejected') => Promise<void>;
  secrets: () => readonly string[];
  marginMs?: number;
}): Required<CredentialsProvider> {
  const margin = options.marginMs ?? 60_000;
  let refreshing: Promise<void> | undefined;
  const refresh = (why: 'expiring' | 'rejected') => {
    refreshing ??= options.refreshOnce(why).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
  return {
    async getHeaders() {
      const tokens = options.tokens();
      const expiresAt = tokens.expiresAt === undefined ? undefined : Date.parse(tokens.expiresAt);
      if (expiresAt !== undefined && options.clock.now() >= expiresAt - margin && tokens.refreshToken) await refresh('expiring');
      return { authorization: `Bearer ${options.tokens().accessToken}` };
    },
    // Core calls this after the network answered 401.
    refresh: () => refresh('rejected'),
    secrets: options.secrets,
  };
}
