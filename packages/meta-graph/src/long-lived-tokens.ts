import { AuthError, connectRequest, parseApiResponse, type AdapterHttpClient, type ConnectContext } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { GRAPH_API_VERSION } from './api-version.js';
import { GRAPH_HOSTS, type GraphLoginKind } from './graph-hosts.js';

/** A long-lived token as Meta hands it out. */
export interface LongLivedToken {
  accessToken: string;
  /** Seconds until it expires, when Meta says (about 60 days). */
  expiresIn?: number;
  /** ISO-8601 UTC, from `expiresIn` and the clock. */
  expiresAt?: string;
}

/** How a token call is made: an adapter's HTTP client (credentials factory), or a connect context (connect flow). */
export type TokenTransport = { http: AdapterHttpClient; now(): number } | ConnectContext;

const TokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().nonnegative().optional(),
});

async function tokenCall(
  via: TokenTransport,
  input: { kind: GraphLoginKind; url: string; params: Record<string, string>; what: string; secrets: string[] },
): Promise<LongLivedToken> {
  let body: z.output<typeof TokenSchema>;
  if ('http' in via) {
    // Token calls are safe to repeat (a GET that exchanges or extends the same token).
    const response = await via.http.request({ path: input.url, searchParams: input.params, idempotent: true });
    body = parseApiResponse(TokenSchema, response, input.kind, input.what);
  } else {
    const url = new URL(input.url);
    for (const [name, value] of Object.entries(input.params)) url.searchParams.set(name, value);
    body = await connectRequest(via, {
      platform: input.kind,
      what: input.what,
      url: url.href,
      schema: TokenSchema,
      secrets: input.secrets,
    });
  }
  const token: LongLivedToken = { accessToken: body.access_token };
  if (body.expires_in !== undefined && body.expires_in > 0) {
    token.expiresIn = body.expires_in;
    token.expiresAt = new Date(via.now() + body.expires_in * 1000).toISOString();
  }
  return token;
}

/** Input of {@link exchangeForLongLivedToken}. */
export interface ExchangeTokenInput {
  kind: GraphLoginKind;
  /** The short-lived token from the code exchange. */
  accessToken: string;
  /** The app secret (all three logins require it). */
  appSecret: string;
  /** The app id (Facebook Login only: `client_id`). */
  appId?: string;
  /** Default: the kind's API host ({@link GRAPH_HOSTS}). */
  baseUrl?: string;
  /** Facebook only: the Graph version in the path (default {@link GRAPH_API_VERSION}). */
  version?: string;
}

/**
 * Exchanges a short-lived user token for a long-lived one (about 60 days):
 * - Facebook: `GET /<version>/oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token`
 *   (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived);
 * - Instagram Login: `GET graph.instagram.com/access_token?grant_type=ig_exchange_token&client_secret&access_token`
 *   (https://developers.facebook.com/documentation/instagram-platform/reference/access_token);
 * - Threads: `GET graph.threads.net/access_token?grant_type=th_exchange_token&client_secret&access_token`
 *   (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/).
 *
 * @example
 * ```ts
 * const long = await exchangeForLongLivedToken(context, { kind: 'threads', accessToken: short, appSecret });
 * // { accessToken: 'THQVJ…', expiresIn: 5183944, expiresAt: '…' }
 * ```
 */
export async function exchangeForLongLivedToken(via: TokenTransport, input: ExchangeTokenInput): Promise<LongLivedToken> {
  const base = (input.baseUrl ?? GRAPH_HOSTS[input.kind].api).replace(/\/+$/, '');
  const secrets = [input.accessToken, input.appSecret];
  if (input.kind === 'facebook') {
    if (!input.appId)
      throw new AuthError('Facebook long-lived token exchange needs the app id: set appId in the adapter settings', {
        platform: 'facebook',
        refreshable: false,
      });
    return tokenCall(via, {
      kind: 'facebook',
      url: `${base}/${input.version ?? GRAPH_API_VERSION}/oauth/access_token`,
      params: {
        grant_type: 'fb_exchange_token',
        client_id: input.appId,
        client_secret: input.appSecret,
        fb_exchange_token: input.accessToken,
      },
      what: 'GET /oauth/access_token (fb_exchange_token)',
      secrets,
    });
  }
  const grant = input.kind === 'instagram' ? 'ig_exchange_token' : 'th_exchange_token';
  return tokenCall(via, {
    kind: input.kind,
    url: `${base}/access_token`,
    params: { grant_type: grant, client_secret: input.appSecret, access_token: input.accessToken },
    what: `GET /access_token (${grant})`,
    secrets,
  });
}

/**
 * Extends a long-lived token by another 60 days (the token itself is the credential):
 * - Instagram Login: `GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token`
 *   (the token must be at least 24 hours old and unexpired;
 *   https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token);
 * - Threads: `GET graph.threads.net/refresh_access_token?grant_type=th_refresh_token&access_token`
 *   (at least 24 hours old and unexpired; https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/).
 * Facebook has no refresh: a long-lived user token is renewed by logging in again, so this
 * throws a non-refreshable `AuthError` for `kind: 'facebook'`.
 *
 * @example
 * ```ts
 * const next = await refreshLongLivedToken({ http, now: clock.now }, { kind: 'instagram', accessToken: current.accessToken });
 * ```
 */
export async function refreshLongLivedToken(
  via: TokenTransport,
  input: { kind: GraphLoginKind; accessToken: string; baseUrl?: string },
): Promise<LongLivedToken> {
  if (input.kind === 'facebook') {
    throw new AuthError('Facebook long-lived tokens cannot be refreshed through the API: connect the account again (Facebook Login)', {
      platform: 'facebook',
      refreshable: false,
    });
  }
  const base = (input.baseUrl ?? GRAPH_HOSTS[input.kind].api).replace(/\/+$/, '');
  const grant = input.kind === 'instagram' ? 'ig_refresh_token' : 'th_refresh_token';
  return tokenCall(via, {
    kind: input.kind,
    url: `${base}/refresh_access_token`,
    params: { grant_type: grant, access_token: input.accessToken },
    what: `GET /refresh_access_token (${grant})`,
    secrets: [input.accessToken],
  });
}
