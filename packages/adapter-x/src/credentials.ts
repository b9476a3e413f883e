import { z } from 'zod';
import { parseApiResponse, type AdapterCredentials, type CredentialsFactoryInput } from '@smm/core/adapter-kit';
import { AuthError, bearerWithRefresh } from '@smm/core/adapter-kit';
import type { CredentialsProvider } from '@smm/core/adapter-kit';
import { InstantSchema, tokensFromAnswer } from '@smm/core/adapter-kit';
import { XTokenSchema } from './api-schemas.js';
import { X_BUCKETS } from './rate-limits.js';

/**
 * What an app stores per X account: an OAuth 2.0 user-context token (Authorization Code with
 * PKCE, scopes `tweet.read tweet.write users.read offline.access`, plus `media.write` for
 * uploads), its refresh token (needs `offline.access`), and optionally the OAuth client id
 * and when the access token expires. X access tokens last 2 hours and every refresh rotates
 * the refresh token: store what `onCredentialsChange` hands back.
 *
 * @example
 * ```ts
 * XCredentialsSchema.parse({ accessToken: 'token', refreshToken: 'refresh', expiresAt: '2026-01-05T11:00:00.000Z' });
 * ```
 */
export const XCredentialsSchema = z.object({
  accessToken: z.string().min(1, { error: 'must be the OAuth 2.0 access token (not empty)' }),
  refreshToken: z.string().min(1, { error: 'must be the refresh token (not empty), or left out' }).optional(),
  /** The OAuth 2.0 client the tokens were issued to (else the adapter's `clientId` setting). */
  clientId: z.string().min(1, { error: 'must be the OAuth 2.0 client id (not empty), or left out' }).optional(),
  /** When the access token expires (ISO-8601 UTC): the adapter refreshes a minute before. */
  expiresAt: InstantSchema.optional(),
});

/** Stored credentials of one X account. */
export interface XCredentials extends z.infer<typeof XCredentialsSchema> {}

// Refresh this long before the announced expiry, so a request never leaves with a dying token.
const EXPIRY_MARGIN_MS = 60_000;

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** Builds one account's credentials provider (OAuth 2.0 refresh with rotation). @internal */
export function createXCredentialsProvider(
  input: CredentialsFactoryInput<XCredentials>,
  app: { clientId?: string | undefined; clientSecret?: string | undefined },
): CredentialsProvider {
  const { http, clock, saveCredentials, logger } = input;
  let current = input.credentials;
  const secrets = () =>
    [current.accessToken, current.refreshToken, app.clientSecret].filter((value): value is string => value !== undefined);

  // Why a refresh is wanted. X answers a bare 401 "Unauthorized" whether the token expired or was
  // revoked or is invalid, so the stored expiry is what tells them apart.
  type Reason = 'expired' | 'rejected-live' | 'rejected';
  const reasonAfterRejection = (): Reason => {
    if (current.expiresAt === undefined) return 'rejected';
    return clock.now() >= Date.parse(current.expiresAt) - EXPIRY_MARGIN_MS ? 'expired' : 'rejected-live';
  };

  async function refreshOnce(reason: Reason): Promise<void> {
    const clientId = current.clientId ?? app.clientId;
    if (!current.refreshToken || !clientId) {
      const fix = current.refreshToken
        ? "set the adapter's clientId setting (or clientId in the credentials)"
        : 'the credentials have no refreshToken (ask for the offline.access scope)';
      throw new AuthError(
        reason === 'rejected-live'
          ? 'X rejected the access token as invalid or revoked (it had not expired) and it cannot be refreshed: reconnect the account to get a new token'
          : reason === 'rejected'
            ? `X rejected the access token (invalid, revoked or expired) and it cannot be refreshed: ${fix}, or reconnect the account`
            : `X access token expired and cannot be refreshed: ${fix}, or reconnect the account`,
        { platform: 'x', refreshable: false, secrets: secrets() },
      );
    }
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refreshToken, client_id: clientId });
    const basic = app.clientSecret ? base64(`${clientId}:${app.clientSecret}`) : undefined;
    try {
      const response = await http.request({
        method: 'POST',
        path: '/2/oauth2/token',
        body: form,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(basic ? { authorization: `Basic ${basic}` } : {}),
        },
        bucket: X_BUCKETS.auth,
      });
      const tokens = parseApiResponse(XTokenSchema, response, 'x', 'POST /2/oauth2/token');
      const { expiresAt: _old, ...rest } = current;
      // X rotates the refresh token; keep the old one only if X sent none.
      current = { ...rest, refreshToken: current.refreshToken, ...tokensFromAnswer(tokens, { expiresFrom: clock.now() }) };
    } catch (error) {
      throw new AuthError(
        reason === 'expired'
          ? 'X access token expired and X refused to refresh it (the refresh token is invalid or revoked): reconnect the account'
          : 'X rejected the access token as invalid or revoked, and refused to refresh it (the refresh token is revoked too, e.g. the user removed the app at x.com/settings/connected_apps): reconnect the account',
        {
          platform: 'x',
          refreshable: false,
          cause: error,
          secrets: [...secrets(), form.toString(), ...(basic ? [basic] : [])],
        },
      );
    }
    logger.info('x access token refreshed', { accountId: input.account.id });
    await saveCredentials(current);
  }

  // One refresh at a time: X rotates the refresh token, so a second concurrent refresh would
  // present a token that is already spent (bearerWithRefresh shares the one in flight).
  return bearerWithRefresh({
    tokens: () => current,
    clock,
    refreshOnce: (why) => refreshOnce(why === 'expiring' ? 'expired' : reasonAfterRejection()),
    secrets,
    marginMs: EXPIRY_MARGIN_MS,
  });
}

/**
 * The X adapter's credentials: the schema and the provider factory. @internal
 */
export function xCredentials(app: { clientId?: string | undefined; clientSecret?: string | undefined }): AdapterCredentials<XCredentials> {
  return { schema: XCredentialsSchema, createProvider: (input) => createXCredentialsProvider(input, app) };
}
