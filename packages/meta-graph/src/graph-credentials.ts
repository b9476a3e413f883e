import { AuthError, SmmError, type AdapterHttpClient, type CredentialsProvider } from '@smm/core/adapter-kit';
import { z } from 'zod';
import type { GraphLoginKind } from './graph-hosts.js';
import { refreshLongLivedToken } from './long-lived-tokens.js';

/**
 * What an app stores for a Graph account: the (long-lived user, Page, Instagram or Threads)
 * access token, when it expires (absent: never, e.g. a Page token from a long-lived user token),
 * and when it was issued or last refreshed (Instagram and Threads refuse to refresh a token
 * younger than 24 hours).
 */
export const GraphCredentialsSchema = z.object({
  accessToken: z.string().min(1, { error: 'must be the access token Meta issued (connect the account to get one)' }),
  expiresAt: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant such as 2026-02-01T00:00:00Z' }).optional(),
  issuedAt: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant such as 2026-01-01T00:00:00Z' }).optional(),
  /** Set by the connect flow on the 1-hour token of the code exchange, until it is traded for a long-lived one. */
  shortLived: z.boolean().optional(),
});

/** Stored credentials of a Graph account (see {@link GraphCredentialsSchema}). */
export interface GraphCredentials {
  accessToken: string;
  expiresAt?: string | undefined;
  issuedAt?: string | undefined;
  shortLived?: boolean | undefined;
}

const DAY_MS = 86_400_000;

/** Input of {@link graphCredentialsProvider}: what core's credentials factory receives, plus the login kind. */
export interface GraphCredentialsProviderInput<T extends GraphCredentials> {
  kind: GraphLoginKind;
  credentials: T;
  /** The account's client without credentials (core's factory input `http`). */
  http: AdapterHttpClient;
  clock: { now(): number };
  saveCredentials(next: T): Promise<void>;
  /** Refresh this long before `expiresAt` (default 7 days: a 60-day token is renewed well ahead). */
  refreshBeforeMs?: number;
  /** The token host when it is not the adapter's base URL (tests, a proxy). */
  baseUrl?: string;
}

/**
 * A credentials provider for Graph tokens: sends `Authorization: Bearer <token>` (Graph accepts
 * the token in this header as well as in `access_token`; it keeps tokens out of URLs and logs),
 * and, for Instagram-Login and Threads tokens, extends a long-lived token `refreshBeforeMs`
 * before it expires — only once it is at least 24 hours old, as both APIs require
 * (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/,
 * https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token) — then
 * hands the new token to `saveCredentials`. One refresh runs at a time. Facebook tokens have no
 * refresh: when Meta refuses one (code 190) the error says to connect the account again.
 * `secrets()` returns the current token so core scrubs it from every error.
 *
 * @example
 * ```ts
 * credentials: {
 *   schema: GraphCredentialsSchema,
 *   createProvider: (input) => graphCredentialsProvider({ kind: 'threads', ...input }),
 * }
 * ```
 */
export function graphCredentialsProvider<T extends GraphCredentials>(
  input: GraphCredentialsProviderInput<T>,
): Required<CredentialsProvider> {
  let current = input.credentials;
  const refreshBeforeMs = input.refreshBeforeMs ?? 7 * DAY_MS;
  const canRefresh = input.kind !== 'facebook';
  let refreshing: Promise<void> | undefined;

  const oldEnough = (now: number) => current.issuedAt === undefined || now - Date.parse(current.issuedAt) >= DAY_MS;

  const refreshOnce = async (why: 'expiring' | 'rejected') => {
    const now = input.clock.now();
    try {
      const token = await refreshLongLivedToken(
        { http: input.http, now: () => input.clock.now() },
        { kind: input.kind, accessToken: current.accessToken, ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}) },
      );
      const next = { ...current, accessToken: token.accessToken, issuedAt: new Date(now).toISOString() } as T;
      if (token.expiresAt) next.expiresAt = token.expiresAt;
      else delete next.expiresAt;
      current = next;
      await input.saveCredentials(next);
    } catch (error) {
      if (why === 'expiring' && !(Date.parse(current.expiresAt ?? '') <= now)) {
        // The old token still works: keep using it and try again on a later request.
        return;
      }
      throw new AuthError(
        `${input.kind} refused to renew the ${why === 'expiring' ? 'expired' : 'rejected'} access token: connect the account again`,
        { platform: input.kind, refreshable: false, cause: SmmError.isInstance(error) ? error : undefined, secrets: [current.accessToken] },
      );
    }
  };
  const refresh = (why: 'expiring' | 'rejected') => {
    refreshing ??= refreshOnce(why).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  return {
    async getHeaders() {
      const now = input.clock.now();
      if (canRefresh && current.expiresAt !== undefined && now >= Date.parse(current.expiresAt) - refreshBeforeMs && oldEnough(now)) {
        await refresh('expiring');
      }
      return { authorization: `Bearer ${current.accessToken}` };
    },
    async refresh() {
      if (!canRefresh || !oldEnough(input.clock.now())) {
        throw new AuthError(`${input.kind} refused the access token: connect the account again`, {
          platform: input.kind,
          refreshable: false,
          secrets: [current.accessToken],
        });
      }
      await refresh('rejected');
    },
    secrets: () => [current.accessToken],
  };
}
